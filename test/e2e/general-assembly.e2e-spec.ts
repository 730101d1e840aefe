import { randomUUID } from 'node:crypto';
import { Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { createCollege, staffToken } from '../factories';
import { grantProxy, inDays, openDoors } from '../factories/assemblies';
import {
  castBallot,
  closeVote,
  openVote,
  scheduleVote,
  VoteView,
  votersIn,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const CONVENE = `mutation ($input: ConveneAssemblyInput!) { conveneAssembly(input: $input) { id noticeDays } }`;
const REVOKE = `mutation ($input: RevokeProxyInput!) { revokeProxy(input: $input) { id } }`;
const CHECK_OUT = `mutation ($input: CheckOutInput!) { checkOut(input: $input) { memberId } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { checkIn(input: $input) { memberId } }`;
const RECOUNT = `mutation ($voteId: UUID!) { recount(voteId: $voteId) { matches } }`;
const MINUTES = `query ($id: UUID!) { assembly(id: $id) {
  quorum { present represented eligible required met } attendance { present remote represented }
  fr: minutes(locale: fr) { markdown } en: minutes(locale: en) { markdown } } }`;

interface Voter {
  member: Member;
  token: string;
}
/** Who casts one entry of the roll: the member, or the holder of their proxy. */
interface Caster {
  token: string;
  onBehalfOf?: string;
}

/**
 * The general assembly, end to end through GraphQL: convened with
 * notice, 40 members in 3 colleges weighing 50, 30 and 20, 5 proxies, three
 * decisions counted by hand below; then an assembly without quorum.
 */
describe('general assemblies with votes (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  const colleges: Record<'a' | 'b' | 'c', Voter[]> = { a: [], b: [], c: [] };

  beforeAll(async () => {
    app = await startTestApp();
    // The secretary is staff without a membership: exactly 40 members are eligible.
    secretary = await staffToken(app, [Role.Secretary]);
    const weights = { a: 50, b: 30, c: 20 };
    const sizes = { a: 10, b: 15, c: 15 };
    for (const key of ['a', 'b', 'c'] as const) {
      const code = `ga-college-${key}`;
      await createCollege(app.dataSource, {
        code,
        nameFr: `Collège ${key.toUpperCase()}`,
        nameEn: `College ${key.toUpperCase()}`,
        weight: weights[key],
      });
      colleges[key] = await votersIn(app, sizes[key], { collegeCode: code });
    }
  });
  afterAll(() => app.close());

  const gql = <T>(query: string, variables: Record<string, unknown>, token = secretary) =>
    app.gql<T>(query, variables, { token });

  async function convene(agenda: Record<string, unknown>[], startsInDays: number) {
    return ok(
      await gql<{ conveneAssembly: { id: string; noticeDays: number } }>(CONVENE, {
        input: {
          kind: 'GeneralAssembly',
          generalAssemblyType: 'Annual',
          mode: 'Hybrid',
          titleFr: 'Assemblée générale annuelle 2026',
          titleEn: 'Annual general assembly 2026',
          place: 'Centre communautaire, Rimouski',
          url: 'https://meet.example.org/aga-2026',
          startsAt: inDays(startsInDays),
          endsAt: inDays(startsInDays + 1),
          agenda,
        },
      }),
    ).conveneAssembly;
  }

  const grant = (assemblyId: string, grantor: Voter, holder: Voter) =>
    grantProxy(app, grantor.token, assemblyId, holder.member.id);

  const checkIn = (assemblyId: string, voter: Voter, mode: 'Present' | 'Remote', self = false) =>
    self
      ? gql(CHECK_IN, { input: { assemblyId, mode } }, voter.token)
      : gql(CHECK_IN, { input: { assemblyId, memberId: voter.member.id, mode } });

  /** Casts `ballots[i]` for `casters[i]`. */
  async function castAll(voteId: string, casters: Caster[], ballots: Record<string, unknown>[]) {
    expect(ballots).toHaveLength(casters.length);
    for (const [i, caster] of casters.entries()) {
      ok(await castBallot(app, caster.token, voteId, ballots[i], caster.onBehalfOf));
    }
  }

  /** `yes` yes-ballots then no-ballots, `total` in all. */
  const yesNo = (yes: number, total: number) =>
    Array.from({ length: total }, (_, i) => ({ option: i < yes ? 'yes' : 'no' }));

  it('adopts an ordinary resolution, rejects a special resolution at 66% of the weighted votes, elects 3 trustees by STV, and writes it all in the minutes', async () => {
    const { a, b, c } = colleges;
    const ordinaryId = randomUUID();
    const specialId = randomUUID();
    const electionId = randomUUID();

    // A special resolution and an election need 30 days' notice (founding charter).
    const assembly = await convene(
      [
        { kind: 'Information', titleFr: 'Rapport annuel', titleEn: 'Annual report' },
        {
          kind: 'Proposal',
          titleFr: 'Politique de savoirs ouverts',
          titleEn: 'Open-knowledge policy',
          refId: ordinaryId,
          decisionType: 'OrdinaryResolution',
        },
        {
          kind: 'Proposal',
          titleFr: 'Modification de l’acte de fiducie',
          titleEn: 'Amendment of the trust deed',
          refId: specialId,
          decisionType: 'SpecialResolution',
        },
        {
          kind: 'Election',
          titleFr: 'Élection de trois fiduciaires',
          titleEn: 'Election of three trustees',
          refId: electionId,
        },
      ],
      31,
    );
    expect(assembly.noticeDays).toBe(30);

    // Voting is scheduled during the assembly; the secretary opens each vote when its item comes.
    // The votes are on the agenda items (the proposal ids here are placeholders, not proposals).
    const inAssembly = {
      electorateKind: 'Assembly',
      electorateRef: assembly.id,
      opensAt: inDays(31),
      // The charter's longest minimum here (a special resolution: 7 days); closed in session.
      closesAt: inDays(38),
    };
    const ordinary = await scheduleVote(app, secretary, {
      ...inAssembly,
      subjectType: 'AssemblyItem',
      subjectId: ordinaryId,
      decisionType: 'OrdinaryResolution',
    });
    const special = await scheduleVote(app, secretary, {
      ...inAssembly,
      subjectType: 'AssemblyItem',
      subjectId: specialId,
      decisionType: 'SpecialResolution',
    });
    const candidates = ['P', 'Q', 'R', 'S', 'T'].map((id) => ({
      id,
      labelFr: `Candidate ${id}`,
      labelEn: `Candidate ${id}`,
    }));
    const election = await scheduleVote(app, secretary, {
      ...inAssembly,
      subjectType: 'Election',
      subjectId: electionId,
      decisionType: 'TrusteeElection',
      options: candidates,
      // Unweighted, so the STV count below can be followed by hand; weighting is shown by the resolutions.
      rules: { seats: 3, collegeWeighting: false },
    });

    // Five proxies, given before the assembly: a8 → a0, b11 and b12 → b0, c11 and c12 → c0.
    const proxies: [Voter, Voter][] = [
      [a[8], a[0]],
      [b[11], b[0]],
      [b[12], b[0]],
      [c[11], c[0]],
      [c[12], c[0]],
    ];
    const proxyIds: string[] = [];
    for (const [grantor, holder] of proxies) {
      proxyIds.push(ok(await grant(assembly.id, grantor, holder)).grantProxy.id);
    }

    // The day comes. In the room: a0–a7 and c0–c10, checked in at the door;
    // online: b0–b10, who check themselves in. Absent: a9, b13, b14, c13, c14.
    await openDoors(app, assembly.id);
    for (const voter of a.slice(0, 8)) ok(await checkIn(assembly.id, voter, 'Present'));
    for (const voter of b.slice(0, 11)) ok(await checkIn(assembly.id, voter, 'Remote', true));
    for (const voter of c.slice(0, 11)) ok(await checkIn(assembly.id, voter, 'Present'));

    // Quorum: 30 present + 5 represented = 35 of 40 active members; 1/10 of 40 = 4 needed.
    const before = ok(
      await gql<{ assembly: { quorum: unknown; attendance: unknown } }>(MINUTES, {
        id: assembly.id,
      }),
    );
    expect(before.assembly.quorum).toEqual({
      present: 30,
      represented: 5,
      eligible: 40,
      required: 4,
      met: true,
    });
    expect(before.assembly.attendance).toEqual({ present: 19, remote: 11, represented: 5 });

    // The roll of each vote: 9 entries in college A, 13 in B, 13 in C; holders cast for their grantors.
    const casters: Record<'a' | 'b' | 'c', Caster[]> = {
      a: [...a.slice(0, 8).map(self), held(a[0], a[8])],
      b: [...b.slice(0, 11).map(self), held(b[0], b[11]), held(b[0], b[12])],
      c: [...c.slice(0, 11).map(self), held(c[0], c[11]), held(c[0], c[12])],
    };

    // ── 1. Ordinary resolution: more than 1/2 of the votes cast, weighted by college.
    const opened = await openVote(app, secretary, ordinary.id);
    expect(opened.rollSize).toBe(35);
    // The first vote is open: proxies can no longer be revoked or given…
    expect(errorCode(await gql(REVOKE, { input: { proxyId: proxyIds[0] } }, a[8].token))).toBe(
      'PROXY_LOCKED',
    );
    expect(errorCode(await grant(assembly.id, a[9], a[1]))).toBe('PROXY_LOCKED');
    // …and a grantor cannot vote: their ballot is their holder's to cast.
    expect(errorCode(await castBallot(app, a[8].token, ordinary.id, { option: 'yes' }))).toBe(
      'NOT_IN_ELECTORATE',
    );
    // A: 6 of 9 yes → 50 × 6/9 = 100/3;  B: 5 of 13 → 30 × 5/13 = 150/13;  C: 7 of 13 → 20 × 7/13 = 140/13.
    // Yes = 100/3 + 290/13 = (1300 + 870)/39 = 2170/39 ≈ 55.6 of 100 > 1/2: adopted.
    // No = 50 × 3/9 + 30 × 8/13 + 20 × 6/13 = 50/3 + 360/13 = 1730/39.
    await castAll(ordinary.id, casters.a, yesNo(6, 9));
    await castAll(ordinary.id, casters.b, yesNo(5, 13));
    await castAll(ordinary.id, casters.c, yesNo(7, 13));
    const adopted = await closeVote(app, secretary, ordinary.id);
    expect(adopted.result).toMatchObject({ outcome: 'adopted', quorumMet: true, ballots: 35 });
    expect(adopted.result!.details.tally.votes).toEqual({ yes: '2170/39', no: '1730/39' });

    // ── 2. Special resolution: at least 2/3 of the votes cast, weighted by college.
    await openVote(app, secretary, special.id);
    // A: 5 of 9 → 250/9;  B: 12 of 13 → 360/13;  C: 7 of 13 → 140/13.
    // Yes = 250/9 + 500/13 = (3250 + 4500)/117 = 7750/117 ≈ 66.24 of 100 < 200/3 ≈ 66.67: rejected —
    // though 24 of the 35 ballots (68.6%) say yes: the weighting decides.
    // No = 50 × 4/9 + 30 × 1/13 + 20 × 6/13 = 200/9 + 150/13 = 3950/117.
    await castAll(special.id, casters.a, yesNo(5, 9));
    await castAll(special.id, casters.b, yesNo(12, 13));
    await castAll(special.id, casters.c, yesNo(7, 13));
    const rejected = await closeVote(app, secretary, special.id);
    expect(rejected.result).toMatchObject({ outcome: 'rejected', ballots: 35 });
    expect(rejected.result!.details.tally.votes).toEqual({ yes: '7750/117', no: '3950/117' });
    expect(rejected.result!.details.tally.threshold).toMatchObject({ ratio: '2/3', met: false });

    // ── 3. Three trustees by STV (Scottish rules), 35 ballots: Droop quota = ⌊35/4⌋ + 1 = 9.
    // First preferences: P 12, Q 9, R 6, S 5, T 3. P (12) and Q (9) reach the quota.
    // P's surplus of 3 moves at 3/12 = 0.25 per ballot; all 12 of P's ballots rank R next:
    // R = 6 + 12 × 0.25 = 9 = quota, elected. Seats filled: P, Q, R. (Without that transfer,
    // T's exclusion would have lifted S to 8, above R's 6.)
    const rankings = [
      ...Array.from({ length: 12 }, () => ({ ranking: ['P', 'R'] })),
      ...Array.from({ length: 9 }, () => ({ ranking: ['Q'] })),
      ...Array.from({ length: 6 }, () => ({ ranking: ['R'] })),
      ...Array.from({ length: 5 }, () => ({ ranking: ['S'] })),
      ...Array.from({ length: 3 }, () => ({ ranking: ['T', 'S'] })),
    ];
    await openVote(app, secretary, election.id);
    await castAll(election.id, [...casters.a, ...casters.b, ...casters.c], rankings);
    const elected: VoteView = await closeVote(app, secretary, election.id);
    expect(elected.result).toMatchObject({ outcome: 'elected', ballots: 35 });
    expect([...elected.result!.winners].sort()).toEqual(['P', 'Q', 'R']);

    // ── The minutes, in both languages.
    const { assembly: read } = ok(
      await gql<{ assembly: { fr: { markdown: string }; en: { markdown: string } } }>(MINUTES, {
        id: assembly.id,
      }),
    );
    const fr = read.fr.markdown;
    const en = read.en.markdown;
    expect(fr).toContain('# Procès-verbal — Assemblée générale annuelle 2026');
    expect(fr).toContain('- Présents en salle : 19');
    expect(fr).toContain('- Présents à distance : 11');
    expect(fr).toContain('- Représentés par procuration : 5');
    expect(fr).toContain('| Collège A | 8 | 0 | 1 |');
    expect(fr).toContain('35 membres présents ou représentés sur 40 membres actifs');
    expect(fr).toMatch(
      /### 2\. Politique de savoirs ouverts \(Proposition\)\n\n- \*\*Adoptée\*\* — Bulletins : 35/,
    );
    expect(fr).toContain('  - Pour : 2170/39');
    expect(fr).toMatch(
      /### 3\. Modification de l’acte de fiducie \(Proposition\)\n\n- \*\*Rejetée\*\*/,
    );
    expect(fr).toContain('- Règle : au moins 2/3 des voix exprimées, pondérées par collège');
    expect(fr).toMatch(/- Élu·es : Candidate [PQR], Candidate [PQR], Candidate [PQR]/);
    expect(en).toContain('# Minutes — Annual general assembly 2026');
    expect(en).toContain('- Represented by proxy: 5');
    expect(en).toContain('| College B | 0 | 11 | 2 |');
    expect(en).toMatch(
      /### 2\. Open-knowledge policy \(Proposal\)\n\n- \*\*Adopted\*\* — Ballots: 35/,
    );
    expect(en).toContain('- Rule: at least 2/3 of votes cast, weighted by college');
    expect(en).toContain('  - Against: 3950/117');
    expect(en).toMatch(
      /### 4\. Election of three trustees \(Election\)\n\n- \*\*Election completed\*\*/,
    );
    expect(en).toMatch(/- Elected: Candidate [PQR], Candidate [PQR], Candidate [PQR]/);

    // Members leave; a recount still sees the quorum measured when the vote was counted.
    for (const voter of c.slice(0, 11)) {
      ok(await gql(CHECK_OUT, { input: { assemblyId: assembly.id, memberId: voter.member.id } }));
    }
    expect(
      ok(await gql<{ recount: { matches: boolean } }>(RECOUNT, { voteId: ordinary.id })),
    ).toEqual({ recount: { matches: true } });
  });

  it('ends a vote of an assembly without quorum as quorum_not_met, and says so in the minutes', async () => {
    const { a, b, c } = colleges;
    const proposalId = randomUUID();
    const assembly = await convene(
      [
        {
          kind: 'Proposal',
          titleFr: 'Budget',
          titleEn: 'Budget',
          refId: proposalId,
          decisionType: 'Budget',
        },
      ],
      15,
    );
    const vote = await scheduleVote(app, secretary, {
      electorateKind: 'Assembly',
      electorateRef: assembly.id,
      subjectType: 'AssemblyItem',
      subjectId: proposalId,
      decisionType: 'Budget',
      opensAt: inDays(15),
      closesAt: inDays(18),
    });
    ok(await grant(assembly.id, c[13], a[9]));
    await openDoors(app, assembly.id);
    ok(await checkIn(assembly.id, a[9], 'Present'));
    ok(await checkIn(assembly.id, b[13], 'Remote', true));
    // 2 present + 1 represented = 3 of 40 active members; the quorum (1/10) needs 4.
    await openVote(app, secretary, vote.id);
    await castAll(vote.id, [self(a[9]), held(a[9], c[13]), self(b[13])], yesNo(3, 3));
    const closed = await closeVote(app, secretary, vote.id);
    expect(closed.result).toMatchObject({ outcome: 'quorum_not_met', quorumMet: false });
    expect(closed.result!.details.quorum.electorate).toEqual({
      met: false,
      details: { present: 2, represented: 1, eligible: 40, required: 4, met: false },
    });

    const { assembly: read } = ok(
      await gql<{ assembly: { fr: { markdown: string }; en: { markdown: string } } }>(MINUTES, {
        id: assembly.id,
      }),
    );
    expect(read.fr.markdown).toContain('quorum de 1/10 (4 membres) non atteint');
    expect(read.fr.markdown).toContain(
      '- **Quorum non atteint : aucune décision** — Bulletins : 3',
    );
    expect(read.en.markdown).toContain('- **Quorum not met: no decision** — Ballots: 3');

    // Latecomers would make the quorum now, but the vote was counted without it: a recount agrees.
    for (const voter of b.slice(0, 5)) ok(await checkIn(assembly.id, voter, 'Remote', true));
    expect(ok(await gql<{ recount: { matches: boolean } }>(RECOUNT, { voteId: vote.id }))).toEqual({
      recount: { matches: true },
    });
  });

  it('holds an asynchronous assembly over days: every active member is on the roll, proxies cast by their holder, quorum on who took part', async () => {
    const { a, b, c } = colleges;
    const proposalId = randomUUID();
    const assembly = ok(
      await gql<{ conveneAssembly: { id: string } }>(CONVENE, {
        input: {
          kind: 'GeneralAssembly',
          generalAssemblyType: 'Special',
          mode: 'Asynchronous',
          titleFr: 'Assemblée en ligne',
          titleEn: 'Online assembly',
          url: 'https://vote.example.org/age',
          startsAt: inDays(15),
          endsAt: inDays(20),
          agenda: [{ kind: 'Proposal', titleFr: 'Budget', titleEn: 'Budget', refId: proposalId }],
        },
      }),
    ).conveneAssembly;
    const vote = await scheduleVote(app, secretary, {
      electorateKind: 'Assembly',
      electorateRef: assembly.id,
      subjectType: 'AssemblyItem',
      subjectId: proposalId,
      decisionType: 'OrdinaryResolution',
      opensAt: inDays(15),
      closesAt: inDays(18),
    });
    ok(await grant(assembly.id, c[14], b[14]));
    await openDoors(app, assembly.id);
    // Nobody checked in: all 40 active members are on the roll all the same.
    expect((await openVote(app, secretary, vote.id)).rollSize).toBe(40);
    // c14 gave their vote to b14: only b14 may cast it.
    expect(errorCode(await castBallot(app, c[14].token, vote.id, { option: 'no' }))).toBe(
      'NOT_IN_ELECTORATE',
    );
    // 4 take part (1/10 of 40 = 4: quorum met). A: 1 yes → 50 yes; B: 2 yes → 30 yes;
    // C: c14's no (cast by b14) → 20 no. Yes 80 of 100 > 1/2: adopted.
    await castAll(
      vote.id,
      [self(a[9]), self(b[13]), self(b[14]), held(b[14], c[14])],
      [{ option: 'yes' }, { option: 'yes' }, { option: 'yes' }, { option: 'no' }],
    );
    const closed = await closeVote(app, secretary, vote.id);
    expect(closed.result).toMatchObject({ outcome: 'adopted', quorumMet: true, ballots: 4 });
    expect(closed.result!.details.tally.votes).toEqual({ yes: '80', no: '20' });
    expect(closed.result!.details.quorum.electorate.details).toMatchObject({
      present: 4,
      eligible: 40,
      required: 4,
    });
    const { assembly: read } = ok(
      await gql<{ assembly: { en: { markdown: string } } }>(MINUTES, { id: assembly.id }),
    );
    expect(read.en.markdown).toContain(
      'Asynchronous assembly: the quorum of 1/10 of the 40 active members (4 members) is measured on each vote',
    );
    expect(read.en.markdown).toContain('- **Adopted** — Ballots: 4');
  });
});

function self(voter: Voter): Caster {
  return { token: voter.token };
}

function held(holder: Voter, grantor: Voter): Caster {
  return { token: holder.token, onBehalfOf: grantor.member.id };
}
