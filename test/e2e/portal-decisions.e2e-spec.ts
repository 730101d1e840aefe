import { createHash } from 'node:crypto';
import { Page } from 'playwright-core';
import { Role } from '@delibera/kernel';
import { createAccount, createMember, signedInMember, TEST_PASSWORD } from '../factories';
import { Council } from '@delibera/councils';
import { inDays, openDoors } from '../factories/assemblies';
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

const OPTIONS = [
  { id: 'phare', labelFr: 'Le Phare', labelEn: 'The Lighthouse' },
  { id: 'carrefour', labelFr: 'Le Carrefour', labelEn: 'The Crossroads' },
  { id: 'ruche', labelFr: 'La Ruche', labelEn: 'The Hive' },
];

describe('deliberating and voting in the portal (e2e)', () => {
  // A phone: everything must work at 390 px.
  const portal = portalHarness({ width: 390, height: 844 });
  const { signInAs, expectAccessible } = portal;
  let app: TestApp;
  let origin: string;
  let page: Page;
  beforeEach(() => ({ app, origin, page } = portal));

  it('lets a member read a proposal, see who decides, argue and endorse an argument', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const drafted = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        {
          input: {
            decisionType: 'OrdinaryResolution',
            title: 'Ouvrir le centre communautaire le dimanche',
            body: '## Contexte\n\nLe centre ouvrirait **le dimanche** de 10 h à 16 h.',
          },
        },
        { token: secretary.token },
      ),
    ).draftBoardProposal;
    ok(
      await app.gql(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
        { input: { proposalId: drafted.id } },
        { token: secretary.token },
      ),
    );
    ok(
      await app.gql(
        'mutation ($input: PostArgumentInput!) { postArgument(input: $input) { id } }',
        {
          input: {
            proposalId: drafted.id,
            stance: 'Against',
            body: 'Le budget de personnel ne le permet pas.',
          },
        },
        { token: secretary.token },
      ),
    );
    const member = await createMember(app.dataSource, { displayName: 'Amélie Fortin' });
    const account = await createAccount(app.dataSource, { member });

    await signInAs(account.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Propositions' }).click();
    await page.getByRole('link', { name: 'Ouvrir le centre communautaire le dimanche' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Ouvrir le centre communautaire le dimanche' })
      .waitFor();
    expect(await page.locator('.prose strong').first().textContent()).toBe('le dimanche');
    await page
      .getByRole('region', { name: 'Qui décide, qui est consulté' })
      .getByText('L’assemblée générale')
      .waitFor();

    await page.getByLabel('Nature de l’intervention').selectOption({ label: 'Pour' });
    await page
      .getByLabel('Votre texte (Markdown accepté)')
      .fill('Les familles le demandent depuis longtemps.');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('status').getByText('Votre argument est publié.').waitFor();
    await page.getByRole('article', { name: 'Argument de Amélie Fortin' }).waitFor();
    expect(await page.locator('.meta').filter({ hasText: 'pour ·' }).textContent()).toBe(
      '1 pour · 1 contre · 0 questions · 0 informations',
    );

    const against = page.getByRole('article', {
      name: `Argument de ${secretary.member.displayName}`,
    });
    await against.getByRole('button', { name: 'Appuyer (0)' }).click();
    await against.getByRole('button', { name: 'Appuyer (1)', pressed: true }).waitFor();
    await screenshot(page, 'proposal-deliberation-phone');
    await expectAccessible('proposal');
  });

  it('lets a council chair draft the council’s opinion and put it to the council’s vote, which publishes it', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const chair = await createMember(app.dataSource, { displayName: 'Chloé Gagnon' });
    const chairAccount = await createAccount(app.dataSource, { member: chair });
    const youth = await app.dataSource.getRepository(Council).findOneByOrFail({ code: 'youth' });
    const councillors = await votersIn(app, 2);
    await seatOnCouncil(app.dataSource, youth, [chair, ...councillors.map((c) => c.member)]);
    await app.dataSource
      .getRepository(Council)
      .update({ id: youth.id }, { chairMemberId: chair.id });
    const { draftBoardProposal } = ok(
      await app.gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        {
          input: {
            decisionType: 'SpecialResolution',
            title: 'Créer un fonds jeunesse',
            body: 'Un fonds de 50 000 $ pour les projets des jeunes.',
          },
        },
        { token: secretary.token },
      ),
    );
    const submitted = ok(
      await app.gql<{ submitProposal: { status: string } }>(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
        { input: { proposalId: draftBoardProposal.id } },
        { token: secretary.token },
      ),
    );
    expect(submitted.submitProposal.status).toBe('Consultation');

    await signInAs(chairAccount.email);
    // What needs them now: the council's opinion, with its due date.
    await page
      .getByRole('link', {
        name: /^Conseil des jeunes : avis à rendre sur « Créer un fonds jeunesse » avant le /,
      })
      .waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Conseils' }).click();
    await page
      .getByRole('region', { name: 'Conseil des jeunes' })
      .getByRole('link', { name: 'Créer un fonds jeunesse' })
      .click();
    const opinion = page.getByRole('region', { name: 'Avis du Conseil des jeunes' });
    await opinion.getByLabel('Favorable', { exact: true }).check();
    await opinion.getByLabel('Texte de l’avis').fill('Le conseil appuie ce fonds.');
    await opinion.getByRole('button', { name: 'Enregistrer le projet d’avis' }).click();
    await page.getByRole('status').getByText('Projet d’avis enregistré.').waitFor();
    await opinion.getByRole('button', { name: 'Ouvrir le vote du conseil' }).click();
    await page
      .getByRole('status')
      .getByText('Le vote du conseil est ouvert : ses membres votent dans la page Votes.')
      .waitFor();
    await opinion.getByText('vote du conseil en cours', { exact: false }).waitFor();
    await screenshot(page, 'council-opinion-vote-phone');
    await expectAccessible('council opinion');
    // The councillors vote and the vote closes: its count publishes the opinion.
    const [{ voteId }] = await app.dataSource.query(
      `SELECT vote_id AS "voteId" FROM council_opinion WHERE council_id = $1 AND vote_id IS NOT NULL`,
      [youth.id],
    );
    await waitForVoteStatus(app, secretary.token, voteId, 'Open');
    for (const councillor of councillors)
      ok(await castBallot(app, councillor.token, voteId, { option: 'yes' }));
    expect((await closeVote(app, secretary.token, voteId)).result?.outcome).toBe('adopted');
    await page.reload();
    await page
      .getByRole('region', { name: 'Qui décide, qui est consulté' })
      .getByText('Le conseil appuie ce fonds.')
      .waitFor();
  });

  it('lets a member give and revoke a proxy, then check in remotely on the day', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const member = await createMember(app.dataSource, { displayName: 'Nadia Roy' });
    const account = await createAccount(app.dataSource, { member });
    const holder = await createMember(app.dataSource);
    const { conveneAssembly } = ok(
      await app.gql<{ conveneAssembly: { id: string } }>(
        'mutation ($input: ConveneAssemblyInput!) { conveneAssembly(input: $input) { id } }',
        {
          input: {
            kind: 'GeneralAssembly',
            generalAssemblyType: 'Annual',
            mode: 'Hybrid',
            titleFr: 'Assemblée générale annuelle',
            titleEn: 'Annual general assembly',
            place: 'Salle communautaire, Montréal',
            url: 'https://meet.example.org/aga',
            startsAt: inDays(15),
            endsAt: inDays(16),
            agenda: [{ kind: 'Information', titleFr: 'Rapport annuel', titleEn: 'Annual report' }],
          },
        },
        { token: secretary.token },
      ),
    );

    await signInAs(account.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Assemblées' }).click();
    await page.getByRole('link', { name: 'Assemblée générale annuelle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assemblée générale annuelle' }).waitFor();
    await page.getByLabel('Numéro de membre du mandataire').fill(holder.id);
    await page.getByRole('button', { name: 'Donner ma procuration' }).click();
    await page.getByRole('status').getByText('Votre procuration est enregistrée.').waitFor();
    await page.getByText(holder.id).waitFor();
    await screenshot(page, 'assembly-proxy-phone');
    await expectAccessible('assembly');
    await page.getByRole('button', { name: 'Révoquer ma procuration' }).click();
    await page.getByRole('status').getByText('Votre procuration est révoquée.').waitFor();
    const [{ active }] = await app.dataSource.query(
      'SELECT count(*)::int AS active FROM assembly_proxy WHERE assembly_id = $1 AND ended_at IS NULL',
      [conveneAssembly.id],
    );
    expect(active).toBe(0);

    await openDoors(app, conveneAssembly.id);
    await page.reload();
    await page.getByRole('button', { name: 'Signaler ma présence à distance' }).click();
    await page.getByRole('status').getByText('Votre présence est enregistrée.').waitFor();
    await page.getByText(/^Présence enregistrée \(à distance\)/).waitFor();
    await page.getByText(/^Quorum : 1 présents et 0 représentés/).waitFor();
  });

  it('confirms again after a lost reply and shows the receipt of the ballot that went through', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const voter = await createMember(app.dataSource, { displayName: 'Rosalie Gagnon' });
    const account = await createAccount(app.dataSource, { member: voter });
    const vote = await scheduleVote(app, secretary.token, {
      subjectType: 'SurveyQuestion',
      decisionType: 'OrdinaryResolution',
      electorateKind: 'AllMembers',
      titleFr: 'Ouvrir la bibliothèque le soir',
      titleEn: 'Open the library in the evening',
      rules: { secrecy: 'Secret' },
    });
    await openVote(app, secretary.token, vote.id);
    // The first cast reaches the API and commits, but its reply never reaches the page.
    let lostReplies = 0;
    await page.route('**/graphql', async (route) => {
      if (lostReplies === 0 && route.request().postData()?.includes('castBallot')) {
        lostReplies++;
        await route.fetch();
        await route.abort('failed');
        return;
      }
      await route.continue();
    });

    await signInAs(account.email);
    await page.goto(`${origin}/votes/${vote.id}`);
    await page.getByLabel('Pour').check();
    await page.getByRole('button', { name: 'Vérifier mon vote' }).click();
    await page.getByRole('button', { name: 'Déposer mon bulletin' }).click();
    await page.getByText('Le serveur est injoignable.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Déposer mon bulletin' }).click();
    await page.getByRole('heading', { name: 'Votre bulletin est déposé' }).waitFor();
    const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
    expect(lostReplies).toBe(1);
    const ballots: { receiptHash: string }[] = await app.dataSource.query(
      `SELECT receipt_hash AS "receiptHash" FROM ballot WHERE vote_id = $1`,
      [vote.id],
    );
    expect(ballots).toEqual([{ receiptHash: createHash('sha256').update(receipt).digest('hex') }]);
  });

  const focusedName = () =>
    page
      .locator(':focus')
      .evaluate((element) => element.getAttribute('aria-label') ?? element.textContent);
  const announcement = () => page.locator('.ranking [role="status"]').textContent();

  it('lets a member rank by keyboard, review, cast, keep the receipt, then read the result and find it', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const voter = await createMember(app.dataSource, { displayName: 'Louis Bouchard' });
    const account = await createAccount(app.dataSource, { member: voter });
    const others = await votersIn(app, 4);
    const vote = await scheduleVote(app, secretary.token, {
      subjectType: 'SurveyQuestion',
      decisionType: 'OrdinaryResolution',
      electorateKind: 'AllMembers',
      titleFr: 'Nom du nouveau centre communautaire',
      titleEn: 'Name of the new community centre',
      options: OPTIONS,
      rules: { method: 'InstantRunoff', secrecy: 'Secret' },
      // The charter's minimum for the rule (3 days), and two hours more for the countdown.
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + (3 * 24 + 2) * 3600_000).toISOString(),
    });
    await openVote(app, secretary.token, vote.id);
    const rankings = [['ruche', 'carrefour'], ['ruche'], ['phare', 'carrefour'], ['carrefour']];
    for (const [i, ranking] of rankings.entries()) {
      ok(await castBallot(app, others[i].token, vote.id, { ranking }));
    }

    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Courriel').fill(account.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByRole('link', {
        name: /^Voter : Nom du nouveau centre communautaire \(ferme dans 3\sjours et 1\sheure\)$/,
      })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Nom du nouveau centre communautaire' })
      .waitFor();
    expect(await page.getByRole('timer').textContent()).toMatch(
      /^Le vote ferme dans 3\sjours et 1\sheure\.$/,
    );

    // Keyboard only from here: Enter on focused buttons; focus follows each moved option.
    await page.getByRole('button', { name: 'Classer Le Carrefour' }).focus();
    await page.keyboard.press('Enter');
    expect(await announcement()).toBe('Le Carrefour : rang 1 sur 1.');
    await page.getByRole('button', { name: 'Classer Le Phare' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Classer La Ruche' }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe('Monter La Ruche');
    await page.keyboard.press('Enter');
    expect(await announcement()).toBe('La Ruche : rang 2 sur 3.');
    expect(await focusedName()).toBe('Monter La Ruche');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Descendre La Ruche');
    await page.keyboard.press('Enter');
    expect(await announcement()).toBe('La Ruche : rang 3 sur 3.');
    // Now last, "down" is disabled: focus stays on the option, on its "up" button.
    expect(await focusedName()).toBe('Monter La Ruche');
    expect(await page.locator('ol.ranked .rank-label').allTextContents()).toEqual([
      'Le Carrefour',
      'Le Phare',
      'La Ruche',
    ]);
    await screenshot(page, 'ballot-ranking-phone');
    await expectAccessible('ballot');

    await page.getByRole('button', { name: 'Vérifier mon vote' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vérifiez votre vote' }).waitFor();
    expect(await focusedName()).toBe('Vérifiez votre vote');
    expect(await page.locator('ol.summary li').allTextContents()).toEqual([
      'Le Carrefour',
      'Le Phare',
      'La Ruche',
    ]);
    await screenshot(page, 'ballot-review-phone');
    await page.getByRole('button', { name: 'Déposer mon bulletin' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Votre bulletin est déposé' }).waitFor();
    const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
    expect(receipt.length).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'ballot-receipt-phone');
    await expectAccessible('receipt');

    const closed = await closeVote(app, secretary.token, vote.id);
    expect(closed.result?.winners).toEqual(['carrefour']);

    await page.reload();
    await page.getByRole('heading', { name: 'Résultat', exact: true }).waitFor();
    expect(await page.locator('.outcome').textContent()).toBe('Dépouillement terminé');
    await page.getByText('Tour 1 — Le Phare est éliminée').waitFor();
    await page.getByText('Tour 2 — Le Carrefour l’emporte').waitFor();
    expect(await page.getByRole('textbox', { name: 'Reçu' }).inputValue()).toBe(receipt);
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText('Votre bulletin fait partie du décompte publié.').waitFor();
    await screenshot(page, 'vote-result-phone');
    await expectAccessible('result');

    await page.getByRole('textbox', { name: 'Reçu' }).fill('not-a-receipt');
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText('Ce reçu ne figure pas parmi les bulletins de ce vote.').waitFor();
  });
});
