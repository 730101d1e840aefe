import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './tally/tally.bench';

/**
 * Writes a bench's rows to test/bench/results/<file>, with the date they were
 * measured (the summary reads it: a checkout's file times say nothing) and
 * whatever else the bench records about its run.
 */
export function writeResults(file: string, rows: BenchRow[], details: object = {}): void {
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, file),
    `${JSON.stringify({ date: new Date().toISOString(), ...details, rows }, null, 2)}\n`,
  );
}
