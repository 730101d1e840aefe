import { DecisionType } from '@delibera/charter';
import { AssemblyKind } from '../assemblies.enums';
import { noticeDaysGiven, requiredNoticeDays } from '../notice';

const rules = [
  { decisionType: DecisionType.OrdinaryResolution, minNoticeDays: 14 },
  { decisionType: DecisionType.SpecialResolution, minNoticeDays: 30 },
  { decisionType: DecisionType.TrusteeElection, minNoticeDays: 21 },
];

describe('assembly notice', () => {
  it('asks a general assembly for the ordinary notice at least, and the longest notice of its agenda', () => {
    expect(requiredNoticeDays(AssemblyKind.GeneralAssembly, rules, [])).toBe(14);
    expect(
      requiredNoticeDays(AssemblyKind.GeneralAssembly, rules, [DecisionType.TrusteeElection]),
    ).toBe(21);
    expect(
      requiredNoticeDays(AssemblyKind.GeneralAssembly, rules, [
        DecisionType.TrusteeElection,
        DecisionType.SpecialResolution,
      ]),
    ).toBe(30);
  });

  it('asks no notice of council and public meetings, which take no binding decision', () => {
    expect(requiredNoticeDays(AssemblyKind.PublicMeeting, rules, [])).toBe(0);
    expect(
      requiredNoticeDays(AssemblyKind.CouncilMeeting, rules, [DecisionType.SpecialResolution]),
    ).toBe(0);
  });

  it('counts whole days only: one minute short of 14 days is 13 days of notice', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(noticeDaysGiven(now, new Date('2026-03-15T12:00:00Z'))).toBe(14);
    expect(noticeDaysGiven(now, new Date('2026-03-15T11:59:00Z'))).toBe(13);
  });
});
