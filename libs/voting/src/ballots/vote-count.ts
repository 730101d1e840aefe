import { QuorumKind, VoteMethod } from '@delibera/charter';
import { VoteOutcome } from '@delibera/kernel';
import {
  College,
  GradeCounts,
  Profile,
  Rational,
  resultHash,
  canonicalJson,
  tally,
  TallyResult,
  TallySpec,
  WeightedBallot,
} from '@delibera/tally';
import { ElectorateQuorum } from '../electorate/electorate-source';
import { Vote } from '../vote.entity';
import { VoteSubjectType } from '../voting.enums';

/** Identical ballots of one college, counted in SQL. */
export interface BallotGroup {
  content: unknown;
  collegeId: string | null;
  count: number;
}

/** Majority judgment ballots of one college, added up in SQL (grade-counts.sql.ts). */
export interface JudgedGroup {
  collegeId: string | null;
  judges: number;
  rows: readonly { candidate: string; grade: number; count: number }[];
}

/** What the count needs besides the vote: grouped ballots, the roll's colleges, participation. */
export interface CountInput {
  groups: readonly BallotGroup[];
  /** Majority judgment: the ballots that count, added up; the others are in `groups`. */
  judged?: readonly JudgedGroup[];
  /** Each college on the frozen roll: its weight then, and how many voters it had. */
  colleges: readonly { collegeId: string; weight: number; voters: number }[];
  participations: number;
  electorateQuorum: ElectorateQuorum | null;
}

export interface QuorumSummary {
  kind: QuorumKind;
  eligible: number;
  participating: number;
  /** Voters needed: at least this many must take part. */
  required: Rational;
  met: boolean;
  electorate: ElectorateQuorum | null;
}

export interface VoteCount {
  outcome: VoteOutcome;
  quorum: QuorumSummary;
  winners: string[];
  tally: TallyResult;
  /** Canonical JSON of { voteId, rollFingerprint, quorum, tally, outcome }: what is published and hashed. */
  canonical: string;
  hash: string;
}

/** The same seed on every count and recount: the vote and its roll decide every lot drawn. */
export const countSeed = (vote: Pick<Vote, 'id' | 'rollFingerprint'>) =>
  `${vote.id}:${vote.rollFingerprint}`;

/** Quorum is measured on voters (unweighted), against the frozen roll, plus the electorate's own. */
export function measureQuorum(vote: Vote, input: CountInput, eligible: number): QuorumSummary {
  const required =
    vote.quorumKind === QuorumKind.Ratio
      ? Rational.of(vote.quorumNumerator, vote.quorumDenominator).mul(Rational.of(eligible))
      : vote.quorumKind === QuorumKind.Count
        ? Rational.of(vote.quorumNumerator)
        : Rational.ZERO;
  const own = Rational.of(input.participations).gte(required);
  return {
    kind: vote.quorumKind,
    eligible,
    participating: input.participations,
    required,
    met: own && (input.electorateQuorum?.met ?? true),
    electorate: input.electorateQuorum,
  };
}

function profileOf(groups: readonly BallotGroup[]): Profile<never> {
  return groups.map((g): WeightedBallot<never> => ({
    ballot: g.content as never,
    weight: BigInt(g.count),
  }));
}

/** Judged groups as one GradeCounts (undefined when there are none). */
function gradeCountsOf(groups: readonly JudgedGroup[]): GradeCounts | undefined {
  if (groups.length === 0) return undefined;
  return {
    judges: BigInt(groups.reduce((sum, g) => sum + g.judges, 0)),
    rows: groups.flatMap((g) => g.rows.map((row) => ({ ...row, count: BigInt(row.count) }))),
  };
}

/** The tally spec of a vote: its method's settings and the ballots, per college when weighted. */
export function tallySpec(vote: Vote, input: CountInput): TallySpec {
  const seed = countSeed(vote);
  const candidates = vote.options.map((o) => o.id);
  const judged = input.judged ?? [];
  const ballots = vote.collegeWeighting
    ? {
        colleges: input.colleges.map((c): College<never> => ({
          id: c.collegeId,
          weight: BigInt(c.weight),
          ballots: profileOf(input.groups.filter((g) => g.collegeId === c.collegeId)),
          judged: gradeCountsOf(judged.filter((g) => g.collegeId === c.collegeId)),
        })),
      }
    : { ballots: profileOf(input.groups), judged: gradeCountsOf(judged) };
  switch (vote.method) {
    case VoteMethod.Choice: {
      // The base "eligible"/"present" in the units ballots weigh: voters, or college weights.
      const eligible = vote.collegeWeighting
        ? input.colleges.reduce((sum, c) => sum + BigInt(c.weight), 0n)
        : BigInt(input.colleges.reduce((sum, c) => sum + c.voters, 0));
      return {
        method: 'choice',
        seed,
        ...ballots,
        kind: vote.choiceKind ?? 'motion',
        options: candidates,
        threshold: {
          ratio: Rational.of(vote.thresholdNumerator, vote.thresholdDenominator),
          comparison: vote.thresholdComparison,
          base: vote.thresholdBase,
        },
        // Quorum is measured once, on voters, by measureQuorum.
        quorum: { kind: 'none' },
        turnout: { eligible, present: eligible },
      };
    }
    case VoteMethod.Approval:
      return {
        method: 'approval',
        seed,
        ...ballots,
        candidates,
        seats: vote.seats,
        minSelections: vote.minSelections ?? undefined,
        maxSelections: vote.maxSelections ?? undefined,
      };
    case VoteMethod.SingleTransferableVote:
      return {
        method: 'stv',
        seed,
        ...ballots,
        candidates,
        seats: vote.seats,
        rules: vote.stvRules ?? 'scottish',
      };
    case VoteMethod.MajorityJudgment:
      return {
        method: 'majority_judgment',
        seed,
        ...ballots,
        candidates,
        grades: (vote.grades ?? []).map((g) => g.id),
      };
    case VoteMethod.InstantRunoff:
    case VoteMethod.Schulze:
    case VoteMethod.RankedPairs:
      return { method: vote.method, seed, ...ballots, candidates };
  }
}

function outcomeOf(vote: Vote, result: TallyResult, quorumMet: boolean): VoteOutcome {
  if (!quorumMet) return 'quorum_not_met';
  // A survey question gathers opinions: it is answered, never adopted.
  if (vote.subjectType === VoteSubjectType.SurveyQuestion) return 'completed';
  if (result.method === 'choice') return result.outcome;
  return vote.subjectType === VoteSubjectType.Election ? 'elected' : 'completed';
}

/** Counts a vote with libs/tally. Pure: a recount from the same ballots gives the same bytes. */
export function countVote(vote: Vote, input: CountInput): VoteCount {
  const eligible = input.colleges.reduce((sum, c) => sum + c.voters, 0);
  const quorum = measureQuorum(vote, input, eligible);
  const result = tally(tallySpec(vote, input));
  const outcome = outcomeOf(vote, result, quorum.met);
  const winners = outcome === 'quorum_not_met' ? [] : [...result.winners];
  const document = {
    voteId: vote.id,
    rollFingerprint: vote.rollFingerprint,
    outcome,
    winners,
    quorum,
    tally: result,
  };
  const canonical = canonicalJson(document);
  return { outcome, quorum, winners, tally: result, canonical, hash: resultHash(document) };
}
