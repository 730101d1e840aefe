import type { ChoiceBallot, Profile, RankedBallot } from '../tally.types';

/** A profile from [count, ballot] pairs, as SQL GROUP BY hands them over. */
export function profile<B>(...rows: [number, B][]): Profile<B> {
  return rows.map(([count, ballot]) => ({ ballot, weight: BigInt(count) }));
}

/** Ranked ballots written as strings of one-letter candidate ids: "ACB" means A > C > B. */
export function letters(...rows: [number, string][]): Profile<RankedBallot> {
  return profile(...rows.map(([count, order]): [number, RankedBallot] => [count, [...order]]));
}

/** Choice ballots: counts of yes, no, abstain. */
export function motion(yes: number, no: number, abstain = 0): Profile<ChoiceBallot> {
  return profile<ChoiceBallot>(
    [yes, { option: 'yes' }],
    [no, { option: 'no' }],
    [abstain, 'abstain'],
  );
}

/** The Tennessee capital example used across Wikipedia's voting-method articles (percent of voters). */
export const TENNESSEE = {
  candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
  ballots: profile<RankedBallot>(
    [42, ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville']],
    [26, ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']],
    [15, ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis']],
    [17, ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis']],
  ),
};
