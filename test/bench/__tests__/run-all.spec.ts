import { benchEnv, discoverBenches, summaryMarkdown } from '../run-all';

const row = (over: Partial<Parameters<typeof summaryMarkdown>[0][number]>) => ({
  suite: 'seed',
  name: 'seed a small trust',
  figure: 6.4,
  unit: 's',
  file: 'seed-small.json',
  fresh: true,
  measuredAt: '2026-11-24T15:00:00.000Z',
  ...over,
});

describe('summaryMarkdown', () => {
  it("tables this run's rows that state a target or a baseline, and names the files it did not write", () => {
    const markdown = summaryMarkdown(
      [
        row({ target: '1,000,000 ballots in minutes' }),
        row({ name: 'ballots', figure: 1300.5, baseline: 700, ratio: 1.86 }),
        row({ name: 'no target, no baseline' }),
        row({ suite: 'tally', name: 'old', target: '< 1000 ms', fresh: false, file: 'tally.json' }),
        row({ name: 'no date', fresh: false, file: 'old.json', measuredAt: undefined }),
      ],
      'Scale `small`.',
    );
    expect(markdown.split('\n')).toEqual([
      'Scale `small`.',
      '',
      '| suite | benchmark | figure | target | baseline (same run) | ratio |',
      '|---|---|---|---|---|---|',
      '| seed | seed a small trust | 6.4 s | 1,000,000 ballots in minutes | — | — |',
      '| seed | ballots | 1,301 s | — | 700 | 1.86 |',
      '',
      'Not re-run by this run, left out of the table: tally.json (2026-11-24T15:00Z), old.json (undated).',
      '',
    ]);
  });
});

describe('the benches on the seeded trust', () => {
  it('run right after the seed generator, reports before the load that casts ballots', () => {
    expect(
      discoverBenches()
        .map((b) => b.name)
        .slice(0, 3),
    ).toEqual(['seed', 'reports', 'load']);
  });

  it("reuse the seed's database when this run built it, unless the caller named one", () => {
    expect(benchEnv('load', 'large', true, {})).toEqual({
      BENCH_SCALE: 'large',
      LOAD_SECONDS: '300',
      LOAD_DATABASE: 'delibera_bench_seed_large',
    });
    expect(benchEnv('reports', 'small', true, {}).REPORTS_DATABASE).toBe(
      'delibera_bench_seed_small',
    );
    expect(benchEnv('reports', 'small', false, {}).REPORTS_DATABASE).toBeUndefined();
    expect(benchEnv('load', 'small', true, { LOAD_DATABASE: 'mine' }).LOAD_DATABASE).toBe('mine');
    expect(benchEnv('tally', 'large', true, {})).toEqual({});
  });
});
