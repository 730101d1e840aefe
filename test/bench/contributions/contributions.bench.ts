/**
 * Contributions at the trust's scale: issuing the calls of an adopted scale to
 * 3,000 member organisations, and importing a 10,000-line bank statement.
 *
 *   npm run bench:contributions
 *
 * Runs against the real PostgreSQL (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) in a throw-away database, and
 * Redis for the notification kick. Each measured run is a transaction rolled
 * back afterwards, so every run starts from the same state (the import, which
 * commits itself, is measured over successive files); figures are the best and
 * the median of the runs. Each figure comes with a baseline measured
 * in the same run: the bare SQL the operation cannot do without (the raw
 * INSERT … SELECT of the calls; parsing the file and a raw INSERT of its
 * lines), so the ratio shows what notices, audit, matching and status cost.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CallsService } from '@delibera/contributions';
import { PaymentsService } from '../../../libs/contributions/src/payments.service';
import { ISSUE_CALLS } from '../../../libs/contributions/src/call-sql';
import { Role } from '@delibera/kernel';
import { NotificationsService } from '@delibera/notifications';
import { createDataSource } from '@delibera/platform';
import {
  createOrganisations,
  TEST_CATEGORIES,
  TEST_SIZE_BANDS,
} from '../../factories/organisations';
import type { BenchRow } from '../tally/tally.bench';
import { writeResults } from '../results-file';

const ORGANISATIONS = 3_000;
const STATEMENT_LINES = 10_000;
const RUNS = 5;
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Runs `work` in a transaction that is always rolled back, and returns its wall-clock time. */
async function timedRollback(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<unknown>,
): Promise<{ ms: number; result: unknown }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const started = process.hrtime.bigint();
    const result = await work(runner.manager);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

async function measure(label: string, run: () => Promise<{ ms: number; result: unknown }>) {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const r = await run();
    times.push(r.ms);
    result = r.result;
  }
  times.sort((a, b) => a - b);
  const best = Math.round(times[0]);
  const median = Math.round(times[Math.floor(times.length / 2)]);
  console.log(
    `  ${label}: best ${best} ms, median ${median} ms (${RUNS} runs) → ${JSON.stringify(result)}`,
  );
  return { best, median, result };
}

function statement(references: string[], salt: string): string {
  const lines = ['date,amount,reference,description'];
  for (let i = 0; i < STATEMENT_LINES; i++) {
    // 5 % of the lines carry a reference no call has: they are left for manual matching.
    const reference = i % 20 === 19 ? `INCONNU-${salt}-${i}` : references[i % references.length];
    const cents = 10_000 + (i % 97) * 101;
    lines.push(
      `2026-11-${String((i % 28) + 1).padStart(2, '0')},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},${reference},Virement ${salt} ${i}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const name = `delibera_bench_${randomBytes(4).toString('hex')}`;
  const server = new Client({ connectionString: SERVER });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), 4);
  const queue = new Queue('notifications', {
    connection: { url: REDIS },
    prefix: `{bench-${name}}`,
  });
  const rows: BenchRow[] = [];
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const audit = new AuditService(dataSource);
    const notifications = new NotificationsService(queue);
    const calls = new CallsService(dataSource, audit, notifications);
    const payments = new PaymentsService(dataSource, calls, audit, notifications);

    await createOrganisations(dataSource, ORGANISATIONS, { prefix: 'Bench' });
    const [{ id: scaleId }] = await dataSource.query(
      `INSERT INTO contribution_scale (fiscal_year, fiscal_year_starts_on, name, status, due_on, campaign_target_cents, proration_rule, proposal_id)
       VALUES (2026, '2026-04-01', 'Bench', 'adopted', '2026-12-31', 400000000, 'remaining_months', gen_random_uuid()) RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO contribution_tier (scale_id, organisation_category, size_band, amount_cents)
       SELECT $1, c::organisation_category, b::size_band, 100000 + 3751 * ord_b + 100000 * ord_c
       FROM unnest($2::text[]) WITH ORDINALITY AS cs(c, ord_c), unnest($3::text[]) WITH ORDINALITY AS bs(b, ord_b)`,
      [scaleId, TEST_CATEGORIES, TEST_SIZE_BANDS],
    );
    console.log(
      `contributions bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    // ── issuing ──────────────────────────────────────────────────────────
    const baseline = await measure('baseline: raw INSERT … SELECT of the calls', () =>
      timedRollback(dataSource, async (m) => (await m.query(ISSUE_CALLS, [scaleId])).length),
    );
    const issue = await measure('issue(): calls + 3,000 notices in the outbox + audit', () =>
      timedRollback(dataSource, (m) => calls.issue(m, scaleId, null)),
    );
    // Commit one issue for the re-run and the import.
    await dataSource.transaction((m) => calls.issue(m, scaleId, null));
    const rerun = await measure('issue() again: nothing to issue', () =>
      timedRollback(dataSource, (m) => calls.issue(m, scaleId, null)),
    );
    rows.push(
      {
        suite: 'contributions',
        name: `issue calls · ${ORGANISATIONS.toLocaleString('en')} organisations (calls, notices, audit)`,
        figure: issue.median,
        unit: 'ms',
        target: '< 2000 ms',
        baseline: baseline.median,
        ratio: Number((issue.median / baseline.median).toFixed(2)),
        note: `median of ${RUNS}, best ${issue.best} ms; baseline: the bare INSERT … SELECT … ON CONFLICT of the calls`,
      },
      {
        suite: 'contributions',
        name: 'issue calls again · nothing left to issue (idempotent re-run)',
        figure: rerun.median,
        unit: 'ms',
        target: '< 2000 ms',
        baseline: baseline.median,
        ratio: Number((rerun.median / baseline.median).toFixed(2)),
        note: `median of ${RUNS}; created ${JSON.stringify(rerun.result)} calls`,
      },
    );

    // ── bank statement import ───────────────────────────────────────────
    const references: string[] = (
      await dataSource.query('SELECT reference FROM contribution_call ORDER BY reference')
    ).map((r: { reference: string }) => r.reference);
    const [{ id: accountId }] = await dataSource.query(
      `INSERT INTO account (email, password_hash, roles, locale) VALUES ('bench@example.org', 'x', $1, 'fr') RETURNING id`,
      [[Role.Treasurer]],
    );
    const treasurer = { accountId, memberId: null, roles: [Role.Treasurer] };
    let salt = 0;
    const importBaseline = await measure(
      'baseline: parse the CSV + raw INSERT of its lines',
      () => {
        const csv = statement(references, `b${salt++}`);
        return timedRollback(dataSource, async (m) => {
          const records = parse(csv, { columns: true }) as Record<string, string>[];
          const [{ id }] = await m.query(
            `INSERT INTO bank_import (file_name, content_sha256, row_count, total_cents) VALUES ('b', md5(random()::text), 0, 0) RETURNING id`,
          );
          await m.query(
            `INSERT INTO bank_import_row (import_id, row_number, booked_on, amount_cents, reference, description)
           SELECT $1, * FROM unnest($2::int[], $3::date[], $4::bigint[], $5::text[], $6::text[])`,
            [
              id,
              records.map((_, i) => i + 2),
              records.map((r) => r.date),
              records.map((r) => r.amount.replace('.', '')),
              records.map((r) => r.reference),
              records.map((r) => r.description),
            ],
          );
          return records.length;
        });
      },
    );
    // importBankStatement commits its own transaction and the ledger is append-only, so its
    // runs are not rolled back: they are successive imports (new files) into a growing ledger,
    // which is what a treasurer's year looks like.
    const importTimes: number[] = [];
    let last: unknown;
    for (let i = 0; i < RUNS; i++) {
      const csv = statement(references, `i${i}`);
      const started = process.hrtime.bigint();
      const result = await payments.importBankStatement(treasurer, `releve-${i}.csv`, csv);
      importTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      last = {
        rows: result.import.rowCount,
        matched: result.matchedCount,
        unmatched: result.unmatchedRows.length,
      };
    }
    importTimes.sort((a, b) => a - b);
    const importMedian = Math.round(importTimes[Math.floor(RUNS / 2)]);
    console.log(
      `  importBankStatement(): best ${Math.round(importTimes[0])} ms, median ${importMedian} ms (${RUNS} runs) → ${JSON.stringify(last)}`,
    );
    const [{ reconciles }] = await dataSource.query(
      `SELECT (SELECT sum(amount_cents) FROM contribution_payment) = (SELECT sum(amount_cents) FROM bank_import_row WHERE payment_id IS NOT NULL) AS reconciles`,
    );
    rows.push({
      suite: 'contributions',
      name: `bank statement import · ${STATEMENT_LINES.toLocaleString('en')} lines (parse, store, match, payments, statuses, receipts, audit)`,
      figure: importMedian,
      unit: 'ms',
      target: '< 2000 ms',
      baseline: importBaseline.median,
      ratio: Number((importMedian / importBaseline.median).toFixed(2)),
      note: `median of ${RUNS} successive imports (best ${Math.round(importTimes[0])} ms), ${JSON.stringify(last)}; ledger = matched lines: ${reconciles}; baseline: csv-parse + one raw INSERT of the lines`,
    });

    // The machine's load when measured: figures from a shared machine are read against it.
    const machine = `${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`;
    for (const row of rows) row.note = `${row.note ?? ''}; ${machine}`;
    writeResults('contributions.json', rows);
    console.table(
      rows.map(({ name, figure, baseline, ratio, target }) => ({
        name,
        ms: figure,
        baseline,
        ratio,
        target,
      })),
    );
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
