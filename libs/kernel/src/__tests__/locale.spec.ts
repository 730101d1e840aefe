import { interpolate, localeFromAcceptLanguage } from '../i18n/locale';

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

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Le collège « {college} » et {other}', { college: 'jeunes' })).toBe(
      'Le collège « jeunes » et {other}',
    );
  });
});
