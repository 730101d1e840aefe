import { CouncilEligibility } from './council.entity';

export interface EligibilityFacts {
  kind: 'person' | 'organisation';
  birthDate: string | null;
  region: string;
  declaredPractice?: string | null;
}

export type EligibilityProblem =
  | 'AGE_OUT_OF_BAND'
  | 'BIRTH_DATE_UNKNOWN'
  | 'REGION_NOT_SERVED'
  | 'PRACTICE_NOT_DECLARED'
  | 'PEOPLE_ONLY';

/** Whole years between a birth date and a day (both YYYY-MM-DD), as the civil calendar counts them. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Why a member may not sit on a council whose term starts on `termStart`; empty when eligible. */
export function eligibilityProblems(
  rule: CouncilEligibility,
  facts: EligibilityFacts,
  termStart: string,
): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const ageBand = rule.minAge !== undefined || rule.maxAge !== undefined;
  if ((ageBand || rule.requiresApprovedPractice) && facts.kind !== 'person')
    problems.push('PEOPLE_ONLY');
  if (ageBand && facts.kind === 'person') {
    if (!facts.birthDate) problems.push('BIRTH_DATE_UNKNOWN');
    else {
      const age = ageOn(facts.birthDate, termStart);
      if (
        (rule.minAge !== undefined && age < rule.minAge) ||
        (rule.maxAge !== undefined && age > rule.maxAge)
      ) {
        problems.push('AGE_OUT_OF_BAND');
      }
    }
  }
  if (rule.regions?.length && !rule.regions.includes(facts.region))
    problems.push('REGION_NOT_SERVED');
  if (rule.requiresApprovedPractice && !facts.declaredPractice?.trim())
    problems.push('PRACTICE_NOT_DECLARED');
  return problems;
}
