/**
 * Abbreviations that keep their period. TITLES never end a sentence (a name follows them); OTHER may end
 * one, and the sentence splitter decides from the next token.
 */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mme', 'Mlle', 'Dr', 'Prof', 'Gen', 'Gens', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Sgt',
  'Cpl', 'Pvt', 'Adm', 'Brig', 'Cmdr', 'Cdr', 'Gov', 'Sen', 'Sens', 'Rep', 'Reps', 'Rev', 'Hon', 'Pres', 'Supt',
  'Insp', 'Amb', 'Sec', 'Atty', 'Fr', 'Sr', 'Jr', 'St', 'Mt', 'Ft', 'Rt', 'Gov', 'Lieut', 'Cmdt', 'Dir',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'No', 'Nos', 'Nr', 'vs', 'v', 'cf', 'approx', 'ca', 'Vol', 'vol', 'pp', 'Fig', 'fig', 'Art', 'art', 'Ch', 'ch',
]);

export const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Inc', 'Co', 'Corp', 'Ltd', 'Bros', 'Plc', 'PLC', 'LLC', 'etc', 'al', 'Ave', 'Blvd', 'Rd', 'Dept', 'Univ', 'Assn',
  'Esq', 'Ph', 'Calif', 'Ariz', 'Colo', 'Conn', 'Fla', 'Ill', 'Mass', 'Mich', 'Minn', 'Penn', 'Tenn', 'Okla', 'Ore',
  'Wis', 'Ky', 'Md', 'Va', 'Wash', 'Ala', 'Ark', 'Kan', 'Neb', 'Nev', 'Miss', 'Del', 'Tex', 'Ga', 'La', 'Pa',
  'Govt', 'govt', 'Intl', 'Natl', 'Mfg', 'Min', 'est', 'Est',
]);

/** Top-level domains that make "example.com" one token without a scheme. */
export const TLDS: ReadonlySet<string> = new Set([
  'com', 'org', 'net', 'gov', 'edu', 'int', 'mil', 'info', 'io', 'co', 'uk', 'de', 'fr', 'ru', 'ir', 'al', 'eu', 'us',
  'ca', 'cn', 'jp', 'in', 'it', 'es', 'nl', 'tv', 'news', 'me', 'ly', 'be', 'ch', 'at', 'se', 'no', 'pl', 'tr', 'ua',
]);
