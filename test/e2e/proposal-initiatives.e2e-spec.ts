import { CharterService } from '@delibera/charter';
import { ProposalSupportExpiryHandler } from '@delibera/proposals';
import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const DRAFT = `mutation ($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`;
const SUBMIT = `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status supportEndsAt } }`;
const COSIGN = `mutation ($id: UUID!) { cosignProposal(proposalId: $id) { status cosignatureCount deliberationEndsAt } }`;
const DAY = 86_400_000;

describe('member initiatives and their co-signatures (e2e)', () => {
  let app: TestApp;
  let author: string;

  beforeAll(async () => {
    app = await startTestApp();
    // A charter amendment lowers the threshold to 2 co-signatures within 60 days, so the test stays small.
    await app.dataSource.transaction((manager) =>
      app.app.get(CharterService).adoptNextVersion(manager, {
        proposalId: '00000000-0000-4000-8000-0000000000aa',
        actorAccountId: null,
        summary: 'Seuil d’initiative abaissé',
        settings: { initiativeCosignatures: 2, initiativeSupportDays: 60 },
      }),
    );
    author = (await signedInMember(app)).token;
  });
  afterAll(() => app.close());

  async function submittedInitiative(title: string): Promise<string> {
    const { id } = ok(
      await app.gql<{ draftProposal: { id: string } }>(
        DRAFT,
        { input: { decisionType: 'OrdinaryResolution', title, body: 'Que la fiducie…' } },
        { token: author },
      ),
    ).draftProposal;
    const submitted = ok(
      await app.gql<{ submitProposal: { status: string; supportEndsAt: string } }>(
        SUBMIT,
        { input: { proposalId: id } },
        { token: author },
      ),
    ).submitProposal;
    expect(submitted.status).toBe('Support');
    expect(new Date(submitted.supportEndsAt).getTime() - Date.now()).toBeGreaterThan(59 * DAY);
    return id;
  }

  const status = async (id: string) =>
    (await app.dataSource.query('SELECT status FROM proposal WHERE id = $1', [id]))[0].status;

  it('moves on when the threshold is reached, counting each member once and never the author', async () => {
    const id = await submittedInitiative('Jardins communautaires');
    const [first, second] = [await signedInMember(app), await signedInMember(app)];
    expect(errorCode(await app.gql(COSIGN, { id }, { token: author }))).toBe('OWN_INITIATIVE');
    const once = ok(
      await app.gql<{ cosignProposal: { status: string; cosignatureCount: number } }>(
        COSIGN,
        { id },
        { token: first.token },
      ),
    ).cosignProposal;
    expect(once).toMatchObject({ status: 'Support', cosignatureCount: 1 });
    expect(errorCode(await app.gql(COSIGN, { id }, { token: first.token }))).toBe(
      'ALREADY_COSIGNED',
    );

    const before = Date.now();
    const reached = ok(
      await app.gql<{
        cosignProposal: { status: string; cosignatureCount: number; deliberationEndsAt: string };
      }>(COSIGN, { id }, { token: second.token }),
    ).cosignProposal;
    // An ordinary resolution consults no council: straight to deliberation, 7 days from now.
    expect(reached).toMatchObject({ status: 'Deliberation', cosignatureCount: 2 });
    const lasts = new Date(reached.deliberationEndsAt).getTime() - before;
    expect(lasts).toBeGreaterThanOrEqual(7 * DAY);
    expect(lasts).toBeLessThan(7 * DAY + 60_000);
    expect(await status(id)).toBe('deliberation');
  });

  it('expires at its deadline without enough co-signatures, and takes none after', async () => {
    const id = await submittedInitiative('Piste cyclable');
    const supporter = await signedInMember(app);
    ok(await app.gql(COSIGN, { id }, { token: supporter.token }));

    const handler = app.app.get(ProposalSupportExpiryHandler);
    // Not due yet: the handler re-reads the date and does nothing.
    expect(await handler.handle({ id, version: 1 })).toBe('not_due');
    expect(await status(id)).toBe('support');

    await app.dataSource.query(
      `UPDATE proposal SET support_ends_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    // A job of a superseded schedule (another version) does nothing, even when the date has passed.
    expect(await handler.handle({ id, version: 2 })).toBe('not_due');
    expect(await status(id)).toBe('support');
    expect(await handler.handle({ id, version: 1 })).toBe('done');
    expect(await handler.handle({ id, version: 1 })).toBe('not_due');
    expect(await status(id)).toBe('expired');
    const late = await signedInMember(app);
    expect(errorCode(await app.gql(COSIGN, { id }, { token: late.token }))).toBe('NOT_IN_PHASE');
    const [{ n }] = await app.dataSource.query(
      'SELECT count(*)::int AS n FROM proposal_cosignature WHERE proposal_id = $1',
      [id],
    );
    expect(n).toBe(1);
  });
});
