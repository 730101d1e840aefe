import { Page } from 'playwright-core';
import { CharterService, DecisionType, VoteMethod } from '@delibera/charter';
import { Role } from '@delibera/kernel';
import { OrganisationCategory } from '@delibera/membership';
import { staffToken } from '../factories';
import { adoptedScale, staffAccount, thisYear } from '../factories/contributions';
import { portalHarness, screenshot } from './browser';
import { ok, TestApp } from './test-app';

/** Intl puts no-break spaces in amounts and dates: compare text with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('the treasurer’s pages in the portal (e2e)', () => {
  const portal = portalHarness({ width: 1280, height: 900 });
  const { signInAs, expectAccessible } = portal;
  let app: TestApp;
  let page: Page;
  beforeEach(() => ({ app, page } = portal));

  const status = () => page.getByRole('status').filter({ hasText: /\S/ });

  it('lets the treasurer reverse a payment by keyboard and grant a waiver, each stored as the ledger says', async () => {
    const year = thisYear();
    const { token, calls } = await adoptedScale(app, {
      year,
      organisations: 'Coop des Îles',
      category: OrganisationCategory.Community,
      tierCents: 300_000,
      targetCents: 900_000,
    });
    const [paid, waived] = calls;
    ok(
      await app.gql(
        'mutation ($input: RecordPaymentInput!) { recordContributionPayment(input: $input) { id } }',
        {
          input: {
            callId: paid.id,
            amountCents: 100_000,
            paidOn: `${year}-03-15`,
            method: 'Cheque',
            reference: 'CHQ-77',
          },
        },
        { token },
      ),
    );
    const treasurer = await staffAccount(app, [Role.Treasurer], 'Tristan Trésorier');
    await signInAs(treasurer.email);
    await page.goto(`${portal.origin}/treasury/calls`);
    await page.getByRole('heading', { level: 1, name: 'Appels de contribution' }).waitFor();

    // The reversal, keyboard only: Enter on the payment's own button, type the reason, Enter.
    const paidCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: paid.memberName }) });
    await paidCard
      .getByRole('button', { name: `Paiements et exonération : ${paid.memberName}` })
      .click();
    const reverse = paidCard.getByRole('button', {
      name: /^Contrepasser le paiement de 1.000,00.\$ du 15 mars/,
    });
    await reverse.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toMatch(/^reverse-/);
    await page.keyboard.type('Chèque retourné sans provision');
    await page.keyboard.press('Enter');
    await status().getByText(`Paiement contrepassé pour ${paid.memberName}.`).waitFor();
    await paidCard.getByText(/ · contrepassation · Chèque retourné sans provision$/).waitFor();
    await paidCard.getByLabel('Motif de la contrepassation').waitFor({ state: 'detached' });
    expect(plain(await paidCard.locator('dl').textContent())).toContain('Payé0,00 $');
    await screenshot(page, 'treasury-payment-reversed');
    await expectAccessible('treasury calls, payment reversed');

    const ledger = await app.dataSource.query(
      `SELECT amount_cents::int AS amount, reverses_payment_id IS NOT NULL AS reversal
         FROM contribution_payment WHERE call_id = $1 ORDER BY recorded_at`,
      [paid.id],
    );
    expect(ledger).toEqual([
      { amount: 100_000, reversal: false },
      { amount: -100_000, reversal: true },
    ]);
    const [afterReversal] = await app.dataSource.query(
      'SELECT status FROM contribution_call WHERE id = $1',
      [paid.id],
    );
    expect(afterReversal.status).toBe('due');

    // The waiver: a refused one first (no board resolution) changes nothing.
    const waivedCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: waived.memberName }) });
    await waivedCard
      .getByRole('button', { name: `Paiements et exonération : ${waived.memberName}` })
      .click();
    await waivedCard.getByRole('button', { name: 'Accorder l’exonération' }).click();
    await waivedCard
      .getByRole('alert')
      .getByText('Indiquez la résolution du conseil et un montant lisible.')
      .waitFor();
    await waivedCard.getByLabel('Montant ($, facultatif)').fill('1 200,00');
    await waivedCard.getByLabel('Résolution du conseil').fill('CA-2026-031');
    await waivedCard.getByLabel('Motif (facultatif)').fill('Inondation du local');
    await waivedCard.getByRole('button', { name: 'Accorder l’exonération' }).click();
    await status()
      .getByText(/^Exonération de 1.200,00.\$ accordée à /)
      .waitFor();
    await waivedCard.getByText('1 800,00 $').first().waitFor();
    await screenshot(page, 'treasury-waiver-granted');
    await expectAccessible('treasury calls, waiver granted');
    const [call] = await app.dataSource.query(
      `SELECT status, waived_cents::int AS waived, waiver_board_decision AS decision, waiver_reason AS reason
         FROM contribution_call WHERE id = $1`,
      [waived.id],
    );
    expect(call).toEqual({
      status: 'due',
      waived: 120_000,
      decision: 'CA-2026-031',
      reason: 'Inondation du local',
    });
  });

  it('imports a bank statement and matches its unknown line to a call by hand', async () => {
    const year = thisYear() - 1;
    const { calls } = await adoptedScale(app, {
      year,
      organisations: 'Ville de Gaspé',
      category: OrganisationCategory.Municipality,
      tierCents: 500_000,
      targetCents: 1_500_000,
    });
    const [{ reference }] = await app.dataSource.query(
      'SELECT reference FROM contribution_call WHERE id = $1',
      [calls[0].id],
    );
    const treasurer = await staffAccount(app, [Role.Treasurer], 'Béatrice Banque');
    await signInAs(treasurer.email);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Trésorerie' })
      .click();
    await page
      .getByRole('navigation', { name: 'Trésorerie' })
      .getByRole('link', { name: 'Relevés bancaires' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Relevés bancaires' }).waitFor();
    await page.getByText('Toutes les lignes sont rapprochées.').waitFor();
    await page
      .getByLabel('Ou collez le contenu du relevé')
      .fill(
        [
          'date,amount,reference,description',
          `${year}-11-03,250.00,${reference},Virement Gaspé`,
          `${year}-11-04,400.00,INCONNU-7,Virement non identifié`,
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Importer' }).click();
    await status()
      .getByText(/^2 lignes importées : 1 rapprochées \(250,00.\$\), 1 à rapprocher\.$/)
      .waitFor();
    const row = page.getByRole('listitem').filter({ hasText: 'INCONNU-7' });
    await row.getByText('Virement non identifié', { exact: false }).waitFor();
    await expectAccessible('bank statement, a line to match');
    await row.getByLabel('Appel correspondant à la ligne 3').selectOption(calls[1].id);
    await row.getByRole('button', { name: 'Rapprocher' }).click();
    await status().getByText(`Ligne rapprochée de l’appel de ${calls[1].memberName}.`).waitFor();
    await page.getByText('Toutes les lignes sont rapprochées.').waitFor();
    await screenshot(page, 'treasury-bank-matched');

    const payments = await app.dataSource.query(
      `SELECT p.call_id AS "callId", p.amount_cents::int AS amount, r.reference
         FROM bank_import_row r JOIN contribution_payment p ON p.id = r.payment_id
        ORDER BY r.row_number`,
    );
    expect(payments).toEqual([
      { callId: calls[0].id, amount: 25_000, reference },
      { callId: calls[1].id, amount: 40_000, reference: 'INCONNU-7' },
    ]);
  });

  it('lets the treasurer put competing scales to one vote by keyboard, once the charter allows it', async () => {
    const year = thisYear() + 1;
    const token = await staffToken(app, [Role.Treasurer]);
    const scaleIds: string[] = [];
    for (const [name, amountCents] of [
      ['Barème modéré', 150_000],
      ['Barème ambitieux', 250_000],
    ] as const) {
      const { draftContributionScale } = ok(
        await app.gql<{ draftContributionScale: { id: string } }>(
          'mutation ($input: ContributionScaleInput!) { draftContributionScale(input: $input) { id } }',
          {
            input: {
              fiscalYear: year,
              name,
              dueOn: `${year}-06-30`,
              campaignTargetCents: 5_000_000,
              prorationRule: 'None',
              tiers: ['Micro', 'Small', 'Medium', 'Large', 'VeryLarge'].map((sizeBand) => ({
                organisationCategory: 'University',
                sizeBand,
                amountCents,
              })),
            },
          },
          { token },
        ),
      );
      scaleIds.push(draftContributionScale.id);
    }
    const treasurer = await staffAccount(app, [Role.Treasurer], 'Corinne Concurrence');
    await signInAs(treasurer.email);
    await page.goto(`${portal.origin}/treasury`);
    const form = page.getByRole('region', { name: 'Barèmes concurrents' });
    await form.getByText('Barème ambitieux').waitFor();

    // Keyboard only: Space ticks each draft, Tab moves on, Enter submits.
    await form.getByLabel('Barème modéré').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Soumettre au même vote');
    await page.keyboard.press('Enter');
    // The founding charter votes on one scale at a time: a clear refusal, nothing written.
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/charte/);
    const drafts = () =>
      app.dataSource.query(
        'SELECT status, proposal_id AS "proposalId" FROM contribution_scale WHERE id = ANY($1)',
        [scaleIds],
      );
    expect(await drafts()).toEqual([
      { status: 'draft', proposalId: null },
      { status: 'draft', proposalId: null },
    ]);

    await app.dataSource.transaction((manager) =>
      app.app.get(CharterService).adoptNextVersion(manager, {
        proposalId: '00000000-0000-4000-8000-0000000000cc',
        actorAccountId: null,
        summary: 'Barèmes concurrents votés par vote préférentiel',
        rules: {
          [DecisionType.ContributionScale]: { competingOptionsMethod: VoteMethod.InstantRunoff },
        },
      }),
    );
    await form.getByRole('button', { name: 'Soumettre au même vote' }).click();
    await status().getByText('2 barèmes soumis au même vote.').waitFor();
    await page.getByText('Soumis au vote', { exact: false }).first().waitFor();
    await screenshot(page, 'treasury-competing-scales-submitted');
    await expectAccessible('treasury scales, competing scales submitted');

    const submitted = await drafts();
    expect(submitted.map((scale: { status: string }) => scale.status)).toEqual([
      'submitted',
      'submitted',
    ]);
    expect(new Set(submitted.map((scale: { proposalId: string }) => scale.proposalId)).size).toBe(
      1,
    );
    const [proposal] = await app.dataSource.query(
      'SELECT decision_type AS "decisionType", status FROM proposal WHERE id = $1',
      [submitted[0].proposalId],
    );
    expect(proposal.decisionType).toBe('contribution_scale');
  });
});
