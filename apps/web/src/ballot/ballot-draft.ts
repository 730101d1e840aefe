import { initialRanking, RankingState } from '../ranking/ranking';

/**
 * A ballot being filled in, one shape per family of methods, and what the API
 * expects once it is confirmed. Kept pure so the rules a voter meets (what is
 * complete, what is sent) are tested without a browser.
 */
export type BallotFamily = 'choice' | 'approval' | 'ranking' | 'grades';

export type VoteMethodName =
  | 'Choice'
  | 'Approval'
  | 'InstantRunoff'
  | 'Schulze'
  | 'RankedPairs'
  | 'SingleTransferableVote'
  | 'MajorityJudgment';

export function familyOf(method: VoteMethodName): BallotFamily {
  switch (method) {
    case 'Choice':
      return 'choice';
    case 'Approval':
      return 'approval';
    case 'MajorityJudgment':
      return 'grades';
    default:
      return 'ranking';
  }
}

export type BallotDraft =
  | { family: 'choice'; option: string | null; abstain: boolean }
  | { family: 'approval'; approvals: string[] }
  | { family: 'ranking'; ranking: RankingState }
  | { family: 'grades'; grades: Record<string, string> };

export function emptyDraft(method: VoteMethodName, options: string[]): BallotDraft {
  switch (familyOf(method)) {
    case 'choice':
      return { family: 'choice', option: null, abstain: false };
    case 'approval':
      return { family: 'approval', approvals: [] };
    case 'grades':
      return { family: 'grades', grades: {} };
    case 'ranking':
      return { family: 'ranking', ranking: initialRanking(options) };
  }
}

export interface BallotRules {
  options: string[];
  minSelections?: number | null;
  maxSelections?: number | null;
}

/** Why the draft cannot be reviewed yet (a message id with values), or null when it is complete. */
export type DraftProblem =
  | { id: 'ballot.problem.choose' }
  | { id: 'ballot.problem.rankOne' }
  | { id: 'ballot.problem.gradeAll'; values: { missing: number } }
  | { id: 'ballot.problem.minApprovals'; values: { min: number } }
  | { id: 'ballot.problem.maxApprovals'; values: { max: number } };

export function draftProblem(draft: BallotDraft, rules: BallotRules): DraftProblem | null {
  switch (draft.family) {
    case 'choice':
      return draft.option || draft.abstain ? null : { id: 'ballot.problem.choose' };
    case 'approval': {
      const count = draft.approvals.length;
      if (rules.minSelections != null && count < rules.minSelections) {
        return { id: 'ballot.problem.minApprovals', values: { min: rules.minSelections } };
      }
      if (rules.maxSelections != null && count > rules.maxSelections) {
        return { id: 'ballot.problem.maxApprovals', values: { max: rules.maxSelections } };
      }
      return null;
    }
    case 'ranking':
      return draft.ranking.ranked.length > 0 ? null : { id: 'ballot.problem.rankOne' };
    case 'grades': {
      const missing = rules.options.filter((option) => !draft.grades[option]).length;
      return missing === 0 ? null : { id: 'ballot.problem.gradeAll', values: { missing } };
    }
  }
}

/** The API's BallotInput: exactly one field set. */
export interface BallotInput {
  option?: string;
  abstain?: boolean;
  approvals?: string[];
  ranking?: string[];
  grades?: { candidate: string; grade: string }[];
}

export function toBallotInput(draft: BallotDraft, rules: BallotRules): BallotInput {
  switch (draft.family) {
    case 'choice':
      return draft.abstain ? { abstain: true } : { option: draft.option ?? undefined };
    case 'approval':
      // In ballot order, whatever order they were ticked in.
      return { approvals: rules.options.filter((option) => draft.approvals.includes(option)) };
    case 'ranking':
      return { ranking: [...draft.ranking.ranked] };
    case 'grades':
      return {
        grades: rules.options.map((candidate) => ({ candidate, grade: draft.grades[candidate] })),
      };
  }
}
