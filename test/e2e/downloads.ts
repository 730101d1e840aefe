import { parse } from 'csv-parse/sync';
import { TestApp } from './test-app';

const BOM = [0xef, 0xbb, 0xbf];

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** GETs a download as a browser or script would, with an optional bearer token. */
export async function download(
  app: TestApp,
  path: string,
  options: { token?: string; language?: string } = {},
): Promise<Download> {
  const response = await fetch(app.url.replace(/\/graphql$/, path), {
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: bytes.toString('utf8'),
  };
}

/** Records of a CSV download, keyed by header; checks the BOM on the way. */
export function csvRecords(file: Download): Record<string, string>[] {
  expect([...file.bytes.subarray(0, 3)]).toEqual(BOM);
  expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(file.bytes, { bom: true, columns: true }) as Record<string, string>[];
}

export function csvHeader(file: Download): string[] {
  return (parse(file.bytes, { bom: true, to: 1 }) as string[][])[0];
}
