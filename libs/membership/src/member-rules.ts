import { MemberKind } from './membership.enums';
import { QUEBEC_REGIONS } from './regions';

export interface MemberFields {
  kind: MemberKind;
  region: string;
  college: string;
  birthDate?: string | null;
  organisationCategory?: string | null;
  sizeBand?: string | null;
  representativeName?: string | null;
}

export interface RuleProblem {
  field: string;
  code:
    'UNKNOWN_COLLEGE' | 'UNKNOWN_REGION' | 'ORGANISATION_FIELDS_REQUIRED' | 'PERSON_FIELDS_ONLY';
}

/**
 * The membership rules beyond field formats, as a pure function so the form and
 * the CSV import apply exactly the same ones.
 */
export function memberRuleProblems(
  fields: MemberFields,
  collegeCodes: ReadonlySet<string>,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!collegeCodes.has(fields.college))
    problems.push({ field: 'college', code: 'UNKNOWN_COLLEGE' });
  if (!(fields.region in QUEBEC_REGIONS))
    problems.push({ field: 'region', code: 'UNKNOWN_REGION' });
  if (fields.kind === MemberKind.Organisation) {
    if (!fields.organisationCategory || !fields.sizeBand || !fields.representativeName) {
      problems.push({ field: 'organisationCategory', code: 'ORGANISATION_FIELDS_REQUIRED' });
    }
  } else if (fields.organisationCategory || fields.sizeBand || fields.representativeName) {
    problems.push({ field: 'kind', code: 'PERSON_FIELDS_ONLY' });
  }
  return problems;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
