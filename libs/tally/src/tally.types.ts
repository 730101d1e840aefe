import type {
  ApprovalBallot,
  ChoiceBallot,
  GradeBallot,
  Profile,
  RankedBallot,
} from './profile/encode';
import type { Weight } from './profile/weights';
import type { Rational } from './rational';
import type { TieBreak } from './tie-break';

export type {
  ApprovalBallot,
  ChoiceBallot,
  GradeBallot,
  Profile,
  RankedBallot,
  WeightedBallot,
} from './profile/encode';
export type { Weight } from './profile/weights';
export type { TieBreak } from './tie-break';

/** Matrix of exact values: row candidate → column candidate → value. */
export type Matrix = Record<string, Record<string, Rational>>;

/** A college's ballots and its weight in the charter. */
export interface College<B> {
  readonly id: string;
  readonly weight: Weight;
  readonly ballots: Profile<B>;
  /** Majority judgment only: more of the college's ballots, added up (see GradeCounts). */
  readonly judged?: GradeCounts;
}

/**
 * Majority judgment's ballots already added up, as SQL `GROUP BY candidate,
 * grade` gives them: its result depends only on each candidate's grades and
 * the number of judges, so its cost need not grow with the judges. Only
 * ballots known to count may be added up: each grades at least one counted
 * candidate, at most once each, with a grade index in range (any other
 * ballot goes in `ballots`, to be counted as blank or invalid).
 */
export interface GradeCounts {
  /** How many ballots were added up; each weighs 1 (times its college's weight per ballot). */
  readonly judges: Weight;
  /**
   * How many of them gave each candidate each grade (index into `grades`).
   * A candidate's rows add up to at most `judges`; the judges who did not
   * grade it give it `missingGrade`. Rows for a withdrawn candidate are left out.
   */
  readonly rows: readonly {
    readonly candidate: string;
    readonly grade: number;
    readonly count: Weight;
  }[];
}

/** Every spec: the seed for draws, and the ballots — either one profile, or per-college profiles to weight. */
export interface SpecBase<B> {
  /** Seeds every draw: the vote id and the ballot fingerprint, so a recount draws the same lots. */
  readonly seed: string;
  readonly ballots?: Profile<B>;
  /** Majority judgment only: more ballots, added up (see GradeCounts); with or without `ballots`. */
  readonly judged?: GradeCounts;
  /** When given instead of `ballots`, each college's ballots count for its weight (see weightByCollege). */
  readonly colleges?: readonly College<B>[];
}

// ─── choice ────────────────────────────────────────────────────────────────

export interface Threshold {
  /** 1/2, 2/3, 3/4 … */
  readonly ratio: Rational;
  /** 'more_than': a tie fails (a majority). 'at_least': reaching it passes ("at least two thirds"). */
  readonly comparison: 'more_than' | 'at_least';
  /** What the ratio is of: votes cast (abstentions and blanks excluded), members present, or eligible voters. */
  readonly base: 'cast' | 'present' | 'eligible';
}

export type Quorum =
  | { readonly kind: 'none' }
  /** At least this fraction of the eligible voters must take part. */
  | { readonly kind: 'ratio'; readonly ratio: Rational }
  /** At least this many voters must take part. */
  | { readonly kind: 'count'; readonly count: Weight };

/** Counts the ballots cannot tell: who was eligible, present, and took part. */
export interface Turnout {
  readonly eligible?: Weight;
  readonly present?: Weight;
  /** Defaults to the weight of all ballots received (abstentions, blanks and invalid included). */
  readonly participating?: Weight;
}

export interface ChoiceSpec extends SpecBase<ChoiceBallot> {
  readonly method: 'choice';
  /** 'motion': options include 'yes', adopted when 'yes' meets the threshold. 'one_of_n': the leading option wins if it meets it. */
  readonly kind: 'motion' | 'one_of_n';
  readonly options: readonly string[];
  readonly threshold: Threshold;
  readonly quorum?: Quorum;
  readonly turnout?: Turnout;
}

export interface QuorumCheck {
  readonly kind: 'ratio' | 'count';
  readonly required: Rational;
  readonly participating: Rational;
  readonly met: boolean;
}

export interface ThresholdCheck extends Threshold {
  /** The value the ratio applies to (votes cast, present, or eligible). */
  readonly baseVotes: Rational;
  /** ratio × baseVotes: support must exceed it (more_than) or reach it (at_least). */
  readonly line: Rational;
  /** The fewest whole votes that pass ("a majority needs 41 of 81"); null when weights are fractional. */
  readonly needed: Rational | null;
  /** The option measured: 'yes' for a motion, the leading option otherwise (null if none). */
  readonly option: string | null;
  readonly support: Rational;
  readonly met: boolean;
}

export interface ChoiceResult extends ResultBase {
  readonly method: 'choice';
  readonly kind: 'motion' | 'one_of_n';
  readonly options: readonly string[];
  readonly outcome: 'adopted' | 'rejected' | 'quorum_not_met';
  readonly votes: Record<string, Rational>;
  /** Votes for options: abstentions, blanks and invalid ballots excluded. */
  readonly cast: Rational;
  readonly quorum: QuorumCheck | null;
  readonly threshold: ThresholdCheck;
  /** One-of-n: a tie for the lead settled by lot. */
  readonly tieBreak: TieBreak | null;
}

// ─── approval ──────────────────────────────────────────────────────────────

export interface ApprovalSpec extends SpecBase<ApprovalBallot> {
  readonly method: 'approval';
  readonly candidates: readonly string[];
  /** Seats to fill with the most approved candidates (default 1). */
  readonly seats?: number;
  /** Approvals allowed per ballot; a ballot outside the limits is invalid (an empty one is blank). */
  readonly minSelections?: number;
  readonly maxSelections?: number;
  readonly withdrawn?: readonly string[];
}

export interface ApprovalResult extends ResultBase {
  readonly method: 'approval';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly seats: number;
  readonly approvals: Record<string, Rational>;
  /** Candidates by approvals, most first (equal approvals in id order). */
  readonly order: readonly string[];
  /** Ties across the last seats, settled by lot, one draw per seat. */
  readonly tieBreaks: readonly TieBreak[];
}

// ─── instant-runoff ────────────────────────────────────────────────────────

export interface IrvSpec extends SpecBase<RankedBallot> {
  readonly method: 'irv';
  readonly candidates: readonly string[];
  readonly withdrawn?: readonly string[];
}

export interface IrvRound {
  readonly round: number;
  /** Votes of each continuing candidate. */
  readonly tallies: Record<string, Rational>;
  /** Votes of continuing candidates together: a winner needs more than half of them. */
  readonly continuing: Rational;
  /** Ballots with no continuing candidate left, so far. */
  readonly exhausted: Rational;
  /** The winner, if this round decides. */
  readonly elected: string | null;
  readonly eliminated: string | null;
  readonly tieBreak: TieBreak | null;
  /** Votes each continuing candidate received from the eliminated one (the rest exhausted). */
  readonly transfers: Record<string, Rational> | null;
}

export interface IrvResult extends ResultBase {
  readonly method: 'irv';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly rounds: readonly IrvRound[];
}

// ─── Condorcet: Schulze and ranked pairs ───────────────────────────────────

export interface SchulzeSpec extends SpecBase<RankedBallot> {
  readonly method: 'schulze';
  readonly candidates: readonly string[];
  readonly withdrawn?: readonly string[];
}

export interface SchulzeResult extends ResultBase {
  readonly method: 'schulze';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  /** d[A][B]: votes ranking A above B. */
  readonly pairwise: Matrix;
  /** p[A][B]: strength (winning votes) of the strongest path from A to B; 0 when there is none. */
  readonly strongestPaths: Matrix;
  /** Tiers of the Schulze order: each tier beats all later ones. */
  readonly ranking: readonly (readonly string[])[];
  /** A tie in the first tier, settled by lot. */
  readonly tieBreak: TieBreak | null;
}

export interface RankedPairsSpec extends SpecBase<RankedBallot> {
  readonly method: 'ranked_pairs';
  readonly candidates: readonly string[];
  readonly withdrawn?: readonly string[];
}

export interface RankedPair {
  readonly winner: string;
  readonly loser: string;
  /** Votes for the winner over the loser (the pair's strength). */
  readonly votes: Rational;
  /** Votes for the loser over the winner (fewer is stronger when votes are equal). */
  readonly against: Rational;
  /** False when locking it would have made a cycle with stronger pairs. */
  readonly locked: boolean;
}

export interface RankedPairsResult extends ResultBase {
  readonly method: 'ranked_pairs';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly pairwise: Matrix;
  /** Majorities, strongest first, in the order they were considered. */
  readonly pairs: readonly RankedPair[];
  /** Tideman's tie-breaking ranking of candidates, drawn by lot only when two pairs were equally strong. */
  readonly tieBreakRanking: { readonly order: readonly string[]; readonly sample: number } | null;
  /** Tiers of the locked graph: each tier has no locked defeat from a later one. */
  readonly ranking: readonly (readonly string[])[];
  readonly tieBreak: TieBreak | null;
}

// ─── single transferable vote ──────────────────────────────────────────────

export interface StvSpec extends SpecBase<RankedBallot> {
  readonly method: 'stv';
  readonly candidates: readonly string[];
  readonly seats: number;
  /** 'scottish' (default): the Scottish Local Government Elections Order 2007. 'meek': Meek's method. */
  readonly rules?: 'scottish' | 'meek';
  readonly withdrawn?: readonly string[];
}

export type ScottishStvAction =
  | { readonly kind: 'first_preferences' }
  | {
      readonly kind: 'surplus';
      readonly candidate: string;
      readonly surplus: Rational;
      /** Rule 48(3): per value at which ballots were received, the value at which they move on. */
      readonly transferValues: readonly {
        readonly received: Rational;
        readonly transfer: Rational;
      }[];
    }
  | { readonly kind: 'exclusion'; readonly candidate: string };

export interface ScottishStvStage {
  readonly stage: number;
  readonly action: ScottishStvAction;
  readonly tieBreak: TieBreak | null;
  /** Votes each continuing candidate received in this stage. */
  readonly transfers: Record<string, Rational>;
  /** Value on ballots with no next available preference, set aside in this stage. */
  readonly nonTransferable: Rational;
  /** Surplus lost because transfer values are truncated to five decimals. */
  readonly lostToRounding: Rational;
  /** Votes credited to every candidate at the end of the stage. */
  readonly totals: Record<string, Rational>;
  /** Deemed elected at the end of this stage (rule 47), or by rule 52. */
  readonly elected: readonly string[];
}

export interface ScottishStvResult extends ResultBase {
  readonly method: 'stv';
  readonly rules: 'scottish';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly seats: number;
  /** Rule 46: ⌊valid ballots / (seats + 1)⌋ + 1. */
  readonly quota: Rational;
  readonly stages: readonly ScottishStvStage[];
  readonly excluded: readonly string[];
}

export interface MeekStvRound {
  readonly round: number;
  /** Iterations of the keep-factor update before this round settled. */
  readonly iterations: number;
  readonly quota: Rational;
  readonly totals: Record<string, Rational>;
  /** Share of each vote a candidate keeps (1 for hopeful, 0 for excluded). */
  readonly keepFactors: Record<string, Rational>;
  readonly excess: Rational;
  readonly elected: readonly string[];
  readonly excluded: string | null;
  readonly tieBreak: TieBreak | null;
}

export interface MeekStvResult extends ResultBase {
  readonly method: 'stv';
  readonly rules: 'meek';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly seats: number;
  /** Arithmetic: decimals kept (values are truncated, keep factors rounded up) and the convergence tolerance. */
  readonly precision: { readonly decimals: number; readonly tolerance: Rational };
  readonly rounds: readonly MeekStvRound[];
  readonly excluded: readonly string[];
}

export type StvResult = ScottishStvResult | MeekStvResult;

// ─── majority judgment ─────────────────────────────────────────────────────

export interface MajorityJudgmentSpec extends SpecBase<GradeBallot> {
  readonly method: 'majority_judgment';
  readonly candidates: readonly string[];
  /** Grade names, best first; ballots give grade indices into this list. */
  readonly grades: readonly string[];
  /** Grade index for a candidate a judge did not grade; default the worst. */
  readonly missingGrade?: number;
  readonly withdrawn?: readonly string[];
}

/** How two candidates with the same majority grade were separated. */
export interface MajorityJudgmentTie {
  readonly higher: string;
  readonly lower: string;
  readonly majorityGrade: string;
  /** Median grades removed from each before their medians differed (in votes). */
  readonly removed: Rational;
  /** Their medians at that point: the higher's, then the lower's. */
  readonly grades: readonly [string, string];
}

export interface MajorityJudgmentResult extends ResultBase {
  readonly method: 'majority_judgment';
  readonly candidates: readonly string[];
  readonly withdrawn: readonly string[];
  readonly grades: readonly string[];
  /** Votes for each grade, per candidate. */
  readonly distributions: Record<string, Record<string, Rational>>;
  /** Median grade, the lower middle one when the judges split evenly. */
  readonly majorityGrades: Record<string, string>;
  /** Best first. */
  readonly ranking: readonly string[];
  /** For each neighbour pair in the ranking sharing a majority grade: how the tie-break separated them. */
  readonly tieBreaks: readonly MajorityJudgmentTie[];
  /** Candidates with identical grades everywhere, ordered by lot. */
  readonly lots: readonly TieBreak[];
}

// ─── common ────────────────────────────────────────────────────────────────

export interface BallotSummary {
  /** All ballots received. */
  readonly total: Rational;
  /** Ballots that express a preference among counted candidates (votes cast). */
  readonly counted: Rational;
  /** Ballots expressing no preference among counted candidates. */
  readonly blank: Rational;
  /** Malformed ballots: unknown candidate, repeated rank, grade out of range, approvals outside the limits. */
  readonly invalid: Rational;
  /** Choice only: explicit abstentions. */
  readonly abstentions: Rational;
}

export interface CollegeBreakdown {
  readonly college: string;
  readonly weight: Rational;
  /** Ballots received in the college, unweighted. */
  readonly ballots: Rational;
  /** What one ballot of the college weighs: weight / ballots (null when it cast none). */
  readonly weightPerBallot: Rational | null;
  /** Unweighted support inside the college: first choices, or approvals, or majority grades for MJ. */
  readonly support: Record<string, Rational | string>;
}

export interface ResultBase {
  readonly seed: string;
  readonly ballots: BallotSummary;
  /** Elected or winning candidates (for a motion, the winning option), in order of election. */
  readonly winners: readonly string[];
  /** Per-college breakdown when the count was college-weighted. */
  readonly colleges?: readonly CollegeBreakdown[];
}

export type TallySpec =
  | ChoiceSpec
  | ApprovalSpec
  | IrvSpec
  | SchulzeSpec
  | RankedPairsSpec
  | StvSpec
  | MajorityJudgmentSpec;

export type TallyResult =
  | ChoiceResult
  | ApprovalResult
  | IrvResult
  | SchulzeResult
  | RankedPairsResult
  | StvResult
  | MajorityJudgmentResult;
