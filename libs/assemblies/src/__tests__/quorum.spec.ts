import { quorumStatus } from '../quorum';

describe('assembly quorum', () => {
  it('meets 1/10 of 40 eligible with exactly 4 present or represented, not with 3', () => {
    const base = { eligible: 40, numerator: 1, denominator: 10 };
    expect(quorumStatus({ ...base, present: 3, represented: 1 })).toMatchObject({
      required: 4,
      met: true,
    });
    expect(quorumStatus({ ...base, present: 2, represented: 1 }).met).toBe(false);
  });

  it('rounds the required count up and compares exactly: 1/3 of 10 needs 4', () => {
    const base = { eligible: 10, numerator: 1, denominator: 3, represented: 0 };
    expect(quorumStatus({ ...base, present: 3 })).toMatchObject({ required: 4, met: false });
    expect(quorumStatus({ ...base, present: 4 }).met).toBe(true);
  });

  it('is never met without eligible members', () => {
    expect(
      quorumStatus({ present: 0, represented: 0, eligible: 0, numerator: 1, denominator: 10 }).met,
    ).toBe(false);
  });
});
