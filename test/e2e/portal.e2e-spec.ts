import { Page } from 'playwright-core';
import { Council, CouncilSeat } from '@delibera/councils';
import { Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { Notification } from '@delibera/notifications';
import { createAccount, createMember, signedInMember, signIn, TEST_PASSWORD } from '../factories';
import { portalHarness, screenshot } from './browser';
import { ok, TestApp } from './test-app';

/** A birth date that makes someone `age` years old today. */
const bornYearsAgo = (age: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 10);
  return d.toISOString().slice(0, 10);
};

async function delivered(app: TestApp, member: Member): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = await app.dataSource
      .getRepository(Notification)
      .findBy({ recipientMemberId: member.id });
    if (rows.length > 0 && rows.every((n) => n.sentAt)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('notification not delivered in time');
}

describe('member portal in a real browser (e2e)', () => {
  const portal = portalHarness({ width: 1200, height: 900 });
  const { signInAs, expectAccessible } = portal;
  let app: TestApp;
  let origin: string;
  let page: Page;
  beforeEach(() => ({ app, origin, page } = portal));

  it('signs a member in, shows what needs them, and switches to English and back', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const member = await createMember(app.dataSource, {
      displayName: 'Émilie Tremblay',
      status: 'applicant' as never,
    });
    const account = await createAccount(app.dataSource, { member });
    ok(
      await app.gql(
        'mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }',
        { input: { memberId: member.id, status: 'Active' } },
        { token: secretary.token },
      ),
    );
    await delivered(app, member);

    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    // Keyboard users first meet the skip link.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Aller au contenu principal');
    await screenshot(page, 'sign-in-fr');
    await expectAccessible('sign-in');

    await page.getByLabel('Courriel').fill(account.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/mot de passe/i);

    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Émilie Tremblay' }).waitFor();
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    expect(await page.locator('.card h3').allTextContents()).toEqual([
      'Votre adhésion est maintenant active',
    ]);
    await screenshot(page, 'home-fr');
    await expectAccessible('home');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Hello, Émilie Tremblay' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en-CA');
    await page.getByRole('heading', { name: 'What needs you now' }).waitFor();
    await screenshot(page, 'home-en');

    // The choice survives a reload, and the session too (refresh token).
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Émilie Tremblay' }).waitFor();

    await page
      .getByRole('button', { name: 'Mark as read: Votre adhésion est maintenant active' })
      .click();
    await page.getByText('No unread notifications.').waitFor();
    const [read] = await app.dataSource
      .getRepository(Notification)
      .findBy({ recipientMemberId: member.id });
    expect(read.readAt).not.toBeNull();

    await page.getByRole('button', { name: 'Passer au français' }).click();
    await page.getByRole('link', { name: 'Charte' }).click();
    await page.getByRole('heading', { name: 'Charte de gouvernance' }).waitFor();
    await page.getByRole('heading', { name: 'Résolution spéciale' }).waitFor();
    await screenshot(page, 'charter-fr');
    await expectAccessible('charter');

    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Préférences de notification' }).waitFor();
    await page.getByLabel('Changements de votre statut de membre').uncheck();
    await page.getByRole('group', { name: 'Courriels' }).getByLabel('Un résumé quotidien').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').getByText('Modifications enregistrées.').waitFor();
    await screenshot(page, 'notification-settings-fr');
    await expectAccessible('notification settings');
    const prefs = ok(
      await app.gql<{
        myNotificationPreferences: { emailDisabledKinds: string[]; emailDigest: string };
      }>(
        '{ myNotificationPreferences { emailDisabledKinds emailDigest } }',
        {},
        { token: await signIn(app, account.email) },
      ),
    );
    expect(prefs.myNotificationPreferences).toEqual({
      emailDisabledKinds: ['MemberStatusChanged'],
      emailDigest: 'Daily',
    });
  });

  it('lets a member apply to a council and its chair approve the application', async () => {
    const applicant = await createMember(app.dataSource, { birthDate: bornYearsAgo(24) });
    const applicantAccount = await createAccount(app.dataSource, { member: applicant });
    const chair = await createMember(app.dataSource, { displayName: 'Chloé Gagnon' });
    const chairAccount = await createAccount(app.dataSource, { member: chair });
    await app.dataSource
      .getRepository(Council)
      .update({ code: 'youth' }, { chairMemberId: chair.id });

    // On a phone: the layout must hold at 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(applicantAccount.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Conseils' }).click();
    await page.getByRole('heading', { name: 'Conseils consultatifs' }).waitFor();
    await page.getByRole('button', { name: 'Poser ma candidature au Conseil des jeunes' }).click();
    await page
      .getByRole('status')
      .getByText('Candidature envoyée au Conseil des jeunes.')
      .waitFor();
    await page
      .getByRole('region', { name: 'Conseil des jeunes' })
      .getByText('Votre candidature est à l’étude.')
      .waitFor();
    await screenshot(page, 'councils-applied-phone');
    await expectAccessible('councils');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();

    await page.setViewportSize({ width: 1200, height: 900 });
    await signInAs(chairAccount.email);
    await page.getByRole('heading', { name: 'Bonjour, Chloé Gagnon' }).waitFor();
    await page
      .getByRole('link', { name: 'Conseil des jeunes : 1 demande d’adhésion à examiner' })
      .click();
    const youth = page.getByRole('region', { name: 'Conseil des jeunes' });
    await youth.getByText('Vous présidez ce conseil.').waitFor();
    await screenshot(page, 'councils-chair-deciding');
    await expectAccessible('councils (chair)');
    await youth.getByLabel('Motif (facultatif)').fill('Bienvenue!');
    await youth.getByRole('button', { name: 'Approuver' }).click();
    await page.getByRole('status').getByText('Candidature approuvée.').waitFor();
    await youth.getByText('Aucune candidature en attente.').waitFor();
    await screenshot(page, 'councils-approved');

    const seat = await app.dataSource
      .getRepository(CouncilSeat)
      .findOneByOrFail({ memberId: applicant.id });
    expect(seat.status).toBe('active');
  });

  it('lets the secretary import members from CSV, find them and admit an applicant', async () => {
    const secretary = await createAccount(app.dataSource, {
      member: await createMember(app.dataSource),
      roles: [Role.Member, Role.Secretary],
    });
    await signInAs(secretary.email);
    await page.getByRole('link', { name: 'Membres' }).click();
    await page.getByRole('heading', { name: 'Registre des membres' }).waitFor();
    await page
      .getByLabel('Ou collez le contenu CSV')
      .fill(
        'kind,displayName,email,college,region,locale,birthDate,organisationCategory,sizeBand,representativeName\n' +
          'person,Jacinthe Roy,jacinthe.roy@example.org,individuals,03,fr,1990-05-01,,,\n',
      );
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('status').getByText('1 membre importé, 0 invitation envoyée.').waitFor();
    await page.getByLabel('Rechercher (nom ou courriel)').fill('Jacinthe');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByText('1 membre', { exact: true }).waitFor();
    await screenshot(page, 'members-imported');
    await expectAccessible('members');

    const imported = await app.dataSource
      .getRepository(Member)
      .findOneByOrFail({ email: 'jacinthe.roy@example.org' });
    expect(imported.region).toBe('03');

    const applicant = await createMember(app.dataSource, {
      displayName: 'Mathieu Côté',
      status: 'applicant' as never,
    });
    await page.getByLabel('Rechercher (nom ou courriel)').fill('');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByLabel('Statut').selectOption({ label: 'Candidat' });
    await page.getByRole('button', { name: 'Admettre Mathieu Côté' }).click();
    await page.getByRole('status').getByText('Mathieu Côté est maintenant membre actif.').waitFor();
    const admitted = await app.dataSource
      .getRepository(Member)
      .findOneByOrFail({ id: applicant.id });
    expect(admitted.status).toBe('active');
  });
});
