import { quebecDate, Role } from '@delibera/kernel';
import { CharterService, DecisionType } from '@delibera/charter';
import { addMonths, Council } from '@delibera/councils';
import { createAccount, createMember, signedInMember, signIn } from '../factories';
import { scheduleVote } from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const APPLY =
  'mutation ($input: ApplyToCouncilInput!) { applyToCouncil(input: $input) { id status } }';
const DECIDE =
  'mutation ($input: DecideCouncilSeatInput!) { decideCouncilSeat(input: $input) { id status termStart termEnd } }';

/** A birth date that makes someone `age` years old today. */
const bornYearsAgo = (age: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 10);
  return d.toISOString().slice(0, 10);
};

describe('council seats (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let council: (code: string) => Promise<Council>;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
    council = (code) => app.dataSource.getRepository(Council).findOneByOrFail({ code });
  });
  afterAll(() => app.close());

  async function person(age: number | null, fields: Record<string, unknown> = {}) {
    const member = await createMember(app.dataSource, {
      birthDate: age === null ? null : bornYearsAgo(age),
      ...fields,
    });
    const account = await createAccount(app.dataSource, { member });
    return { member, token: await signIn(app, account.email) };
  }

  /** A council the secretary creates over GraphQL, with no eligibility rule; its id. */
  async function newCouncil(
    code: string,
    nameFr: string,
    nameEn: string,
    seats: number,
    termMonths: number,
  ): Promise<string> {
    const input = { code, nameFr, nameEn, seats, termMonths };
    return ok(
      await app.gql<{ createCouncil: { id: string } }>(
        'mutation ($input: CreateCouncilInput!) { createCouncil(input: $input) { id } }',
        { input },
        { token: secretary },
      ),
    ).createCouncil.id;
  }

  /** Members who apply to a council and whose applications the secretary approves. */
  async function seatOn(councilId: string, members: { token: string }[]): Promise<void> {
    for (const { token } of members) {
      const seat = ok(
        await app.gql<{ applyToCouncil: { id: string } }>(
          APPLY,
          { input: { councilId } },
          { token },
        ),
      ).applyToCouncil;
      ok(
        await app.gql(DECIDE, { input: { seatId: seat.id, approve: true } }, { token: secretary }),
      );
    }
  }

  it('refuses a seniors-council seat to a 30-year-old with NOT_ELIGIBLE, in the caller’s language, and records nothing', async () => {
    const young = await person(30);
    const seniors = await council('seniors');
    const fr = await app.gql(APPLY, { input: { councilId: seniors.id } }, { token: young.token });
    expect(errorCode(fr)).toBe('NOT_ELIGIBLE');
    expect(fr.errors?.[0].message).toContain(
      "l'âge au début du mandat est hors de la tranche prévue",
    );
    const en = await app.gql(
      APPLY,
      { input: { councilId: seniors.id } },
      { token: young.token, locale: 'en' },
    );
    expect(en.errors?.[0].message).toBe(
      'You are not eligible for this council: the age at the start of the term is outside the band.',
    );
    const [{ n }] = await app.dataSource.query('SELECT count(*)::int AS n FROM council_seat');
    expect(n).toBe(0);
  });

  it('lets an eligible member apply once, the secretary approve, the chair then decide, and enforces the seats', async () => {
    const youth = await council('youth');
    await app.dataSource.getRepository(Council).update(youth.id, { seats: 2 });
    const [a, b, c] = [await person(20), await person(25), await person(18)];

    const seatA = ok(
      await app.gql<{ applyToCouncil: { id: string; status: string } }>(
        APPLY,
        { input: { councilId: youth.id } },
        { token: a.token },
      ),
    );
    expect(seatA.applyToCouncil.status).toBe('Applied');
    expect(
      errorCode(await app.gql(APPLY, { input: { councilId: youth.id } }, { token: a.token })),
    ).toBe('ALREADY_APPLIED');

    // An ordinary member cannot decide; the secretary can.
    expect(
      errorCode(
        await app.gql(
          DECIDE,
          { input: { seatId: seatA.applyToCouncil.id, approve: true } },
          { token: b.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const approved = ok(
      await app.gql<{ decideCouncilSeat: { status: string; termStart: string; termEnd: string } }>(
        DECIDE,
        { input: { seatId: seatA.applyToCouncil.id, approve: true } },
        { token: secretary },
      ),
    );
    expect(approved.decideCouncilSeat.status).toBe('Active');
    // The term starts on the trust's date (Montréal), which in the evening is a day behind UTC's.
    expect(approved.decideCouncilSeat.termStart).toBe(quebecDate());
    expect(
      Number(approved.decideCouncilSeat.termEnd.slice(0, 4)) -
        Number(approved.decideCouncilSeat.termStart.slice(0, 4)),
    ).toBe(2); // 24-month term

    ok(
      await app.gql(
        'mutation ($input: SetCouncilChairInput!) { setCouncilChair(input: $input) { chairMemberId } }',
        { input: { councilId: youth.id, memberId: a.member.id } },
        { token: secretary },
      ),
    );

    const seatB = ok(
      await app.gql<{ applyToCouncil: { id: string } }>(
        APPLY,
        { input: { councilId: youth.id } },
        { token: b.token },
      ),
    );
    const seatC = ok(
      await app.gql<{ applyToCouncil: { id: string } }>(
        APPLY,
        { input: { councilId: youth.id } },
        { token: c.token },
      ),
    );
    ok(
      await app.gql(
        DECIDE,
        { input: { seatId: seatB.applyToCouncil.id, approve: true } },
        { token: a.token },
      ),
    ); // the chair
    const full = await app.gql(
      DECIDE,
      { input: { seatId: seatC.applyToCouncil.id, approve: true } },
      { token: a.token },
    );
    expect(errorCode(full)).toBe('COUNCIL_FULL');
    const refused = ok(
      await app.gql<{ decideCouncilSeat: { status: string } }>(
        DECIDE,
        { input: { seatId: seatC.applyToCouncil.id, approve: false, reason: 'Conseil complet' } },
        { token: a.token },
      ),
    );
    expect(refused.decideCouncilSeat.status).toBe('Refused');
    expect(
      errorCode(
        await app.gql(
          DECIDE,
          { input: { seatId: seatC.applyToCouncil.id, approve: true } },
          { token: a.token },
        ),
      ),
    ).toBe('SEAT_ALREADY_DECIDED');

    const listed = ok(
      await app.gql<{
        councils: { code: string; members: { memberId: string; status: string }[] }[];
      }>('{ councils { code members { memberId status } } }', {}, { token: a.token }),
    );
    const youthSeats = listed.councils.find((x) => x.code === 'youth')!.members;
    expect(youthSeats.map((s) => s.memberId).sort()).toEqual([a.member.id, b.member.id].sort());
  });

  it('asks artists for a declared practice, and keeps age councils for people', async () => {
    const artists = await council('artists');
    const artist = await person(40);
    expect(
      errorCode(
        await app.gql(APPLY, { input: { councilId: artists.id } }, { token: artist.token }),
      ),
    ).toBe('NOT_ELIGIBLE');
    ok(
      await app.gql(
        APPLY,
        { input: { councilId: artists.id, declaredPractice: 'Gravure et estampe' } },
        { token: artist.token },
      ),
    );

    const org = await createMember(app.dataSource, {
      kind: 'organisation' as never,
      birthDate: null,
    });
    const orgAccount = await createAccount(app.dataSource, { member: org });
    const youth = await council('youth');
    const refused = await app.gql(
      APPLY,
      { input: { councilId: youth.id } },
      { token: await signIn(app, orgAccount.email) },
    );
    expect(errorCode(refused)).toBe('NOT_ELIGIBLE');
    expect(refused.errors?.[0].extensions?.details).toEqual({ reasons: ['PEOPLE_ONLY'] });
  });
  it('lets the secretary create a regional group, whose region rule then decides who may apply', async () => {
    const CREATE =
      'mutation ($input: CreateCouncilInput!) { createCouncil(input: $input) { id code seats eligibility { regions } } }';
    const group = {
      code: 'bas_saint_laurent',
      nameFr: 'Groupe régional du Bas-Saint-Laurent',
      nameEn: 'Bas-Saint-Laurent regional group',
      seats: 12,
      termMonths: 24,
      eligibility: { regions: ['01'] },
    };
    const councilCount = () => app.dataSource.getRepository(Council).count();
    const before = await councilCount();

    const member = await person(40);
    expect(errorCode(await app.gql(CREATE, { input: group }, { token: member.token }))).toBe(
      'FORBIDDEN',
    );
    const bandReversed = {
      ...group,
      code: 'aines_jeunes',
      eligibility: { minAge: 60, maxAge: 30 },
    };
    expect(errorCode(await app.gql(CREATE, { input: bandReversed }, { token: secretary }))).toBe(
      'AGE_BAND_INVALID',
    );
    const unknownRegion = { ...group, eligibility: { regions: ['99'] } };
    expect(errorCode(await app.gql(CREATE, { input: unknownRegion }, { token: secretary }))).toBe(
      'INVALID_VALUE',
    );
    expect(await councilCount()).toBe(before);

    const created = ok(
      await app.gql<{ createCouncil: { id: string; eligibility: { regions: string[] } } }>(
        CREATE,
        { input: group },
        { token: secretary },
      ),
    ).createCouncil;
    expect(created.eligibility.regions).toEqual(['01']);
    const duplicate = await app.gql(CREATE, { input: group }, { token: secretary, locale: 'en' });
    expect(errorCode(duplicate)).toBe('COUNCIL_CODE_TAKEN');
    expect(duplicate.errors?.[0].message).toBe(
      'A council already has the code “bas_saint_laurent”.',
    );
    expect(await councilCount()).toBe(before + 1);

    const rimouski = await person(35, { region: '01' });
    const montreal = await person(35, { region: '06' });
    const applied = await app.gql<{ applyToCouncil: { status: string } }>(
      APPLY,
      { input: { councilId: created.id } },
      { token: rimouski.token },
    );
    expect(ok(applied).applyToCouncil.status).toBe('Applied');
    expect(
      errorCode(
        await app.gql(APPLY, { input: { councilId: created.id } }, { token: montreal.token }),
      ),
    ).toBe('NOT_ELIGIBLE');
  });

  it('lets the secretary change a council: names, seats (never below its members), term and eligibility for new applications; refusals change nothing', async () => {
    const UPDATE = `mutation ($input: UpdateCouncilInput!) {
      updateCouncil(input: $input) { id code nameFr nameEn seats termMonths eligibility { minAge maxAge regions } } }`;
    const councilId = await newCouncil(
      'comite_edition',
      'Comité éditorial',
      'Editorial board',
      3,
      24,
    );
    const seated = await Promise.all([person(30), person(40)]);
    await seatOn(councilId, seated);
    const auditCount = async () =>
      (
        await app.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'council.updated'`,
          [councilId],
        )
      )[0].n;

    const member = seated[0].token;
    expect(
      errorCode(await app.gql(UPDATE, { input: { councilId, seats: 5 } }, { token: member })),
    ).toBe('FORBIDDEN');
    const tooFew = await app.gql(
      UPDATE,
      { input: { councilId, seats: 1 } },
      { token: secretary, locale: 'en' },
    );
    expect(errorCode(tooFew)).toBe('SEATS_BELOW_MEMBERS');
    expect(tooFew.errors?.[0].message).toBe(
      'This council has 2 members: it cannot have fewer seats.',
    );
    const reversed = { councilId, nameFr: 'Autre nom', eligibility: { minAge: 60, maxAge: 30 } };
    expect(errorCode(await app.gql(UPDATE, { input: reversed }, { token: secretary }))).toBe(
      'AGE_BAND_INVALID',
    );
    expect(
      errorCode(await app.gql(UPDATE, { input: { councilId, seats: 0 } }, { token: secretary })),
    ).toBe('INVALID_VALUE');
    // Fields given as null are left as they are, and values resent as they are change nothing:
    // nothing to save, nothing audited (the portal's form sends every field).
    ok(
      await app.gql(
        UPDATE,
        { input: { councilId, seats: null, nameFr: null } },
        { token: secretary },
      ),
    );
    const unchanged = { nameFr: 'Comité éditorial', seats: 3, termMonths: 24, eligibility: {} };
    ok(await app.gql(UPDATE, { input: { councilId, ...unchanged } }, { token: secretary }));
    expect(await council('comite_edition')).toMatchObject({ nameFr: 'Comité éditorial', seats: 3 });
    expect(await auditCount()).toBe(0);

    const updated = ok(
      await app.gql<{ updateCouncil: Record<string, unknown> }>(
        UPDATE,
        {
          input: {
            councilId,
            nameEn: 'Editorial committee',
            seats: 2,
            termMonths: 12,
            eligibility: { minAge: 18, maxAge: 35 },
          },
        },
        { token: secretary },
      ),
    ).updateCouncil;
    expect(updated).toEqual({
      id: councilId,
      code: 'comite_edition',
      nameFr: 'Comité éditorial', // not given: unchanged
      nameEn: 'Editorial committee',
      seats: 2, // exactly the members seated
      termMonths: 12,
      eligibility: { minAge: 18, maxAge: 35, regions: null },
    });
    const [{ data }] = await app.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'council.updated'`,
      [councilId],
    );
    expect(data).toEqual({
      before: { nameEn: 'Editorial board', seats: 3, termMonths: 24, eligibility: {} },
      after: {
        nameEn: 'Editorial committee',
        seats: 2,
        termMonths: 12,
        eligibility: { minAge: 18, maxAge: 35 },
      },
    });

    // The seat held by the 40-year-old keeps its term; the new band applies to new applications.
    const terms = await app.dataSource.query<{ months: number }[]>(
      `SELECT (extract(year FROM age(term_end, term_start)) * 12 + extract(month FROM age(term_end, term_start)))::int AS months
         FROM council_seat WHERE council_id = $1 AND status = 'active'`,
      [councilId],
    );
    expect(terms.map((t) => t.months)).toEqual([24, 24]);
    const older = await person(50);
    expect(errorCode(await app.gql(APPLY, { input: { councilId } }, { token: older.token }))).toBe(
      'NOT_ELIGIBLE',
    );
    // A seat approved from now on gets the new term.
    ok(await app.gql(UPDATE, { input: { councilId, seats: 3 } }, { token: secretary }));
    const young = await person(20);
    const seat = ok(
      await app.gql<{ applyToCouncil: { id: string } }>(
        APPLY,
        { input: { councilId } },
        { token: young.token },
      ),
    ).applyToCouncil;
    const approved = ok(
      await app.gql<{ decideCouncilSeat: { termStart: string; termEnd: string } }>(
        DECIDE,
        { input: { seatId: seat.id, approve: true } },
        { token: secretary },
      ),
    ).decideCouncilSeat;
    expect(approved.termStart).toBe(quebecDate());
    expect(approved.termEnd).toBe(addMonths(approved.termStart, 12));
  });

  it('lets the secretary dissolve a council the charter does not consult, once its work is done: seats end, applications are refused, its history stays', async () => {
    const DISSOLVE = `mutation ($input: DissolveCouncilInput!) {
      dissolveCouncil(input: $input) { id dissolvedAt dissolutionReason chairMemberId } }`;
    const reason = 'Mandat accompli : rapport remis au conseil d’administration.';

    // The charter in force consults the youth council: it must be amended first.
    const youth = await council('youth');
    const named = await app.gql(
      DISSOLVE,
      { input: { councilId: youth.id, reason } },
      { token: secretary, locale: 'en' },
    );
    expect(errorCode(named)).toBe('COUNCIL_NAMED_BY_CHARTER');
    expect(named.errors?.[0].message).toMatch(/^The charter in force consults this council \(.+\)/);

    const councilId = await newCouncil('groupe_fleuve', 'Groupe du fleuve', 'River group', 5, 24);
    const [seated, chair, applicant] = await Promise.all([person(30), person(45), person(60)]);
    await seatOn(councilId, [seated, chair]);
    ok(
      await app.gql(
        'mutation ($input: SetCouncilChairInput!) { setCouncilChair(input: $input) { id } }',
        { input: { councilId, memberId: chair.member.id } },
        { token: secretary },
      ),
    );
    ok(await app.gql(APPLY, { input: { councilId } }, { token: applicant.token }));

    // A meeting convened is work under way.
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const meeting = ok(
      await app.gql<{ conveneAssembly: { id: string } }>(
        `mutation ($input: ConveneAssemblyInput!) { conveneAssembly(input: $input) { id } }`,
        {
          input: {
            kind: 'CouncilMeeting',
            councilId,
            mode: 'Asynchronous',
            titleFr: 'Dernière rencontre',
            titleEn: 'Last meeting',
            url: 'https://meet.example.org/fleuve',
            startsAt: inDays(2),
            endsAt: inDays(3),
            agenda: [{ kind: 'Proposal', titleFr: 'Bilan', titleEn: 'Review' }],
          },
        },
        { token: secretary },
      ),
    ).conveneAssembly;
    const busy = await app.gql(DISSOLVE, { input: { councilId, reason } }, { token: secretary });
    expect(errorCode(busy)).toBe('COUNCIL_HAS_PENDING_WORK');
    expect(busy.errors?.[0].message).toBe(
      'Ce conseil a des travaux en cours : 0 consultation(s) en attente de son avis, 0 modification(s) de l’acte en cours qui le feraient consulter, 0 vote(s) non dépouillé(s), 1 rencontre(s) convoquée(s).',
    );
    expect(
      errorCode(await app.gql(DISSOLVE, { input: { councilId, reason } }, { token: chair.token })),
    ).toBe('FORBIDDEN');
    const seatStatuses = () =>
      app.dataSource.query<
        { status: string; term_end: string | null; decision_reason: string | null }[]
      >(
        `SELECT status, term_end::text, decision_reason FROM council_seat WHERE council_id = $1 ORDER BY status::text`,
        [councilId],
      );
    const before = await seatStatuses();
    expect((await council('groupe_fleuve')).dissolvedAt).toBeNull();

    ok(
      await app.gql(
        'mutation ($id: UUID!) { cancelAssembly(id: $id) { id } }',
        { id: meeting.id },
        { token: secretary },
      ),
    );
    const dissolved = ok(
      await app.gql<{ dissolveCouncil: Record<string, unknown> }>(
        DISSOLVE,
        { input: { councilId, reason: `  ${reason}  ` } },
        { token: secretary },
      ),
    ).dissolveCouncil;
    expect(dissolved).toMatchObject({
      id: councilId,
      dissolutionReason: reason,
      chairMemberId: null,
    });
    expect(dissolved.dissolvedAt).toEqual(expect.any(String));
    expect(before.map((seat) => seat.status)).toEqual(['active', 'active', 'applied']);
    expect(await seatStatuses()).toEqual([
      { status: 'ended', term_end: quebecDate(), decision_reason: null },
      { status: 'ended', term_end: quebecDate(), decision_reason: null },
      { status: 'refused', term_end: null, decision_reason: reason },
    ]);
    const [audit] = await app.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'council.dissolved'`,
      [councilId],
    );
    expect(audit.data).toEqual({ reason, seatsEnded: 2, applicationsRefused: 1 });

    // Gone from the councils that sit, still there for the record; nothing more can be done with it.
    const LIST = 'query ($all: Boolean) { councils(includeDissolved: $all) { code dissolvedAt } }';
    const sitting = ok(
      await app.gql<{ councils: { code: string }[] }>(LIST, {}, { token: seated.token }),
    );
    expect(sitting.councils.map((c) => c.code)).not.toContain('groupe_fleuve');
    const all = ok(
      await app.gql<{ councils: { code: string }[] }>(LIST, { all: true }, { token: seated.token }),
    );
    expect(all.councils.map((c) => c.code)).toContain('groupe_fleuve');
    const newcomer = await person(33);
    const late = await app.gql(
      APPLY,
      { input: { councilId } },
      { token: newcomer.token, locale: 'en' },
    );
    expect(errorCode(late)).toBe('COUNCIL_DISSOLVED');
    expect(late.errors?.[0].message).toBe('This council has been dissolved.');
    for (const [mutation, input] of [
      ['updateCouncil(input: { councilId: $id, seats: 9 }) { id }', {}],
      [
        'setCouncilChair(input: { councilId: $id, memberId: "' + seated.member.id + '" }) { id }',
        {},
      ],
      ['dissolveCouncil(input: { councilId: $id, reason: "Encore" }) { id }', {}],
    ] as const) {
      const refused = await app.gql(
        `mutation ($id: UUID!) { ${mutation} }`,
        { id: councilId, ...input },
        { token: secretary },
      );
      expect(errorCode(refused)).toBe('COUNCIL_DISSOLVED');
    }
    const convened = await app.gql(
      `mutation ($input: ConveneAssemblyInput!) { conveneAssembly(input: $input) { id } }`,
      {
        input: {
          kind: 'CouncilMeeting',
          councilId,
          mode: 'Asynchronous',
          titleFr: 'Après la dissolution',
          titleEn: 'After the dissolution',
          url: 'https://meet.example.org/fleuve',
          startsAt: inDays(2),
          endsAt: inDays(3),
          agenda: [{ kind: 'Proposal', titleFr: 'Bilan', titleEn: 'Review' }],
        },
      },
      { token: secretary },
    );
    expect(errorCode(convened)).toBe('COUNCIL_DISSOLVED');
    expect(await seatStatuses()).toHaveLength(3);

    // The board's report: dissolved by the end of the period, it holds no seat and has none to fill;
    // for a period that ended before, it was a sitting council with its seats to fill.
    const REPORT = `query ($period: ReportPeriodInput) { councilsReport(period: $period) {
      councils { code seats members vacancies dissolvedAt } } }`;
    const reported = async (period: { from: string; to?: string }) =>
      ok(
        await app.gql<{ councilsReport: { councils: { code: string }[] } }>(
          REPORT,
          { period },
          { token: secretary },
        ),
      ).councilsReport.councils.find((row) => row.code === 'groupe_fleuve');
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const row = { code: 'groupe_fleuve', seats: 5, dissolvedAt: dissolved.dissolvedAt };
    expect(await reported({ from: daysAgo(1) })).toEqual({ ...row, members: 0, vacancies: 0 });
    expect(await reported({ from: daysAgo(3), to: daysAgo(2) })).toEqual({
      ...row,
      members: 0,
      vacancies: 5,
    });
  });

  it('refuses to dissolve a council whose opinion is awaited or whose members’ vote is not counted, whichever domain holds the work', async () => {
    const councilId = await newCouncil('comite_avis', 'Comité d’avis', 'Advisory committee', 3, 12);
    // For a while the charter consults it on ordinary resolutions: a proposal submitted then asks its opinion.
    const amend = (consultedCouncils: string[]) =>
      app.dataSource.transaction((manager) =>
        app.app.get(CharterService).adoptNextVersion(manager, {
          proposalId: '00000000-0000-4000-8000-0000000000cc',
          actorAccountId: null,
          summary: 'Consultation du comité d’avis',
          rules: { [DecisionType.OrdinaryResolution]: { consultedCouncils } },
        }),
      );
    await amend(['comite_avis']);
    const { id: proposalId } = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        { input: { decisionType: 'OrdinaryResolution', title: 'Plan d’avis', body: 'Texte.' } },
        { token: secretary },
      ),
    ).draftBoardProposal;
    ok(
      await app.gql(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }',
        // The opinion is due in a week: still awaited when the dissolution is asked.
        { input: { proposalId, consultationEndsAt: new Date(Date.now() + 7 * 86_400_000) } },
        { token: secretary },
      ),
    );
    await amend([]);
    // And its members have a vote of their own scheduled.
    await scheduleVote(app, secretary, {
      subjectType: 'Proposal',
      decisionType: 'OrdinaryResolution',
      electorateKind: 'Council',
      electorateRef: councilId,
    });

    const busy = await app.gql(
      'mutation ($input: DissolveCouncilInput!) { dissolveCouncil(input: $input) { id } }',
      { input: { councilId, reason: 'Essai.' } },
      { token: secretary, locale: 'en' },
    );
    expect(errorCode(busy)).toBe('COUNCIL_HAS_PENDING_WORK');
    expect(busy.errors?.[0].message).toBe(
      'This council has work under way: 1 consultation(s) awaiting its opinion, 0 deed amendment(s) under way that would have it consulted, 1 vote(s) not yet counted, 0 meeting(s) convened.',
    );
    expect((await council('comite_avis')).dissolvedAt).toBeNull();
  });
});
