import { beforeAll, describe, expect, it } from 'vitest';
import { looksEnglish, prepareLanguageDetector, resolveLanguage } from './language.js';

beforeAll(prepareLanguageDetector);

const EN = 'The council met on Monday to discuss the plan for the harbour, which residents have opposed for more than a decade because of the noise and the traffic it would bring to the old town.';
const FR = "Le conseil s'est réuni lundi pour discuter du projet du port, auquel les habitants s'opposent depuis plus de dix ans à cause du bruit et de la circulation qu'il apporterait.";
const DE = 'Der Rat traf sich am Montag, um den Plan für den Hafen zu besprechen, gegen den sich die Anwohner seit mehr als zehn Jahren wegen des Lärms und des Verkehrs wehren.';
const FA = 'شورای شهر روز دوشنبه برای بررسی طرح بندر تشکیل جلسه داد، طرحی که ساکنان بیش از یک دهه به دلیل سر و صدا و ترافیک با آن مخالفت کرده‌اند.';
const ES = 'El consejo se reunió el lunes para discutir el plan del puerto, al que los vecinos se oponen desde hace más de una década por el ruido y el tráfico que traería al casco antiguo.';

describe('resolveLanguage', () => {
  it.each([
    [EN, null, 'en'],
    [FR, null, 'fr'],
    [DE, null, 'de'],
    [FA, null, 'fa'],
    [ES, null, 'es'],
    [EN, 'en-US', 'en'],
    ['Short text.', 'de', 'de'],
    ['Short text.', null, null],
  ])('%#: detects %s', (text, declared, lang) => expect(resolveLanguage(text, declared).language).toBe(lang));

  it('flags a declared language the text contradicts', () => {
    expect(resolveLanguage(FR, 'en')).toEqual({ language: 'fr', mismatch: 'declared language "en" but the text reads as "fr"' });
  });

  it('takes the English fast path only for English', () => {
    expect([EN, FR, DE, FA, ES].map(looksEnglish)).toEqual([true, false, false, false, false]);
  });
});
