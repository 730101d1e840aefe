import { Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { createMember, signedInMember } from '../factories';
import { grantProxy, inDays, openDoors } from '../factories/assemblies';
import { openVote, scheduleVote, votersIn } from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const CONVENE = `mutation ($input: ConveneAssemblyInput!) {
  conveneAssembly(input: $input) { id noticeDays proxyLimitPerHolder agenda { id position kind decisionType } } }`;
const ADD_ITEM = `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id position } }`;
const REORDER = `mutation ($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id position } }`;
const REVOKE = `mutation ($input: RevokeProxyInput!) { revokeProxy(input: $input) { id endReason } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { checkIn(input: $input) { memberId mode } }`;
const REGISTER = `mutation ($input: MeetingRegistrationInput!) { registerForMeeting(input: $input) { memberId } }`;
const ASSEMBLY = `query ($id: UUID!) { assembly(id: $id) {
  attendance { present remote represented }
  quorum { present represented eligible required met }
  proxies { id } allProxies: proxies(all: true) { id endReason }
  fr: minutes(locale: fr) { markdown sha256 } en: minutes(locale: en) { markdown } } }`;

interface Convened {
  conveneAssembly: {
    id: string;
    noticeDays: number;
    proxyLimitPerHolder: number;
    agenda: { id: string; position: number; kind: string; decisionType: string | null }[];
  };
}

describe('assemblies (e2e)', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  const generalAssembly = (startsInDays: number, agenda: Record<string, unknown>[] = []) => ({
    kind: 'GeneralAssembly',
    generalAssemblyType: 'Annual',
    mode: 'Hybrid',
    titleFr: 'Assemblée générale annuelle',
    titleEn: 'Annual general assembly',
    place: 'Salle communautaire, Montréal',
    url: 'https://meet.example.org/aga',
    startsAt: inDays(startsInDays),
    endsAt: inDays(startsInDays + 1),
    agenda,
  });

  async function convene(startsInDays = 15, agenda: Record<string, unknown>[] = []) {
    const data = ok(
      await app.gql<Convened>(
        CONVENE,
        { input: generalAssembly(startsInDays, agenda) },
        { token: secretary },
      ),
    );
    return data.conveneAssembly;
  }

  /** A member with an access token (minted directly: no argon2 login per member). */
  const memberWithToken = async () => (await votersIn(app, 1))[0];

  const grant = (assemblyId: string, holder: Member, token: string) =>
    grantProxy(app, token, assemblyId, holder.id);

  it('refuses a general assembly convened with less than the charter’s notice (NOTICE_TOO_SHORT), in both languages, and records nothing', async () => {
    await createMember(app.dataSource);
    // Ordinary business needs 14 days (founding charter); 10 days is too short.
    const fr = await app.gql(CONVENE, { input: generalAssembly(10) }, { token: secretary });
    expect(errorCode(fr)).toBe('NOTICE_TOO_SHORT');
    expect(fr.errors?.[0].message).toContain('au moins 14 jours');
    // A special resolution on the agenda needs 30 days: 20 is too short.
    const special = [
      {
        kind: 'Proposal',
        titleFr: 'Modification de l’acte',
        titleEn: 'Deed amendment',
        decisionType: 'SpecialResolution',
      },
    ];
    const en = await app.gql(
      CONVENE,
      { input: generalAssembly(20, special) },
      { token: secretary, locale: 'en' },
    );
    expect(errorCode(en)).toBe('NOTICE_TOO_SHORT');
    expect(en.errors?.[0].message).toBe(
      'Notice must be given at least 30 days before the assembly (19 left).',
    );
    const [{ n }] = await app.dataSource.query('SELECT count(*)::int AS n FROM assembly');
    expect(n).toBe(0);
    const [{ notices }] = await app.dataSource.query(
      `SELECT count(*)::int AS notices FROM notification WHERE kind = 'assembly_notice'`,
    );
    expect(notices).toBe(0);
  });

  it('convenes with enough notice, sends every active member the notice in their language, and guards the agenda', async () => {
    const english = await createMember(app.dataSource, { locale: 'en' });
    const assembly = await convene(31, [
      { kind: 'Information', titleFr: 'Rapport annuel', titleEn: 'Annual report' },
      { kind: 'Election', titleFr: 'Élection des fiduciaires', titleEn: 'Trustee election' },
    ]);
    expect(assembly.noticeDays).toBe(30); // the trustee election's notice (founding charter)
    expect(assembly.proxyLimitPerHolder).toBe(3);
    expect(assembly.agenda.map((i) => i.decisionType)).toEqual([null, 'TrusteeElection']);

    const [{ active }] = await app.dataSource.query(
      `SELECT count(*)::int AS active FROM member WHERE status = 'active'`,
    );
    const notices: { recipient_member_id: string; locale: string; params: { title: string } }[] =
      await app.dataSource.query(
        `SELECT recipient_member_id, locale, params FROM notification WHERE kind = 'assembly_notice' AND dedupe_key LIKE $1`,
        [`assembly-notice:${assembly.id}:%`],
      );
    expect(notices).toHaveLength(active);
    expect(notices.find((n) => n.recipient_member_id === english.id)?.params.title).toBe(
      'Annual general assembly',
    );

    // Only the secretary runs the assembly.
    const member = await memberWithToken();
    expect(
      errorCode(await app.gql(CONVENE, { input: generalAssembly(31) }, { token: member.token })),
    ).toBe('FORBIDDEN');

    // Reorder: every item exactly once, else AGENDA_ORDER_INVALID.
    const [first, second] = assembly.agenda;
    expect(
      errorCode(
        await app.gql(
          REORDER,
          { input: { assemblyId: assembly.id, itemIds: [first.id] } },
          { token: secretary },
        ),
      ),
    ).toBe('AGENDA_ORDER_INVALID');
    const reordered = ok(
      await app.gql<{ reorderAgenda: { id: string }[] }>(
        REORDER,
        { input: { assemblyId: assembly.id, itemIds: [second.id, first.id] } },
        { token: secretary },
      ),
    );
    expect(reordered.reorderAgenda.map((i) => i.id)).toEqual([second.id, first.id]);

    // An item needing 30 days' notice cannot be added to an assembly 15 days away.
    const soon = await convene(15);
    expect(soon.noticeDays).toBe(14);
    const late = await app.gql(
      ADD_ITEM,
      {
        input: {
          assemblyId: soon.id,
          item: {
            kind: 'Proposal',
            titleFr: 'Amendement',
            titleEn: 'Amendment',
            decisionType: 'SpecialResolution',
          },
        },
      },
      { token: secretary },
    );
    expect(errorCode(late)).toBe('NOTICE_TOO_SHORT');
    const added = ok(
      await app.gql<{ addAgendaItem: { position: number } }>(
        ADD_ITEM,
        {
          input: {
            assemblyId: soon.id,
            item: { kind: 'Vote', titleFr: 'Budget', titleEn: 'Budget', decisionType: 'Budget' },
          },
        },
        { token: secretary },
      ),
    );
    expect(added.addAgendaItem.position).toBe(1);
  });

  it('holds a holder to the charter’s proxy limit (PROXY_LIMIT_REACHED) and forbids self-proxies', async () => {
    const assembly = await convene();
    const holder = await createMember(app.dataSource);
    const grantors = await Promise.all([1, 2, 3, 4].map(() => memberWithToken()));
    for (const grantor of grantors.slice(0, 3)) {
      ok(await grant(assembly.id, holder, grantor.token));
    }
    const fourth = await grant(assembly.id, holder, grantors[3].token);
    expect(errorCode(fourth)).toBe('PROXY_LIMIT_REACHED');
    expect(fourth.errors?.[0].message).toContain('(3)');
    expect(errorCode(await grant(assembly.id, grantors[3].member, grantors[3].token))).toBe(
      'PROXY_SELF',
    );
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM assembly_proxy WHERE assembly_id = $1 AND ended_at IS NULL`,
      [assembly.id],
    );
    expect(n).toBe(3);
  });

  it('forbids chains both ways (PROXY_CHAIN) and a second proxy from one grantor', async () => {
    const assembly = await convene();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => memberWithToken()));
    ok(await grant(assembly.id, b.member, a.token)); // a → b
    // b holds a's vote: b cannot give their own away.
    expect(errorCode(await grant(assembly.id, c.member, b.token))).toBe('PROXY_CHAIN');
    // a gave theirs: a cannot hold c's.
    expect(errorCode(await grant(assembly.id, a.member, c.token))).toBe('PROXY_CHAIN');
    expect(errorCode(await grant(assembly.id, c.member, a.token))).toBe('PROXY_ALREADY_GIVEN');
  });

  it('lets two grants race for a holder’s last place: exactly one wins (assembly row lock)', async () => {
    const assembly = await convene();
    const holder = await createMember(app.dataSource);
    const early = await Promise.all([1, 2].map(() => memberWithToken()));
    for (const grantor of early) ok(await grant(assembly.id, holder, grantor.token));
    const racers = await Promise.all([1, 2, 3, 4].map(() => memberWithToken()));
    const results = await Promise.all(racers.map((r) => grant(assembly.id, holder, r.token)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'PROXY_LIMIT_REACHED').length).toBe(3);
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM assembly_proxy WHERE holder_member_id = $1 AND ended_at IS NULL`,
      [holder.id],
    );
    expect(n).toBe(3);
  });

  it('lets crossing grants race without forming a chain', async () => {
    const assembly = await convene();
    const [a, b] = await Promise.all([1, 2].map(() => memberWithToken()));
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        grant(assembly.id, b.member, a.token),
        grant(assembly.id, a.member, b.token),
      ]);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.map(errorCode).filter(Boolean)).toEqual(['PROXY_CHAIN']);
      await app.dataSource.query(`DELETE FROM assembly_proxy WHERE assembly_id = $1`, [
        assembly.id,
      ]);
    }
  });

  it('lets a grantor revoke, and a grantor who comes in person takes their vote back — until the first vote opens (PROXY_LOCKED)', async () => {
    const assembly = await convene();
    const [a, b, holder] = await Promise.all([1, 2, 3].map(() => memberWithToken()));
    const proxyA = ok(await grant(assembly.id, holder.member, a.token)).grantProxy.id;
    const revoked = ok(
      await app.gql<{ revokeProxy: { endReason: string } }>(
        REVOKE,
        { input: { proxyId: proxyA } },
        { token: a.token },
      ),
    );
    expect(revoked.revokeProxy.endReason).toBe('Revoked');
    // Someone else cannot revoke b's proxy.
    const proxyB = ok(await grant(assembly.id, holder.member, b.token)).grantProxy.id;
    expect(
      errorCode(await app.gql(REVOKE, { input: { proxyId: proxyB } }, { token: a.token })),
    ).toBe('FORBIDDEN');

    await openDoors(app, assembly.id);
    // b comes after all: their proxy lapses, they vote themself.
    ok(
      await app.gql(
        CHECK_IN,
        { input: { assemblyId: assembly.id, memberId: b.member.id, mode: 'Present' } },
        { token: secretary },
      ),
    );
    const [{ end_reason }] = await app.dataSource.query(
      `SELECT end_reason FROM assembly_proxy WHERE id = $1`,
      [proxyB],
    );
    expect(end_reason).toBe('grantor_attended');

    // A checked-in member cannot give a proxy.
    expect(errorCode(await grant(assembly.id, holder.member, b.token))).toBe('GRANTOR_CHECKED_IN');

    // Once the first vote has opened, proxies are locked both ways.
    const [c, d] = await Promise.all([1, 2].map(() => memberWithToken()));
    const proxyC = ok(await grant(assembly.id, holder.member, c.token)).grantProxy.id;
    // The secretary opens the assembly's first vote: its roll freezes, and so do the proxies.
    const vote = await scheduleVote(app, secretary, {
      electorateKind: 'Assembly',
      electorateRef: assembly.id,
      subjectType: 'AssemblyItem',
      decisionType: 'OrdinaryResolution',
      opensAt: inDays(1),
      closesAt: inDays(9),
    });
    await openVote(app, secretary, vote.id);
    expect(
      errorCode(await app.gql(REVOKE, { input: { proxyId: proxyC } }, { token: c.token })),
    ).toBe('PROXY_LOCKED');
    expect(errorCode(await grant(assembly.id, holder.member, d.token))).toBe('PROXY_LOCKED');
    expect(
      errorCode(
        await app.gql(
          CHECK_IN,
          { input: { assemblyId: assembly.id, memberId: c.member.id, mode: 'Present' } },
          { token: secretary },
        ),
      ),
    ).toBe('PROXY_LOCKED');
  });

  it('refuses to open a vote of the assembly before the assembly starts (ASSEMBLY_NOT_STARTED), leaving proxies open', async () => {
    const assembly = await convene();
    const vote = await scheduleVote(app, secretary, {
      electorateKind: 'Assembly',
      electorateRef: assembly.id,
      subjectType: 'AssemblyItem',
      decisionType: 'OrdinaryResolution',
      opensAt: inDays(15),
      closesAt: inDays(18),
    });
    const refused = await app.gql(
      'mutation ($voteId: UUID!) { openVote(voteId: $voteId) { status } }',
      { voteId: vote.id },
      { token: secretary },
    );
    expect(errorCode(refused)).toBe('ASSEMBLY_NOT_STARTED');
    const [row] = await app.dataSource.query(
      `SELECT a.proxies_locked_at, v.status FROM assembly a, vote v WHERE a.id = $1 AND v.id = $2`,
      [assembly.id, vote.id],
    );
    expect(row).toEqual({ proxies_locked_at: null, status: 'scheduled' });
  });

  it('counts present + represented against active members for the quorum, and writes the minutes in both languages', async () => {
    const assembly = await convene();
    const holder = await memberWithToken();
    const grantor = await memberWithToken();
    ok(await grant(assembly.id, holder.member, grantor.token));
    await openDoors(app, assembly.id);
    // Members check themselves in remotely only; the secretary records presence in the room.
    expect(
      errorCode(
        await app.gql(
          CHECK_IN,
          { input: { assemblyId: assembly.id, mode: 'Present' } },
          { token: holder.token },
        ),
      ),
    ).toBe('SELF_CHECK_IN_REMOTE_ONLY');
    ok(
      await app.gql(
        CHECK_IN,
        { input: { assemblyId: assembly.id, mode: 'Remote' } },
        { token: holder.token },
      ),
    );
    const present = await createMember(app.dataSource);
    ok(
      await app.gql(
        CHECK_IN,
        { input: { assemblyId: assembly.id, memberId: present.id, mode: 'Present' } },
        { token: secretary },
      ),
    );
    const [{ eligible }] = await app.dataSource.query(
      `SELECT count(*)::int AS eligible FROM member WHERE status = 'active'`,
    );
    const data = ok(
      await app.gql<{
        assembly: {
          attendance: { present: number; remote: number; represented: number };
          quorum: {
            present: number;
            represented: number;
            eligible: number;
            required: number;
            met: boolean;
          };
          proxies: { id: string }[];
          allProxies: { id: string }[];
          fr: { markdown: string; sha256: string };
          en: { markdown: string };
        };
      }>(ASSEMBLY, { id: assembly.id }, { token: secretary }),
    );
    expect(data.assembly.attendance).toEqual({ present: 1, remote: 1, represented: 1 });
    // Founding quorum 1/10 of the active members, rounded up.
    expect(data.assembly.quorum).toEqual({
      present: 2,
      represented: 1,
      eligible,
      required: Math.ceil(eligible / 10),
      met: 3 * 10 >= eligible,
    });
    expect(data.assembly.allProxies).toHaveLength(1);
    expect(data.assembly.fr.markdown).toContain('# Procès-verbal — Assemblée générale annuelle');
    expect(data.assembly.fr.markdown).toContain('- Représentés par procuration : 1');
    expect(data.assembly.en.markdown).toContain('- Present remotely: 1');
    expect(data.assembly.fr.sha256).toMatch(/^[0-9a-f]{64}$/);

    // A member sees the proxies they gave, not everyone's.
    const mine = ok(
      await app.gql<{ assembly: { proxies: { id: string }[] } }>(
        'query ($id: UUID!) { assembly(id: $id) { proxies { id } } }',
        { id: assembly.id },
        { token: grantor.token },
      ),
    );
    expect(mine.assembly.proxies).toHaveLength(1);
    expect(
      errorCode(
        await app.gql(
          'query ($id: UUID!) { assembly(id: $id) { proxies(all: true) { id } } }',
          { id: assembly.id },
          { token: grantor.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('runs council and public meetings on the same machinery, without binding votes or proxies', async () => {
    const [{ id: councilId }] = await app.dataSource.query(
      `SELECT id FROM council WHERE code = 'youth'`,
    );
    const council = await app.gql(
      CONVENE,
      {
        input: {
          kind: 'CouncilMeeting',
          councilId,
          mode: 'Asynchronous',
          titleFr: 'Conseil jeunesse',
          titleEn: 'Youth council',
          url: 'https://meet.example.org/jeunesse',
          startsAt: inDays(2),
          endsAt: inDays(4),
          agenda: [{ kind: 'Vote', titleFr: 'Avis', titleEn: 'Opinion' }],
        },
      },
      { token: secretary },
    );
    expect(errorCode(council)).toBe('NO_BINDING_VOTES');

    const publicMeeting = ok(
      await app.gql<Convened>(
        CONVENE,
        {
          input: {
            kind: 'PublicMeeting',
            mode: 'InPerson',
            titleFr: 'Journée des savoirs ouverts',
            titleEn: 'Open-knowledge day',
            place: 'Bibliothèque de Rimouski',
            region: '01',
            startsAt: inDays(1),
            endsAt: inDays(1.25),
            agenda: [{ kind: 'Proposal', titleFr: 'Projet de barème', titleEn: 'Draft scale' }],
          },
        },
        { token: secretary },
      ),
    ).conveneAssembly;
    const visitor = await memberWithToken();
    ok(
      await app.gql(
        REGISTER,
        { input: { assemblyId: publicMeeting.id } },
        { token: visitor.token },
      ),
    );
    ok(
      await app.gql(
        REGISTER,
        { input: { assemblyId: publicMeeting.id } },
        { token: visitor.token },
      ),
    );
    const holder = await createMember(app.dataSource);
    expect(errorCode(await grant(publicMeeting.id, holder, visitor.token))).toBe(
      'PROXIES_GENERAL_ASSEMBLY_ONLY',
    );
    const read = ok(
      await app.gql<{
        assembly: {
          registered: boolean;
          registrationCount: number;
          quorum: null;
          minutes: { markdown: string };
        };
      }>(
        'query ($id: UUID!) { assembly(id: $id) { registered registrationCount quorum { met } minutes { markdown } } }',
        { id: publicMeeting.id },
        { token: visitor.token, locale: 'en' },
      ),
    );
    expect(read.assembly).toMatchObject({ registered: true, registrationCount: 1, quorum: null });
    expect(read.assembly.minutes.markdown).toContain('Public meeting');
    expect(read.assembly.minutes.markdown).toContain('- Registrations: 1');
    expect(read.assembly.minutes.markdown).toContain('Discussed; no decision.');

    expect(
      ok(
        await app.gql<{ cancelMeetingRegistration: boolean }>(
          'mutation ($input: MeetingRegistrationInput!) { cancelMeetingRegistration(input: $input) }',
          { input: { assemblyId: publicMeeting.id } },
          { token: visitor.token },
        ),
      ).cancelMeetingRegistration,
    ).toBe(true);
    const [{ n }] = await app.dataSource.query(
      'SELECT count(*)::int AS n FROM assembly_registration WHERE assembly_id = $1',
      [publicMeeting.id],
    );
    expect(n).toBe(0);
  });

  it('freezes a cancelled or closed assembly: no more check-ins, proxies or registrations', async () => {
    const assembly = await convene();
    const [member, holder] = await Promise.all([memberWithToken(), memberWithToken()]);
    const end = (mutation: string) =>
      app.gql(
        `mutation ($id: UUID!) { ${mutation}(id: $id) { status } }`,
        { id: assembly.id },
        {
          token: secretary,
        },
      );
    ok(await end('cancelAssembly'));
    expect(errorCode(await end('closeAssembly'))).toBe('ASSEMBLY_NOT_OPEN');
    expect(errorCode(await grant(assembly.id, holder.member, member.token))).toBe(
      'ASSEMBLY_NOT_OPEN',
    );
    expect(
      errorCode(
        await app.gql(REGISTER, { input: { assemblyId: assembly.id } }, { token: member.token }),
      ),
    ).toBe('ASSEMBLY_NOT_OPEN');
    expect(
      errorCode(
        await app.gql(
          CHECK_IN,
          { input: { assemblyId: assembly.id, memberId: member.member.id, mode: 'Present' } },
          { token: secretary },
        ),
      ),
    ).toBe('ASSEMBLY_NOT_OPEN');
  });
});
