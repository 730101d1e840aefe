import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { Locale } from '@delibera/kernel';
import { cellValue, ExportColumn, headerOf } from './export-column';

/** Rows fetched per round trip of the cursor: memory stays a batch, whatever the table's size. */
const BATCH_SIZE = 1000;

export interface CsvExport {
  sql: string;
  params?: unknown[];
  columns: ExportColumn[];
}

/**
 * Runs `fn` with a pooled connection of its own (a cursor holds its
 * connection for the whole download) and gives it back at the end, whether
 * the download finished, failed or the client went away.
 */
async function withConnection<T>(
  dataSource: DataSource,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('slave');
  const client = (await runner.connect()) as PoolClient;
  try {
    return await fn(client);
  } finally {
    await runner.release();
  }
}

/** The rows of a query, read through a server-side cursor BATCH_SIZE at a time. */
function cursor(client: PoolClient, sql: string, params: unknown[]): QueryStream {
  return client.query(new QueryStream(sql, params, { batchSize: BATCH_SIZE }));
}

function attachment(response: Response, fileName: string, contentType: string): void {
  response.status(200);
  response.setHeader('content-type', contentType);
  response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  // Exports hold personal or financial data: no shared cache keeps a copy.
  response.setHeader('cache-control', 'no-store');
}

/**
 * Streams a query's rows to the client as CSV, straight from a database
 * cursor: UTF-8 with a byte order mark (without it Excel reads "Montréal" as
 * "MontrÃ©al"), headers in the caller's language, CRLF line ends (RFC 4180).
 */
export async function sendCsv(
  dataSource: DataSource,
  response: Response,
  fileName: string,
  locale: Locale,
  csv: CsvExport,
): Promise<void> {
  await withConnection(dataSource, async (client) => {
    const rows = cursor(client, csv.sql, csv.params ?? []);
    attachment(response, fileName, 'text/csv; charset=utf-8');
    await pipeline(
      rows,
      new Transform({
        objectMode: true,
        transform(row: Record<string, unknown>, _encoding, done) {
          done(
            null,
            csv.columns.map((column) => cellValue(column, row, locale)),
          );
        },
      }),
      stringify({
        bom: true,
        header: true,
        columns: headerOf(csv.columns, locale),
        record_delimiter: 'windows',
      }),
      response,
    );
  });
}

/**
 * Streams a JSON document whose one array (`arrayKey`) is a query's rows,
 * each mapped by `toItem`; `head` gives the fields written before it.
 */
export async function sendJsonArray(
  dataSource: DataSource,
  response: Response,
  fileName: string,
  document: {
    head: Record<string, unknown>;
    arrayKey: string;
    sql: string;
    params?: unknown[];
    toItem: (row: Record<string, unknown>) => unknown;
  },
): Promise<void> {
  await withConnection(dataSource, async (client) => {
    const rows = cursor(client, document.sql, document.params ?? []);
    attachment(response, fileName, 'application/json; charset=utf-8');
    // `{…head, "<arrayKey>": [` then the items, comma-separated, then `]}`.
    const head = JSON.stringify(document.head);
    const opening = `${head.slice(0, -1)}${head === '{}' ? '' : ','}${JSON.stringify(document.arrayKey)}:[`;
    let started = false;
    await pipeline(
      rows,
      new Transform({
        writableObjectMode: true,
        transform(row: Record<string, unknown>, _encoding, done) {
          const prefix = started ? ',' : opening;
          started = true;
          done(null, prefix + JSON.stringify(document.toItem(row)));
        },
        flush(done) {
          done(null, `${started ? '' : opening}]}`);
        },
      }),
      response,
    );
  });
}
