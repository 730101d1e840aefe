import { interpolate, Locale, Localized } from '../i18n/locale';

/** A Localized value is read in the caller's language (a detail phrased in each). */
export type ErrorParams = Record<string, string | number | boolean | null | Localized>;

/**
 * The one error type domain code throws. It carries a stable `code` that
 * clients switch on and parameters for the localised message; the GraphQL
 * edge turns it into `extensions.code` and a message in the caller's locale.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    /** Structured detail for clients (e.g. per-field or per-row problems). */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }

  localizedMessage(locale: Locale): string {
    const messages = catalogue.get(this.code);
    if (!messages) return this.code;
    const params = Object.fromEntries(
      Object.entries(this.params).map(([key, value]) => [
        key,
        value !== null && typeof value === 'object' ? value[locale] : value,
      ]),
    );
    return interpolate(messages[locale], params);
  }
}

const catalogue = new Map<string, Localized>();

type ErrorFactories<T extends Record<string, Localized>> = {
  [K in keyof T]: (params?: ErrorParams, details?: unknown) => DomainError;
} & { codes: { [K in keyof T]: K } };

/**
 * Declares a domain's error codes with their French and English messages and
 * returns a factory per code: `MembershipErrors.EMAIL_TAKEN({ email })`.
 * Codes are global, so a code declared twice with different text is a bug.
 */
export function defineErrors<T extends Record<string, Localized>>(messages: T): ErrorFactories<T> {
  const factories: Record<string, unknown> = {};
  const codes: Record<string, string> = {};
  for (const [code, text] of Object.entries(messages)) {
    const existing = catalogue.get(code);
    if (existing && (existing.fr !== text.fr || existing.en !== text.en)) {
      throw new Error(`Error code ${code} is declared twice with different messages`);
    }
    catalogue.set(code, text);
    codes[code] = code;
    factories[code] = (params?: ErrorParams, details?: unknown) =>
      new DomainError(code, params, details);
  }
  factories.codes = codes;
  return factories as ErrorFactories<T>;
}

export function isKnownErrorCode(code: string): boolean {
  return catalogue.has(code);
}
