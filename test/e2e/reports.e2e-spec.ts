import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Council } from '@delibera/councils';
import { Role } from '@delibera/kernel';
import { Member, MemberKind, OrganisationCategory, SizeBand } from '@delibera/membership';
import {
  ProposalConsultationDueHandler,
  ProposalsService,
  ProposalStatus,
  ProposalSupportExpiryHandler,
} from '@delibera/proposals';
import { RefreshReportsHandler } from '@delibera/reports';
import { VoteLifecycleService } from '@delibera/voting';
import { createMember, staffToken } from '../factories';
import { assemblyWithProposal } from '../factories/assemblies';
import { councilVotesOnOpinion } from '../factories/proposals';
import {
  asVoter,
  castBallot,
  closeVote,
  openVote,
  scheduleVote,
  seatOnCouncil,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

/**
 * The board's reports over a small trust seeded through the API and the
 * factories; every expected figure is counted here from the seed itself.
 */

const THIS_YEAR = new Date().getUTCFullYear();
/** Born on January 1st, so the age is the same all year. */
const bornAged = (age: number) => `${THIS_YEAR - age}-01-01`;

interface Seed {
  group: string;
  region: string;
  college: string;
  kind: MemberKind;
  category: string;
  age: number | null;
  secretVote: boolean;
  namedVote: boolean;
  admittedAt?: Date;
}

/** Groups of members: `voting` of `count` vote in the secret referendum, `named` in the named vote. */
function group(
  name: string,
  count: number,
  fields: Omit<Seed, 'group' | 'secretVote' | 'namedVote'>,
  secretVoters: number,
  namedVoters: number,
): Seed[] {
  return Array.from({ length: count }, (_, i) => ({
    group: name,
    ...fields,
    secretVote: i < secretVoters,
    namedVote: i < namedVoters,
  }));
}

const person = (region: string, age: number) => ({
  region,
  college: 'individuals',
  kind: MemberKind.Person,
  category: 'person',
  age,
});

const SEEDS: Seed[] = [
  ...group('A', 6, person('06', 25), 5, 6),
  ...group('B', 4, person('06', 38), 3, 4),
  ...group('C', 2, { ...person('03', 38), admittedAt: new Date('2025-03-15T15:00:00Z') }, 2, 2),
  ...group('D', 5, person('03', 50), 4, 0),
  // Bas-Saint-Laurent: 3 voters of 4 in the secret vote, a cell too small to publish.
  ...group('E', 4, person('01', 70), 3, 1),
  ...group(
    'F',
    4,
    {
      region: '16',
      college: 'civil_society',
      kind: MemberKind.Organisation,
      category: 'community',
      age: null,
    },
    2,
    0,
  ),
  ...group(
    'G',
    2,
    {
      region: '03',
      college: 'public_bodies',
      kind: MemberKind.Organisation,
      category: 'municipality',
      age: null,
      admittedAt: new Date('2024-06-01T15:00:00Z'),
    },
    1,
    0,
  ),
];

const ageBand = (s: Seed) =>
  s.age === null
    ? 'not_applicable'
    : s.age < 30
      ? 'under_30'
      : s.age < 45
        ? '30_44'
        : s.age < 65
          ? '45_64'
          : '65_plus';

/** Eligible and voters per key, counted from the seed. */
function expectedCells(seeds: Seed[], keyOf: (s: Seed) => string, voted: (s: Seed) => boolean) {
  const cells = new Map<string, { eligible: number; voters: number }>();
  for (const s of seeds) {
    const cell = cells.get(keyOf(s)) ?? { eligible: 0, voters: 0 };
    cell.eligible += 1;
    if (voted(s)) cell.voters += 1;
    cells.set(keyOf(s), cell);
  }
  return cells;
}

const VOTE_ROW = `voteId secrecy status eligible voters turnout quorumRequired quorumMargin quorumMet outcome
  byCollege { key labelFr labelEn eligible voters turnout suppressed }
  byRegion { key labelFr labelEn eligible voters turnout suppressed }
  byAgeBand { key labelFr eligible voters suppressed }
  byCategory { key labelFr eligible voters suppressed }
  byCouncil { key labelFr eligible voters suppressed }`;

const PARTICIPATION = `query ($period: ReportPeriodInput) { participationReport(period: $period) {
  voteCount eligible voters turnout
  votes { totalCount edges { node { ${VOTE_ROW} } } }
  overTime { month votes eligible voters turnout } } }`;

interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface Cell {
  key: string;
  labelFr: string;
  labelEn?: string;
  eligible: number;
  voters: number | null;
  turnout?: number | null;
  suppressed: boolean;
}
interface VoteRow {
  voteId: string;
  secrecy: string;
  eligible: number;
  voters: number;
  turnout: number;
  quorumRequired: number | null;
  quorumMargin: number | null;
  quorumMet: boolean | null;
  outcome: string | null;
  byCollege: Cell[];
  byRegion: Cell[];
  byAgeBand: Cell[];
  byCategory: Cell[];
  byCouncil: Cell[];
}

describe('the board’s reports (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let trustee: string;
  let treasurer: string;
  let members: Member[];
  const councils: Record<string, Council> = {};
  let collegeCode: Map<string, string>;
  let secretVoteId: string;
  let namedVoteId: string;
  let specialResolutionId: string;
  let scaleProposalId: string;
  let resigned: Seed;
  let suspended: Seed;
  const start = new Date();

  const gql = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    app.gql<T>(query, variables, { token });
  const tokens = new Map<number, Promise<string>>();
  /** One account per member, created on first use. */
  const tokenOf = (index: number) => {
    if (!tokens.has(index))
      tokens.set(
        index,
        asVoter(app, members[index]).then((v) => v.token),
      );
    return tokens.get(index)!;
  };
  const indexOf = (name: string, i: number) => SEEDS.findIndex((s) => s.group === name) + i;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = await staffToken(app, [Role.Secretary]);
    trustee = await staffToken(app, [Role.Trustee]);
    treasurer = await staffToken(app, [Role.Treasurer]);
    members = [];
    for (const [i, s] of SEEDS.entries()) {
      members.push(
        await createMember(app.dataSource, {
          displayName: `${s.group}${i}`,
          kind: s.kind,
          region: s.region,
          collegeCode: s.college,
          birthDate: s.age === null ? null : bornAged(s.age),
          ...(s.admittedAt ? { admittedAt: s.admittedAt } : {}),
          ...(s.kind === MemberKind.Organisation
            ? {
                organisationCategory: s.category as OrganisationCategory,
                sizeBand: s.category === 'municipality' ? SizeBand.Medium : SizeBand.Small,
                representativeName: 'Représentant',
              }
            : {}),
        }),
      );
    }
    const colleges: { id: string; code: string }[] = await app.dataSource.query(
      'SELECT id, code FROM college',
    );
    collegeCode = new Map(colleges.map((c) => [c.id, c.code]));
    for (const code of ['youth', 'seniors', 'artists']) {
      councils[code] = await app.dataSource.getRepository(Council).findOneByOrFail({ code });
    }
    // Youth council: five of group A (A1…A5); seniors: E0 and E1. A1 and E0 chair.
    await seatOnCouncil(
      app.dataSource,
      councils.youth,
      [1, 2, 3, 4, 5].map((i) => members[indexOf('A', i)]),
    );
    await seatOnCouncil(
      app.dataSource,
      councils.seniors,
      [0, 1].map((i) => members[indexOf('E', i)]),
    );
    await app.dataSource.getRepository(Council).update(councils.youth.id, {
      chairMemberId: members[indexOf('A', 1)].id,
    });
    await app.dataSource.getRepository(Council).update(councils.seniors.id, {
      chairMemberId: members[indexOf('E', 0)].id,
    });

    // A secret referendum of all active members and a named vote, both on the same roll.
    const window = {
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 15 * 24 * 3600_000).toISOString(),
    };
    secretVoteId = ok(
      await gql<{ callReferendum: { id: string } }>(
        `mutation ($input: CallReferendumInput!) { callReferendum(input: $input) { id } }`,
        { input: { titleFr: 'Référendum', titleEn: 'Referendum', binding: false, ...window } },
        trustee,
      ),
    ).callReferendum.id;
    namedVoteId = (
      await scheduleVote(app, secretary, {
        subjectType: 'Referendum',
        decisionType: 'Referendum',
        electorateKind: 'AllMembers',
        rules: { secrecy: 'Named' },
        titleFr: 'Consultation nominale',
        titleEn: 'Named consultation',
      })
    ).id;
    await openVote(app, secretary, secretVoteId);
    await openVote(app, secretary, namedVoteId);
    for (const [i, s] of SEEDS.entries()) {
      if (!s.secretVote && !s.namedVote) continue;
      const token = await tokenOf(i);
      if (s.secretVote) ok(await castBallot(app, token, secretVoteId, { option: 'yes' }));
      if (s.namedVote)
        ok(await castBallot(app, token, namedVoteId, { option: i % 2 ? 'yes' : 'no' }));
    }
    await closeVote(app, secretary, secretVoteId);
    await closeVote(app, secretary, namedVoteId);

    // After the votes: one resignation (B0) and one suspension (D0), by the secretary.
    resigned = SEEDS[indexOf('B', 0)];
    suspended = SEEDS[indexOf('D', 0)];
    for (const [seed, status] of [
      [indexOf('B', 0), 'Resigned'],
      [indexOf('D', 0), 'Suspended'],
    ] as const) {
      ok(
        await gql(
          `mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }`,
          { input: { memberId: members[seed].id, status, reason: 'Rapport' } },
          secretary,
        ),
      );
    }
  });
  afterAll(() => app.close());

  describe('participation', () => {
    let votes: VoteRow[];
    beforeAll(async () => {
      const report = ok(
        await gql<{
          participationReport: {
            votes: Connection<VoteRow>;
            voteCount: number;
            eligible: number;
            voters: number;
            overTime: { month: string; votes: number; voters: number }[];
          };
        }>(PARTICIPATION, { period: { from: start.toISOString() } }, trustee),
      ).participationReport;
      votes = report.votes.edges.map((edge) => edge.node);
      expect(report.voteCount).toBe(2);
      expect(report.votes.totalCount).toBe(2);
      const secretVoters = SEEDS.filter((s) => s.secretVote).length;
      const namedVoters = SEEDS.filter((s) => s.namedVote).length;
      expect(report.eligible).toBe(2 * SEEDS.length);
      expect(report.voters).toBe(secretVoters + namedVoters);
      expect(report.overTime).toEqual([
        expect.objectContaining({ votes: 2, voters: secretVoters + namedVoters }),
      ]);
    });
    const vote = (id: () => string) => votes.find((v) => v.voteId === id())!;

    it('gives each vote its turnout and quorum margin (referendum quorum: a quarter of the roll)', () => {
      const required = Math.ceil(SEEDS.length / 4);
      for (const [id, voted, secrecy] of [
        [secretVoteId, (s: Seed) => s.secretVote, 'Secret'],
        [namedVoteId, (s: Seed) => s.namedVote, 'Named'],
      ] as const) {
        const voters = SEEDS.filter(voted).length;
        expect(vote(() => id)).toMatchObject({
          secrecy,
          eligible: SEEDS.length,
          voters,
          turnout: Math.round((voters / SEEDS.length) * 10000) / 10000,
          quorumRequired: required,
          quorumMargin: voters - required,
          quorumMet: voters >= required,
        });
      }
    });

    it('breaks a named vote down by college, region, age band, category and council, every cell published', () => {
      const named = vote(() => namedVoteId);
      const check = (cells: Cell[], keyOf: (s: Seed) => string) => {
        const expected = expectedCells(SEEDS, keyOf, (s) => s.namedVote);
        expect(Object.fromEntries(cells.map((c) => [c.key, [c.eligible, c.voters]]))).toEqual(
          Object.fromEntries([...expected].map(([k, v]) => [k, [v.eligible, v.voters]])),
        );
        expect(cells.every((c) => !c.suppressed)).toBe(true);
      };
      check(
        named.byCollege.map((c) => ({ ...c, key: collegeCode.get(c.key)! })),
        (s) => s.college,
      );
      check(named.byRegion, (s) => s.region);
      check(named.byAgeBand, ageBand);
      check(named.byCategory, (s) => s.category);
      expect(named.byRegion.find((c) => c.key === '01')).toMatchObject({
        labelFr: 'Bas-Saint-Laurent',
        eligible: 4,
        voters: 1,
      });
      expect(named.byAgeBand.find((c) => c.key === '65_plus')!.labelFr).toBe('65 ans et plus');
    });

    it('suppresses the secret vote’s cells of fewer than 5 voters: the 3 voters of Bas-Saint-Laurent are not a number', () => {
      const secret = vote(() => secretVoteId);
      const bsl = secret.byRegion.find((c) => c.key === '01')!;
      expect(SEEDS.filter((s) => s.region === '01' && s.secretVote)).toHaveLength(3);
      expect(bsl).toEqual({
        key: '01',
        labelFr: 'Bas-Saint-Laurent',
        labelEn: 'Bas-Saint-Laurent',
        eligible: 4,
        voters: null,
        turnout: null,
        suppressed: true,
      });
      const check = (cells: Cell[], keyOf: (s: Seed) => string) => {
        const expected = expectedCells(SEEDS, keyOf, (s) => s.secretVote);
        for (const cell of cells) {
          const { eligible, voters } = expected.get(cell.key)!;
          expect(cell.eligible).toBe(eligible);
          // Each breakdown of this seed has at least two small cells, so no other cell is hidden.
          expect(cell).toMatchObject(
            voters < 5 ? { voters: null, suppressed: true } : { voters, suppressed: false },
          );
        }
        expect(cells).toHaveLength(expected.size);
      };
      check(
        secret.byCollege.map((c) => ({ ...c, key: collegeCode.get(c.key)! })),
        (s) => s.college,
      );
      check(secret.byRegion, (s) => s.region);
      check(secret.byAgeBand, ageBand);
      check(secret.byCategory, (s) => s.category);
      // Youth council: 5 seats, 4 of them voted → suppressed; seniors: 2 → suppressed.
      expect(secret.byCouncil.map((c) => [c.key, c.eligible, c.voters, c.suppressed])).toEqual(
        expect.arrayContaining([
          [councils.youth.id, 5, null, true],
          [councils.seniors.id, 2, null, true],
        ]),
      );
    });

    it('is for trustees, the secretary and admins only', async () => {
      const member = await tokenOf(0);
      expect(errorCode(await gql(PARTICIPATION, {}, member))).toBe('FORBIDDEN');
      expect(errorCode(await gql(PARTICIPATION, {}, treasurer))).toBe('FORBIDDEN');
      ok(await gql(PARTICIPATION, {}, secretary));
      expect(
        errorCode(
          await gql(
            PARTICIPATION,
            { period: { from: '2026-05-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } },
            trustee,
          ),
        ),
      ).toBe('PERIOD_INVALID');
    });
  });

  describe('participation, page by page', () => {
    const VOTES_PAGE = `query ($period: ReportPeriodInput, $first: Int, $after: String) {
      participationReport(period: $period) { voteCount overTime { month votes }
        votes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { voteId eligible voters byCollege { key eligible voters suppressed } } } } } }`;
    type Page = {
      participationReport: {
        voteCount: number;
        overTime: { month: string; votes: number }[];
        votes: Connection<Pick<VoteRow, 'voteId' | 'eligible' | 'voters' | 'byCollege'>>;
      };
    };
    // In 2020, apart from the other tests' votes.
    const period = { from: '2020-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z' };
    const read = async (first: number, after?: string | null, locale?: string) =>
      app.gql<Page>(VOTES_PAGE, { period, first, after }, { token: trustee, locale });
    /** Seven votes: three close at the same instant (the id breaks the tie), two a microsecond apart. */
    const CLOSES = [
      '2020-02-01T12:00:00.000000Z',
      '2020-03-03T12:00:00.000000Z',
      '2020-03-03T12:00:00.000000Z',
      '2020-03-03T12:00:00.000000Z',
      '2020-03-04T12:00:00.000000Z',
      '2020-03-04T12:00:00.000001Z',
      '2020-03-05T12:00:00.000000Z',
    ];
    let expected: string[];

    beforeAll(async () => {
      const votes: { id: string; closesAt: string }[] = [];
      for (const [i, closesAt] of CLOSES.entries()) {
        const { id } = await scheduleVote(app, secretary, {
          subjectType: 'Referendum',
          decisionType: 'Referendum',
          electorateKind: 'AllMembers',
          titleFr: `Consultation ${i}`,
          titleEn: `Consultation ${i}`,
        });
        await openVote(app, secretary, id);
        // Moved back in time once its roll is frozen: the API only opens votes now.
        await app.dataSource.query(
          `UPDATE vote SET opens_at = $2::timestamptz - interval '7 days', closes_at = $2 WHERE id = $1`,
          [id, closesAt],
        );
        votes.push({ id, closesAt });
      }
      // Latest closing first, then the greater id (PostgreSQL orders uuids as their hex text).
      expected = votes
        .sort((a, b) => b.closesAt.localeCompare(a.closesAt) || b.id.localeCompare(a.id))
        .map((v) => v.id);
    });

    it('concatenates its pages into the whole list, in order, each vote once, with the figures of the whole period', async () => {
      const whole = ok(await read(100)).participationReport;
      expect(whole.votes.edges.map((e) => e.node.voteId)).toEqual(expected);
      expect(whole.votes.pageInfo).toEqual({
        hasNextPage: false,
        endCursor: whole.votes.edges.at(-1)!.cursor,
      });

      const pages: Page['participationReport'][] = [];
      let after: string | null = null;
      do {
        const page: Page['participationReport'] = ok(await read(3, after)).participationReport;
        pages.push(page);
        after = page.votes.pageInfo.endCursor;
        expect(after).toBe(page.votes.edges.at(-1)!.cursor);
        if (!page.votes.pageInfo.hasNextPage) break;
      } while (pages.length < 10);
      expect(pages.map((p) => p.votes.edges.length)).toEqual([3, 3, 1]);
      expect(pages.map((p) => p.votes.pageInfo.hasNextPage)).toEqual([true, true, false]);
      // The period's figures do not depend on the page.
      for (const page of pages) {
        expect(page.votes.totalCount).toBe(7);
        expect(page.voteCount).toBe(7);
        expect(page.overTime).toEqual([
          { month: '2020-02', votes: 1 },
          { month: '2020-03', votes: 6 },
        ]);
      }
      const paged = pages.flatMap((p) => p.votes.edges.map((e) => e.node));
      expect(paged).toEqual(whole.votes.edges.map((e) => e.node));
      expect(new Set(paged.map((v) => v.voteId)).size).toBe(7);
      // Each page's breakdowns are its own votes' cells.
      expect(
        paged.every((v) => v.byCollege.reduce((n, c) => n + c.eligible, 0) === v.eligible),
      ).toBe(true);
    });

    it('refuses a cursor it did not give, in the caller’s language, and a page larger than 100', async () => {
      const forged = Buffer.from(JSON.stringify(['2020-03-05T12:00:00.000000Z', 'x'])).toString(
        'base64url',
      );
      const stale = Buffer.from(JSON.stringify(['2020-03-05 12:00', expected[0]])).toString(
        'base64url',
      );
      for (const after of ['garbage', forged, stale]) {
        const fr = await read(3, after);
        expect(errorCode(fr)).toBe('INVALID_CURSOR');
        expect(fr.errors![0].message).toBe('Le curseur de pagination est invalide.');
        expect(fr.data).toBeNull();
      }
      const en = await read(3, 'garbage', 'en');
      expect(errorCode(en)).toBe('INVALID_CURSOR');
      expect(en.errors![0].message).toBe('The pagination cursor is invalid.');
      expect(errorCode(await read(101))).toBe('INVALID_VALUE');
    });
  });

  describe('membership', () => {
    const MEMBERSHIP = `query ($period: ReportPeriodInput) { membershipReport(period: $period) {
      activeAtStart activeAtEnd joined resigned
      byStatus { key count } byKind { key count } byCollege { key labelFr count } byCategory { key count }
      byRegion { key labelFr count } byAgeBand { key count }
      overTime { month joined resigned suspended reinstated }
      councilPools { code seats eligible } } }`;

    it('gives the composition at the end of the period, joins and departures by month, and each council’s pool', async () => {
      const from = new Date('2025-01-01T05:00:00Z');
      const to = new Date(Date.now() + 3600_000);
      const report = ok(
        await gql<{
          membershipReport: Record<string, unknown> & {
            byRegion: { key: string; count: number }[];
          };
        }>(MEMBERSHIP, { period: { from: from.toISOString(), to: to.toISOString() } }, secretary),
      ).membershipReport;
      const active = SEEDS.filter((s) => s !== resigned && s !== suspended);
      const counts = (keyOf: (s: Seed) => string) =>
        [...expectedCells(active, keyOf, () => false)]
          .map(([key, { eligible }]) => ({ key, count: eligible }))
          .sort((a, b) => a.key.localeCompare(b.key));
      const sorted = (rows: unknown) =>
        (rows as { key: string; count: number }[])
          .filter((r) => r.count > 0)
          .map(({ key, count }) => ({ key, count }))
          .sort((a, b) => a.key.localeCompare(b.key));
      const admittedBefore = SEEDS.filter((s) => s.admittedAt && s.admittedAt < from).length;
      expect(report).toMatchObject({
        activeAtStart: admittedBefore,
        activeAtEnd: active.length,
        joined: SEEDS.length - admittedBefore,
        resigned: 1,
      });
      expect(sorted(report.byStatus)).toEqual([
        { key: 'active', count: active.length },
        { key: 'resigned', count: 1 },
        { key: 'suspended', count: 1 },
      ]);
      expect(sorted(report.byRegion)).toEqual(counts((s) => s.region));
      expect(sorted(report.byCollege)).toEqual(counts((s) => s.college));
      expect(sorted(report.byCategory)).toEqual(counts((s) => s.category));
      expect(sorted(report.byAgeBand)).toEqual(counts(ageBand));
      expect(sorted(report.byKind)).toEqual(counts((s) => s.kind));
      const thisMonth = new Date()
        .toLocaleDateString('en-CA', { timeZone: 'America/Montreal' })
        .slice(0, 7);
      expect(report.overTime).toEqual([
        { month: '2025-03', joined: 2, resigned: 0, suspended: 0, reinstated: 0 },
        {
          month: thisMonth,
          joined: SEEDS.filter((s) => !s.admittedAt).length,
          resigned: 1,
          suspended: 1,
          reinstated: 0,
        },
      ]);
      // Youth: people aged 16–30; seniors: 65 and over; artists: any person (the chair approves the practice).
      const people = active.filter((s) => s.kind === MemberKind.Person);
      expect(report.councilPools).toEqual(
        expect.arrayContaining([
          {
            code: 'youth',
            seats: 12,
            eligible: people.filter((s) => s.age! >= 16 && s.age! <= 30).length,
          },
          { code: 'seniors', seats: 12, eligible: people.filter((s) => s.age! >= 65).length },
          { code: 'artists', seats: 12, eligible: people.length },
        ]),
      );
    });

    it('counts members as they were at an earlier date, from the status history', async () => {
      const report = ok(
        await gql<{ membershipReport: { activeAtEnd: number; joined: number } }>(
          MEMBERSHIP,
          { period: { from: '2024-01-01T05:00:00Z', to: '2025-12-31T05:00:00Z' } },
          trustee,
        ),
      ).membershipReport;
      expect(report).toMatchObject({
        activeAtEnd: SEEDS.filter((s) => s.admittedAt).length,
        joined: SEEDS.filter((s) => s.admittedAt).length,
      });
    });
  });

  describe('councils', () => {
    const COUNCILS = `query ($period: ReportPeriodInput) { councilsReport(period: $period) { councils {
      code seats members vacancies pendingApplications eligiblePool
      consultationsReceived answeredOnTime answeredLate notAnswered pending onTimeRate } } }`;
    const DRAFT_BOARD = `mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }`;
    const SUBMIT = `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { id status } }`;
    const CONSULTATIONS = `query ($id: UUID!) { proposal(id: $id) { consultations { id council { code } } } }`;

    const submitSpecialResolution = async (title: string) => {
      const { id } = ok(
        await gql<{ draftBoardProposal: { id: string } }>(
          DRAFT_BOARD,
          { input: { decisionType: 'SpecialResolution', title, body: 'Texte de la résolution.' } },
          secretary,
        ),
      ).draftBoardProposal;
      expect(
        ok(
          await gql<{ submitProposal: { status: string } }>(
            SUBMIT,
            { input: { proposalId: id } },
            secretary,
          ),
        ).submitProposal.status,
      ).toBe('Consultation');
      return id;
    };
    /** A council member drafts a favourable opinion; the council adopts it by its vote, which publishes it. */
    const answer = async (
      consultationId: string,
      drafter: number,
      chair: number,
      voters: number[],
    ) => {
      const { id } = ok(
        await gql<{ draftCouncilOpinion: { id: string } }>(
          `mutation ($input: DraftOpinionInput!) { draftCouncilOpinion(input: $input) { id } }`,
          { input: { consultationId, position: 'Favourable', text: 'Avis favorable.' } },
          await tokenOf(drafter),
        ),
      ).draftCouncilOpinion;
      const ballots = await Promise.all(
        voters.map(
          async (v) => [await tokenOf(v), { option: 'yes' }] as [string, { option: string }],
        ),
      );
      expect(
        await councilVotesOnOpinion(app, { chair: await tokenOf(chair), secretary }, id, ballots),
      ).toBe('adopted');
    };

    it('counts consultations answered on time, late and not at all, and seats held', async () => {
      const first = await submitSpecialResolution('Modifier l’acte constitutif');
      specialResolutionId = first;
      await submitSpecialResolution('Deuxième résolution spéciale');
      const { proposal } = ok(
        await gql<{ proposal: { consultations: { id: string; council: { code: string } }[] } }>(
          CONSULTATIONS,
          { id: first },
          secretary,
        ),
      );
      const of = (code: string) => proposal.consultations.find((c) => c.council.code === code)!.id;
      await answer(
        of('youth'),
        indexOf('A', 2),
        indexOf('A', 1),
        [2, 3, 4].map((i) => indexOf('A', i)),
      );
      await answer(
        of('seniors'),
        indexOf('E', 1),
        indexOf('E', 0),
        [0, 1].map((i) => indexOf('E', i)),
      );
      // The seniors' opinion came after its due date (the clock, moved back).
      await app.dataSource.query(
        `UPDATE consultation_request SET due_at = answered_at - interval '1 day' WHERE id = $1`,
        [of('seniors')],
      );
      // The artists stay silent until their due date passes.
      await app.dataSource.query(
        `UPDATE consultation_request SET due_at = now() - interval '1 second' WHERE id = $1`,
        [of('artists')],
      );
      await app.dataSource.query(
        `UPDATE proposal SET consultation_ends_at = now() - interval '1 second' WHERE id = $1`,
        [first],
      );
      const [{ version }] = await app.dataSource.query(
        'SELECT schedule_version AS version FROM proposal WHERE id = $1',
        [first],
      );
      expect(await app.app.get(ProposalConsultationDueHandler).handle({ id: first, version })).toBe(
        'done',
      );

      const report = ok(
        await gql<{ councilsReport: { councils: Record<string, unknown>[] } }>(
          COUNCILS,
          { period: { from: start.toISOString() } },
          trustee,
        ),
      ).councilsReport;
      const pools = {
        youth: SEEDS.filter((s) => s.age !== null && s.age <= 30).length,
        seniors: SEEDS.filter((s) => s.age !== null && s.age >= 65).length,
        artists: SEEDS.filter(
          (s) => s.kind === MemberKind.Person && s !== resigned && s !== suspended,
        ).length,
      };
      const row = (code: 'youth' | 'seniors' | 'artists', seated: number, counts: number[]) => ({
        code,
        seats: 12,
        members: seated,
        vacancies: 12 - seated,
        pendingApplications: 0,
        eligiblePool: pools[code],
        consultationsReceived: 2,
        answeredOnTime: counts[0],
        answeredLate: counts[1],
        notAnswered: counts[2],
        pending: 1,
        onTimeRate: counts[0],
      });
      expect(report.councils).toEqual(
        expect.arrayContaining([
          row('youth', 5, [1, 0, 0]),
          row('seniors', 2, [0, 1, 0]),
          row('artists', 0, [0, 0, 1]),
        ]),
      );
    });
  });

  describe('contribution campaign', () => {
    const CAMPAIGN = `query ($year: Int!) { campaignReport(fiscalYear: $year) {
      fiscalYear period { from to }
      campaign { targetCents callCount calledCents paidCents outstandingCents waivedCents inKindCents
        byCategory { organisationCategory calledCents outstandingCents } reconciliation { reconciles } }
      inKindByCategory { key valueCents } inKindByRegion { key valueCents }
      largestArrears { memberId displayName reference organisationCategory region calledCents outstandingCents } } }`;
    const COMMUNITY = 120_050;
    const MUNICIPALITY = 450_075;

    it('adds up called = paid + outstanding + waived and lists the largest arrears, for the treasurer too', async () => {
      const { id: scaleId } = ok(
        await gql<{ draftContributionScale: { id: string } }>(
          `mutation ($input: ContributionScaleInput!) { draftContributionScale(input: $input) { id } }`,
          {
            input: {
              fiscalYear: 2026,
              fiscalYearStartsOn: '2026-04-01',
              name: 'Barème 2026',
              dueOn: '2026-12-31',
              campaignTargetCents: 2_000_000,
              prorationRule: 'None',
              tiers: [
                { organisationCategory: 'Community', sizeBand: 'Small', amountCents: COMMUNITY },
                {
                  organisationCategory: 'Municipality',
                  sizeBand: 'Medium',
                  amountCents: MUNICIPALITY,
                },
              ],
            },
          },
          treasurer,
        ),
      ).draftContributionScale;
      const { proposalId } = ok(
        await gql<{ submitContributionScale: { proposalId: string } }>(
          `mutation ($id: UUID!) { submitContributionScale(scaleId: $id) { proposalId } }`,
          { id: scaleId },
          treasurer,
        ),
      ).submitContributionScale;
      scaleProposalId = proposalId;
      // The assembly's vote (see decision-journey): deliberation, voting, adopted.
      await assemblyWithProposal(app.dataSource, proposalId);
      await app.dataSource.transaction(async (manager) => {
        const proposals = app.app.get(ProposalsService);
        for (const to of [
          ProposalStatus.Deliberation,
          ProposalStatus.Voting,
          ProposalStatus.Adopted,
        ]) {
          await proposals.transition(manager, {
            proposalId,
            to,
            actorAccountId: null,
            ...(to === ProposalStatus.Voting
              ? {
                  set: {
                    votingOpensAt: new Date(),
                    votingClosesAt: new Date(Date.now() + 86_400_000),
                  },
                }
              : {}),
          });
        }
      });
      const calls: { id: string; member_id: string; reference: string }[] =
        await app.dataSource.query(
          'SELECT id, member_id, reference FROM contribution_call WHERE scale_id = $1',
          [scaleId],
        );
      const callOf = (name: string, i: number) =>
        calls.find((c) => c.member_id === members[indexOf(name, i)].id)!;
      const pay = (name: string, i: number, amountCents: number) =>
        gql(
          `mutation ($input: RecordPaymentInput!) { recordContributionPayment(input: $input) { status } }`,
          {
            input: {
              callId: callOf(name, i).id,
              amountCents,
              paidOn: '2026-06-01',
              method: 'Transfer',
              reference: 'VIR',
            },
          },
          treasurer,
        ).then(ok);
      await pay('F', 0, COMMUNITY);
      await pay('F', 1, 50_000);
      await pay('G', 1, 100_000);
      ok(
        await gql(
          `mutation ($input: WaiveCallInput!) { waiveContributionCall(input: $input) { status } }`,
          {
            input: {
              callId: callOf('G', 0).id,
              amountCents: MUNICIPALITY,
              boardDecision: 'CA-2026-12',
            },
          },
          treasurer,
        ),
      );

      const report = ok(
        await gql<{
          campaignReport: {
            campaign: Record<string, unknown>;
            period: { from: string; to: string };
            largestArrears: { displayName: string; outstandingCents: number }[];
          };
        }>(CAMPAIGN, { year: 2026 }, treasurer),
      ).campaignReport;
      const called = 4 * COMMUNITY + 2 * MUNICIPALITY;
      const paid = COMMUNITY + 50_000 + 100_000;
      expect(calls).toHaveLength(6);
      expect(report.campaign).toMatchObject({
        targetCents: 2_000_000,
        callCount: 6,
        calledCents: called,
        paidCents: paid,
        waivedCents: MUNICIPALITY,
        outstandingCents: called - paid - MUNICIPALITY,
        reconciliation: { reconciles: true },
      });
      expect(new Date(report.period.from).toISOString()).toBe('2026-04-01T04:00:00.000Z');
      expect(new Date(report.period.to).toISOString()).toBe('2027-04-01T04:00:00.000Z');
      expect(report.largestArrears.map((a) => [a.displayName, a.outstandingCents])).toEqual([
        [`G${indexOf('G', 1)}`, MUNICIPALITY - 100_000],
        [`F${indexOf('F', 2)}`, COMMUNITY],
        [`F${indexOf('F', 3)}`, COMMUNITY],
        [`F${indexOf('F', 1)}`, COMMUNITY - 50_000],
      ]);
      expect(report.largestArrears[0]).toMatchObject({
        organisationCategory: 'municipality',
        region: '03',
      });
      // Money is for the treasurer and the board; a member sees nothing.
      expect(errorCode(await gql(CAMPAIGN, { year: 2026 }, await tokenOf(0)))).toBe('FORBIDDEN');

      // What each call received is kept on the call (the report reads it, not the ledger).
      const received = async (call: { id: string }) =>
        Number(
          (
            await app.dataSource.query(
              'SELECT received_cents FROM contribution_call WHERE id = $1',
              [call.id],
            )
          )[0].received_cents,
        );
      expect(await received(callOf('F', 0))).toBe(COMMUNITY);
      expect(await received(callOf('F', 1))).toBe(50_000);
      expect(await received(callOf('G', 0))).toBe(0);
      // The payment's own transaction sees the call's new amount; its rollback takes both back.
      await expect(
        app.dataSource.transaction(async (manager) => {
          await manager.query(
            `INSERT INTO contribution_payment (call_id, amount_cents, paid_on, method)
             VALUES ($1, 1000, '2026-06-02', 'cheque')`,
            [callOf('F', 2).id],
          );
          const [row] = await manager.query(
            'SELECT received_cents FROM contribution_call WHERE id = $1',
            [callOf('F', 2).id],
          );
          expect(Number(row.received_cents)).toBe(1000);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await received(callOf('F', 2))).toBe(0);
    });
  });

  describe('decision register and proposal pipeline', () => {
    const REGISTER = `query ($period: ReportPeriodInput) { decisionRegister(period: $period) { decisions {
      kind proposalId voteId assemblyId titleFr titleEn decisionType decidingBody decidedAt result
      eligible voters quorumMet resultHash
      opinions { councilCode nameFr status position publishedAt answeredAt } } } }`;
    const PIPELINE = `query ($period: ReportPeriodInput) { proposalPipeline(period: $period) {
      byStatus { status labelFr count } timeInPhase { phase labelFr proposals medianDays p90Days }
      expiredInitiatives { proposalId title cosignatures required } } }`;
    let initiativeId: string;

    beforeAll(async () => {
      // The special resolution heard its councils; the general assembly adopts it.
      await assemblyWithProposal(app.dataSource, specialResolutionId);
      await app.dataSource.transaction(async (manager) => {
        const proposals = app.app.get(ProposalsService);
        await proposals.transition(manager, {
          proposalId: specialResolutionId,
          to: ProposalStatus.Voting,
          actorAccountId: null,
          set: { votingOpensAt: new Date(), votingClosesAt: new Date(Date.now() + 86_400_000) },
        });
        await proposals.transition(manager, {
          proposalId: specialResolutionId,
          to: ProposalStatus.Adopted,
          actorAccountId: null,
        });
      });
      // A member initiative gathers one co-signature, then its support period ends.
      const author = await tokenOf(indexOf('B', 2));
      initiativeId = ok(
        await gql<{ draftProposal: { id: string } }>(
          `mutation ($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
          {
            input: {
              decisionType: 'OrdinaryResolution',
              title: 'Un jardin communautaire',
              body: 'Créer un jardin.',
            },
          },
          author,
        ),
      ).draftProposal.id;
      expect(
        ok(
          await gql<{ submitProposal: { status: string } }>(
            `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }`,
            { input: { proposalId: initiativeId } },
            author,
          ),
        ).submitProposal.status,
      ).toBe('Support');
      ok(
        await gql(
          `mutation ($id: UUID!) { cosignProposal(proposalId: $id) { id } }`,
          { id: initiativeId },
          await tokenOf(indexOf('B', 3)),
        ),
      );
      await app.dataSource.query(
        `UPDATE proposal SET support_ends_at = now() - interval '1 second' WHERE id = $1`,
        [initiativeId],
      );
      const [{ version }] = await app.dataSource.query(
        'SELECT schedule_version AS version FROM proposal WHERE id = $1',
        [initiativeId],
      );
      expect(
        await app.app.get(ProposalSupportExpiryHandler).handle({ id: initiativeId, version }),
      ).toBe('done');
    });

    it('lists every decision with its body, result, vote and the councils’ published opinions', async () => {
      const { decisions } = ok(
        await gql<{ decisionRegister: { decisions: Record<string, unknown>[] } }>(
          REGISTER,
          { period: { from: start.toISOString() } },
          secretary,
        ),
      ).decisionRegister;
      const named = SEEDS.map((s, i) => ({ s, i })).filter(({ s }) => s.namedVote);
      const yes = named.filter(({ i }) => i % 2 === 1).length;
      // The two referendums, two councils' opinions, the scale and the special resolution.
      expect(decisions).toHaveLength(6);
      const proposalDecision = (id: string) =>
        decisions.find((d) => d.kind === 'proposal' && d.proposalId === id);
      expect(proposalDecision(specialResolutionId)).toMatchObject({
        kind: 'proposal',
        titleFr: 'Modifier l’acte constitutif',
        decisionType: 'SpecialResolution',
        decidingBody: 'GeneralAssembly',
        result: 'adopted',
        // Entering the vote created it, in the assembly that holds the resolution.
        voteId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        assemblyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        opinions: [
          { councilCode: 'artists', status: 'DidNotAnswer', position: null, publishedAt: null },
          { councilCode: 'seniors', status: 'Answered', position: 'Favourable' },
          { councilCode: 'youth', status: 'Answered', position: 'Favourable' },
        ],
      });
      expect(proposalDecision(scaleProposalId)).toMatchObject({
        decisionType: 'ContributionScale',
        decidingBody: 'GeneralAssembly',
        result: 'adopted',
      });
      // Each council adopted its opinion by its own vote: a decision of the council, linked to the proposal.
      expect(
        decisions
          .filter((d) => d.decisionType === 'CouncilOpinion')
          .map((d) => [d.titleFr, d.decidingBody, d.eligible, d.voters, d.result, d.proposalId]),
      ).toEqual([
        [
          'Conseil des jeunes — avis sur « Modifier l’acte constitutif »',
          'Council',
          5,
          3,
          'adopted',
          specialResolutionId,
        ],
        [
          'Conseil des aînés — avis sur « Modifier l’acte constitutif »',
          'Council',
          2,
          2,
          'adopted',
          specialResolutionId,
        ],
      ]);
      expect(decisions.find((d) => d.voteId === secretVoteId)).toMatchObject({
        kind: 'vote',
        titleFr: 'Référendum',
        decisionType: 'Referendum',
        decidingBody: 'AllMembers',
        result: 'adopted',
        eligible: SEEDS.length,
        voters: SEEDS.filter((s) => s.secretVote).length,
        quorumMet: true,
      });
      expect(decisions.find((d) => d.voteId === namedVoteId)).toMatchObject({
        kind: 'vote',
        voters: named.length,
        result: yes * 2 > named.length ? 'adopted' : 'rejected',
      });
      expect(
        decisions.every(
          (d) => d.kind === 'proposal' || /^[0-9a-f]{64}$/.test(String(d.resultHash)),
        ),
      ).toBe(true);
      // Oldest first.
      const dates = decisions.map((d) => new Date(String(d.decidedAt)).getTime());
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
    });

    it('counts proposals by status, times each phase and names the expired initiative', async () => {
      const before = Date.now();
      const pipeline = ok(
        await gql<{
          proposalPipeline: {
            byStatus: { status: string; count: number }[];
            timeInPhase: {
              phase: string;
              proposals: number;
              medianDays: number;
              p90Days: number;
            }[];
            expiredInitiatives: Record<string, unknown>[];
          };
        }>(PIPELINE, { period: { from: start.toISOString() } }, trustee),
      ).proposalPipeline;
      // Two special resolutions (one adopted, one in consultation), the adopted scale, the expired initiative.
      expect(pipeline.byStatus.map((s) => [s.status, s.count]).sort()).toEqual(
        [
          ['Adopted', 2],
          ['Consultation', 1],
          ['Expired', 1],
        ].sort(),
      );
      const stays = Object.fromEntries(pipeline.timeInPhase.map((p) => [p.phase, p]));
      // Every proposal left its draft; the resolution and the scale left consultation,
      // deliberation and voting; the initiative left support.
      expect(Object.fromEntries(pipeline.timeInPhase.map((p) => [p.phase, p.proposals]))).toEqual({
        Draft: 4,
        Submitted: 4,
        Support: 1,
        Consultation: 2,
        Deliberation: 2,
        Voting: 2,
      });
      const elapsedDays = (before - start.getTime()) / 86_400_000;
      for (const phase of Object.values(stays)) {
        expect(phase.medianDays).toBeGreaterThanOrEqual(0);
        expect(phase.medianDays).toBeLessThanOrEqual(phase.p90Days);
        expect(phase.p90Days).toBeLessThanOrEqual(elapsedDays);
      }
      expect(pipeline.expiredInitiatives).toEqual([
        {
          proposalId: initiativeId,
          title: 'Un jardin communautaire',
          cosignatures: 1,
          required: expect.any(Number),
        },
      ]);
      const { charter } = ok(
        await gql<{ charter: { initiativeCosignatures: number } }>(
          '{ charter { initiativeCosignatures } }',
          {},
          trustee,
        ),
      );
      expect(pipeline.expiredInitiatives[0].required).toBe(charter.initiativeCosignatures);
    });
  });

  describe('volunteer recognition', () => {
    const VOLUNTEERS = `query ($period: ReportPeriodInput) { volunteerReport(period: $period) {
      contributions volunteers minutes hours valueCents
      byActivity { key contributions minutes hours valueCents }
      byCouncil { key labelFr minutes valueCents }
      thanked { name hours } } }`;
    const RECORD = `mutation ($input: RecordVolunteerHoursInput!) { recordVolunteerHours(input: $input) { id recognitionConsent } }`;
    const DECIDE = `mutation ($input: DecideInKindInput!) { decideInKindContribution(input: $input) { status valueCents } }`;

    it('sums approved hours and their value by activity and council, and thanks by name only those who consented', async () => {
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Montreal' });
      const hours = [
        {
          by: indexOf('A', 0),
          personName: 'Alice Tremblay',
          activity: 'Animation',
          minutes: 150,
          council: 'youth',
          consent: true,
          approve: true,
        },
        {
          by: indexOf('A', 0),
          personName: 'alice tremblay ',
          activity: 'Accueil',
          minutes: 90,
          consent: true,
          approve: true,
        },
        {
          by: indexOf('F', 0),
          personName: 'Bob Gagnon',
          activity: 'Accueil',
          minutes: 120,
          consent: false,
          approve: true,
        },
        {
          by: indexOf('E', 0),
          personName: 'Chloé Roy',
          activity: 'Animation',
          minutes: 60,
          council: 'seniors',
          consent: true,
          approve: false,
        },
        {
          by: indexOf('B', 1),
          personName: 'Denis Roy',
          activity: 'Accueil',
          minutes: 30,
          consent: true,
          approve: null,
        },
      ];
      for (const h of hours) {
        const recorded = ok(
          await gql<{ recordVolunteerHours: { id: string; recognitionConsent: boolean } }>(
            RECORD,
            {
              input: {
                personName: h.personName,
                activity: h.activity,
                performedOn: today,
                minutes: h.minutes,
                ...(h.council ? { councilId: councils[h.council].id } : {}),
                ...(h.consent ? { thankByName: true } : {}),
              },
            },
            await tokenOf(h.by),
          ),
        ).recordVolunteerHours;
        expect(recorded.recognitionConsent).toBe(h.consent);
        if (h.approve !== null) {
          ok(
            await gql(
              DECIDE,
              {
                input: {
                  id: recorded.id,
                  approve: h.approve,
                  reason: h.approve ? undefined : 'Doublon',
                },
              },
              secretary,
            ),
          );
        }
      }
      const { charter } = ok(
        await gql<{ charter: { volunteerHourRate: number } }>(
          '{ charter { volunteerHourRate } }',
          {},
          secretary,
        ),
      );
      const valueOf = (minutes: number) =>
        Math.floor((minutes * charter.volunteerHourRate + 30) / 60);
      const approved = hours.filter((h) => h.approve);
      const report = ok(
        await gql<{ volunteerReport: Record<string, unknown> }>(
          VOLUNTEERS,
          { period: { from: start.toISOString() } },
          treasurer,
        ),
      ).volunteerReport;
      const sum = (rows: typeof hours) => rows.reduce((total, h) => total + h.minutes, 0);
      const value = (rows: typeof hours) =>
        rows.reduce((total, h) => total + valueOf(h.minutes), 0);
      expect(report).toMatchObject({
        contributions: 3,
        volunteers: 2,
        minutes: sum(approved),
        hours: sum(approved) / 60,
        valueCents: value(approved),
      });
      const byActivity = (activity: string) => approved.filter((h) => h.activity === activity);
      expect(report.byActivity).toEqual([
        {
          key: 'Accueil',
          contributions: 2,
          minutes: sum(byActivity('Accueil')),
          hours: 3.5,
          valueCents: value(byActivity('Accueil')),
        },
        { key: 'Animation', contributions: 1, minutes: 150, hours: 2.5, valueCents: valueOf(150) },
      ]);
      expect(report.byCouncil).toEqual([
        {
          key: 'none',
          labelFr: 'Aucun conseil',
          minutes: 210,
          valueCents: value(approved.filter((h) => !h.council)),
        },
        {
          key: councils.youth.id,
          labelFr: councils.youth.nameFr,
          minutes: 150,
          valueCents: valueOf(150),
        },
      ]);
      // Alice agreed (both records, one name); Bob did not; Chloé's hours were refused, Denis's are pending.
      expect(report.thanked).toEqual([{ name: 'Alice Tremblay', hours: 4 }]);
      expect(JSON.stringify(report)).not.toMatch(/Gagnon|Chloé|Denis/);

      // The campaign's in-kind value counts the same approved hours, by member category.
      const campaign = ok(
        await gql<{
          campaignReport: {
            campaign: { inKindCents: number };
            inKindByCategory: { key: string; valueCents: number }[];
          };
        }>(
          `query { campaignReport(fiscalYear: 2026) { campaign { inKindCents } inKindByCategory { key valueCents } } }`,
          {},
          trustee,
        ),
      ).campaignReport;
      expect(campaign.campaign.inKindCents).toBe(value(approved));
      expect(campaign.inKindByCategory).toEqual([
        { key: 'community', valueCents: valueOf(120) },
        { key: 'person', valueCents: valueOf(150) + valueOf(90) },
      ]);
    });
  });

  describe('annual accountability report', () => {
    const ACCOUNTABILITY = `query ($year: Int!, $locale: ReportLocale) {
      accountabilityReport(fiscalYear: $year, locale: $locale) { fiscalYear locale period { from to } markdown pdfPath markdownPath } }`;
    const download = (path: string, token?: string, locale?: string) =>
      fetch(new URL(path, app.url), {
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(locale ? { 'accept-language': locale } : {}),
        },
      });

    it('assembles every report of the fiscal year as Markdown, in French and in English', async () => {
      const fr = ok(
        await gql<{ accountabilityReport: { markdown: string; pdfPath: string; locale: string } }>(
          ACCOUNTABILITY,
          { year: 2026, locale: 'Fr' },
          trustee,
        ),
      ).accountabilityReport;
      expect(fr.locale).toBe('Fr');
      expect(fr.pdfPath).toBe('/reports/accountability/2026.pdf?lang=fr');
      const active = SEEDS.length - 2;
      for (const text of [
        '# Rapport annuel de reddition de comptes',
        'Exercice 2026-2027',
        'Période du 1 avril 2026 au 31 mars 2027',
        '## Faits saillants',
        `- Membres actifs en fin d'exercice\u00a0: **${active}**`,
        '## Participation aux votes',
        '| Référendum (secret) |',
        // The secret vote's small college cells are not numbers in the published report either.
        '| Référendum | Municipalités, MRC et institutions publiques | 2 | moins de 5 | — |',
        '| Consultation nominale | Municipalités, MRC et institutions publiques | 2 | 0 | 0,0\u00a0% |',
        '## Registre des décisions',
        'Modifier l’acte constitutif — résolution spéciale',
        'Conseil des jeunes\u00a0: favorable',
        'Conseil des artistes\u00a0: sans avis',
        '## Cheminement des propositions',
        '| Un jardin communautaire | 1 / ',
        '## Conseils consultatifs',
        '## Campagne de contributions 2026',
        'Les comptes concordent au cent près',
        '## Reconnaissance des bénévoles',
        'La fiducie remercie chaleureusement Alice Tremblay, ainsi qu’un autre bénévole.',
      ]) {
        expect(fr.markdown).toContain(text);
      }
      // Called: four community calls and two municipal ones, in French money format.
      expect(fr.markdown).toContain('- Appelé\u00a0: **13\u00a0803,50\u00a0$**');
      expect(fr.markdown).not.toMatch(/Gagnon|Chloé|Denis/);

      const en = ok(
        await gql<{ accountabilityReport: { markdown: string } }>(
          ACCOUNTABILITY,
          { year: 2026, locale: 'En' },
          treasurer,
        ),
      ).accountabilityReport.markdown;
      for (const text of [
        '# Annual accountability report',
        'Fiscal year 2026-2027',
        'Period from April 1, 2026 to March 31, 2027',
        `- Active members at year end: **${active}**`,
        '- Called: **$13,803.50**',
        'The trust warmly thanks Alice Tremblay, as well as one other volunteer.',
      ]) {
        expect(en).toContain(text);
      }
    });

    it('downloads as a PDF (and Markdown) over HTTP, authorised like the reports', async () => {
      const response = await download('/reports/accountability/2026.pdf?lang=fr', trustee);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(
        'reddition-de-comptes-2026.pdf',
      );
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // A title page and the sections after it.
      expect(
        (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length,
      ).toBeGreaterThanOrEqual(4);
      const dir = join(__dirname, '__artifacts__');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'accountability-2026-fr.pdf'), pdf);
      const english = await download('/reports/accountability/2026.pdf', secretary, 'en-CA');
      expect(english.headers.get('content-disposition')).toContain(
        'accountability-report-2026.pdf',
      );
      writeFileSync(
        join(dir, 'accountability-2026-en.pdf'),
        Buffer.from(await english.arrayBuffer()),
      );

      const markdown = await download('/reports/accountability/2026.md?lang=en', treasurer);
      expect(markdown.status).toBe(200);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await markdown.text()).toContain('# Annual accountability report');

      expect((await download('/reports/accountability/2026.pdf')).status).toBe(401);
      const refused = await download('/reports/accountability/2026.pdf', await tokenOf(0), 'fr');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect((await download('/reports/accountability/2026.pdf?lang=de', trustee)).status).toBe(
        400,
      );
      expect((await download('/reports/accountability/1999.pdf', trustee)).status).toBe(400);
      expect((await download('/reports/accountability/annual.pdf', trustee)).status).toBe(404);
    });
  });
  describe('summaries kept by the refresh job and the tally', () => {
    const refresh = () => app.app.get(RefreshReportsHandler).handle();
    const MEMBERSHIP = `query ($period: ReportPeriodInput) { membershipReport(period: $period) {
      compositionAsOf activeAtStartAsOf activeAtStart activeAtEnd joined resigned
      byStatus { key count } byKind { key count } byCollege { key count } byCategory { key count }
      byRegion { key count } byAgeBand { key count }
      overTime { month joined resigned suspended reinstated } councilPools { code eligible } } }`;
    type Membership = Record<string, unknown> & {
      compositionAsOf: string;
      activeAtStartAsOf: string;
      activeAtEnd: number;
      byStatus: { key: string; count: number }[];
      overTime: { month: string; suspended: number }[];
    };
    const membership = async (period: { from: string; to: string }) =>
      ok(await gql<{ membershipReport: Membership }>(MEMBERSHIP, { period }, trustee))
        .membershipReport;
    const figures = ({ compositionAsOf: _c, activeAtStartAsOf: _s, ...rest }: Membership) => rest;

    it('reads the composition from the snapshots: the live count as of the refresh, a later change at the next refresh', async () => {
      const period = {
        from: '2025-01-01T05:00:00.000Z',
        to: new Date(Date.now() + 3600_000).toISOString(),
      };
      // No snapshot yet: counted live at the period's ends.
      const live = await membership(period);
      expect(live.compositionAsOf).toBe(period.to);
      const refreshed = new Date();
      await refresh();
      const snapshot = await membership(period);
      expect(figures(snapshot)).toEqual(figures(live));
      expect(new Date(snapshot.compositionAsOf).getTime()).toBeGreaterThanOrEqual(
        refreshed.getTime(),
      );
      // The start is a month's start: its snapshot is exact.
      expect(snapshot.activeAtStartAsOf).toBe('2025-01-01T05:00:00.000Z');
      // An earlier end reads the snapshot of its month's start (Montréal midnight).
      const earlier = await membership({
        from: '2024-01-01T05:00:00.000Z',
        to: '2025-12-31T05:00:00.000Z',
      });
      expect(earlier.compositionAsOf).toBe('2025-12-01T05:00:00.000Z');
      expect(earlier.activeAtEnd).toBe(SEEDS.filter((s) => s.admittedAt).length);

      // A suspension after the refresh: the month's flows count it at once, the composition at the next refresh.
      ok(
        await gql(
          `mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }`,
          {
            input: {
              memberId: members[indexOf('A', 5)].id,
              status: 'Suspended',
              reason: 'Rapport',
            },
          },
          secretary,
        ),
      );
      const suspensions = (m: Membership) =>
        m.overTime.reduce((n, month) => n + month.suspended, 0);
      const stale = await membership(period);
      expect(suspensions(stale)).toBe(suspensions(snapshot) + 1);
      expect(stale.activeAtEnd).toBe(snapshot.activeAtEnd);
      await refresh();
      const fresh = await membership(period);
      expect(fresh.activeAtEnd).toBe(snapshot.activeAtEnd - 1);
      expect(fresh.byStatus.find((s) => s.key === 'suspended')!.count).toBe(
        snapshot.byStatus.find((s) => s.key === 'suspended')!.count + 1,
      );
      expect(new Date(fresh.compositionAsOf) > new Date(snapshot.compositionAsOf)).toBe(true);
    });

    it('shows an open vote’s cells as of the last refresh, a later ballot after the next one, and its final cells from the tally', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const vote = await scheduleVote(app, secretary, {
        subjectType: 'Referendum',
        decisionType: 'Referendum',
        electorateKind: 'AllMembers',
        rules: { secrecy: 'Named' },
        titleFr: 'Sondage',
        titleEn: 'Survey',
      });
      await openVote(app, secretary, vote.id);
      for (const i of [0, 1, 2])
        ok(await castBallot(app, await tokenOf(indexOf('A', i)), vote.id, { option: 'yes' }));
      await refresh();

      type Cells = { key: string; eligible: number; voters: number }[];
      type Row = {
        voteId: string;
        voters: number;
        breakdownsAsOf: string;
        breakdownsFinal: boolean;
        byRegion: Cells;
        byCollege: Cells;
      };
      const read = async () =>
        ok(
          await gql<{ participationReport: { votes: Connection<Row> } }>(
            `query ($period: ReportPeriodInput) { participationReport(period: $period) { votes {
              edges { node { voteId voters breakdownsAsOf breakdownsFinal
              byRegion { key eligible voters } byCollege { key eligible voters } } } } } }`,
            { period: { from: since } },
            trustee,
          ),
        ).participationReport.votes.edges.find((e) => e.node.voteId === vote.id)!.node;
      /** The roll and who voted, counted here by region and college. */
      const counted = async () => {
        const rows: { dimension: string; key: string; eligible: number; voters: number }[] =
          await app.dataSource.query(
            `SELECT d.dimension, d.key, count(*)::int AS eligible, count(p.member_id)::int AS voters
             FROM vote_roll r JOIN member m ON m.id = r.member_id
             LEFT JOIN participation p ON p.vote_id = r.vote_id AND p.member_id = r.member_id
             CROSS JOIN LATERAL (VALUES ('region', m.region::text), ('college', r.college_id::text)) d(dimension, key)
             WHERE r.vote_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
            [vote.id],
          );
        const of = (dimension: string) =>
          rows
            .filter((r) => r.dimension === dimension)
            .map(({ key, eligible, voters }) => ({ key, eligible, voters }));
        return { byRegion: of('region'), byCollege: of('college') };
      };
      const sorted = (cells: Cells) => [...cells].sort((a, b) => a.key.localeCompare(b.key));

      const first = await read();
      const atRefresh = await counted();
      expect(first.breakdownsFinal).toBe(false);
      expect(sorted(first.byRegion)).toEqual(atRefresh.byRegion);
      expect(sorted(first.byCollege)).toEqual(atRefresh.byCollege);
      const region = (row: Row) => row.byRegion.find((c) => c.key === '06')!.voters;
      expect(region(first)).toBe(3);

      // A ballot after the refresh: the turnout is live, the cells wait for the next refresh.
      ok(await castBallot(app, await tokenOf(indexOf('A', 3)), vote.id, { option: 'no' }));
      const stale = await read();
      expect(stale.voters).toBe(4);
      expect(region(stale)).toBe(3);
      expect(stale.breakdownsAsOf).toBe(first.breakdownsAsOf);
      await refresh();
      const fresh = await read();
      expect(region(fresh)).toBe(4);
      expect(sorted(fresh.byRegion)).toEqual((await counted()).byRegion);
      expect(new Date(fresh.breakdownsAsOf) > new Date(first.breakdownsAsOf)).toBe(true);

      // The tally stores the final cells in its own transaction, before any report asks.
      await closeVote(app, secretary, vote.id);
      await app.app.get(VoteLifecycleService).tally(vote.id);
      const [stored]: { final: boolean }[] = await app.dataSource.query(
        'SELECT final FROM vote_breakdown WHERE vote_id = $1',
        [vote.id],
      );
      expect(stored.final).toBe(true);
      const closed = await read();
      expect(closed.breakdownsFinal).toBe(true);
      expect(sorted(closed.byRegion)).toEqual((await counted()).byRegion);
      // Later refreshes leave a closed vote's final cells alone.
      await refresh();
      expect((await read()).breakdownsAsOf).toBe(closed.breakdownsAsOf);
    });
  });
});
