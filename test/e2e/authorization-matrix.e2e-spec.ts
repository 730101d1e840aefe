import fc from 'fast-check';
import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { liveSchema, LiveSchema } from './graphql-arbitraries';
import { startTestApp, TestApp } from './test-app';

/**
 * Who may call what, for every operation of the schema: anyone (`public`), any
 * signed-in account (`signed-in`, then per-resource rules — author, council
 * member, chair — are the domain's, tested in its own e2e tests), or only the
 * roles listed. An operation missing from this table fails the test, so a new
 * one cannot ship without a decision about who may call it.
 */
type Access = 'public' | 'signed-in' | Role[];

const { Secretary, Trustee, Admin } = Role;
const REGISTER_READERS = [Secretary, Trustee, Admin];

const ACCESS: Record<string, Access> = {
  // accounts
  login: 'public',
  acceptInvitation: 'public',
  refreshSession: 'public',
  logout: 'signed-in',
  changePassword: 'signed-in',
  me: 'signed-in',
  // membership
  colleges: 'signed-in',
  members: REGISTER_READERS,
  member: REGISTER_READERS, // or oneself: another member's record is refused
  inviteMember: [Secretary],
  changeMemberStatus: [Secretary],
  importMembers: [Secretary],
  // charter
  charter: 'signed-in',
  charterHistory: 'signed-in',
  // councils
  councils: 'signed-in',
  applyToCouncil: 'signed-in',
  decideCouncilSeat: 'signed-in', // the council's chair or the secretary, per seat
  createCouncil: [Secretary],
  updateCouncil: [Secretary],
  dissolveCouncil: [Secretary],
  setCouncilChair: [Secretary],
  // proposals (author, council member and chair rules are per resource: see proposals-journey)
  proposals: 'signed-in',
  proposal: 'signed-in',
  draftProposal: 'signed-in',
  draftBoardProposal: [Secretary, Trustee],
  editProposalDraft: 'signed-in',
  submitProposal: 'signed-in',
  cosignProposal: 'signed-in',
  advanceProposal: 'signed-in',
  withdrawProposal: 'signed-in',
  cancelProposal: [Secretary],
  markProposalImplemented: [Secretary],
  attachProposalLink: 'signed-in',
  draftCouncilOpinion: 'signed-in',
  putCouncilOpinionToVote: 'signed-in', // the council's chair or the secretary, per council
  proposeAmendment: 'signed-in',
  decideAmendment: 'signed-in',
  putAmendmentToVote: 'signed-in', // the proposal's author or the secretary, per proposal
  // notifications
  myNotifications: 'signed-in',
  markNotificationsRead: 'signed-in',
  myNotificationPreferences: 'signed-in',
  updateNotificationPreferences: 'signed-in',
  // deliberation: council threads and moderation are per-resource (council seat, moderator role or editorial committee)
  proposalThread: 'signed-in',
  argumentReplies: 'signed-in',
  deliberationCounts: 'signed-in',
  postArgument: 'signed-in',
  replyToArgument: 'signed-in',
  editArgument: 'signed-in',
  endorseArgument: 'signed-in',
  unendorseArgument: 'signed-in',
  flagArgument: 'signed-in',
  moderationQueue: [Role.Moderator], // or an editorial-committee seat
  resolveFlag: [Role.Moderator], // or an editorial-committee seat
  restoreArgument: [Role.Moderator], // or an editorial-committee seat
  setCouncilThreadRestricted: 'signed-in',
  // voting: casting is per-resource (the frozen roll); results are published after close
  votes: 'signed-in',
  vote: 'signed-in',
  voteParticipants: 'signed-in',
  voteReceipts: 'signed-in',
  voteBallots: 'signed-in',
  checkReceipt: 'signed-in',
  castBallot: 'signed-in',
  recount: [Secretary, Trustee, Admin],
  scheduleVote: [Secretary, Admin],
  rescheduleVote: [Secretary, Admin],
  openVote: [Secretary, Admin],
  closeVote: [Secretary, Admin],
  scheduleSurvey: [Secretary, Admin],
  callReferendum: [Trustee],
  // assemblies: attendance and proxies are the member's own (or the secretary's)
  assemblies: 'signed-in',
  assembly: 'signed-in',
  conveneAssembly: [Secretary],
  addAgendaItem: [Secretary],
  reorderAgenda: [Secretary],
  closeAssembly: [Secretary],
  cancelAssembly: [Secretary],
  checkIn: [Secretary], // or oneself
  checkOut: [Secretary], // or oneself
  grantProxy: [Secretary], // or one's own proxy
  revokeProxy: 'signed-in',
  registerForMeeting: 'signed-in',
  cancelMeetingRegistration: 'signed-in',
  // contributions: scales and money are the treasurer's; trustees read the campaign;
  // members read their own calls and record in-kind work; chairs decide hours per council
  contributionScales: 'signed-in', // drafts only for the treasurer and trustees
  contributionScale: 'signed-in',
  contributionScaleSimulation: 'signed-in',
  contributionScaleSimulatedOrganisations: 'signed-in',
  draftContributionScale: [Role.Treasurer],
  updateContributionScale: [Role.Treasurer],
  submitContributionScale: [Role.Treasurer],
  submitCompetingContributionScales: [Role.Treasurer, Role.Secretary],
  contributionCalls: [Role.Treasurer, Trustee],
  contributionCampaign: [Role.Treasurer, Trustee],
  myContributionCalls: 'signed-in',
  myContributionCredit: 'signed-in',
  recordContributionPayment: [Role.Treasurer],
  reverseContributionPayment: [Role.Treasurer],
  waiveContributionCall: [Role.Treasurer],
  importBankStatement: [Role.Treasurer],
  matchBankImportRow: [Role.Treasurer],
  unmatchedBankRows: [Role.Treasurer],
  inKindContributions: [Role.Treasurer, Secretary, Trustee], // or a chair for their council, a member for themself
  myInKindContributions: 'signed-in',
  recordVolunteerHours: 'signed-in',
  recordLentResource: 'signed-in',
  decideInKindContribution: 'signed-in', // a council's chair or the secretary; the treasurer for declared resources
  // reports: the board and the secretary; money reports for the treasurer too
  participationReport: REGISTER_READERS,
  membershipReport: REGISTER_READERS,
  councilsReport: REGISTER_READERS,
  campaignReport: [Role.Treasurer, Secretary, Trustee, Admin],
  decisionRegister: REGISTER_READERS,
  proposalPipeline: REGISTER_READERS,
  volunteerReport: [Role.Treasurer, Secretary, Trustee, Admin],
  accountabilityReport: [Role.Treasurer, Secretary, Trustee, Admin],
  // audit
  auditLog: [Secretary, Trustee, Admin],
  auditVerify: [Secretary, Trustee, Admin],
  // operations
  openQueueDashboard: [Admin],
};

/** Role refusals some domains name more precisely than FORBIDDEN. */
const REFUSALS = new Set(['FORBIDDEN', 'NOT_MODERATOR']);

/** Operations whose success as a caller would end that caller's session for the rest of the run. */
const LAST = new Set(['logout', 'changePassword']);

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', ...Object.values(Role)];

function expected(access: Access, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'signed-in') return 'allowed';
  return access.includes(caller as Role) ? 'allowed' : 'FORBIDDEN';
}

describe('authorization matrix (e2e)', () => {
  let app: TestApp;
  let schema: LiveSchema;
  const tokens = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    app = await startTestApp();
    tokens.set('anonymous', undefined);
    for (const role of Object.values(Role)) {
      tokens.set(role, (await signedInMember(app, role === Role.Member ? [] : [role])).token);
    }
    schema = await liveSchema(app, tokens.get(Role.Admin) as string);
  });
  afterAll(() => app.close());

  it('declares who may call every operation of the schema', () => {
    const names = [...schema.operations('query'), ...schema.operations('mutation')].map(
      (f) => f.name,
    );
    expect(names.filter((name) => !(name in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('refuses and allows every operation to every role exactly as declared', async () => {
    const outcomes: string[] = [];
    const wanted: string[] = [];
    const fields = (['query', 'mutation'] as const).flatMap((kind) =>
      schema.operations(kind).map((field) => ({ kind, field })),
    );
    fields.sort((a, b) => Number(LAST.has(a.field.name)) - Number(LAST.has(b.field.name)));
    for (const { kind, field } of fields) {
      const [variables] = fc.sample(schema.arguments(field, 'wellFormed'), { numRuns: 1, seed: 7 });
      for (const caller of CALLERS) {
        const response = await app.gql(schema.document(kind, field), variables, {
          token: tokens.get(caller),
        });
        const code = response.errors?.[0]?.extensions?.code;
        const outcome =
          code === 'UNAUTHENTICATED' ? code : REFUSALS.has(String(code)) ? 'FORBIDDEN' : 'allowed';
        outcomes.push(`${field.name} as ${caller}: ${outcome}`);
        wanted.push(`${field.name} as ${caller}: ${expected(ACCESS[field.name], caller)}`);
      }
    }
    expect(outcomes).toEqual(wanted);
  });
});
