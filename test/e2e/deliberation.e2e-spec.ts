import { EventEmitter2 } from '@nestjs/event-emitter';
import { CharterVersion, DecisionType } from '@delibera/charter';
import { Council, CouncilSeat, SeatStatus } from '@delibera/councils';
import { DomainEvent, OpinionPublishedEvent, Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { ProposalOrigin, ProposalsService, ProposalStatus } from '@delibera/proposals';
import { signedInMember } from '../factories';
import { assemblyWithProposal } from '../factories/assemblies';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const POST = `mutation ($input: PostArgumentInput!) {
  postArgument(input: $input) { id stance body bodyHtml revision author { displayName } } }`;
const REPLY = `mutation ($input: ReplyToArgumentInput!) {
  replyToArgument(input: $input) { id parentId depth stance } }`;
const EDIT = `mutation ($input: EditArgumentInput!) {
  editArgument(input: $input) { id body revision editedAt revisions { revision body } } }`;
const ENDORSE = 'mutation ($id: UUID!) { endorseArgument(argumentId: $id) { id } }';
const UNENDORSE = 'mutation ($id: UUID!) { unendorseArgument(argumentId: $id) { id } }';
const FLAG = `mutation ($input: FlagArgumentInput!) { flagArgument(input: $input) { id kind } }`;
const RESOLVE = `mutation ($input: ResolveFlagInput!) {
  resolveFlag(input: $input) { id hidden hiddenReason moderatorNote body } }`;
const COUNTS = `query ($proposalId: UUID!) {
  deliberationCounts(proposalId: $proposalId) { for against question information } }`;
const THREAD = `query ($proposalId: UUID!, $councilId: UUID, $first: Int) {
  proposalThread(proposalId: $proposalId, councilId: $councilId) {
    restricted
    counts { for against }
    arguments(first: $first) {
      totalCount
      pageInfo { hasNextPage }
      edges { node {
        id stance body hidden hiddenReason moderatorNote revision
        author { id displayName }
        replyCount endorsementCount endorsedByMe myOpenFlags
        revisions { revision body }
        replies(first: 5) { id body depth author { displayName } replyCount endorsementCount endorsedByMe }
      } }
    }
  } }`;

interface ThreadNode {
  id: string;
  stance: string;
  body: string;
  hidden: boolean;
  hiddenReason: string | null;
  moderatorNote: string | null;
  revision: number;
  author: { id: string; displayName: string };
  replyCount: number;
  endorsementCount: number;
  endorsedByMe: boolean;
  myOpenFlags: string[];
  revisions: { revision: number; body: string }[];
  replies: { id: string; body: string; depth: number }[];
}
interface ThreadData {
  proposalThread: {
    restricted: boolean;
    counts: { for: number; against: number };
    arguments: { totalCount: number; edges: { node: ThreadNode }[] };
  };
}

type Caller = Awaited<ReturnType<typeof signedInMember>>;

describe('deliberation (e2e)', () => {
  let app: TestApp;
  let proposals: ProposalsService;
  let secretary: Caller;
  let alice: Caller;
  let bruno: Caller;
  let chloe: Caller;
  let moderator: Caller;
  let youth: Council;
  let charterVersionId: string;

  /** A proposal walked through the real transitions to `target`. */
  async function proposalIn(target: ProposalStatus): Promise<string> {
    const path: Partial<Record<ProposalStatus, ProposalStatus[]>> = {
      [ProposalStatus.Draft]: [],
      [ProposalStatus.Deliberation]: [ProposalStatus.Submitted, ProposalStatus.Deliberation],
      [ProposalStatus.Adopted]: [
        ProposalStatus.Submitted,
        ProposalStatus.Deliberation,
        ProposalStatus.Voting,
        ProposalStatus.Adopted,
      ],
    };
    const draft = await proposals.createDraft({
      decisionType: DecisionType.ContributionScale,
      origin: ProposalOrigin.Board,
      title: 'Barème des contributions 2027',
      body: 'Texte du barème.',
      authorMemberId: null,
      createdByAccountId: secretary.account.id,
    });
    // A general assembly decides a scale: its vote needs the proposal on a convened one's agenda.
    if (path[target]?.includes(ProposalStatus.Voting))
      await assemblyWithProposal(app.dataSource, draft.id);
    for (const to of path[target] ?? []) {
      await app.dataSource.transaction((manager) =>
        proposals.transition(manager, {
          proposalId: draft.id,
          to,
          actorAccountId: secretary.account.id,
          // Each phase's columns, as the proposal lifecycle sets them (voting needs its dates).
          set: {
            [ProposalStatus.Submitted]: { submittedAt: new Date(), charterVersionId },
            [ProposalStatus.Voting]: {
              votingOpensAt: new Date(),
              votingClosesAt: new Date(Date.now() + 86_400_000),
            },
          }[to as string],
        }),
      );
    }
    return draft.id;
  }

  async function seat(member: Member, council: Council): Promise<void> {
    await app.dataSource.getRepository(CouncilSeat).save({
      councilId: council.id,
      memberId: member.id,
      status: SeatStatus.Active,
      termStart: '2026-01-01',
      termEnd: '2028-01-01',
    });
  }

  const post = (caller: Caller, input: Record<string, unknown>) =>
    app.gql<{ postArgument: { id: string; body: string; bodyHtml: string } }>(
      POST,
      { input },
      {
        token: caller.token,
      },
    );
  const thread = (caller: Caller, proposalId: string, councilId?: string, locale?: string) =>
    app.gql<ThreadData>(
      THREAD,
      { proposalId, councilId, first: 50 },
      { token: caller.token, locale },
    );
  const counts = async (caller: Caller, proposalId: string) =>
    ok(
      await app.gql<{ deliberationCounts: Record<string, number> }>(
        COUNTS,
        { proposalId },
        { token: caller.token },
      ),
    ).deliberationCounts;
  const argumentRows = async (proposalId: string): Promise<number> => {
    const [{ n }] = await app.dataSource.query(
      'SELECT count(*)::int AS n FROM argument WHERE proposal_id = $1',
      [proposalId],
    );
    return n;
  };

  beforeAll(async () => {
    app = await startTestApp();
    proposals = app.app.get(ProposalsService);
    charterVersionId = (
      await app.dataSource.getRepository(CharterVersion).findOneByOrFail({ version: 1 })
    ).id;
    [secretary, alice, bruno, chloe, moderator] = await Promise.all([
      signedInMember(app, [Role.Secretary]),
      signedInMember(app),
      signedInMember(app),
      signedInMember(app),
      signedInMember(app, [Role.Moderator]),
    ]);
    youth = await app.dataSource.getRepository(Council).findOneByOrFail({ code: 'youth' });
  });
  afterAll(() => app.close());

  it('lets members argue for and against, reply, endorse and edit with history, and counts them', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const forArg = ok(
      await post(alice, {
        proposalId,
        stance: 'For',
        body: 'Le barème est **juste**.<script>alert(1)</script>',
      }),
    ).postArgument;
    expect(forArg.bodyHtml).toBe('<p>Le barème est <strong>juste</strong>.</p>\n');
    ok(await post(bruno, { proposalId, stance: 'Against', body: 'Trop lourd pour les petites.' }));
    ok(await post(chloe, { proposalId, stance: 'Against', body: 'Les OBNL paient trop.' }));
    ok(await post(chloe, { proposalId, stance: 'Question', body: 'Et les MRC ?' }));

    const reply = ok(
      await app.gql<{
        replyToArgument: { parentId: string; depth: number; stance: string | null };
      }>(
        REPLY,
        { input: { argumentId: forArg.id, body: 'Je suis d’accord.' } },
        { token: bruno.token },
      ),
    ).replyToArgument;
    expect(reply).toEqual({ id: expect.any(String), parentId: forArg.id, depth: 1, stance: null });
    // A tagged reply counts too.
    ok(
      await app.gql(
        REPLY,
        { input: { argumentId: forArg.id, stance: 'For', body: 'Moi aussi.' } },
        { token: chloe.token },
      ),
    );

    ok(await app.gql(ENDORSE, { id: forArg.id }, { token: bruno.token }));
    expect(errorCode(await app.gql(ENDORSE, { id: forArg.id }, { token: bruno.token }))).toBe(
      'ALREADY_ENDORSED',
    );
    expect(errorCode(await app.gql(ENDORSE, { id: forArg.id }, { token: alice.token }))).toBe(
      'CANNOT_ENDORSE_OWN',
    );
    ok(await app.gql(ENDORSE, { id: forArg.id }, { token: chloe.token }));
    ok(await app.gql(UNENDORSE, { id: forArg.id }, { token: chloe.token }));
    expect(errorCode(await app.gql(UNENDORSE, { id: forArg.id }, { token: chloe.token }))).toBe(
      'NOT_ENDORSED',
    );

    const edited = ok(
      await app.gql<{ editArgument: { body: string; revision: number; revisions: unknown[] } }>(
        EDIT,
        { input: { argumentId: forArg.id, body: 'Le barème est juste et progressif.' } },
        { token: alice.token },
      ),
    ).editArgument;
    expect(edited).toMatchObject({
      body: 'Le barème est juste et progressif.',
      revision: 2,
      revisions: [
        { revision: 1, body: 'Le barème est **juste**.<script>alert(1)</script>' },
        { revision: 2, body: 'Le barème est juste et progressif.' },
      ],
    });
    expect(
      errorCode(
        await app.gql(
          EDIT,
          { input: { argumentId: forArg.id, body: 'Détourné.' } },
          { token: bruno.token },
        ),
      ),
    ).toBe('NOT_ARGUMENT_AUTHOR');

    const seen = ok(await thread(bruno, proposalId)).proposalThread;
    expect(seen.restricted).toBe(false);
    expect(seen.counts).toEqual({ for: 2, against: 2 });
    expect(seen.arguments.totalCount).toBe(4);
    const first = seen.arguments.edges[0].node;
    expect(first).toMatchObject({
      id: forArg.id,
      stance: 'For',
      body: 'Le barème est juste et progressif.',
      replyCount: 2,
      endorsementCount: 1,
      endorsedByMe: true,
      replies: [
        { body: 'Je suis d’accord.', depth: 1 },
        { body: 'Moi aussi.', depth: 1 },
      ],
    });
    expect(seen.arguments.edges.map((e) => e.node.stance)).toEqual([
      'For',
      'Against',
      'Against',
      'Question',
    ]);
    expect(await counts(alice, proposalId)).toEqual({
      for: 2,
      against: 2,
      question: 1,
      information: 0,
    });
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'argument.edited'
         AND data->'after'->>'body' = 'Le barème est juste et progressif.'`,
      [forArg.id],
    );
    expect(n).toBe(1);
  });

  it('hides an argument flagged by two members: members see the notice, the moderator the text, the audit log the original', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const text = 'Le barème **triple** pour tous, selon une source secrète.';
    const { id } = ok(
      await post(alice, { proposalId, stance: 'Against', body: text }),
    ).postArgument;
    const byBruno = ok(
      await app.gql<{ flagArgument: { id: string } }>(
        FLAG,
        { input: { argumentId: id, kind: 'False', note: 'Chiffre inventé.' } },
        { token: bruno.token },
      ),
    ).flagArgument;
    expect(
      errorCode(
        await app.gql(FLAG, { input: { argumentId: id, kind: 'False' } }, { token: bruno.token }),
      ),
    ).toBe('ALREADY_FLAGGED');
    ok(
      await app.gql(
        FLAG,
        { input: { argumentId: id, kind: 'SourceNeeded' } },
        { token: chloe.token },
      ),
    );
    const mine = ok(await thread(chloe, proposalId)).proposalThread.arguments.edges[0].node;
    expect(mine.myOpenFlags).toEqual(['SourceNeeded']);

    // Members cannot see or work the queue, nor resolve.
    const queueQuery = `{ moderationQueue(first: 50) { totalCount edges { node { id kind flaggedBy { displayName } argument { id body } } } } }`;
    expect(errorCode(await app.gql(queueQuery, {}, { token: bruno.token }))).toBe('NOT_MODERATOR');
    const refused = await app.gql(
      RESOLVE,
      { input: { flagId: byBruno.id, resolution: 'Hidden', note: 'Faux.' } },
      { token: chloe.token },
    );
    expect(errorCode(refused)).toBe('NOT_MODERATOR');
    expect(
      errorCode(
        await app.gql(
          RESOLVE,
          { input: { flagId: byBruno.id, resolution: 'Hidden' } },
          { token: moderator.token },
        ),
      ),
    ).toBe('REQUIRED');

    const queue = ok(
      await app.gql<{
        moderationQueue: { edges: { node: { id: string; argument: { id: string } } }[] };
      }>(queueQuery, {}, { token: moderator.token }),
    ).moderationQueue;
    expect(queue.edges.filter((e) => e.node.argument.id === id)).toHaveLength(2);

    const hidden = ok(
      await app.gql<{ resolveFlag: { hidden: boolean; body: string } }>(
        RESOLVE,
        { input: { flagId: byBruno.id, resolution: 'Hidden', note: 'Information fausse.' } },
        { token: moderator.token },
      ),
    ).resolveFlag;
    expect(hidden).toMatchObject({ hidden: true, body: text });
    expect(
      errorCode(
        await app.gql(
          RESOLVE,
          { input: { flagId: byBruno.id, resolution: 'Kept' } },
          { token: moderator.token },
        ),
      ),
    ).toBe('FLAG_ALREADY_RESOLVED');

    const asMember = ok(await thread(bruno, proposalId)).proposalThread;
    const node = asMember.arguments.edges[0].node;
    expect(node.hidden).toBe(true);
    expect(node.body).toBe(
      '*Cet argument a été masqué par la modération. Motif : Information fausse.*',
    );
    expect(node.revisions).toEqual([]);
    expect(JSON.stringify(asMember)).not.toContain('triple');
    const inEnglish = ok(await thread(bruno, proposalId, undefined, 'en')).proposalThread;
    expect(inEnglish.arguments.edges[0].node.body).toBe(
      '*This argument was hidden by moderation. Reason: Information fausse.*',
    );
    expect(asMember.counts).toEqual({ for: 0, against: 0 });

    const asModerator = ok(await thread(moderator, proposalId)).proposalThread;
    expect(asModerator.arguments.edges[0].node).toMatchObject({ hidden: true, body: text });

    const [audit] = await app.dataSource.query(
      `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'argument.flags_hidden'`,
      [id],
    );
    expect(audit.data.hiddenContent.body).toBe(text);
    expect(audit.data.flagIds).toHaveLength(2);
    const [{ open }] = await app.dataSource.query(
      'SELECT count(*)::int AS open FROM argument_flag WHERE argument_id = $1 AND resolution IS NULL',
      [id],
    );
    expect(open).toBe(0);
    expect(errorCode(await app.gql(ENDORSE, { id }, { token: chloe.token }))).toBe(
      'ARGUMENT_HIDDEN',
    );
  });

  it('restores a hidden argument with a reason: members read it again, the audit log keeps both decisions', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const text = 'Le rapport annuel le confirme, page 12.';
    const { id } = ok(await post(alice, { proposalId, stance: 'For', body: text })).postArgument;
    const RESTORE = `mutation ($input: RestoreArgumentInput!) {
      restoreArgument(input: $input) { id hidden hiddenReason body } }`;
    expect(
      errorCode(
        await app.gql(
          RESTORE,
          { input: { argumentId: id, reason: 'Vérifié.' } },
          { token: moderator.token },
        ),
      ),
    ).toBe('ARGUMENT_NOT_HIDDEN');
    const flag = ok(
      await app.gql<{ flagArgument: { id: string } }>(
        FLAG,
        { input: { argumentId: id, kind: 'False' } },
        { token: bruno.token },
      ),
    ).flagArgument;
    ok(
      await app.gql(
        RESOLVE,
        { input: { flagId: flag.id, resolution: 'Hidden', note: 'Source introuvable.' } },
        { token: moderator.token },
      ),
    );
    // Members cannot restore; a blank reason changes nothing.
    expect(
      errorCode(
        await app.gql(
          RESTORE,
          { input: { argumentId: id, reason: 'Non.' } },
          { token: bruno.token },
        ),
      ),
    ).toBe('NOT_MODERATOR');
    expect(
      errorCode(
        await app.gql(
          RESTORE,
          { input: { argumentId: id, reason: '   ' } },
          { token: moderator.token },
        ),
      ),
    ).toBe('REQUIRED');
    expect(ok(await thread(bruno, proposalId)).proposalThread.arguments.edges[0].node.hidden).toBe(
      true,
    );

    const restored = ok(
      await app.gql<{ restoreArgument: Record<string, unknown> }>(
        RESTORE,
        { input: { argumentId: id, reason: 'La source est à la page 12 du rapport.' } },
        { token: moderator.token },
      ),
    ).restoreArgument;
    expect(restored).toEqual({ id, hidden: false, hiddenReason: null, body: text });
    const asMember = ok(await thread(bruno, proposalId)).proposalThread;
    expect(asMember.arguments.edges[0].node).toMatchObject({ hidden: false, body: text });
    expect(asMember.counts).toMatchObject({ for: 1 });

    const actions = await app.dataSource.query(
      `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action LIKE 'argument.%' ORDER BY seq`,
      [id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['argument.flags_hidden', 'argument.restored']),
    );
    expect(actions.find((a: { action: string }) => a.action === 'argument.restored').data).toEqual({
      reason: 'La source est à la page 12 du rapport.',
      hiddenReason: 'Source introuvable.',
    });
  });

  it('lets a moderator annotate, and an editorial committee member moderate', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const { id } = ok(
      await post(alice, { proposalId, stance: 'Information', body: 'Le budget double.' }),
    ).postArgument;
    const flag = ok(
      await app.gql<{ flagArgument: { id: string } }>(
        FLAG,
        { input: { argumentId: id, kind: 'NeedsVerification' } },
        { token: bruno.token },
      ),
    ).flagArgument;
    const editor = await signedInMember(app);
    const committee = await app.dataSource.getRepository(Council).save({
      code: 'editorial_committee',
      nameFr: 'Comité éditorial',
      nameEn: 'Editorial committee',
      seats: 5,
      termMonths: 12,
    });
    await seat(editor.member, committee);
    const annotated = ok(
      await app.gql<{ resolveFlag: Record<string, unknown> }>(
        RESOLVE,
        { input: { flagId: flag.id, resolution: 'Annotated', note: 'Il augmente de 12 %.' } },
        { token: editor.token },
      ),
    ).resolveFlag;
    expect(annotated).toMatchObject({
      hidden: false,
      moderatorNote: 'Il augmente de 12 %.',
      body: 'Le budget double.',
    });
  });

  it('keeps a restricted council thread to its members until the opinion is published', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const young = await signedInMember(app);
    await seat(young.member, youth);

    const posted = ok(
      await post(young, {
        proposalId,
        councilId: youth.id,
        stance: 'For',
        body: 'Le conseil des jeunes appuie.',
      }),
    ).postArgument;
    const youthThread = ok(await thread(young, proposalId, youth.id)).proposalThread;
    expect(youthThread.restricted).toBe(true);
    expect(youthThread.arguments.totalCount).toBe(1);

    const refusedPost = await post(alice, {
      proposalId,
      councilId: youth.id,
      stance: 'Against',
      body: 'Je ne suis pas jeune.',
    });
    expect(errorCode(refusedPost)).toBe('NOT_COUNCIL_MEMBER');
    const refusedRead = await thread(alice, proposalId, youth.id);
    expect(errorCode(refusedRead)).toBe('NOT_COUNCIL_MEMBER');
    expect(JSON.stringify(refusedRead)).not.toContain('appuie');
    for (const attempt of [
      app.gql(
        REPLY,
        { input: { argumentId: posted.id, body: 'Et moi ?' } },
        { token: alice.token },
      ),
      app.gql(
        `query ($id: UUID!) { argumentReplies(argumentId: $id) { totalCount } }`,
        { id: posted.id },
        { token: alice.token },
      ),
      app.gql(FLAG, { input: { argumentId: posted.id, kind: 'False' } }, { token: alice.token }),
    ]) {
      expect(errorCode(await attempt)).toBe('NOT_COUNCIL_MEMBER');
    }
    // Counts over the proposal do not include what the caller may not read.
    expect((await counts(alice, proposalId)).for).toBe(0);
    expect((await counts(young, proposalId)).for).toBe(1);
    expect(await argumentRows(proposalId)).toBe(1);

    const publish = (then: () => void = () => undefined) =>
      app.dataSource.transaction(async (manager) => {
        const event: OpinionPublishedEvent = { manager, proposalId, councilId: youth.id };
        await app.app.get(EventEmitter2).emitAsync(DomainEvent.OpinionPublished, event);
        then();
      });
    // The opening is part of the publisher's transaction: if publishing fails, the thread stays closed.
    await expect(
      publish(() => {
        throw new Error('opinion not stored');
      }),
    ).rejects.toThrow('opinion not stored');
    expect(errorCode(await thread(alice, proposalId, youth.id))).toBe('NOT_COUNCIL_MEMBER');

    await publish();

    const opened = ok(await thread(alice, proposalId, youth.id)).proposalThread;
    expect(opened.restricted).toBe(false);
    expect(opened.arguments.edges[0].node.body).toBe('Le conseil des jeunes appuie.');
    expect((await counts(alice, proposalId)).for).toBe(1);
    // Readable by all, but still the council's thread to write in.
    expect(
      errorCode(
        await post(alice, { proposalId, councilId: youth.id, stance: 'For', body: 'Bravo.' }),
      ),
    ).toBe('NOT_COUNCIL_MEMBER');
  });

  it('lets the secretary lift a council thread’s restriction before the opinion, not an ordinary member', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const SET = `mutation ($input: SetCouncilThreadRestrictedInput!) {
      setCouncilThreadRestricted(input: $input) { councilId restricted } }`;
    const input = { proposalId, councilId: youth.id, restricted: false };
    expect(errorCode(await app.gql(SET, { input }, { token: alice.token }))).toBe('FORBIDDEN');
    const unknown = { ...input, councilId: '00000000-0000-4000-8000-000000000000' };
    expect(errorCode(await app.gql(SET, { input: unknown }, { token: secretary.token }))).toBe(
      'COUNCIL_NOT_FOUND',
    );
    expect(errorCode(await thread(alice, proposalId, youth.id))).toBe('NOT_COUNCIL_MEMBER');
    const lifted = ok(
      await app.gql<{ setCouncilThreadRestricted: { restricted: boolean } }>(
        SET,
        { input },
        { token: secretary.token },
      ),
    );
    expect(lifted.setCouncilThreadRestricted.restricted).toBe(false);
    expect(ok(await thread(alice, proposalId, youth.id)).proposalThread.restricted).toBe(false);
  });

  it('nests replies at most three levels deep and pages a thread by cursor', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    let parent = ok(await post(alice, { proposalId, stance: 'Question', body: 'Niveau 0' }))
      .postArgument.id;
    for (const depth of [1, 2, 3]) {
      parent = ok(
        await app.gql<{ replyToArgument: { id: string; depth: number } }>(
          REPLY,
          { input: { argumentId: parent, body: `Niveau ${depth}` } },
          { token: bruno.token },
        ),
      ).replyToArgument.id;
    }
    const tooDeep = await app.gql(
      REPLY,
      { input: { argumentId: parent, body: 'Niveau 4' } },
      { token: alice.token },
    );
    expect(errorCode(tooDeep)).toBe('REPLY_TOO_DEEP');
    expect(await argumentRows(proposalId)).toBe(4);

    ok(await post(bruno, { proposalId, stance: 'For', body: 'Deuxième' }));
    ok(await post(chloe, { proposalId, stance: 'Against', body: 'Troisième' }));
    const PAGE = `query ($proposalId: UUID!, $after: String) {
      proposalThread(proposalId: $proposalId) {
        arguments(first: 2, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { body } } } } }`;
    type Page = {
      proposalThread: {
        arguments: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { body: string } }[];
        };
      };
    };
    const one = ok(await app.gql<Page>(PAGE, { proposalId }, { token: chloe.token })).proposalThread
      .arguments;
    expect(one.edges.map((e) => e.node.body)).toEqual(['Niveau 0', 'Deuxième']);
    expect(one).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const two = ok(
      await app.gql<Page>(
        PAGE,
        { proposalId, after: one.pageInfo.endCursor },
        { token: chloe.token },
      ),
    ).proposalThread.arguments;
    expect(two.edges.map((e) => e.node.body)).toEqual(['Troisième']);
    expect(two.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses arguments on draft and decided proposals with DELIBERATION_CLOSED', async () => {
    for (const status of [ProposalStatus.Draft, ProposalStatus.Adopted]) {
      const proposalId = await proposalIn(status);
      const response = await post(alice, {
        proposalId,
        stance: 'For',
        body: 'Trop tôt ou trop tard.',
      });
      expect(errorCode(response)).toBe('DELIBERATION_CLOSED');
      expect(await argumentRows(proposalId)).toBe(0);
    }
  });

  it('refuses an overlong or empty body with a validation code and writes nothing', async () => {
    const proposalId = await proposalIn(ProposalStatus.Deliberation);
    const auditBefore = await app.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    const overlong = await post(alice, { proposalId, stance: 'For', body: 'x'.repeat(10_001) });
    expect(errorCode(overlong)).toBe('TOO_LONG');
    const blank = await post(alice, { proposalId, stance: 'For', body: '   \n ' });
    expect(errorCode(blank)).toBe('REQUIRED');
    expect(await argumentRows(proposalId)).toBe(0);
    const auditAfter = await app.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    expect(auditAfter).toEqual(auditBefore);
  });
});
