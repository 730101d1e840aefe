import { volunteerValueCents } from '../money';

describe('volunteerValueCents', () => {
  it('values whole hours exactly', () => {
    expect(volunteerValueCents(180, 2500)).toBe(7500);
  });

  it('rounds a part of an hour half up to the cent, in integers', () => {
    expect(volunteerValueCents(1, 2500)).toBe(42); // 41.67 → 42
    expect(volunteerValueCents(1, 2530)).toBe(42); // 42.17 → 42
    expect(volunteerValueCents(90, 2501)).toBe(3752); // 3751.5 → 3752
  });
});
