import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, seedDemoTrust } from '../../apps/api/src/demo/demo-seed';
import { signIn } from '../factories';
import { castBallot } from '../factories/votes';
import { ok, startTestApp, TestApp } from './test-app';

const DAY = 86_400_000;

/** The demo trust (`npm run demo`) loaded on a real database: every part a newcomer explores. */
describe('Demo trust', () => {
  let app: TestApp;
  const rows = <T>(sql: string, params: unknown[] = []) => app.dataSource.query<T[]>(sql, params);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await rows<{ n: string }>(sql, params))[0].n);
  const proposal = async (status: string, title: string) => {
    const [found] = await rows<{ id: string; decision_type: string }>(
      `SELECT id, decision_type FROM proposal WHERE status = $1 AND title = $2`,
      [status, title],
    );
    expect(found).toBeDefined();
    return found;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoTrust(app.app);
  }, 120_000);
  afterAll(() => app.close());

  it('has proposals in every phase, with their consultation and deliberation', async () => {
    await proposal('draft', 'Des rencontres régionales chaque printemps');
    const initiative = await proposal(
      'support',
      'Contribution réduite pour les petits organismes communautaires',
    );
    expect(
      await count('SELECT count(*) AS n FROM proposal_cosignature WHERE proposal_id = $1', [
        initiative.id,
      ]),
    ).toBe(12);

    const consulted = await proposal('consultation', 'Politique de savoir ouvert');
    const requests = await rows<{ code: string; status: string; opinion: string | null }>(
      `SELECT c.code, r.status, o.status AS opinion FROM consultation_request r
         JOIN council c ON c.id = r.council_id LEFT JOIN council_opinion o ON o.id = r.opinion_id
        WHERE r.proposal_id = $1 ORDER BY c.code`,
      [consulted.id],
    );
    expect(requests).toEqual([
      { code: 'artists', status: 'requested', opinion: null },
      { code: 'seniors', status: 'requested', opinion: null },
      { code: 'youth', status: 'answered', opinion: 'published' },
    ]);

    const debated = await proposal(
      'deliberation',
      'Assemblée générale annuelle hybride, en rotation dans les régions',
    );
    const stances = await rows<{ stance: string; reply: boolean; flags: string }>(
      `SELECT a.stance, a.parent_id IS NOT NULL AS reply,
              (SELECT count(*) FROM argument_flag f WHERE f.argument_id = a.id) AS flags
         FROM argument a WHERE a.proposal_id = $1`,
      [debated.id],
    );
    expect(stances.filter((a) => !a.reply).map((a) => a.stance)).toEqual(
      expect.arrayContaining(['for', 'against']),
    );
    expect(stances.filter((a) => a.reply)).toHaveLength(1);
    expect(stances.filter((a) => Number(a.flags) > 0)).toHaveLength(1);

    await proposal('voting', 'Budget de fonctionnement 2027');
    await proposal('rejected', 'Déménager le siège social à Montréal');
    const adopted = await proposal('adopted', 'Barème des contributions 2026 — Barème 2026');
    expect(adopted.decision_type).toBe('contribution_scale');
  });

  it('lets the demo member vote now in an open vote closing a few days ahead', async () => {
    const token = await signIn(app, 'membre@demo.delibera.quebec', DEMO_PASSWORD);
    const { votes } = ok(
      await app.gql<{
        votes: {
          edges: {
            node: {
              id: string;
              titleFr: string;
              closesAt: string;
              myParticipation: { onRoll: boolean; voted: boolean };
            };
          }[];
        };
      }>(
        '{ votes(status: Open) { edges { node { id titleFr closesAt myParticipation { onRoll voted } } } } }',
        {},
        { token },
      ),
    );
    expect(votes.edges).toHaveLength(1);
    const open = votes.edges[0].node;
    expect(open.titleFr).toBe('Budget de fonctionnement 2027');
    expect(open.myParticipation).toEqual({ onRoll: true, voted: false });
    const closesIn = new Date(open.closesAt).getTime() - Date.now();
    expect(closesIn).toBeGreaterThan(2 * DAY);
    expect(closesIn).toBeLessThan(6 * DAY);
    const cast = ok(await castBallot(app, token, open.id, { option: 'yes' })).castBallot;
    expect(cast.receipt).toMatch(/^[0-9a-f]{32}$/);
  });

  it('has closed votes tallied through the real close and tally, with their receipts', async () => {
    const tallied = await rows<{ title: string; outcome: string; ballots: number; cast: string }>(
      `SELECT v.title_fr AS title, r.outcome, r.ballots,
              (SELECT count(*) FROM participation p WHERE p.vote_id = v.id) AS cast
         FROM vote v JOIN vote_result r ON r.vote_id = v.id
        WHERE v.status = 'tallied' ORDER BY v.title_fr`,
    );
    expect(tallied.map(({ title, outcome }) => [title, outcome])).toEqual([
      ['Barème des contributions 2026 — Barème 2026', 'adopted'],
      // The youth council adopted its published opinion by a vote of its seats.
      ['Conseil des jeunes — avis sur « Politique de savoir ouvert »', 'adopted'],
      ['Déménager le siège social à Montréal', 'rejected'],
    ]);
    for (const vote of tallied) expect(Number(vote.cast)).toBe(vote.ballots);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'vote.tallied'`)).toBe(
      3,
    );
  });

  it('has a convened annual general assembly with its agenda, and a council meeting', async () => {
    const [annual] = await rows<{ id: string; status: string }>(
      `SELECT id, status FROM assembly WHERE kind = 'general_assembly' AND general_assembly_type = 'annual'`,
    );
    expect(annual.status).toBe('convened');
    expect(
      await count('SELECT count(*) AS n FROM agenda_item WHERE assembly_id = $1', [annual.id]),
    ).toBe(4);
    expect(
      await count(
        `SELECT count(*) AS n FROM assembly a JOIN council c ON c.id = a.council_id
          WHERE a.kind = 'council_meeting' AND c.code = 'youth'`,
      ),
    ).toBe(1);
  });

  it('runs the 2026 contribution campaign: calls issued, paid, partially paid, waived; hours approved', async () => {
    const [scale] = await rows<{ id: string; status: string }>(
      `SELECT id, status FROM contribution_scale WHERE fiscal_year = 2026`,
    );
    expect(scale.status).toBe('adopted');
    const statuses = await rows<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM contribution_call WHERE scale_id = $1 GROUP BY status`,
      [scale.id],
    );
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    // 15 organisations, one in the "other" category that no tier calls.
    expect(byStatus).toEqual({ paid: 6, partially_paid: 1, waived: 1, due: 6 });
    expect(
      await count(
        `SELECT count(*) AS n FROM contribution_scale WHERE fiscal_year = 2027 AND status = 'draft'`,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM in_kind_contribution WHERE kind = 'volunteer_hours' AND status = 'approved'`,
      ),
    ).toBe(2);
  });

  it('publishes its 2026 annual report, thanking by name only the volunteer who agreed', async () => {
    const token = await signIn(app, 'fiduciaire@demo.delibera.quebec', DEMO_PASSWORD);
    const volunteers = await rows<{ person_name: string; recognition_consent: boolean }>(
      `SELECT person_name, recognition_consent FROM in_kind_contribution WHERE kind = 'volunteer_hours'`,
    );
    const { accountabilityReport } = ok(
      await app.gql<{ accountabilityReport: { markdown: string } }>(
        'query { accountabilityReport(fiscalYear: 2026, locale: Fr) { markdown } }',
        {},
        { token },
      ),
    );
    expect(accountabilityReport.markdown).toContain('# Rapport annuel de reddition de comptes');
    for (const v of volunteers) {
      expect(accountabilityReport.markdown.includes(v.person_name)).toBe(v.recognition_consent);
    }
    expect(volunteers.filter((v) => v.recognition_consent)).toHaveLength(1);
    // The PDF of a living trust, kept to be looked at.
    const pdf = await fetch(new URL('/reports/accountability/2026.pdf?lang=fr', app.url), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.status).toBe(200);
    const dir = join(__dirname, '__artifacts__');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'demo-accountability-2026-fr.pdf'),
      Buffer.from(await pdf.arrayBuffer()),
    );
  });

  it('seats every council with a named chair', async () => {
    const councils = await rows<{ code: string; chair: string | null; seats: string }>(
      `SELECT c.code, c.chair_member_id AS chair,
              (SELECT count(*) FROM council_seat s WHERE s.council_id = c.id AND s.status = 'active') AS seats
         FROM council c ORDER BY c.code`,
    );
    for (const council of councils) {
      expect(council.chair).not.toBeNull();
      expect(Number(council.seats)).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps the audit chain valid, and loads only once', async () => {
    const token = await signIn(app, 'fiduciaire@demo.delibera.quebec', DEMO_PASSWORD);
    const { auditVerify } = ok(
      await app.gql<{ auditVerify: { valid: boolean; checked: number } }>(
        '{ auditVerify { valid checked } }',
        {},
        { token },
      ),
    );
    expect(auditVerify.valid).toBe(true);
    expect(auditVerify.checked).toBeGreaterThan(100);
    const proposals = await count('SELECT count(*) AS n FROM proposal');
    await seedDemoTrust(app.app);
    expect(await count('SELECT count(*) AS n FROM proposal')).toBe(proposals);
  });
});
