import { Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { ParticipationReportService } from '@delibera/reports';
import { VoteLifecycleService } from '@delibera/voting';
import { createMember, staffToken } from '../factories';
import { asVoter, castBallot, closeVote, openVote, scheduleVote } from '../factories/votes';
import { csvHeader, csvRecords, download } from './downloads';
import { ok, startTestApp, TestApp } from './test-app';

interface Field {
  name: string;
  type: string;
  fr: string;
  en: string;
}
interface Dictionary {
  licence: { id: string; url: string };
  datasets: { name: string; fields: Field[] }[];
}
interface Cell {
  dimension: string;
  key: string;
  eligible: number;
  voters: number | null;
  turnoutPercent: number | null;
  suppressed: boolean;
}

const LICENCE_LINK = '<https://creativecommons.org/licenses/by-sa/4.0/>; rel="license"';

describe('open data: public decisions and aggregate results under CC BY-SA 4.0 (e2e)', () => {
  let app: TestApp;
  let secret: string;
  let named: string;
  let stillOpen: string;
  let voters: Member[];

  beforeAll(async () => {
    app = await startTestApp();
    const secretary = await staffToken(app, [Role.Secretary]);
    // Secret vote: 6 voters in region 01, 7 in 02, 3 in 05 (a small cell); all in one college.
    const cast: { member: Member; token: string }[] = [];
    for (const [region, count] of [
      ['01', 6],
      ['02', 7],
      ['05', 3],
    ] as const)
      for (let i = 0; i < count; i++)
        cast.push(
          await asVoter(
            app,
            await createMember(app.dataSource, {
              region,
              displayName: `Électrice ${region}-${i} Gagnon`,
            }),
          ),
        );
    voters = cast.map((c) => c.member);

    const referendum = async (titleFr: string, secrecy: 'Secret' | 'Named') =>
      (
        await scheduleVote(app, secretary, {
          electorateKind: 'AllMembers',
          subjectType: 'Referendum',
          decisionType: 'Referendum',
          titleFr,
          titleEn: `${titleFr} (EN)`,
          rules: { secrecy },
        })
      ).id;
    secret = await referendum('Référendum sur la forêt de proximité', 'Secret');
    named = await referendum('Consultation nominale sur les sentiers', 'Named');
    stillOpen = await referendum('Vote encore ouvert', 'Secret');
    for (const id of [secret, named, stillOpen]) await openVote(app, secretary, id);
    for (const [i, voter] of cast.entries()) {
      ok(await castBallot(app, voter.token, secret, { option: i % 4 === 3 ? 'no' : 'yes' }));
      if (i < 5) ok(await castBallot(app, voter.token, named, { option: i < 3 ? 'yes' : 'no' }));
    }
    for (const id of [secret, named]) {
      await closeVote(app, secretary, id);
      await app.app.get(VoteLifecycleService).tally(id);
    }
  });
  afterAll(() => app.close());

  it('publishes a data dictionary with every field typed and explained in French and English', async () => {
    const file = await download(app, '/open-data/dictionary.json');
    expect(file.status).toBe(200);
    expect(file.headers.get('link')).toBe(LICENCE_LINK);
    const dictionary = JSON.parse(file.text) as Dictionary;
    expect(dictionary.licence).toMatchObject({
      id: 'CC-BY-SA-4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    });
    expect(dictionary.datasets.map((d) => d.name)).toEqual(['decisions', 'participation']);
    for (const field of dictionary.datasets.flatMap((d) => d.fields)) {
      expect(field.name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(field.type).toBeTruthy();
      expect(field.fr.length).toBeGreaterThan(5);
      expect(field.en.length).toBeGreaterThan(5);
    }
  });

  it('publishes public decisions as JSON, anonymously readable, with licence and no personal data', async () => {
    const file = await download(app, '/open-data/decisions.json');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(file.headers.get('link')).toBe(LICENCE_LINK);
    const document = JSON.parse(file.text) as {
      licence: { id: string; attribution: { fr: string; en: string } };
      dictionary: string;
      suppression: { minVoters: number };
      decisions: Record<string, unknown>[];
    };
    expect(document.licence.id).toBe('CC-BY-SA-4.0');
    expect(document.licence.attribution.fr).toBeTruthy();
    expect(document.dictionary).toBe('/open-data/dictionary.json');
    expect(document.suppression.minVoters).toBe(5);
    // Counted votes only: the open one is not there.
    expect(document.decisions.map((d) => d.voteId)).toEqual([secret, named]);

    // No personal data: no member's id, name or email anywhere, and only the dictionary's fields.
    for (const member of voters) {
      expect(file.text).not.toContain(member.id);
      expect(file.text).not.toContain(member.email);
      expect(file.text).not.toContain(member.displayName);
    }
    const dictionary = JSON.parse(
      (await download(app, '/open-data/dictionary.json')).text,
    ) as Dictionary;
    const allowed = new Set(dictionary.datasets[0].fields.map((f) => f.name));
    for (const decision of document.decisions)
      for (const key of Object.keys(decision)) expect(allowed).toContain(key);

    const [secretVote, namedVote] = document.decisions;
    expect(secretVote).toMatchObject({
      titleFr: 'Référendum sur la forêt de proximité',
      decisionType: 'referendum',
      decidingBody: 'all_members',
      secrecy: 'secret',
      outcome: 'adopted',
      eligible: 16,
      voters: 16,
      turnoutPercent: 100,
      winners: ['yes'],
      optionTotals: { no: 4, yes: 12 },
    });
    expect(secretVote.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cells = secretVote.participation as Cell[];
    expect(cells.map((c) => [c.dimension, c.key, c.eligible, c.voters, c.suppressed])).toEqual([
      ['college', 'individuals', 16, 16, false],
      ['region', '01', 6, null, true], // complementary: else 16 − 7 − 6 = 3
      ['region', '02', 7, 7, false],
      ['region', '05', 3, null, true], // 3 voters of a secret vote
    ]);
    expect(cells.find((c) => c.key === '05')!.turnoutPercent).toBeNull();

    // A named vote hides nothing: its ballots are public by nature.
    expect(namedVote).toMatchObject({
      secrecy: 'named',
      voters: 5,
      optionTotals: { yes: 3, no: 2 },
    });
    expect((namedVote.participation as Cell[]).find((c) => c.key === '05')).toMatchObject({
      eligible: 3,
      voters: 0,
      suppressed: false,
    });
  });

  it('publishes the same decisions and the participation cells as CSV, named as in the dictionary', async () => {
    const decisions = await download(app, '/open-data/decisions.csv');
    expect(decisions.status).toBe(200);
    expect(decisions.headers.get('link')).toBe(LICENCE_LINK);
    const dictionary = JSON.parse(
      (await download(app, '/open-data/dictionary.json')).text,
    ) as Dictionary;
    expect(csvHeader(decisions)).toEqual(
      dictionary.datasets[0].fields.filter((f) => f.type !== 'array').map((f) => f.name),
    );
    const rows = csvRecords(decisions);
    expect(rows.map((r) => r.voteId)).toEqual([secret, named]);
    expect(rows[0]).toMatchObject({
      titleFr: 'Référendum sur la forêt de proximité',
      voters: '16',
      winners: 'yes',
      optionTotals: '{"no":4,"yes":12}',
    });

    const participation = csvRecords(await download(app, '/open-data/participation.csv'));
    expect(csvHeader(await download(app, '/open-data/participation.csv'))).toEqual(
      dictionary.datasets[1].fields.map((f) => f.name),
    );
    const secretCells = participation
      .filter((r) => r.voteId === secret)
      .map((r) => [r.dimension, r.key, r.labelFr, r.voters, r.suppressed]);
    expect(secretCells).toEqual([
      ['total', '', '', '16', 'false'],
      ['college', 'individuals', expect.any(String), '16', 'false'],
      ['region', '01', 'Bas-Saint-Laurent', '', 'true'],
      ['region', '02', 'Saguenay–Lac-Saint-Jean', '7', 'false'],
      ['region', '05', 'Estrie', '', 'true'],
    ]);
    expect(participation.some((r) => r.voteId === stillOpen)).toBe(false);
  });

  it('gives the same files counted live and from the closed votes’ stored cells (vote_breakdown)', async () => {
    // The tallies stored their final cells: without them, the export counts the rolls itself.
    await app.dataSource.query(`DELETE FROM vote_breakdown`);
    const before = {
      participation: (await download(app, '/open-data/participation.csv')).text,
      decisions: JSON.parse((await download(app, '/open-data/decisions.json')).text) as {
        decisions: unknown[];
      },
    };
    await app.app.get(ParticipationReportService).breakdowns([secret, named, stillOpen]);
    const [{ stored, open }] = await app.dataSource.query<{ stored: string[]; open: string[] }[]>(
      `SELECT array_agg(vote_id::text ORDER BY vote_id) FILTER (WHERE final) AS stored,
              array_agg(vote_id::text) FILTER (WHERE NOT final) AS open
       FROM vote_breakdown`,
    );
    expect(stored).toEqual([secret, named].sort());
    // The open vote's cells are a snapshot, which the export leaves out.
    expect(open).toEqual([stillOpen]);
    expect((await download(app, '/open-data/participation.csv')).text).toBe(before.participation);
    const after = JSON.parse((await download(app, '/open-data/decisions.json')).text) as {
      decisions: unknown[];
    };
    expect(after.decisions).toEqual(before.decisions.decisions);
  });
});
