import { Page } from 'playwright-core';
import { Council } from '@delibera/councils';
import { Role } from '@delibera/kernel';
import { fromMontrealInput, toMontrealInput } from '../../apps/web/src/format/datetime-input';
import { createAccount, createMember, staffToken } from '../factories';
import { assemblyWithProposal, openDoors } from '../factories/assemblies';
import { staffAccount } from '../factories/contributions';
import { seatOnCouncil, votersIn } from '../factories/votes';
import { portalHarness, screenshot } from './browser';
import { errorCode, ok, TestApp } from './test-app';

const DAY = 86_400_000;
/** 19:00 in Montréal, `days` from today: a datetime-local value as the secretary types it. */
const eveningIn = (days: number) =>
  `${toMontrealInput(new Date(Date.now() + days * DAY)).slice(0, 10)}T19:00`;

describe('the secretariat’s pages in the portal (e2e)', () => {
  const portal = portalHarness({ width: 1280, height: 900 });
  const { signInAs, expectAccessible } = portal;
  let app: TestApp;
  let page: Page;
  beforeEach(() => ({ app, page } = portal));

  const status = () => page.getByRole('status').filter({ hasText: /\S/ });

  /** A proposal the board drafted over GraphQL; submitted (an ordinary resolution deliberates at once) unless kept a draft. */
  async function boardProposal(title: string, submit: boolean): Promise<string> {
    const token = await staffToken(app, [Role.Secretary]);
    const { draftBoardProposal } = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        { input: { decisionType: 'OrdinaryResolution', title, body: `${title}, en détail.` } },
        { token },
      ),
    );
    if (submit) {
      ok(
        await app.gql(
          'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
          { input: { proposalId: draftBoardProposal.id } },
          { token },
        ),
      );
    }
    return draftBoardProposal.id;
  }

  it('lets the secretary create a council with its eligibility, then name its chair among its members', async () => {
    const secretary = await staffAccount(app, [Role.Secretary], 'Sophie Secrétaire');
    await signInAs(secretary.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Conseils' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Conseils consultatifs' }).waitFor();
    await page.getByRole('button', { name: 'Créer un conseil' }).click();
    expect(await page.locator(':focus').getAttribute('id')).toBe('council-name-fr');
    await page.keyboard.type('Comité de rédaction');
    await page.getByLabel('Nom en anglais').fill('Editorial committee');
    await page.getByLabel('Code', { exact: true }).fill('youth');
    await page.getByLabel('Nombre de sièges').fill('7');
    await page.getByLabel('Âge minimal (facultatif)').fill('18');
    await page.getByLabel('Âge maximal (facultatif)').fill('35');
    await page.getByLabel('Bas-Saint-Laurent').check();
    await page.getByLabel('Gaspésie–Îles-de-la-Madeleine').check();
    await page.getByLabel('Pratique déclarée, approuvée par la présidence').check();
    await screenshot(page, 'secretary-council-form');
    await expectAccessible('council creation form');

    // A code already taken: the API's message, and no council written.
    const councils = async () =>
      Number((await app.dataSource.query('SELECT count(*) AS n FROM council'))[0].n);
    const before = await councils();
    await page.getByRole('button', { name: 'Créer le conseil' }).click();
    await page.getByRole('alert').getByText('Un conseil porte déjà le code « youth ».').waitFor();
    expect(await councils()).toBe(before);

    await page.getByLabel('Code', { exact: true }).fill('comite_redaction');
    await page.getByRole('button', { name: 'Créer le conseil' }).click();
    await status().getByText('Le Comité de rédaction est créé.').waitFor();
    const card = page.getByRole('region', { name: 'Comité de rédaction' });
    await card.getByText('Régions : Bas-Saint-Laurent, Gaspésie–Îles-de-la-Madeleine').waitFor();
    await card.getByText('Personne ne siège encore à ce conseil', { exact: false }).waitFor();
    const [stored] = await app.dataSource.query(
      `SELECT name_fr, name_en, seats, term_months, eligibility, chair_member_id
         FROM council WHERE code = 'comite_redaction'`,
    );
    expect(stored).toEqual({
      name_fr: 'Comité de rédaction',
      name_en: 'Editorial committee',
      seats: 7,
      term_months: 24,
      eligibility: {
        minAge: 18,
        maxAge: 35,
        regions: ['01', '11'],
        requiresApprovedPractice: true,
      },
      chair_member_id: null,
    });

    // Two members take their seats; the secretary names one chair.
    const council = await app.dataSource
      .getRepository(Council)
      .findOneByOrFail({ code: 'comite_redaction' });
    const [helene, marc] = await Promise.all([
      createMember(app.dataSource, { displayName: 'Hélène Rédactrice' }),
      createMember(app.dataSource, { displayName: 'Marc Réviseur' }),
    ]);
    await seatOnCouncil(app.dataSource, council, [helene, marc]);
    await page.reload();
    const region = page.getByRole('region', { name: 'Comité de rédaction' });
    const chair = region.getByRole('group', {
      name: 'Nommer la présidence du Comité de rédaction parmi ses membres',
    });
    await chair.getByLabel('Hélène Rédactrice').check();
    await region.getByRole('button', { name: 'Nommer à la présidence' }).click();
    await status().getByText('Présidence du Comité de rédaction nommée.').waitFor();
    await chair.getByLabel('Hélène Rédactrice (préside actuellement)').waitFor();
    await screenshot(page, 'secretary-council-chair');
    await expectAccessible('councils, chair named');
    const [named] = await app.dataSource.query(
      'SELECT chair_member_id AS "chairMemberId" FROM council WHERE id = $1',
      [council.id],
    );
    expect(named.chairMemberId).toBe(helene.id);

    // The secretary edits the council: not below its two members, then more seats and another English name.
    await region.getByRole('button', { name: 'Modifier le conseil' }).click();
    expect(
      await region.getByLabel('Code', { exact: true }).getAttribute('readonly'),
    ).not.toBeNull();
    await region.getByLabel('Nombre de sièges').fill('1');
    await region.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await region
      .getByRole('alert')
      .getByText('Ce conseil compte 2 membres : il ne peut pas avoir moins de sièges.')
      .waitFor();
    await region.getByLabel('Nombre de sièges').fill('9');
    await region.getByLabel('Nom en anglais').fill('Editorial board');
    await expectAccessible('council edit form');
    await region.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await status().getByText('Le Comité de rédaction est modifié.').waitFor();
    await region.getByText('2 sur 9', { exact: false }).waitFor();
    const [edited] = await app.dataSource.query(
      'SELECT code, name_en, seats, eligibility FROM council WHERE id = $1',
      [council.id],
    );
    expect(edited).toEqual({
      code: 'comite_redaction',
      name_en: 'Editorial board',
      seats: 9,
      eligibility: {
        minAge: 18,
        maxAge: 35,
        regions: ['01', '11'],
        requiresApprovedPractice: true,
      },
    });

    // The charter consults the youth council: the API says so, and nothing changes.
    const youth = page.getByRole('region', { name: 'Conseil des jeunes' });
    await youth.getByRole('button', { name: 'Dissoudre le conseil…' }).click();
    await youth.getByLabel('Motif de la dissolution').fill('Essai de dissolution.');
    await youth.getByRole('button', { name: 'Dissoudre le Conseil des jeunes' }).click();
    await youth
      .getByRole('alert')
      .getByText('La charte en vigueur consulte ce conseil', { exact: false })
      .waitFor();
    // The editorial committee is dissolved: its two seats end, it leaves the list.
    await region.getByRole('button', { name: 'Dissoudre le conseil…' }).click();
    await region.getByLabel('Motif de la dissolution').fill('Mandat accompli.');
    await expectAccessible('council dissolution form');
    await region.getByRole('button', { name: 'Dissoudre le Comité de rédaction' }).click();
    await status().getByText('Le Comité de rédaction est dissous.').waitFor();
    await region.waitFor({ state: 'detached' });
    const [gone] = await app.dataSource.query(
      `SELECT c.dissolution_reason AS reason, count(s.*) FILTER (WHERE s.status = 'ended')::int AS ended
         FROM council c LEFT JOIN council_seat s ON s.council_id = c.id WHERE c.id = $1 GROUP BY c.id`,
      [council.id],
    );
    expect(gone).toEqual({ reason: 'Mandat accompli.', ended: 2 });
    const [{ dissolved }] = await app.dataSource.query(
      `SELECT count(*)::int AS dissolved FROM council WHERE code = 'youth' AND dissolved_at IS NOT NULL`,
    );
    expect(dissolved).toBe(0);
  });

  it('lets the secretary draft and edit a deed amendment with its changes to the charter, shown on its page in French and in English', async () => {
    const secretary = await staffAccount(app, [Role.Secretary], 'Sandrine Secrétaire');
    await signInAs(secretary.email);
    await page.goto(`${portal.origin}/proposals/new`);
    await page.getByLabel('Titre').fill('Résolutions ordinaires aux deux tiers');
    await page.getByLabel('Type de décision').selectOption({ label: 'Modification de la charte' });
    await page
      .getByLabel('Texte de la proposition')
      .fill('Que les résolutions ordinaires soient adoptées aux deux tiers.');
    const form = page.getByRole('group', { name: 'Ce que la modification change à la charte' });
    // The values in force show greyed in the empty fields.
    const proxies = form.getByLabel('Procurations par mandataire');
    expect(await proxies.getAttribute('placeholder')).toBe('3');
    await proxies.fill('2');
    await form.getByLabel('Règle à modifier').selectOption({ label: 'Résolution ordinaire' });
    await form.getByRole('button', { name: 'Ajouter cette règle' }).click();
    const rule = form.getByRole('group', { name: 'Résolution ordinaire' });
    await rule.getByLabel('Seuil', { exact: true }).fill('deux tiers');
    await rule.getByLabel('Vote', { exact: true }).selectOption({ label: 'Nominal' });
    await rule.getByLabel('Vote minimal').fill('10');
    await rule.getByLabel(/Changer les conseils consultés/).check();
    await rule.getByLabel('Conseil des jeunes').check();
    await rule.getByLabel('Sorte de quorum').selectOption({ label: 'Un nombre de votants' });
    await rule.getByLabel('Quorum', { exact: true }).fill('40');
    await rule.getByLabel(/Changer qui est informé/).check();
    await rule.getByLabel('le public').check();
    await page.getByLabel(/Déposée par le conseil/).check();
    await expectAccessible('a deed amendment drafted with its changes');
    await screenshot(page, 'secretary-charter-change-draft');

    // A threshold that cannot be read is named, and nothing is drafted.
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('alert').getByText('« Seuil » ne se lit pas').waitFor();
    const drafted = async () =>
      app.dataSource.query(`SELECT id, charter_change AS change FROM proposal WHERE title = $1`, [
        'Résolutions ordinaires aux deux tiers',
      ]);
    expect(await drafted()).toEqual([]);
    await rule.getByLabel('Seuil', { exact: true }).fill('2/3');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon enregistré.', { exact: false }).first().waitFor();
    const [{ change: stored }] = await drafted();
    expect(stored).toEqual({
      settings: { proxyLimitPerHolder: 2 },
      rules: {
        ordinary_resolution: {
          thresholdNumerator: 2,
          thresholdDenominator: 3,
          secrecy: 'named',
          minVotingDays: 10,
          consultedCouncils: ['youth'],
          quorumKind: 'count',
          quorumNumerator: 40,
          quorumDenominator: 1,
          informed: expect.arrayContaining(['public']),
        },
      },
    });

    // Edited, the draft keeps what was drafted and changes what is changed.
    await page.getByRole('button', { name: 'Modifier le brouillon' }).click();
    const editing = page
      .getByRole('group', { name: 'Ce que la modification change à la charte' })
      .getByRole('group', { name: 'Résolution ordinaire' });
    expect(await editing.getByLabel('Seuil', { exact: true }).inputValue()).toBe('2/3');
    await editing.getByLabel('Vote minimal').fill('12');
    // Methods are offered only where more than one fits: a resolution is voted for or against,
    // and only contribution scales compete.
    expect(await editing.getByLabel('Mode de scrutin').count()).toBe(0);
    expect(await editing.getByLabel('Propositions concurrentes').count()).toBe(0);
    const editForm = page.getByRole('group', { name: 'Ce que la modification change à la charte' });
    const addRule = async (label: string) => {
      await editForm.getByLabel('Règle à modifier').selectOption({ label });
      await editForm.getByRole('button', { name: 'Ajouter cette règle' }).click();
      return editForm.getByRole('group', { name: label });
    };
    const election = await addRule('Élection des fiduciaires');
    await election.getByLabel('Mode de scrutin').selectOption({ label: 'Vote par approbation' });
    const scales = await addRule('Barème des contributions');
    await scales.getByLabel('Propositions concurrentes').selectOption({ label: 'Paires classées' });
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await status().getByText('Version 2 enregistrée.').waitFor();
    const [{ change: edited }] = await drafted();
    expect(edited).toEqual({
      ...stored,
      rules: {
        ordinary_resolution: { ...stored.rules.ordinary_resolution, minVotingDays: 12 },
        trustee_election: { voteMethod: 'approval' },
        contribution_scale: { competingOptionsMethod: 'ranked_pairs' },
      },
    });

    const change = page.getByRole('region', { name: 'Ce que la modification change à la charte' });
    await change.getByText('Procurations par mandataire : 2').waitFor();
    await change.getByRole('heading', { name: 'Résolution ordinaire' }).waitFor();
    await change.getByText('Seuil : 2/3').waitFor();
    await change.getByText('Vote minimal : 12 jours').waitFor();
    await change.getByText('Conseils consultés : Conseil des jeunes').waitFor();
    await change.getByText('Quorum : 40 votants').waitFor();
    await change.getByText(/^Qui est informé : .*le public$/).waitFor();
    await change.getByRole('heading', { name: 'Élection des fiduciaires' }).waitFor();
    await change.getByText('Mode de scrutin : Vote par approbation').waitFor();
    await change.getByText('Propositions concurrentes : Paires classées').waitFor();
    await expectAccessible('a deed amendment and its changes');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const english = page.getByRole('region', { name: 'What the amendment changes in the charter' });
    await english.getByText('Minimum voting: 12 days').waitFor();
    await english.getByText('Voting method: Approval voting').waitFor();

    // Emptied, the form leaves the amendment changing only the deed's text.
    await page.getByRole('button', { name: 'Edit the draft' }).click();
    await page.getByLabel('Proxies per holder').fill('');
    await page
      .getByRole('button', { name: 'Remove the changes to the “Ordinary resolution” rule' })
      .click();
    await page
      .getByRole('button', { name: 'Remove the changes to the “Trustee election” rule' })
      .click();
    await page
      .getByRole('button', { name: 'Remove the changes to the “Contribution scale” rule' })
      .click();
    await page.getByRole('button', { name: 'Save the new version' }).click();
    await status().getByText('Version 3 saved.').waitFor();
    expect((await drafted())[0].change).toBeNull();
    await english.waitFor({ state: 'detached' });
  });

  it('lets the secretary table a draft with its phase dates in Montréal time, refusing dates the charter does not allow', async () => {
    const proposalId = await boardProposal('Prolonger la saison du marché public', false);
    const secretary = await staffAccount(app, [Role.Secretary], 'Simon Secrétaire');
    await signInAs(secretary.email);
    await page.goto(`${portal.origin}/proposals/${proposalId}`);
    const phases = page.getByRole('region', { name: 'Calendrier et étapes (secrétariat)' });
    // An ordinary resolution consults no council: no consultation date to set.
    await phases.getByLabel('Fin de la délibération').waitFor();
    expect(await phases.getByLabel('Fin de la consultation').count()).toBe(0);
    await phases.getByLabel('Fin de la délibération').fill(eveningIn(10));
    // Voting before the charter's 14 days of notice is refused, and nothing moves.
    await phases.getByLabel('Ouverture du vote').fill(eveningIn(12));
    await phases.getByRole('button', { name: 'Déposer avec ce calendrier' }).click();
    await phases.getByRole('alert').waitFor();
    const row = async () =>
      (
        await app.dataSource.query(
          `SELECT status, deliberation_ends_at AS "deliberationEndsAt", voting_opens_at AS "votingOpensAt",
                  voting_closes_at AS "votingClosesAt" FROM proposal WHERE id = $1`,
          [proposalId],
        )
      )[0];
    expect((await row()).status).toBe('draft');
    await screenshot(page, 'secretary-phases-refused');

    await phases.getByLabel('Ouverture du vote').fill(eveningIn(20));
    await phases.getByLabel('Fermeture du vote').fill(eveningIn(27));
    await expectAccessible('proposal phases form');
    await phases.getByRole('button', { name: 'Déposer avec ce calendrier' }).click();
    await status().getByText('Proposition déposée ; son calendrier est fixé.').waitFor();
    await page.getByText('En délibération').first().waitFor();
    await screenshot(page, 'secretary-phases-scheduled');
    const stored = await row();
    expect({
      status: stored.status,
      deliberationEndsAt: stored.deliberationEndsAt.toISOString(),
      votingOpensAt: stored.votingOpensAt.toISOString(),
      votingClosesAt: stored.votingClosesAt.toISOString(),
    }).toEqual({
      status: 'deliberation',
      deliberationEndsAt: fromMontrealInput(eveningIn(10)),
      votingOpensAt: fromMontrealInput(eveningIn(20)),
      votingClosesAt: fromMontrealInput(eveningIn(27)),
    });
    // The page shows the dates back at 19 h, Montréal time.
    await page
      .getByText(/ 19 h 00$/)
      .first()
      .waitFor();
    // Deliberating now: the secretary may cancel it, with a reason.
    await phases.getByRole('button', { name: 'Annuler la proposition' }).waitFor();
  });

  it('lets the secretary convene a general assembly with its agenda, reorder it by keyboard, check a member in at the door, read the minutes and close it', async () => {
    const proposalId = await boardProposal('Adopter le plan d’action 2027', true);
    const nadia = await createMember(app.dataSource, { displayName: 'Nadia Accueil' });
    const secretary = await staffAccount(app, [Role.Secretary], 'Sarah Secrétaire');
    await signInAs(secretary.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Assemblées' })
      .click();
    await page.getByRole('link', { name: 'Convoquer une assemblée' }).click();
    await page.getByRole('heading', { level: 1, name: 'Convoquer une assemblée' }).waitFor();

    await page.getByLabel('Titre en français').fill('Assemblée générale annuelle 2027');
    await page.getByLabel('Titre en anglais').fill('2027 annual general meeting');
    const startsAt = eveningIn(40);
    const endsAt = `${startsAt.slice(0, 10)}T21:30`;
    await page.getByLabel('Début').fill(startsAt);
    await page.getByLabel('Fin', { exact: true }).fill(endsAt);
    await page.getByLabel('Lieu').fill('Salle Jean-Paul-Riopelle, Rimouski');
    await page
      .getByLabel('Lien de la rencontre en ligne')
      .fill('https://meet.example.org/aga-2027');
    const agenda = page.getByRole('group', { name: 'Ordre du jour' }).getByRole('listitem');
    await agenda.nth(0).getByLabel('Intitulé en français').fill('Rapport annuel');
    await agenda.nth(0).getByLabel('Intitulé en anglais').fill('Annual report');
    await page.getByRole('button', { name: 'Ajouter un point' }).click();
    await agenda.nth(1).getByLabel('Type de point').selectOption('Proposal');
    await agenda.nth(1).getByLabel('Proposition à l’ordre du jour').selectOption(proposalId);
    expect(await agenda.nth(1).getByLabel('Intitulé en français').inputValue()).toBe(
      'Adopter le plan d’action 2027',
    );
    await agenda.nth(1).getByLabel('Intitulé en anglais').fill('Adopt the 2027 action plan');
    await screenshot(page, 'secretary-convene-form');
    await expectAccessible('convene form');
    await page.getByRole('button', { name: 'Convoquer et envoyer l’avis' }).click();

    await page
      .getByRole('heading', { level: 1, name: 'Assemblée générale annuelle 2027' })
      .waitFor();
    await status().getByText('Assemblée convoquée', { exact: false }).waitFor();
    const [assembly] = await app.dataSource.query(
      `SELECT id, kind, general_assembly_type AS type, mode, place, url, starts_at AS "startsAt", ends_at AS "endsAt"
         FROM assembly WHERE title_fr = 'Assemblée générale annuelle 2027'`,
    );
    expect({
      ...assembly,
      startsAt: assembly.startsAt.toISOString(),
      endsAt: assembly.endsAt.toISOString(),
    }).toEqual({
      id: expect.any(String),
      kind: 'general_assembly',
      type: 'annual',
      mode: 'hybrid',
      place: 'Salle Jean-Paul-Riopelle, Rimouski',
      url: 'https://meet.example.org/aga-2027',
      startsAt: fromMontrealInput(startsAt),
      endsAt: fromMontrealInput(endsAt),
    });
    const agendaRows = () =>
      app.dataSource.query(
        `SELECT position, kind, title_en AS "titleEn", ref_id AS "refId", decision_type AS "decisionType"
           FROM agenda_item WHERE assembly_id = $1 ORDER BY position`,
        [assembly.id],
      );
    expect(await agendaRows()).toEqual([
      {
        position: 1,
        kind: 'information',
        titleEn: 'Annual report',
        refId: null,
        decisionType: null,
      },
      {
        position: 2,
        kind: 'proposal',
        titleEn: 'Adopt the 2027 action plan',
        refId: proposalId,
        decisionType: 'ordinary_resolution',
      },
    ]);
    // The notice went to every active member, Nadia among them.
    const [notice] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'assembly_notice' AND dedupe_key = $1`,
      [`assembly-notice:${assembly.id}:${nadia.id}`],
    );
    expect(notice.n).toBe(1);

    // Keyboard: move the annual report down; the focus stays on the item moved.
    await page.getByRole('button', { name: 'Descendre « Rapport annuel »' }).focus();
    await page.keyboard.press('Enter');
    await status().getByText('« Rapport annuel » est maintenant le point 2.').waitFor();
    // Once the new order shows, the focus is on the moved item's other button (it is now last).
    await page.waitForFunction(
      `document.activeElement?.getAttribute('aria-label') === 'Monter « Rapport annuel »'`,
    );
    expect((await agendaRows()).map((item: { kind: string }) => item.kind)).toEqual([
      'proposal',
      'information',
    ]);

    const addItem = page.locator('form').filter({
      has: page.getByRole('heading', { name: 'Ajouter un point à l’ordre du jour' }),
    });
    await addItem.getByLabel('Type de point').selectOption('Election');
    await addItem.getByLabel('Intitulé en français').fill('Élection des fiduciaires');
    await addItem.getByLabel('Intitulé en anglais').fill('Election of trustees');
    await addItem.getByRole('button', { name: 'Ajouter le point' }).click();
    await status().getByText('Point ajouté à la fin de l’ordre du jour.').waitFor();
    expect((await agendaRows())[2]).toEqual({
      position: 3,
      kind: 'election',
      titleEn: 'Election of trustees',
      refId: null,
      decisionType: 'trustee_election',
    });
    await screenshot(page, 'secretary-assembly-agenda');
    await expectAccessible('assembly, secretariat');

    // A proxy signed on paper: Paul gives his vote to Nadia.
    const paul = await createMember(app.dataSource, { displayName: 'Paul Papier' });
    await page.getByLabel('Numéro de membre de qui donne sa procuration').fill(paul.id);
    await page.getByLabel('Numéro de membre de qui la détiendra').fill(nadia.id);
    await page.getByRole('button', { name: 'Enregistrer la procuration' }).click();
    await status().getByText('Procuration enregistrée.').waitFor();
    await page.getByText('Paul Papier donne sa procuration à Nadia Accueil').waitFor();
    await page
      .getByRole('button', { name: 'Révoquer Paul Papier donne sa procuration à Nadia Accueil' })
      .waitFor();
    const proxies = await app.dataSource.query(
      `SELECT grantor_member_id AS "grantor", holder_member_id AS "holder", ended_at AS "endedAt"
         FROM assembly_proxy WHERE assembly_id = $1`,
      [assembly.id],
    );
    expect(proxies).toEqual([{ grantor: paul.id, holder: nadia.id, endedAt: null }]);

    // The day comes: Nadia is recorded present at the door.
    await openDoors(app, assembly.id);
    await page.reload();
    await page.getByLabel('Nom ou courriel du membre').fill('Nadia');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('button', { name: 'Enregistrer Nadia Accueil présent sur place' }).click();
    await status().getByText('Nadia Accueil est enregistré présent.').waitFor();
    await page
      .getByText('Présences : 1 sur place, 0 à distance, 1 représentés par procuration.')
      .waitFor();
    const attendance = await app.dataSource.query(
      'SELECT member_id AS "memberId", mode FROM assembly_attendance WHERE assembly_id = $1',
      [assembly.id],
    );
    expect(attendance).toEqual([{ memberId: nadia.id, mode: 'present' }]);
    // She leaves early: her departure is recorded and the count follows.
    await page.getByRole('button', { name: 'Enregistrer le départ de Nadia Accueil' }).click();
    await status().getByText('Le départ de Nadia Accueil est enregistré.').waitFor();
    await page
      .getByText('Présences : 0 sur place, 0 à distance, 0 représentés par procuration.')
      .waitFor();
    const [left] = await app.dataSource.query(
      'SELECT checked_out_at IS NOT NULL AS "left" FROM assembly_attendance WHERE assembly_id = $1',
      [assembly.id],
    );
    expect(left).toEqual({ left: true });

    // The minutes, as the API writes them, in French then English.
    const minutes = page.getByRole('region', { name: 'Procès-verbal' });
    await minutes.getByRole('button', { name: 'Afficher le procès-verbal' }).click();
    const text = minutes.locator('pre');
    await text.getByText('Assemblée générale annuelle 2027', { exact: false }).first().waitFor();
    const token = await staffToken(app, [Role.Secretary]);
    const { assembly: fromApi } = ok(
      await app.gql<{ assembly: { minutes: { sha256: string } } }>(
        'query ($id: UUID!) { assembly(id: $id) { minutes(locale: fr) { sha256 } } }',
        { id: assembly.id },
        { token },
      ),
    );
    await minutes.getByText(fromApi.minutes.sha256).waitFor();
    await minutes.getByLabel('Langue du procès-verbal').selectOption('en');
    await text.getByText('2027 annual general meeting', { exact: false }).first().waitFor();
    await screenshot(page, 'secretary-assembly-minutes');

    // Members find it on their home page among the coming assemblies.
    await page.goto(`${portal.origin}/`);
    await page
      .getByRole('region', { name: 'Assemblées et rencontres à venir' })
      .getByRole('link', { name: 'Assemblée générale annuelle 2027' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Assemblée générale annuelle 2027' })
      .waitFor();

    // Closing asks once; the confirmation takes the focus and Enter closes.
    await page.getByRole('button', { name: 'Clore l’assemblée' }).click();
    await page.getByText('Clore l’assemblée ? Les présences', { exact: false }).waitFor();
    expect(await page.locator(':focus').textContent()).toBe('Clore l’assemblée');
    await page.keyboard.press('Enter');
    await status().getByText('Assemblée close.').waitFor();
    await page.getByText('Procès-verbal de l’assemblée close', { exact: false }).waitFor();
    const [closed] = await app.dataSource.query('SELECT status FROM assembly WHERE id = $1', [
      assembly.id,
    ]);
    expect(closed.status).toBe('closed');
  });

  it('lets a member draft an amendment and the secretary put it to the assembly’s vote', async () => {
    const proposalId = await boardProposal('Créer un fonds pour les projets jeunesse', true);
    await assemblyWithProposal(app.dataSource, proposalId, 'ordinary_resolution');
    await votersIn(app, 2);
    const member = await createMember(app.dataSource, { displayName: 'Amélie Amendement' });
    const memberAccount = await createAccount(app.dataSource, { member });
    await signInAs(memberAccount.email);
    await page.goto(`${portal.origin}/proposals/${proposalId}`);
    const amendments = page.getByRole('region', { name: 'Amendements' });
    await amendments.getByRole('button', { name: 'Proposer un amendement' }).click();
    await amendments.getByLabel('Titre').fill('Un fonds de 75 000 $');
    await amendments
      .getByLabel('Texte de la proposition')
      .fill('Créer un fonds de 75 000 $ pour les projets des jeunes de 16 à 30 ans.');
    await amendments.getByLabel('Pourquoi cet amendement').fill('Fixer le montant et l’âge.');
    await expectAccessible('amendment form');
    await amendments.getByRole('button', { name: 'Proposer l’amendement' }).click();
    await status().getByText('Amendement proposé.').waitFor();
    const [proposed] = await app.dataSource.query(
      'SELECT id, status, title, rationale FROM proposal_amendment WHERE proposal_id = $1',
      [proposalId],
    );
    expect(proposed).toMatchObject({
      status: 'proposed',
      title: 'Un fonds de 75 000 $',
      rationale: 'Fixer le montant et l’âge.',
    });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();

    const secretary = await staffAccount(app, [Role.Secretary], 'Serge Secrétaire');
    await signInAs(secretary.email);
    await page.goto(`${portal.origin}/proposals/${proposalId}`);
    await amendments
      .getByRole('button', { name: 'Soumettre au vote l’amendement « Un fonds de 75 000 $ »' })
      .click();
    // The close date takes the focus; a week ahead by default, in Montréal time.
    const closesField = amendments.getByLabel('Fin du vote sur l’amendement (heure de Montréal)');
    expect(await page.locator(':focus').getAttribute('id')).toBe(`amendment-vote-${proposed.id}`);
    const closesAt = eveningIn(5);
    await closesField.fill(closesAt);
    await amendments.getByRole('button', { name: 'Ouvrir le vote sur l’amendement' }).click();
    await status().getByText('Amendement soumis au vote.').waitFor();
    await amendments.getByRole('link', { name: 'Voir le vote sur cet amendement' }).waitFor();
    await screenshot(page, 'secretary-amendment-put-to-vote');
    await expectAccessible('amendment put to vote');
    const [stored] = await app.dataSource.query(
      `SELECT a.status, v.subject_type AS "subjectType", v.subject_id AS "subjectId", v.closes_at AS "closesAt"
         FROM proposal_amendment a JOIN vote v ON v.id = a.vote_id WHERE a.id = $1`,
      [proposed.id],
    );
    expect({ ...stored, closesAt: stored.closesAt.toISOString() }).toEqual({
      status: 'put_to_vote',
      subjectType: 'amendment',
      subjectId: proposed.id,
      closesAt: fromMontrealInput(closesAt),
    });
  });

  it('lets the secretary invite a member, then suspend another by keyboard and reinstate them', async () => {
    const bruno = await createMember(app.dataSource, { displayName: 'Bruno Actif' });
    const secretary = await staffAccount(app, [Role.Secretary], 'Simone Secrétaire');
    await signInAs(secretary.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Membres' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Registre des membres' }).waitFor();
    const invite = page.getByRole('region', { name: 'Inviter un membre' });
    await invite.getByLabel('Nom', { exact: true }).fill('Gabrielle Invitée');
    await invite.getByLabel('Courriel', { exact: true }).fill('gabrielle.invitee@example.org');
    await invite.getByLabel('Collège électoral').selectOption('individuals');
    await invite.getByLabel('Région', { exact: true }).selectOption('01');
    await invite.getByLabel('Langue de correspondance').selectOption('en');
    await expectAccessible('members, invitation form');
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await status().getByText('Invitation envoyée à Gabrielle Invitée.').waitFor();
    const [invited] = await app.dataSource.query(
      `SELECT m.status, m.region, m.locale, m.kind,
              (SELECT count(*)::int FROM notification n
                WHERE n.kind = 'invitation' AND n.recipient_email = m.email) AS invitations
         FROM member m WHERE m.email = 'gabrielle.invitee@example.org'`,
    );
    expect(invited).toEqual({
      status: 'applicant',
      region: '01',
      locale: 'en',
      kind: 'person',
      invitations: 1,
    });

    // Suspending asks for a reason first; keyboard only.
    await page.getByLabel('Rechercher (nom ou courriel)').fill('Bruno');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByRole('button', { name: 'Suspendre Bruno Actif' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe(`status-reason-${bruno.id}`);
    await page.keyboard.type('Manquements répétés au code de conduite');
    await page.keyboard.press('Enter');
    await status().getByText('Bruno Actif est suspendu ; ses sessions sont fermées.').waitFor();
    const statusOf = async () =>
      (await app.dataSource.query('SELECT status FROM member WHERE id = $1', [bruno.id]))[0].status;
    expect(await statusOf()).toBe('suspended');
    await screenshot(page, 'secretary-member-suspended');
    await expectAccessible('members, a member suspended');
    await page.getByRole('button', { name: 'Rétablir Bruno Actif' }).click();
    await status().getByText('Bruno Actif est rétabli comme membre actif.').waitFor();
    expect(await statusOf()).toBe('active');
  });

  it('gives a council its own restricted thread on a proposal, which its chair opens to every member', async () => {
    const chair = await createMember(app.dataSource, { displayName: 'Chloé Présidente' });
    const councillor = await createMember(app.dataSource, { displayName: 'Yanis Conseiller' });
    const [chairAccount, councillorAccount] = await Promise.all([
      createAccount(app.dataSource, { member: chair }),
      createAccount(app.dataSource, { member: councillor }),
    ]);
    const youth = await app.dataSource.getRepository(Council).findOneByOrFail({ code: 'youth' });
    await seatOnCouncil(app.dataSource, youth, [chair, councillor]);
    await app.dataSource
      .getRepository(Council)
      .update({ id: youth.id }, { chairMemberId: chair.id });
    const token = await staffToken(app, [Role.Secretary]);
    const { draftBoardProposal } = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        {
          input: {
            decisionType: 'SpecialResolution',
            title: 'Réserver un siège jeunesse au conseil',
            body: 'Un siège réservé à une personne de 18 à 30 ans.',
          },
        },
        { token },
      ),
    );
    const proposalId = draftBoardProposal.id;
    ok(
      await app.gql(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
        { input: { proposalId } },
        { token },
      ),
    );
    const [outsider] = await votersIn(app, 1);
    const readAsOutsider = () =>
      app.gql<{ proposalThread: { restricted: boolean; arguments: { totalCount: number } } }>(
        `query ($p: UUID!, $c: UUID) { proposalThread(proposalId: $p, councilId: $c) {
           restricted arguments { totalCount } } }`,
        { p: proposalId, c: youth.id },
        { token: outsider.token },
      );

    await signInAs(councillorAccount.email);
    await page.goto(`${portal.origin}/proposals/${proposalId}`);
    const thread = page.getByRole('region', { name: 'Fil du Conseil des jeunes' });
    await thread.getByText('Réservé aux membres du conseil', { exact: false }).waitFor();
    await thread.getByLabel('Nature de l’intervention').selectOption({ label: 'Question' });
    await thread
      .getByLabel('Votre texte (Markdown accepté)')
      .fill('Comment la personne serait-elle choisie ?');
    await thread.getByRole('button', { name: 'Publier', exact: true }).click();
    await thread.getByRole('status').getByText('Votre argument est publié.').waitFor();
    await thread.getByRole('article', { name: 'Argument de Yanis Conseiller' }).waitFor();
    await expectAccessible('council thread');
    const [argument] = await app.dataSource.query(
      'SELECT council_id AS "councilId", stance FROM argument WHERE proposal_id = $1',
      [proposalId],
    );
    expect(argument).toEqual({ councilId: youth.id, stance: 'question' });
    expect(errorCode(await readAsOutsider())).toBe('NOT_COUNCIL_MEMBER');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();

    await signInAs(chairAccount.email);
    await page.goto(`${portal.origin}/proposals/${proposalId}`);
    await thread.getByRole('button', { name: 'Ouvrir le fil à tous les membres' }).click();
    await thread
      .getByRole('status')
      .getByText('Le fil du conseil est ouvert à tous les membres.')
      .waitFor();
    // Exact: the status above also contains these words, and matches alone until the hint updates.
    await thread.getByText('Ouvert à tous les membres.', { exact: true }).waitFor();
    await screenshot(page, 'council-thread-opened');
    const opened = ok(await readAsOutsider()).proposalThread;
    expect(opened).toEqual({ restricted: false, arguments: { totalCount: 1 } });
  });

  it('lets the secretary convene a regional public meeting, and a member register for it and cancel', async () => {
    const secretary = await staffAccount(app, [Role.Secretary], 'Rémi Secrétaire');
    await signInAs(secretary.email);
    await page.goto(`${portal.origin}/assemblies/new`);
    await page.getByLabel('Type de rencontre').selectOption('PublicMeeting');
    await page.getByLabel('Région (facultatif)').selectOption('11');
    await page.getByLabel('Formule').selectOption('InPerson');
    // A public meeting only discusses: binding kinds are not offered for its agenda.
    const kinds = await page.getByLabel('Type de point').locator('option').allTextContents();
    expect(kinds).toEqual(['Information', 'Proposition']);
    await page.getByLabel('Titre en français').fill('Rencontre régionale de Gaspé');
    await page.getByLabel('Titre en anglais').fill('Gaspé regional meeting');
    await page.getByLabel('Début').fill(eveningIn(3));
    await page.getByLabel('Fin', { exact: true }).fill(`${eveningIn(3).slice(0, 10)}T21:00`);
    await page.getByLabel('Lieu').fill('Cégep de la Gaspésie, Gaspé');
    await page.getByLabel('Intitulé en français').fill('Accueil');
    await page.getByLabel('Intitulé en anglais').fill('Welcome');
    await page.getByRole('button', { name: 'Convoquer et envoyer l’avis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rencontre régionale de Gaspé' }).waitFor();
    const [meeting] = await app.dataSource.query(
      `SELECT id, kind, region, mode, url FROM assembly WHERE title_fr = 'Rencontre régionale de Gaspé'`,
    );
    expect(meeting).toEqual({
      id: expect.any(String),
      kind: 'public_meeting',
      region: '11',
      mode: 'in_person',
      url: null,
    });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();

    const member = await createMember(app.dataSource, { displayName: 'Rita Régionale' });
    const account = await createAccount(app.dataSource, { member });
    await signInAs(account.email);
    await page.goto(`${portal.origin}/assemblies/${meeting.id}`);
    const registration = page.getByRole('region', { name: 'Inscription' });
    await registration.getByText('Personne n’est encore inscrit.').waitFor();
    await registration.getByRole('button', { name: 'Je m’inscris' }).click();
    await status().getByText('Votre inscription est enregistrée.').waitFor();
    await registration.getByText('1 personne inscrite.').waitFor();
    await expectAccessible('public meeting, registered');
    const registrations = () =>
      app.dataSource.query(
        'SELECT member_id AS "memberId" FROM assembly_registration WHERE assembly_id = $1',
        [meeting.id],
      );
    expect(await registrations()).toEqual([{ memberId: member.id }]);
    await registration.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await status().getByText('Votre inscription est annulée.').waitFor();
    expect(await registrations()).toEqual([]);
  });

  it('keeps the secretariat’s new pages accessible on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const secretary = await staffAccount(app, [Role.Secretary], 'Paul Polyvalent');
    await signInAs(secretary.email);
    for (const [path, heading] of [
      ['/assemblies/new', 'Convoquer une assemblée'],
      ['/councils', 'Conseils consultatifs'],
      ['/admin/members', 'Registre des membres'],
    ]) {
      await page.goto(`${portal.origin}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      expect({ path, alerts: await page.getByRole('alert').allTextContents() }).toEqual({
        path,
        alerts: [],
      });
      await screenshot(page, `phone-secretary${path.replace(/\//g, '-')}`);
      await expectAccessible(path);
    }
    // In English too, Montréal time named on the date fields.
    await page.goto(`${portal.origin}/assemblies/new`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Convene an assembly' }).waitFor();
    await page.getByRole('group', { name: 'Date, time and place (Montréal time)' }).waitFor();
    await screenshot(page, 'phone-secretary-convene-en');
    await expectAccessible('/assemblies/new in English');
  });
});
