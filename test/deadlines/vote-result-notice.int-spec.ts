import { VoteLifecycleService } from '@delibera/voting';
import { createMember } from '../factories';
import { allowVotesOfSeconds } from '../factories/votes';
import { startTestApp, TestApp } from '../e2e/test-app';
import { startSmtpSink } from '../support/smtp-sink';
import { inMs, scheduleYesNo, secretary, waitFor } from './vote-fixtures';

/**
 * "Result published" to the electorate, end to end: close job → tally →
 * (secret) ballots unlinked and published → announcement job → outbox → a
 * real SMTP conversation with a local server.
 */
describe('result published: every member of the roll is told, once, in their language', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp({ SMTP_URL: smtp.url, RECONCILE_INTERVAL_SECONDS: '1' });
    await allowVotesOfSeconds(app.dataSource);
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('announces a secret vote once its ballots are published, and only once', async () => {
    const fr = await createMember(app.dataSource, { locale: 'fr', displayName: 'Élise Tremblay' });
    const en = await createMember(app.dataSource, { locale: 'en', displayName: 'Ann Smith' });
    const vote = await scheduleYesNo(app, await secretary(app.dataSource), {
      opensAt: inMs(300),
      closesAt: inMs(3000),
      title: 'Mission élargie',
    });
    const results = (email: string) =>
      smtp.received.filter((m) => m.to.includes(email) && /^(Résultat|Result)/.test(m.subject));
    await waitFor(() => results(fr.email).length + results(en.email).length === 2, 20_000, 'mail');

    const [french] = results(fr.email);
    expect(french.language).toBe('fr-CA');
    expect(french.subject).toBe('Résultat publié : « Mission élargie »');
    expect(french.text).toContain(
      'Bonjour Élise Tremblay,\n\nLe résultat du vote « Mission élargie » est publié',
    );
    expect(french.text).toContain(`/votes/${vote.id}`);
    const [english] = results(en.email);
    expect(english.language).toBe('en-CA');
    expect(english.subject).toBe('Result published: “Mission élargie”');

    const [row] = await app.dataSource.query(
      `SELECT secrecy, result_announced_at >= ballots_unlinked_at AS "afterBallots",
              (SELECT count(*)::int FROM vote_roll WHERE vote_id = $1) AS roll,
              (SELECT count(*)::int FROM notification WHERE kind = 'vote_result_published'
                 AND dedupe_key LIKE 'vote-result:' || $1::text || ':%') AS notices
         FROM vote WHERE id = $1`,
      [vote.id],
    );
    expect(row).toMatchObject({ secrecy: 'secret', afterBallots: true });
    expect(row.roll).toBeGreaterThanOrEqual(2);
    expect(row.notices).toBe(row.roll);

    // The job delivered again (or enqueued again by the reconciler) writes nothing more.
    expect(await app.app.get(VoteLifecycleService).announceResult(vote.id)).toBe(false);
    const [{ notices }] = await app.dataSource.query(
      `SELECT count(*)::int AS notices FROM notification WHERE kind = 'vote_result_published'
          AND dedupe_key LIKE 'vote-result:' || $1::text || ':%'`,
      [vote.id],
    );
    expect(notices).toBe(row.roll);
  });

  it('announces a named vote right after its tally', async () => {
    const member = await createMember(app.dataSource, { locale: 'en' });
    const vote = await scheduleYesNo(app, await secretary(app.dataSource), {
      opensAt: inMs(300),
      closesAt: inMs(2500),
      title: 'Open minutes',
    });
    await app.dataSource.query(`UPDATE vote SET secrecy = 'named' WHERE id = $1`, [vote.id]);
    await waitFor(
      () => smtp.received.some((m) => m.to.includes(member.email) && /^Result/.test(m.subject)),
      20_000,
      'mail',
    );
    const [row] = await app.dataSource.query(
      `SELECT ballots_unlinked_at IS NULL AS "neverUnlinked", result_announced_at IS NOT NULL AS announced
         FROM vote WHERE id = $1`,
      [vote.id],
    );
    expect(row).toEqual({ neverUnlinked: true, announced: true });
  });
});
