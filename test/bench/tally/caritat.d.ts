// caritat ships no types: just what the benchmark uses.
declare module 'caritat' {
  export class Ballot {
    constructor(votes: string[], count?: number);
    votes: string[];
    count: number;
  }
  export class Election {
    constructor(config: { candidates?: string[] });
    ballots: Ballot[];
  }
  export const condorcet: { schulze(election: Election): string[] };
  export function irv(election: Election): string;
  export const stv: { meek(election: Election, config: { seats: number }): string[] };
}
