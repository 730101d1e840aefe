import { summaryMarkdown } from '../run-all';

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
      'Not re-run by this run, left out of the table: tally.json (2026-11-24T15:00Z).',
      '',
    ]);
  });
});
