import { Role } from '@delibera/kernel';
import { Member, MemberKind, OrganisationCategory, SizeBand } from '@delibera/membership';
import { VoteLifecycleService } from '@delibera/voting';
import { createMember, staffToken } from '../factories';
import { createOrganisations } from '../factories/organisations';
import { asVoter, castBallot, closeVote, openVote, scheduleVote } from '../factories/votes';
import { csvHeader, csvRecords, download } from './downloads';
import { ok, startTestApp, TestApp } from './test-app';

describe('CSV exports for staff (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let treasurer: string;
  let trustee: string;
  let member: string;

  beforeAll(async () => {
    app = await startTestApp();
    // Staff hold no membership: the votes' rolls below are exactly the members created here.
    [secretary, treasurer, trustee, member] = await Promise.all([
      staffToken(app, [Role.Secretary]),
      staffToken(app, [Role.Treasurer]),
      staffToken(app, [Role.Trustee]),
      staffToken(app, [Role.Member]),
    ]);
  });
  afterAll(() => app.close());

  describe('authorisation', () => {
    const paths: [string, Role[]][] = [
      ['/exports/members.csv', [Role.Secretary]],
      ['/exports/contribution-calls.csv', [Role.Treasurer]],
      ['/exports/contribution-payments.csv', [Role.Treasurer]],
      ['/exports/decisions.csv', [Role.Trustee, Role.Secretary]],
      ['/exports/participation.csv', [Role.Trustee, Role.Secretary]],
    ];
    const tokenOf = (role: Role) =>
      ({
        [Role.Secretary]: secretary,
        [Role.Treasurer]: treasurer,
        [Role.Trustee]: trustee,
        [Role.Member]: member,
      })[role as string]!;

    it.each(paths)('%s: 401 anonymous, 403 other roles, 200 for %j', async (path, allowed) => {
      const anonymous = await download(app, path);
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.text)).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Vous devez vous connecter pour faire cette action.',
      });
      const forged = await download(app, path, { token: 'not-a-token' });
      expect(forged.status).toBe(401);
      for (const role of [Role.Secretary, Role.Treasurer, Role.Trustee, Role.Member]) {
        const file = await download(app, path, { token: tokenOf(role) });
        if (allowed.includes(role)) {
          expect(file.status).toBe(200);
        } else {
          expect(file.status).toBe(403);
          expect(JSON.parse(file.text)).toEqual({
            code: 'FORBIDDEN',
            message: "Vous n'avez pas le droit de faire cette action.",
          });
        }
      }
      const english = await download(app, `${path}?lang=en`, { token: member });
      expect(JSON.parse(english.text)).toEqual({
        code: 'FORBIDDEN',
        message: 'You are not allowed to do this.',
      });
    });

    it('refuses a bad parameter with a localised 400', async () => {
      const bad = await download(app, '/exports/contribution-calls.csv?fiscalYear=abc', {
        token: treasurer,
      });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text).code).toBe('INVALID_VALUE');
    });
  });

  it('exports the member register in UTF-8 with a BOM, accents intact, headers in the caller’s language', async () => {
    const eloise = await createMember(app.dataSource, {
      displayName: 'Éloïse Côté-Bélanger',
      email: 'eloise.cote@exemple.québec',
      region: '11',
      birthDate: '1994-02-28',
    });
    const organisation = await createMember(app.dataSource, {
      kind: MemberKind.Organisation,
      displayName: '=HYPERLINK("http://evil.example","Coopérative")',
      collegeCode: 'civil_society',
      region: '01',
      organisationCategory: OrganisationCategory.SocialEconomy,
      sizeBand: SizeBand.Medium,
      representativeName: 'Gaëtan Lévesque',
    });

    const french = await download(app, '/exports/members.csv', { token: secretary });
    expect(french.status).toBe(200);
    expect(french.headers.get('content-disposition')).toMatch(
      /^attachment; filename="membres-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(french.headers.get('cache-control')).toBe('no-store');
    expect(csvHeader(french).slice(0, 7)).toEqual([
      'Identifiant',
      'Type (code)',
      'Type',
      'Nom',
      'Courriel',
      'Statut (code)',
      'Statut',
    ]);
    const rows = csvRecords(french);
    expect(rows.find((r) => r.Identifiant === eloise.id)).toMatchObject({
      Nom: 'Éloïse Côté-Bélanger',
      Courriel: 'eloise.cote@exemple.québec',
      // Codes for scripts, labels in the caller's language for people.
      'Type (code)': 'person',
      Type: 'Personne',
      'Statut (code)': 'active',
      Statut: 'Actif',
      'Collège (code)': 'individuals',
      'Langue (code)': 'fr',
      Langue: 'Français',
      'Région (code)': '11',
      Région: 'Gaspésie–Îles-de-la-Madeleine',
      'Date de naissance': '1994-02-28',
    });
    // A name that looks like a formula is neutralised, so a spreadsheet shows it as text.
    expect(rows.find((r) => r.Identifiant === organisation.id)).toMatchObject({
      Nom: `'=HYPERLINK("http://evil.example","Coopérative")`,
      "Catégorie d'organisation (code)": 'social_economy',
      "Catégorie d'organisation": 'Entreprise d’économie sociale',
      'Taille (code)': 'medium',
      Taille: 'Moyenne',
      'Représentant·e': 'Gaëtan Lévesque',
    });
    // The UTF-8 bytes themselves, not only what a decoder makes of them.
    expect(french.bytes.includes(Buffer.from('Côté-Bélanger', 'utf8'))).toBe(true);

    // Several cursor batches (1,000 rows each): every member once, in order.
    await createOrganisations(app.dataSource, 2_500, { prefix: 'Coop Île' });
    const all = csvRecords(await download(app, '/exports/members.csv', { token: secretary }));
    const [{ n }] = await app.dataSource.query('SELECT count(*)::int AS n FROM member');
    expect(all).toHaveLength(n);
    expect(new Set(all.map((r) => r.Identifiant)).size).toBe(n);
    expect(all.filter((r) => r.Nom.startsWith('Coop Île '))).toHaveLength(2_500);

    const english = await download(app, '/exports/members.csv?lang=en', { token: secretary });
    expect(english.headers.get('content-disposition')).toMatch(/filename="members-/);
    expect(csvHeader(english).slice(0, 7)).toEqual([
      'Id',
      'Kind (code)',
      'Kind',
      'Name',
      'Email',
      'Status (code)',
      'Status',
    ]);
    expect(csvRecords(english).find((r) => r.Id === eloise.id)).toMatchObject({
      Name: 'Éloïse Côté-Bélanger',
      Region: 'Gaspésie–Îles-de-la-Madeleine',
      Kind: 'Person',
      'Status (code)': 'active',
      Status: 'Active',
      Language: 'French',
    });
    const [college] = await app.dataSource.query(
      `SELECT name_fr, name_en FROM college WHERE code = 'individuals'`,
    );
    expect(rows.find((r) => r.Identifiant === eloise.id)!.Collège).toBe(college.name_fr);
    expect(csvRecords(english).find((r) => r.Id === eloise.id)!.College).toBe(college.name_en);
    const byHeader = await download(app, '/exports/members.csv', {
      token: secretary,
      language: 'en-CA,en;q=0.9',
    });
    expect(csvHeader(byHeader)[0]).toBe('Id');
  });

  it('exports contribution calls with their ledger balance and every payment, to the cent', async () => {
    const org = await createMember(app.dataSource, {
      kind: MemberKind.Organisation,
      displayName: 'Municipalité de Sainte-Pétronille',
      collegeCode: 'civil_society',
      region: '03',
      organisationCategory: OrganisationCategory.Municipality,
      sizeBand: SizeBand.Small,
    });
    const [{ id: scaleId }] = await app.dataSource.query(
      `INSERT INTO contribution_scale (fiscal_year, fiscal_year_starts_on, name, status, due_on, campaign_target_cents)
       VALUES (2031, '2031-04-01', 'Barème 2031', 'draft', '2031-12-31', 100000000) RETURNING id`,
    );
    const [{ id: tierId }] = await app.dataSource.query(
      `INSERT INTO contribution_tier (scale_id, organisation_category, size_band, amount_cents)
       VALUES ($1, 'municipality', 'small', 123451) RETURNING id`,
      [scaleId],
    );
    const [{ id: callId }] = await app.dataSource.query(
      `INSERT INTO contribution_call (scale_id, tier_id, member_id, reference, full_amount_cents, amount_cents, due_on, status)
       VALUES ($1, $2, $3, 'C2031-ÉTÉ-001', 123451, 123451, '2031-12-31', 'partially_paid') RETURNING id`,
      [scaleId, tierId, org.id],
    );
    const [{ id: paymentId }] = await app.dataSource.query(
      `INSERT INTO contribution_payment (call_id, amount_cents, paid_on, method, reference, note)
       VALUES ($1, 60000, '2031-05-02', 'cheque', 'Chèque 4521', 'Reçu à l''accueil') RETURNING id`,
      [callId],
    );
    await app.dataSource.query(
      `INSERT INTO contribution_payment (call_id, amount_cents, reverses_payment_id, paid_on, method, note)
       VALUES ($1, -10000, $2, '2031-05-03', 'cheque', 'Erreur de saisie')`,
      [callId, paymentId],
    );

    const calls = csvRecords(
      await download(app, '/exports/contribution-calls.csv?fiscalYear=2031', { token: treasurer }),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      Exercice: '2031',
      Référence: 'C2031-ÉTÉ-001',
      Membre: 'Municipalité de Sainte-Pétronille',
      Région: 'Capitale-Nationale',
      'Statut (code)': 'partially_paid',
      Statut: 'Payé en partie',
      "Catégorie d'organisation": 'Municipalité',
      Taille: 'Petite',
      'Montant appelé ($)': '1234.51',
      'Payé ($)': '500.00', // 600.00 received, 100.00 reversed
      'Solde dû ($)': '734.51',
      'Exonéré ($)': '0.00',
      Échéance: '2031-12-31',
    });
    const payments = csvRecords(
      await download(app, '/exports/contribution-payments.csv?fiscalYear=2031&lang=en', {
        token: treasurer,
      }),
    );
    expect(payments.map((p) => [p['Amount ($)'], p['Payment reference'], p.Note])).toEqual([
      ['600.00', 'Chèque 4521', "Reçu à l'accueil"],
      ['-100.00', '', 'Erreur de saisie'],
    ]);
    expect(payments[1]['Reverses payment']).toBe(paymentId);
    expect(payments.map((p) => [p['Method (code)'], p.Method])).toEqual([
      ['cheque', 'Cheque'],
      ['cheque', 'Cheque'],
    ]);
    const englishCalls = csvRecords(
      await download(app, '/exports/contribution-calls.csv?fiscalYear=2031', {
        token: treasurer,
        language: 'en',
      }),
    );
    expect(englishCalls[0]).toMatchObject({
      'Status (code)': 'partially_paid',
      Status: 'Partially paid',
    });
    const otherYear = csvRecords(
      await download(app, '/exports/contribution-calls.csv?fiscalYear=2030', { token: treasurer }),
    );
    expect(otherYear).toEqual([]);
  });

  describe('decisions and participation', () => {
    let voteId: string;
    const regions: Record<string, number> = { '01': 6, '02': 7, '05': 3 };

    beforeAll(async () => {
      // The roll of an all-members vote is every active member: only those made below.
      await app.dataSource.query(`UPDATE member SET status = 'resigned'`);
      const voters: { member: Member; token: string }[] = [];
      for (const [region, count] of Object.entries(regions))
        for (let i = 0; i < count; i++)
          voters.push(await asVoter(app, await createMember(app.dataSource, { region })));
      // Two members on the roll who do not vote.
      for (let i = 0; i < 2; i++) await createMember(app.dataSource, { region: '02' });
      const vote = await scheduleVote(app, secretary, {
        electorateKind: 'AllMembers',
        subjectType: 'Referendum',
        decisionType: 'Referendum',
        titleFr: 'Référendum sur l’énergie éolienne à Rivière-du-Loup',
        titleEn: 'Referendum on wind power in Rivière-du-Loup',
        rules: { secrecy: 'Secret' },
      });
      voteId = vote.id;
      await openVote(app, secretary, voteId);
      for (const [i, voter] of voters.entries())
        ok(await castBallot(app, voter.token, voteId, { option: i % 4 === 3 ? 'no' : 'yes' }));
      await closeVote(app, secretary, voteId);
      await app.app.get(VoteLifecycleService).tally(voteId);
    });

    it('exports the decision register with the result of each counted vote', async () => {
      const rows = csvRecords(await download(app, '/exports/decisions.csv', { token: trustee }));
      const row = rows.find((r) => r['Vote (identifiant)'] === voteId)!;
      expect(row).toMatchObject({
        Titre: 'Référendum sur l’énergie éolienne à Rivière-du-Loup',
        'Type de décision (code)': 'referendum',
        'Type de décision': 'Référendum',
        'Objet (code)': 'referendum',
        'Instance qui décide (code)': 'all_members',
        'Instance qui décide': 'L’ensemble des membres',
        'Scrutin (code)': 'secret',
        Scrutin: 'Secret',
        'Résultat (code)': 'adopted',
        Résultat: 'Adoptée',
        'Quorum atteint (code)': 'true',
        'Quorum atteint': 'Oui',
        Inscrits: '18',
        Votants: '16',
        'Participation (%)': '88.9',
      });
      const [{ hash }] = await app.dataSource.query(
        'SELECT hash FROM vote_result WHERE vote_id = $1',
        [voteId],
      );
      expect(row['Empreinte du résultat']).toBe(hash);
      const english = csvRecords(
        await download(app, '/exports/decisions.csv?lang=en', { token: secretary }),
      );
      expect(english.find((r) => r['Vote (id)'] === voteId)).toMatchObject({
        Title: 'Referendum on wind power in Rivière-du-Loup',
        'Decision type': 'Referendum',
        'Deciding body': 'All members',
        Outcome: 'Adopted',
        'Quorum met': 'Yes',
      });
    });

    it('exports turnout by college and region, hiding a 3-voter cell of the secret vote and its complement', async () => {
      const rows = csvRecords(
        await download(app, '/exports/participation.csv', { token: secretary }),
      ).filter((r) => r['Vote (identifiant)'] === voteId);
      const cells = rows.map((r) => [
        r['Ventilation (code)'],
        r.Catégorie,
        r.Inscrits,
        r.Votants,
        r['Participation (%)'],
        r['Masqué (moins de 5 votants) (code)'],
        r['Masqué (moins de 5 votants)'],
      ]);
      expect(cells).toEqual([
        ['total', '', '18', '16', '88.9', 'false', 'Non'],
        ['college', 'individuals', '18', '16', '88.9', 'false', 'Non'],
        // 3 voters: hidden; 6 voters: the next smallest, hidden too, or 16 - 7 - 6 would give 3 back.
        ['region', '01', '6', '', '', 'true', 'Oui'],
        ['region', '02', '9', '7', '77.8', 'false', 'Non'],
        ['region', '05', '3', '', '', 'true', 'Oui'],
      ]);
      expect(rows.map((r) => r.Ventilation)).toEqual([
        'Total',
        'Collège',
        'Région',
        'Région',
        'Région',
      ]);
      expect(rows.find((r) => r.Catégorie === '05')!.Libellé).toBe('Estrie');
    });
  });
});
