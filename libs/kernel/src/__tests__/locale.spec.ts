import { interpolate, localeFromAcceptLanguage, localeOfRequest, quebecDate } from '../i18n/locale';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en-CA,en;q=0.9', 'en'],
    ['fr-CA', 'fr'],
    ['de-DE,en;q=0.5,fr;q=0.7', 'fr'],
    ['es, en;q=0.1', 'en'],
    ['zh', 'fr'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('localeOfRequest', () => {
  it('takes ?lang= over Accept-Language, and ignores an unknown or repeated lang', () => {
    expect(localeOfRequest({ lang: 'en' }, 'fr-CA')).toBe('en');
    expect(localeOfRequest({ lang: 'FR' }, 'en')).toBe('fr');
    expect(localeOfRequest({ lang: 'de' }, 'en')).toBe('en');
    expect(localeOfRequest({ lang: ['en', 'fr'] }, undefined)).toBe('fr');
    expect(localeOfRequest(undefined, undefined)).toBe('fr');
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Le collège « {college} » et {other}', { college: 'jeunes' })).toBe(
      'Le collège « jeunes » et {other}',
    );
  });
});

describe('quebecDate', () => {
  it.each([
    ['2026-11-25T02:30:00Z', '2026-11-24'], // 21:30 in Montréal (EST): UTC is already the 25th
    ['2026-11-25T05:00:00Z', '2026-11-25'], // midnight in Montréal
    ['2026-07-01T03:59:00Z', '2026-06-30'], // 23:59 in summer (EDT)
    ['2026-07-01T04:00:00Z', '2026-07-01'],
  ])('at %s is %s', (instant, day) => {
    expect(quebecDate(new Date(instant))).toBe(day);
  });
});
