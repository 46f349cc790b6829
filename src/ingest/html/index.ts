export { htmlFragmentToText, nodeToText } from './blocks.js';
export { declaredCharset } from './charset.js';
export { parseDocument, readHtmlDocument, readHtmlMetadata, type HtmlInput, type HtmlMetadata } from './document.js';
export { datesInText } from './publish-date.js';
export { htmlReader } from './reader.js';
