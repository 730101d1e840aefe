import { approximate } from './result-rounds';

/**
 * What the result charts show, read from a published count's canonical JSON
 * ({ tally: { method, … } }). Exact rationals travel as strings and stay the
 * text shown; `approximate` gives the bar lengths only. Every reader is
 * defensive: an unknown or partial shape yields nothing rather than a crash.
 */

/** One bar (or one stack of bars) per option: exact text and the number drawn. */
export interface OptionFigure {
  option: string;
  /** Series id → exact value ("7", "7/2"). */
  values: Record<string, string>;
}

export interface OptionChart {
  /** What each series is: 'votes' (one series) or grade ids (majority judgment, stacked). */
  series: string[];
  rows: OptionFigure[];
  /** The stacked chart of majority judgment; plain bars otherwise. */
  stacked: boolean;
}

export interface TransferStep {
  round: number;
  /** The option whose ballots moved. */
  from: string;
  /** Option → votes received; 'exhausted' for ballots with no next preference. */
  to: Record<string, string>;
}

export interface PairwiseMatrix {
  candidates: string[];
  /** cell(row, column): ballots ranking row above column. */
  votes: Record<string, Record<string, string>>;
}

export interface StvStage {
  stage: number;
  /** 'first_preferences' | 'surplus' | 'exclusion' (Scottish rules) or 'round' (Meek). */
  kind: string;
  candidate: string | null;
  totals: Record<string, string>;
  elected: string[];
}

export interface StvCount {
  seats: number;
  /** Scottish rules have one quota; Meek's changes per round (the last is shown). */
  quota: string | null;
  stages: StvStage[];
}

export interface CollegeRow {
  college: string;
  weight: string;
  ballots: string;
  weightPerBallot: string | null;
  support: Record<string, string>;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const exactRecord = (value: unknown): Record<string, string> =>
  isRecord(value)
    ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]))
    : {};

function tallyOf(details: unknown): Json | null {
  const tally = isRecord(details) ? details.tally : undefined;
  return isRecord(tally) ? tally : null;
}

export function methodOf(details: unknown): string | null {
  const method = tallyOf(details)?.method;
  return typeof method === 'string' ? method : null;
}

/** Votes (or approvals, or first preferences) per option; majority judgment: grades per option, stacked. */
export function optionChart(details: unknown): OptionChart | null {
  const tally = tallyOf(details);
  if (!tally) return null;
  const single = (values: Record<string, string>): OptionChart => ({
    series: ['votes'],
    stacked: false,
    rows: Object.entries(values).map(([option, votes]) => ({ option, values: { votes } })),
  });
  switch (tally.method) {
    case 'choice':
      return single(exactRecord(tally.votes));
    case 'approval':
      return single(exactRecord(tally.approvals));
    case 'irv': {
      const first = Array.isArray(tally.rounds) ? tally.rounds[0] : undefined;
      return isRecord(first) ? single(exactRecord(first.tallies)) : null;
    }
    case 'stv': {
      const first = stvCount(details)?.stages[0];
      return first ? single(first.totals) : null;
    }
    case 'majority_judgment': {
      const grades = strings(tally.grades);
      const distributions = isRecord(tally.distributions) ? tally.distributions : {};
      return {
        series: grades,
        stacked: true,
        rows: strings(tally.candidates).map((option) => {
          const counts = exactRecord(distributions[option]);
          return {
            option,
            values: Object.fromEntries(grades.map((grade) => [grade, counts[grade] ?? '0'])),
          };
        }),
      };
    }
    default:
      return null;
  }
}

/** Instant-runoff: where each eliminated option's ballots went. */
export function irvTransfers(details: unknown): TransferStep[] {
  const tally = tallyOf(details);
  if (tally?.method !== 'irv' || !Array.isArray(tally.rounds)) return [];
  const rounds = tally.rounds.filter(isRecord);
  return rounds.flatMap((round, index): TransferStep[] => {
    if (typeof round.eliminated !== 'string' || !isRecord(round.transfers)) return [];
    const to = exactRecord(round.transfers);
    // What did not transfer was exhausted: the growth of the exhausted pile to the next round.
    const next = rounds[index + 1];
    if (next && next.exhausted != null && round.exhausted != null) {
      const exhausted = approximate(String(next.exhausted)) - approximate(String(round.exhausted));
      if (exhausted > 0) to.exhausted = subtract(String(next.exhausted), String(round.exhausted));
    }
    return [{ round: Number(round.round) || index + 1, from: round.eliminated, to }];
  });
}

/** a − b on exact rational strings ("7/2"), kept exact. */
export function subtract(a: string, b: string): string {
  const parse = (value: string): [bigint, bigint] => {
    const [numerator, denominator = '1'] = value.split('/');
    return [BigInt(numerator), BigInt(denominator)];
  };
  const [an, ad] = parse(a);
  const [bn, bd] = parse(b);
  const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? (x < 0n ? -x : x) : gcd(y, x % y));
  const numerator = an * bd - bn * ad;
  const denominator = ad * bd;
  const divisor = gcd(numerator, denominator) || 1n;
  const [n, d] = [numerator / divisor, denominator / divisor];
  return d === 1n ? String(n) : `${n}/${d}`;
}

/** Schulze and ranked pairs: how many ballots rank each option above each other one. */
export function pairwiseMatrix(details: unknown): PairwiseMatrix | null {
  const tally = tallyOf(details);
  if ((tally?.method !== 'schulze' && tally?.method !== 'ranked_pairs') || !tally) return null;
  if (!isRecord(tally.pairwise)) return null;
  const pairwise = tally.pairwise;
  const candidates = strings(tally.candidates);
  return {
    candidates,
    votes: Object.fromEntries(candidates.map((row) => [row, exactRecord(pairwise[row])])),
  };
}

/** Single transferable vote: each stage's totals (Scottish rules) or each round's (Meek). */
export function stvCount(details: unknown): StvCount | null {
  const tally = tallyOf(details);
  if (tally?.method !== 'stv' || !tally) return null;
  const seats = typeof tally.seats === 'number' ? tally.seats : 1;
  if (Array.isArray(tally.stages)) {
    return {
      seats,
      quota: tally.quota == null ? null : String(tally.quota),
      stages: tally.stages.filter(isRecord).map((stage, index) => {
        const action = isRecord(stage.action) ? stage.action : {};
        return {
          stage: Number(stage.stage) || index + 1,
          kind: typeof action.kind === 'string' ? action.kind : 'first_preferences',
          candidate: typeof action.candidate === 'string' ? action.candidate : null,
          totals: exactRecord(stage.totals),
          elected: strings(stage.elected),
        };
      }),
    };
  }
  if (Array.isArray(tally.rounds)) {
    const rounds = tally.rounds.filter(isRecord);
    const last = rounds[rounds.length - 1];
    return {
      seats,
      quota: last?.quota == null ? null : String(last.quota),
      stages: rounds.map((round, index) => ({
        stage: Number(round.round) || index + 1,
        kind: 'round',
        candidate: typeof round.excluded === 'string' ? round.excluded : null,
        totals: exactRecord(round.totals),
        elected: strings(round.elected),
      })),
    };
  }
  return null;
}

/** The per-college breakdown of a college-weighted count. */
export function collegeRows(details: unknown): CollegeRow[] {
  const colleges = tallyOf(details)?.colleges;
  if (!Array.isArray(colleges)) return [];
  return colleges.filter(isRecord).map((college) => ({
    college: String(college.college),
    weight: String(college.weight),
    ballots: String(college.ballots),
    weightPerBallot: college.weightPerBallot == null ? null : String(college.weightPerBallot),
    support: exactRecord(college.support),
  }));
}
