/** A whole number within bounds, or undefined for an empty field; null when it is neither. */
export function wholeNumber(value: string, min: number, max: number): number | undefined | null {
  if (value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/**
 * A fraction typed as "2/3" (spaces allowed around the slash), or undefined
 * for an empty field; null when it is neither. Whether it is a sensible
 * threshold is the API's to say.
 */
export function fraction(
  value: string,
): { numerator: number; denominator: number } | undefined | null {
  if (value.trim() === '') return undefined;
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  if (!match) return null;
  const [numerator, denominator] = [Number(match[1]), Number(match[2])];
  return denominator > 0 ? { numerator, denominator } : null;
}
