/**
 * What a treasurer types as an amount, to integer cents: "1 234,56", "1234.56",
 * "1 234,56 $" or "$1,234.56". Digits only, never a float: the text is split
 * into dollars and cents. null when it is not an amount (negative included:
 * reversals and reductions have their own actions).
 */
export function parseMoney(text: string): number | null {
  let value = text.replace(/[\s\u00a0\u202f$]/g, '');
  if (value === '') return null;
  // The last "," or "." followed by one or two digits is the decimal mark; others group thousands.
  const decimal = /[.,](\d{1,2})$/.exec(value);
  let cents = '00';
  if (decimal) {
    cents = decimal[1].padEnd(2, '0');
    value = value.slice(0, decimal.index);
    // The decimal mark cannot also group thousands ("12,345,6").
    if (value.includes(decimal[0][0])) return null;
  }
  value = value.replace(/[.,](?=\d{3}(?:[.,]|$))/g, '');
  if (!/^\d{1,9}$/.test(value)) return null;
  return Number(value) * 100 + Number(cents);
}

/** Cents back to what the field shows for editing (no currency sign, no grouping). */
export function centsToInput(cents: number, locale: 'fr-CA' | 'en-CA'): string {
  const whole = Math.trunc(cents / 100);
  const part = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${whole}${locale === 'fr-CA' ? ',' : '.'}${part}`;
}
