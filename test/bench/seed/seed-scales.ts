/** How big a trust the seed builds. `large` is issue #8's reports scale. */
export interface SeedScale {
  name: string;
  /** Members in all, organisations included. */
  members: number;
  organisations: number;
  /** Councils beyond the three the founding migration seats (youth, seniors, artists). */
  extraCouncils: number;
  proposals: number;
  votes: number;
  /** Ballots in all, spread over the votes (most in general-assembly votes). */
  ballots: number;
  /** Past general assemblies, plus one running now. */
  assemblies: number;
  /** Volunteer-hour records (in-kind contributions). */
  volunteerRecords: number;
  /** Arguments per proposal in deliberation or later, on average. */
  argumentsPerProposal: number;
}

export const SEED_SCALES: Record<'small' | 'medium' | 'large', SeedScale> = {
  small: {
    name: 'small',
    members: 3_000,
    organisations: 300,
    extraCouncils: 3,
    proposals: 100,
    votes: 60,
    ballots: 20_000,
    assemblies: 3,
    volunteerRecords: 500,
    argumentsPerProposal: 6,
  },
  medium: {
    name: 'medium',
    members: 20_000,
    organisations: 1_000,
    extraCouncils: 8,
    proposals: 500,
    votes: 300,
    ballots: 300_000,
    assemblies: 6,
    volunteerRecords: 5_000,
    argumentsPerProposal: 8,
  },
  large: {
    name: 'large',
    members: 100_000,
    organisations: 3_000,
    extraCouncils: 19,
    proposals: 2_000,
    votes: 1_000,
    ballots: 2_000_000,
    assemblies: 12,
    volunteerRecords: 30_000,
    argumentsPerProposal: 10,
  },
};

export type SeedScaleName = keyof typeof SEED_SCALES;

export function seedScale(name: string | undefined): SeedScale {
  const scale = SEED_SCALES[(name ?? 'small') as SeedScaleName];
  if (!scale) {
    throw new Error(
      `Unknown seed scale "${name}": use one of ${Object.keys(SEED_SCALES).join(', ')}`,
    );
  }
  return scale;
}
