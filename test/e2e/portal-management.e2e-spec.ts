import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import { Role } from '@delibera/kernel';
import { OrganisationCategory } from '@delibera/membership';
import { Council } from '@delibera/councils';
import { createAccount, createMember, staffToken } from '../factories';
import { adoptedScale, staffAccount, thisYear } from '../factories/contributions';
import {
  castBallot,
  closeVote,
  openVote,
  scheduleVote,
  seatOnCouncil,
  votersIn,
  waitForVoteStatus,
} from '../factories/votes';
import { portalHarness, screenshot } from './browser';
import { ok, TestApp } from './test-app';

describe('managing the trust in the portal (e2e)', () => {
  const portal = portalHarness({ width: 1280, height: 900 });
  const { signInAs, expectAccessible } = portal;
  let app: TestApp;
  let origin: string;
  let page: Page;
  beforeEach(() => ({ app, origin, page } = portal));

  it('lets the treasurer simulate the adopted scale and record a payment on a call', async () => {
    const treasurer = await staffAccount(app, [Role.Treasurer], 'Thérèse Trésorière');
    const year = thisYear();
    await adoptedScale(app, {
      year,
      organisations: 'Coop du Fjord',
      category: OrganisationCategory.Community,
      tierCents: 250_000,
      targetCents: 1_000_000,
    });

    await signInAs(treasurer.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Trésorerie' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Barèmes de contribution' }).waitFor();
    await page.getByLabel('Exercice financier').fill(String(year));
    await page.getByRole('link', { name: `Barème ${year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Barème ${year}` }).waitFor();
    await page.getByRole('button', { name: 'Simuler' }).click();
    // 3 organisations × 2 500,00 $ against a 10 000,00 $ target.
    await page.getByText('7 500,00 $ sur un objectif de 10 000,00 $').waitFor();
    await screenshot(page, 'treasury-scale-simulation');
    await expectAccessible('treasury scale');

    await page
      .getByRole('navigation', { name: 'Trésorerie' })
      .getByRole('link', { name: 'Appels et paiements' })
      .click();
    await page.getByText(`3 appels · Barème ${year}`).waitFor();
    const organisation = 'Coop du Fjord 00001';
    await page.getByRole('button', { name: `Paiements et exonération : ${organisation}` }).click();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: organisation }) });
    await card.getByLabel('Montant reçu ($)').fill('1 000,50');
    await card.getByLabel('Mode de paiement').selectOption({ label: 'Chèque' });
    await card.getByLabel('Référence (facultative)').fill('CHQ-1042');
    await card.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await page
      .getByRole('status')
      .getByText(`Paiement de 1 000,50 $ enregistré pour ${organisation}.`)
      .waitFor();
    await card.getByText('Payé en partie').waitFor();
    await card.getByText('1 499,50 $').waitFor();
    await card.getByText(/CHQ-1042/).waitFor();
    await screenshot(page, 'treasury-payment-recorded');
    await expectAccessible('treasury calls');

    const [payment] = await app.dataSource.query(
      `SELECT p.amount_cents, p.method FROM contribution_payment p
         JOIN contribution_call c ON c.id = p.call_id JOIN member m ON m.id = c.member_id
        WHERE m.display_name = $1`,
      [organisation],
    );
    expect(payment).toEqual({ amount_cents: '100050', method: 'cheque' });
    void origin;
  });

  it('lets a member draft a proposal by keyboard alone, edit it into a second version and submit it', async () => {
    const member = await createMember(app.dataSource, { displayName: 'Mireille Pelletier' });
    const account = await createAccount(app.dataSource, { member });
    await signInAs(account.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Propositions' })
      .click();
    await page.getByRole('link', { name: 'Rédiger une proposition' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rédiger une proposition' }).waitFor();

    // Keyboard only: type, Tab from field to field, Enter on the button.
    await page.getByLabel('Titre').focus();
    await page.keyboard.type('Un jardin partagé derrière le centre');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('id')).toBe('draft-type');
    await page.keyboard.press('ArrowDown'); // Résolution spéciale
    await page.keyboard.press('Tab');
    await page.keyboard.type('## Projet\n\nAménager **douze bacs** de culture.');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Enregistrer le brouillon');
    await page.keyboard.press('Enter');

    await page
      .getByRole('heading', { level: 1, name: 'Un jardin partagé derrière le centre' })
      .waitFor();
    await page.getByRole('status').getByText('Brouillon enregistré.', { exact: false }).waitFor();
    expect(await page.locator('.prose strong').first().textContent()).toBe('douze bacs');
    await page.getByText('Résolution spéciale').first().waitFor();
    await expectAccessible('proposal draft');

    await page.getByRole('button', { name: 'Modifier le brouillon' }).click();
    await page
      .getByLabel('Texte de la proposition')
      .fill('## Projet\n\nAménager **quinze bacs** de culture.');
    await page.getByLabel('Note de version (facultative)').fill('Trois bacs de plus');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page.getByRole('status').getByText('Version 2 enregistrée.').waitFor();
    // The page reads the proposal again: the new text replaces the old.
    await page.locator('.prose strong', { hasText: 'quinze bacs' }).waitFor();
    await screenshot(page, 'proposal-draft-edited');

    await page.getByRole('button', { name: 'Soumettre la proposition' }).click();
    await page.getByRole('status').getByText('Proposition soumise.').waitFor();
    await page.getByText('Collecte d’appuis').first().waitFor();
    await screenshot(page, 'proposal-draft-submitted');
    const [row] = await app.dataSource.query(
      `SELECT status, decision_type, current_version FROM proposal WHERE title = $1`,
      ['Un jardin partagé derrière le centre'],
    );
    expect(row).toEqual({
      status: 'support',
      decision_type: 'special_resolution',
      current_version: 2,
    });
  });

  it('lets a trustee open the campaign dashboard and read its figures, drawn and tabled', async () => {
    const year = thisYear() - 1;
    const { token, calls } = await adoptedScale(app, {
      year,
      organisations: 'Ville de Matane',
      category: OrganisationCategory.Municipality,
      tierCents: 500_000,
      targetCents: 2_000_000,
    });
    expect(calls).toHaveLength(3);
    ok(
      await app.gql(
        'mutation ($input: RecordPaymentInput!) { recordContributionPayment(input: $input) { id } }',
        {
          input: {
            callId: calls[0].id,
            amountCents: 500_000,
            paidOn: `${year}-06-01`,
            method: 'Transfer',
          },
        },
        { token },
      ),
    );
    const trustee = await staffAccount(app, [Role.Trustee], 'Gaston Fiduciaire');
    await signInAs(trustee.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Tableaux de bord' })
      .click();
    await page
      .getByRole('navigation', { name: 'Rapports' })
      .getByRole('link', { name: 'Campagne de contributions' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Campagne de contributions' }).waitFor();
    await page.getByLabel('Exercice financier').fill(String(year));
    // 3 municipalities called 5 000,00 $ each; one paid: 5 000,00 $ of a 20 000,00 $ target.
    await page.getByText('5 000,00 $ reçus sur un objectif de 20 000,00 $ (25 %)').waitFor();
    const progress = page.getByRole('progressbar', {
      name: 'Sommes reçues par rapport à l’objectif',
    });
    expect(await progress.getAttribute('aria-valuenow')).toBe('25');
    await page.getByText('15 000,00 $ (3 appels)').waitFor();
    await page.getByText('Les comptes concordent', { exact: false }).waitFor();
    // The chart's data table, by category: municipalities paid 5 000 $, owe 10 000 $.
    const table = page.getByRole('region', { name: 'Données : Par catégorie d’organisation' });
    const row = table.getByRole('row', { name: /Municipalité/ });
    // Intl separates thousands and the currency sign with no-break spaces.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.map((cell) => cell.replace(/\s/g, ' '))).toEqual([
      '5 000,00 $',
      '10 000,00 $',
      '0,00 $',
    ]);
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'trustee-campaign-dashboard');
    await expectAccessible('campaign dashboard');

    // The other dashboards open too, in English as well.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'Decision register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decision register' }).waitFor();
    await page.getByRole('link', { name: 'Membership' }).click();
    await page.getByRole('heading', { level: 1, name: 'Membership' }).waitFor();
    await page.getByText('Active members at the end').waitFor();
    await screenshot(page, 'trustee-membership-dashboard-en');
    await expectAccessible('membership dashboard');

    // The annual report: fetched with the trustee's token, handed over as a file.
    await page.getByRole('link', { name: 'Annual report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annual report' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Annual report in French (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`reddition-de-comptes-${year}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets a council chair put the council’s opinion to its vote, a councillor vote on it by keyboard, and the count publish it', async () => {
    const secretaryToken = await staffToken(app, [Role.Secretary]);
    const chair = await createMember(app.dataSource, { displayName: 'Rosalie Chair' });
    const chairAccount = await createAccount(app.dataSource, { member: chair });
    const councillor = await createMember(app.dataSource, { displayName: 'Olivier Conseiller' });
    const councillorAccount = await createAccount(app.dataSource, { member: councillor });
    const [other] = await votersIn(app, 1);
    const seniors = await app.dataSource.getRepository(Council).findOneByOrFail({ code: 'youth' });
    await seatOnCouncil(app.dataSource, seniors, [chair, councillor, other.member]);
    await app.dataSource
      .getRepository(Council)
      .update({ id: seniors.id }, { chairMemberId: chair.id });
    const { draftBoardProposal } = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        {
          input: {
            decisionType: 'SpecialResolution',
            title: 'Ouvrir un local jeunesse à Gaspé',
            body: 'Un local ouvert trois soirs par semaine.',
          },
        },
        { token: secretaryToken },
      ),
    );
    ok(
      await app.gql(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
        { input: { proposalId: draftBoardProposal.id } },
        { token: secretaryToken },
      ),
    );

    // The chair drafts the opinion and opens the council's vote on it.
    await signInAs(chairAccount.email);
    await page.goto(`${origin}/proposals/${draftBoardProposal.id}`);
    const opinion = page.getByRole('region', { name: 'Avis du Conseil des jeunes' });
    await opinion.getByLabel('Favorable', { exact: true }).check();
    await opinion.getByLabel('Texte de l’avis').fill('Le conseil appuie ce local.');
    await opinion.getByRole('button', { name: 'Enregistrer le projet d’avis' }).click();
    await page.getByRole('status').getByText('Projet d’avis enregistré.').waitFor();
    await opinion.getByRole('button', { name: 'Ouvrir le vote du conseil' }).click();
    await opinion.getByText('vote du conseil en cours', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();

    // A councillor reaches the vote from the council's opinion and votes by keyboard.
    const [{ voteId }] = await app.dataSource.query(
      `SELECT vote_id AS "voteId" FROM council_opinion WHERE council_id = $1 AND vote_id IS NOT NULL`,
      [seniors.id],
    );
    await waitForVoteStatus(app, secretaryToken, voteId, 'Open');
    await signInAs(councillorAccount.email);
    await page.goto(`${origin}/proposals/${draftBoardProposal.id}`);
    await page
      .getByRole('region', { name: 'Avis du Conseil des jeunes' })
      .getByText('vote du conseil en cours', { exact: false })
      .waitFor();
    await page.getByRole('link', { name: 'Voter sur ce projet d’avis' }).click();
    await page.getByRole('heading', { name: 'Votre bulletin' }).waitFor();
    await page.getByRole('radio', { name: 'Oui' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Vérifier mon vote' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vérifiez votre vote' }).waitFor();
    await page.getByRole('button', { name: 'Déposer mon bulletin' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Votre bulletin est déposé' }).waitFor();
    await screenshot(page, 'council-opinion-councillor-voted');
    await expectAccessible('council opinion ballot receipt');

    // The other councillor votes; the count adopts and publishes the opinion.
    ok(await castBallot(app, other.token, voteId, { option: 'yes' }));
    expect((await closeVote(app, secretaryToken, voteId)).result?.outcome).toBe('adopted');
    await page.goto(`${origin}/proposals/${draftBoardProposal.id}`);
    await page
      .getByRole('region', { name: 'Qui décide, qui est consulté' })
      .getByText('Le conseil appuie ce local.')
      .waitFor();
    await screenshot(page, 'council-opinion-published');
  });

  it('lets a moderator hide a flagged argument from the queue by keyboard, then restore it from its thread', async () => {
    const secretaryToken = await staffToken(app, [Role.Secretary]);
    const { draftBoardProposal } = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        {
          input: {
            decisionType: 'OrdinaryResolution',
            title: 'Prolonger les heures de la bibliothèque',
            body: 'Ouvrir jusqu’à 21 h en semaine.',
          },
        },
        { token: secretaryToken },
      ),
    );
    ok(
      await app.gql(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
        { input: { proposalId: draftBoardProposal.id } },
        { token: secretaryToken },
      ),
    );
    const [author, flagger] = await votersIn(app, 2);
    await app.dataSource.query('UPDATE member SET display_name = $2 WHERE id = $1', [
      author.member.id,
      'Denis Auteur',
    ]);
    const { postArgument } = ok(
      await app.gql<{ postArgument: { id: string } }>(
        'mutation ($input: PostArgumentInput!) { postArgument(input: $input) { id } }',
        {
          input: {
            proposalId: draftBoardProposal.id,
            stance: 'For',
            body: 'La fréquentation a doublé selon le rapport.',
          },
        },
        { token: author.token },
      ),
    );
    ok(
      await app.gql(
        'mutation ($input: FlagArgumentInput!) { flagArgument(input: $input) { id } }',
        { input: { argumentId: postArgument.id, kind: 'SourceNeeded', note: 'Quel rapport ?' } },
        { token: flagger.token },
      ),
    );

    const moderator = await staffAccount(app, [Role.Moderator], 'Maude Modératrice');
    await signInAs(moderator.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Modération' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'File de modération' }).waitFor();
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Source demandée : argument de Denis Auteur' }),
    });
    await card.getByText('Note du signalement : Quel rapport ?').waitFor();
    await expectAccessible('moderation queue');
    // Keyboard only: arrows move between the decisions, Tab to the reason, Enter submits.
    await card.getByRole('radio', { name: 'Conserver tel quel' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await card.getByRole('radio', { name: 'Masquer (avec un motif)' }).isChecked()).toBe(
      true,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('Aucune source fournie.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('L’argument de Denis Auteur est masqué.').waitFor();
    await page.getByText('Aucun signalement en attente.').waitFor();
    const [hidden] = await app.dataSource.query(
      'SELECT hidden_reason FROM argument WHERE id = $1',
      [postArgument.id],
    );
    expect(hidden.hidden_reason).toBe('Aucune source fournie.');

    await page.goto(`${origin}/proposals/${draftBoardProposal.id}`);
    const argument = page.getByRole('article', { name: 'Argument de Denis Auteur' });
    await argument.getByRole('button', { name: 'Rétablir l’argument' }).click();
    await argument.getByLabel('Pourquoi le rétablir').fill('La source est au rapport annuel.');
    await argument.getByRole('button', { name: 'Rétablir', exact: true }).click();
    await page.getByRole('status').getByText('L’argument de Denis Auteur est rétabli.').waitFor();
    await argument.getByRole('button', { name: 'Appuyer (0)' }).waitFor();
    await screenshot(page, 'moderation-restored');
    const [restored] = await app.dataSource.query('SELECT hidden_at FROM argument WHERE id = $1', [
      postArgument.id,
    ]);
    expect(restored.hidden_at).toBeNull();
  });

  it('lets a trustee page through the participation dashboard’s votes, fifty at a time', async () => {
    const secretaryToken = await staffToken(app, [Role.Secretary]);
    const first = await scheduleVote(app, secretaryToken, {
      subjectType: 'Referendum',
      decisionType: 'Referendum',
      electorateKind: 'AllMembers',
      titleFr: 'Sondage 0',
      titleEn: 'Poll 0',
    });
    await openVote(app, secretaryToken, first.id);
    // 54 copies closing a minute apart, so the year holds more than a page of 50 votes.
    await app.dataSource.query(
      `INSERT INTO vote SELECT (jsonb_populate_record(NULL::vote, to_jsonb(v) || jsonb_build_object(
         'id', gen_random_uuid(), 'title_fr', 'Sondage ' || n, 'title_en', 'Poll ' || n,
         'closes_at', v.closes_at + n * interval '1 minute'))).*
       FROM vote v, generate_series(1, 54) n WHERE v.id = $1`,
      [first.id],
    );
    const year = thisYear();
    const trustee = await staffAccount(app, [Role.Trustee], 'Gisèle Fiduciaire');
    const { participationReport } = ok(
      await app.gql<{ participationReport: { voteCount: number } }>(
        'query ($period: ReportPeriodInput) { participationReport(period: $period) { voteCount } }',
        {
          period: { from: `${year}-01-01T05:00:00.000Z`, to: `${year + 1}-01-01T05:00:00.000Z` },
        },
        { token: await staffToken(app, [Role.Trustee]) },
      ),
    );
    const total = participationReport.voteCount;
    expect(total).toBeGreaterThanOrEqual(55);

    await signInAs(trustee.email);
    await page.goto(`${origin}/dashboards/participation`);
    await page.getByRole('heading', { level: 1, name: 'Participation' }).waitFor();
    const table = page.getByRole('region', { name: 'Participation par vote' });
    await page.getByText(`50 votes affichés sur ${total}`).waitFor();
    expect(await table.getByRole('row').count()).toBe(51);
    // Latest closing first: the last copy.
    expect(await table.getByRole('rowheader').first().textContent()).toBe('Sondage 54');
    await expectAccessible('participation dashboard, first page');

    await page.getByRole('button', { name: 'Afficher plus de votes' }).click();
    await page.getByText(`${total} votes affichés sur ${total}`).waitFor();
    expect(await page.getByRole('button', { name: 'Afficher plus de votes' }).count()).toBe(0);
    const links = await table
      .getByRole('link')
      .evaluateAll((all) => all.map((link) => link.getAttribute('href')));
    expect(links).toHaveLength(total);
    expect(new Set(links).size).toBe(total);
    await screenshot(page, 'trustee-participation-dashboard-paged');
    await expectAccessible('participation dashboard, all pages');
  });

  it('keeps every new page accessible on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const everyone = await staffAccount(
      app,
      [Role.Treasurer, Role.Trustee, Role.Moderator],
      'Paule Polyvalente',
    );
    await signInAs(everyone.email);
    const pages: [string, string][] = [
      ['/proposals/new', 'Rédiger une proposition'],
      ['/contributions', 'Mes contributions'],
      ['/moderation', 'File de modération'],
      ['/treasury', 'Barèmes de contribution'],
      ['/treasury/calls', 'Appels de contribution'],
      ['/treasury/bank', 'Relevés bancaires'],
      ['/dashboards/participation', 'Participation'],
      ['/dashboards/campaign', 'Campagne de contributions'],
      ['/dashboards/membership', 'Composition des membres'],
      ['/dashboards/councils', 'Réactivité des conseils'],
      ['/dashboards/register', 'Registre des décisions'],
      ['/dashboards/pipeline', 'Filière des propositions'],
      ['/dashboards/volunteers', 'Bénévolat'],
      ['/dashboards/annual', 'Rapport annuel'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${origin}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      // Every query of the page answered: no error shown (a query over the API's limits would be).
      expect({ path, alerts: await page.getByRole('alert').allTextContents() }).toEqual({
        path,
        alerts: [],
      });
      await screenshot(page, `phone${path.replace(/\//g, '-')}`);
      await expectAccessible(path);
    }
    await page.goto(`${origin}/treasury`);
    await page.getByRole('button', { name: 'Rédiger un barème' }).click();
    await page.getByRole('group', { name: 'Paliers par catégorie et taille' }).waitFor();
    await expectAccessible('scale form');
  });

  it('lets a member declare volunteer hours and see them awaiting approval', async () => {
    const member = await createMember(app.dataSource, { displayName: 'Bernard Bénévole' });
    const account = await createAccount(app.dataSource, { member });
    await signInAs(account.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes contributions' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mes contributions' }).waitFor();
    await page.getByText('Aucune contribution en nature déclarée.').waitFor();
    await page.getByLabel('Activité', { exact: true }).fill('Accueil à la fête de quartier');
    await page.getByLabel('Heures', { exact: true }).fill('2');
    await page.getByLabel('Minutes', { exact: true }).fill('30');
    expect(await page.getByLabel('Nom de la personne bénévole').inputValue()).toBe(
      'Bernard Bénévole',
    );
    await page.getByLabel('J’accepte d’être remercié·e par mon nom dans le rapport annuel').check();
    await page.getByRole('button', { name: 'Déclarer les heures' }).click();
    await page.getByRole('status').getByText('2 h 30 de bénévolat déclarées.').waitFor();
    await page.getByText('Accueil à la fête de quartier', { exact: false }).waitFor();
    await page.getByText('En attente d’approbation', { exact: false }).waitFor();
    await screenshot(page, 'member-volunteer-hours');
    await expectAccessible('my contributions');
    const [row] = await app.dataSource.query(
      `SELECT minutes, status FROM in_kind_contribution WHERE member_id = $1`,
      [member.id],
    );
    expect(row).toMatchObject({ minutes: 150, status: 'pending' });
  });
});
