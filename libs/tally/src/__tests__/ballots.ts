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

/**
 * Reads the simple form of the BLT ballot format used by STV counting programs:
 * "<candidates> <seats>", then "<count> <preference>… 0" lines, a lone "0",
 * then quoted candidate names and the election title.
 */
export function readBlt(text: string): {
  candidates: string[];
  seats: number;
  ballots: Profile<RankedBallot>;
} {
  const lines = text.split('\n').map((line) => line.trim());
  const [candidateCount, seats] = lines[0].split(/\s+/).map(Number);
  const end = lines.indexOf('0', 1);
  const names = lines
    .slice(end + 1, end + 1 + candidateCount)
    .map((line) => JSON.parse(line) as string);
  const ballots = lines.slice(1, end).map((line) => {
    const [count, ...preferences] = line.split(/\s+/).map(Number);
    return { ballot: preferences.slice(0, -1).map((p) => names[p - 1]), weight: BigInt(count) };
  });
  return { candidates: names, seats, ballots };
}
