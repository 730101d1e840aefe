import { memberRuleProblems } from '../member-rules';
import { MemberKind } from '../membership.enums';

const colleges = new Set(['individuals', 'public_bodies']);

describe('memberRuleProblems', () => {
  it('accepts a person and an organisation with their own fields', () => {
    expect(
      memberRuleProblems(
        { kind: MemberKind.Person, region: '06', college: 'individuals' },
        colleges,
      ),
    ).toEqual([]);
    expect(
      memberRuleProblems(
        {
          kind: MemberKind.Organisation,
          region: '17',
          college: 'public_bodies',
          organisationCategory: 'mrc',
          sizeBand: 'small',
          representativeName: 'R',
        },
        colleges,
      ),
    ).toEqual([]);
  });

  it('names an unknown college, a region outside 01–17 and missing organisation fields', () => {
    expect(
      memberRuleProblems(
        { kind: MemberKind.Organisation, region: '18', college: 'nowhere' },
        colleges,
      ).map((p) => p.code),
    ).toEqual(['UNKNOWN_COLLEGE', 'UNKNOWN_REGION', 'ORGANISATION_FIELDS_REQUIRED']);
  });

  it('refuses organisation fields on a person', () => {
    expect(
      memberRuleProblems(
        { kind: MemberKind.Person, region: '01', college: 'individuals', sizeBand: 'large' },
        colleges,
      ),
    ).toEqual([{ field: 'kind', code: 'PERSON_FIELDS_ONLY' }]);
  });
});
