/**
 * libs/tally on a million ballots, against the npm libraries `votes` and
 * `caritat` on the same inputs.
 *
 *   node -r @swc-node/register test/bench/tally/tally.bench.ts
 *
 * Every measurement runs in its own child process (child_process.fork): the
 * child builds its input from a seeded PRNG, collects garbage, resets the
 * kernel's peak-RSS mark (/proc/self/clear_refs), then counts. So the peak
 * memory reported is the input held plus what the count itself needed, for
 * that count alone. Times are wall-clock: the fastest of as many runs as
 * fit in three seconds (at most MAX_RUNS), and of at least MIN_RUNS when
 * they fit in twenty seconds, for every contender alike. A sub-millisecond
 * count gets enough runs for its fastest to be a measurement rather than a
 * scheduling accident on a shared machine; a slow one still gets a few.
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { tally } from '@delibera/tally';
import type {
  GradeBallot,
  GradeCounts,
  RankedBallot,
  TallySpec,
  WeightedBallot,
} from '@delibera/tally';
import * as caritat from 'caritat';
import * as votes from 'votes';
import { writeResults } from '../results-file';

export type BenchRow = {
  suite: string;
  name: string;
  figure: number;
  unit: string;
  target?: string;
  baseline?: number;
  ratio?: number;
  note?: string;
};

const VOTERS = 1_000_000;
/**
 * Runs per case at most, within three seconds. High enough that a count of a
 * tenth of a millisecond, like one of a few milliseconds, runs long enough
 * for the JIT to finish with it: at 200, the fastest contender of a sub-ms
 * case had 20 times less warm-up than the other.
 */
const MAX_RUNS = 5000;
/**
 * Runs per case at least, time allowing: the fastest of many runs is lower
 * than the fastest of one on a noisy machine, so a slow contender also gets
 * a few tries rather than a single one.
 */
const MIN_RUNS = 3;
const MIN_RUNS_WITHIN_MS = 20_000;
/** Per-case limit: a library still counting after this is stopped and reported as such. */
const TIME_LIMIT_MS = 60_000;

// ─── seeded inputs ─────────────────────────────────────────────────────────

/** mulberry32 seeded from a string: the same inputs on every run and in every child. */
function seeded(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x9e3779b1);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const names = (count: number) =>
  Array.from({ length: count }, (_, i) => `candidate-${String(i + 1).padStart(2, '0')}`);

/** A Plackett–Luce ranking: each next choice drawn with probability proportional to the candidate's strength. */
function plackettLuce(
  random: () => number,
  candidates: readonly string[],
  strengths: readonly number[],
  length: number,
): string[] {
  const left = candidates.map((_, i) => i);
  const ranking: string[] = [];
  while (ranking.length < length) {
    let total = 0;
    for (const i of left) total += strengths[i];
    let x = random() * total;
    let k = 0;
    while (k < left.length - 1 && (x -= strengths[left[k]]) > 0) k++;
    ranking.push(candidates[left[k]]);
    left.splice(k, 1);
  }
  return ranking;
}

/** Skewed strengths (a Zipf-like popularity), in a shuffled order so the favourite is not candidate 1. */
function strengthsFor(random: () => number, count: number, skew: number): number[] {
  const strengths = Array.from({ length: count }, (_, i) => 1 / Math.pow(i + 1, skew));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [strengths[i], strengths[j]] = [strengths[j], strengths[i]];
  }
  return strengths;
}

/** How many preferences a voter marks: most mark a few, some mark all. */
function markedCount(random: () => number, max: number): number {
  return Math.min(max, 1 + Math.floor(-Math.log(1 - random()) * 3));
}

/** 1,000,000 separate ballots of weight 1, full rankings over 10 candidates. */
export function rankedEntries(): { candidates: string[]; ballots: WeightedBallot<RankedBallot>[] } {
  const random = seeded('ranked-entries');
  const candidates = names(10);
  const strengths = strengthsFor(random, 10, 0.7);
  const ballots = Array.from({ length: VOTERS }, () => ({
    ballot: plackettLuce(random, candidates, strengths, 10),
    weight: 1n,
  }));
  return { candidates, ballots };
}

/**
 * What SQL GROUP BY hands over: `distinct` rankings drawn the same way,
 * their counts following a Zipf law and adding up to 1,000,000 voters.
 */
export function aggregatedProfile(seed: string, count: number, distinct: number, partial: boolean) {
  const random = seeded(seed);
  const candidates = names(count);
  const strengths = strengthsFor(random, count, 0.9);
  const seen = new Set<string>();
  const pool: string[][] = [];
  while (pool.length < distinct) {
    const ranking = plackettLuce(
      random,
      candidates,
      strengths,
      partial ? markedCount(random, count) : count,
    );
    const key = ranking.join('>');
    if (!seen.has(key)) {
      seen.add(key);
      pool.push(ranking);
    }
  }
  const shares = pool.map((_, i) => 1 / Math.pow(i + 1, 1.1));
  const total = shares.reduce((a, b) => a + b, 0);
  const counts = shares.map((share) => Math.max(1, Math.floor((share / total) * VOTERS)));
  counts[0] += VOTERS - counts.reduce((a, b) => a + b, 0);
  return { candidates, ballots: pool.map((ballot, i) => ({ ballot, weight: BigInt(counts[i]) })) };
}

/** 1,000,000 separate ballots, partial rankings over 20 candidates (for STV). */
export function stvEntries(): { candidates: string[]; ballots: WeightedBallot<RankedBallot>[] } {
  const random = seeded('stv-entries');
  const candidates = names(20);
  const strengths = strengthsFor(random, 20, 0.8);
  const ballots = Array.from({ length: VOTERS }, () => ({
    ballot: plackettLuce(random, candidates, strengths, markedCount(random, 20)),
    weight: 1n,
  }));
  return { candidates, ballots };
}

const GRADES = ['Excellent', 'Very good', 'Good', 'Acceptable', 'Poor', 'Reject'];

/** 1,000,000 judges grading 10 candidates on six grades, each candidate with its own grade distribution. */
export function gradeEntries(): { candidates: string[]; ballots: WeightedBallot<GradeBallot>[] } {
  const random = seeded('grade-entries');
  const candidates = names(10);
  const cumulative = candidates.map(() => {
    const weights = GRADES.map(() => 0.2 + random());
    const total = weights.reduce((a, b) => a + b, 0);
    let sum = 0;
    return weights.map((w) => (sum += w / total));
  });
  const ballots = Array.from({ length: VOTERS }, () => {
    const ballot: Record<string, number> = {};
    candidates.forEach((candidate, c) => {
      const x = random();
      let g = 0;
      while (g < GRADES.length - 1 && x > cumulative[c][g]) g++;
      ballot[candidate] = g;
    });
    return { ballot, weight: 1n };
  });
  return { candidates, ballots };
}

/** The same judgments as SQL `GROUP BY candidate, grade` hands them over: one row per candidate and grade. */
export function gradeCounts(): { candidates: string[]; judged: GradeCounts } {
  const { candidates, ballots } = gradeEntries();
  const counts = candidates.map(() => GRADES.map(() => 0));
  for (const { ballot } of ballots) candidates.forEach((c, i) => counts[i][ballot[c]]++);
  const rows = candidates.flatMap((candidate, i) =>
    GRADES.map((_, grade) => ({ candidate, grade, count: BigInt(counts[i][grade]) })),
  );
  return { candidates, judged: { judges: BigInt(ballots.length), rows } };
}

/**
 * The same grade counts as the fewest weighted ballots `votes` can read:
 * judges paired best grade to best grade across candidates, so at most
 * candidates × (grades − 1) + 1 ballots. Majority judgment depends only on
 * each candidate's grades, so this is the same election, as compact as
 * `votes`' input allows.
 */
function fewestGradeBallots(candidates: string[], judged: GradeCounts) {
  const left = candidates.map((candidate) =>
    GRADES.map((_, grade) =>
      judged.rows
        .filter((row) => row.candidate === candidate && row.grade === grade)
        .reduce((sum, row) => sum + Number(row.count), 0),
    ),
  );
  const at = candidates.map(() => 0);
  const ballots: { ranking: string[][]; weight: number }[] = [];
  for (let judges = Number(judged.judges); judges > 0;) {
    candidates.forEach((_, i) => {
      while (left[i][at[i]] === 0) at[i]++;
    });
    const weight = Math.min(...candidates.map((_, i) => left[i][at[i]]));
    const ranking: string[][] = GRADES.map(() => []);
    candidates.forEach((candidate, i) => {
      ranking[at[i]].push(candidate);
      left[i][at[i]] -= weight;
    });
    ballots.push({ ranking, weight });
    judges -= weight;
  }
  return ballots;
}

// ─── the cases ─────────────────────────────────────────────────────────────

type Method = 'schulze' | 'ranked_pairs' | 'irv';
type Contender = 'tally' | 'votes' | 'caritat';
/** A prepared count: the input is built before the clock starts; run() counts it and returns the winners. */
type Prepared = { run: () => string[]; distinct?: number };

interface Case {
  group: string;
  contender: Contender;
  target?: string;
  prepare: () => Prepared;
}

function ours(spec: () => TallySpec): () => Prepared {
  return () => {
    const built = spec();
    return { run: () => [...tally(built).winners] };
  };
}

function viaVotes(
  input: () => { candidates: string[]; ballots: WeightedBallot<RankedBallot>[] },
  method: Method,
): () => Prepared {
  return () => {
    const { candidates, ballots } = input();
    // votes wants tiers of tied candidates and number weights.
    const converted = ballots.map(({ ballot, weight }) => ({
      ranking: ballot.map((c) => [c]),
      weight: Number(weight),
    }));
    return {
      run: () => {
        if (method === 'irv')
          return new votes.InstantRunoff({ candidates, ballots: converted }).ranking()[0];
        const matrix = votes.utils.matrixFromBallots(converted, candidates);
        const counted =
          method === 'schulze' ? new votes.Schulze(matrix) : new votes.RankedPairs(matrix);
        return counted.ranking()[0];
      },
    };
  };
}

function viaCaritat(
  input: () => { candidates: string[]; ballots: WeightedBallot<RankedBallot>[] },
  method: Method | 'meek',
  seats = 1,
): () => Prepared {
  return () => {
    const { candidates, ballots } = input();
    const plain = ballots.map(({ ballot, weight }) => ({
      votes: [...ballot],
      count: Number(weight),
    }));
    return {
      run: () => {
        // Building caritat's Ballot objects is its parsing step: timed, as ours is.
        const election = new caritat.Election({ candidates });
        for (const { votes, count } of plain)
          election.ballots.push(new caritat.Ballot(votes, count));
        if (method === 'schulze') return [caritat.condorcet.schulze(election)[0]];
        if (method === 'irv') return [caritat.irv(election)];
        return [...caritat.stv.meek(election, { seats })];
      },
    };
  };
}

function mjViaVotes(): Prepared {
  const { candidates, ballots } = gradeEntries();
  // votes reads a judgment as a ranking whose k-th tier holds the candidates given grade k.
  const converted = ballots.map(({ ballot }) => {
    const tiers: string[][] = GRADES.map(() => []);
    for (const candidate of candidates) tiers[ballot[candidate]].push(candidate);
    return { ranking: tiers, weight: 1 };
  });
  return { run: () => new votes.MajorityJudgment({ candidates, ballots: converted }).ranking()[0] };
}

const RANKED_GROUPS: {
  label: string;
  input: () => { candidates: string[]; ballots: WeightedBallot<RankedBallot>[] };
}[] = [
  { label: '1,000,000 entries of weight 1, 10 candidates', input: rankedEntries },
  {
    label: 'aggregated: 3,000 distinct rankings for 1,000,000 voters, 10 candidates',
    input: () => aggregatedProfile('ranked-aggregated', 10, 3000, false),
  },
];
const METHOD_LABEL: Record<Method, string> = {
  schulze: 'Schulze',
  ranked_pairs: 'Ranked pairs',
  irv: 'Instant-runoff',
};

export const CASES: Record<string, Case> = {};
for (const [g, { label, input }] of RANKED_GROUPS.entries()) {
  for (const method of ['schulze', 'ranked_pairs', 'irv'] as const) {
    const group = `${METHOD_LABEL[method]} · ${label}`;
    CASES[`ranked${g}-${method}-tally`] = {
      group,
      contender: 'tally',
      target: '< 1000 ms',
      prepare: ours(() => ({ method, seed: 'bench', ...input() })),
    };
    CASES[`ranked${g}-${method}-votes`] = {
      group,
      contender: 'votes',
      prepare: viaVotes(input, method),
    };
    if (method !== 'ranked_pairs')
      CASES[`ranked${g}-${method}-caritat`] = {
        group,
        contender: 'caritat',
        prepare: viaCaritat(input, method),
      };
  }
}
const stvAggregated = () => aggregatedProfile('stv-aggregated', 20, 5000, true);
CASES['stv-scottish-tally'] = {
  group: 'Scottish STV, 5 seats · 1,000,000 entries of weight 1, 20 candidates, partial rankings',
  contender: 'tally',
  target: '< 1000 ms',
  prepare: ours(() => ({ method: 'stv', seed: 'bench', seats: 5, ...stvEntries() })),
};
CASES['stv-scottish-aggregated-tally'] = {
  group:
    'Scottish STV, 5 seats · aggregated: 5,000 distinct partial rankings for 1,000,000 voters, 20 candidates',
  contender: 'tally',
  target: '< 1000 ms',
  prepare: ours(() => ({ method: 'stv', seed: 'bench', seats: 5, ...stvAggregated() })),
};
const meekGroup =
  'Meek STV, 5 seats · aggregated: 5,000 distinct partial rankings for 1,000,000 voters, 20 candidates';
CASES['stv-meek-tally'] = {
  group: meekGroup,
  contender: 'tally',
  target: '< 1000 ms',
  prepare: ours(() => ({
    method: 'stv',
    rules: 'meek',
    seed: 'bench',
    seats: 5,
    ...stvAggregated(),
  })),
};
CASES['stv-meek-caritat'] = {
  group: meekGroup,
  contender: 'caritat',
  prepare: viaCaritat(stvAggregated, 'meek', 5),
};
const mjGroup = 'Majority judgment · 1,000,000 judges, 10 candidates, 6 grades';
CASES['mj-tally'] = {
  group: mjGroup,
  contender: 'tally',
  target: '< 1000 ms',
  prepare: ours(() => ({
    method: 'majority_judgment',
    seed: 'bench',
    grades: GRADES,
    ...gradeEntries(),
  })),
};
CASES['mj-votes'] = { group: mjGroup, contender: 'votes', prepare: mjViaVotes };
const mjAggregatedGroup =
  'Majority judgment · aggregated: 60 grade counts (GROUP BY candidate, grade) for 1,000,000 judges, 10 candidates, 6 grades';
CASES['mj-aggregated-tally'] = {
  group: mjAggregatedGroup,
  contender: 'tally',
  target: '< 1000 ms',
  prepare: ours(() => ({
    method: 'majority_judgment',
    seed: 'bench',
    grades: GRADES,
    ...gradeCounts(),
  })),
};
CASES['mj-aggregated-votes'] = {
  group: mjAggregatedGroup,
  contender: 'votes',
  prepare: () => {
    const { candidates, judged } = gradeCounts();
    const ballots = fewestGradeBallots(candidates, judged);
    return {
      distinct: ballots.length,
      run: () => new votes.MajorityJudgment({ candidates, ballots }).ranking()[0],
    };
  },
};

// ─── measuring, in a child process ─────────────────────────────────────────

interface Measurement {
  ms: number;
  runs: number;
  winners: string[];
  peakMb: number;
  inputMb: number;
}

type Outcome = Measurement | { failed: string };

function measure(prepared: Prepared): Measurement {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const inputMb = rssMb();
  resetPeak();
  const times: number[] = [];
  let elapsed = 0;
  let winners: string[] = [];
  // No collection between runs: a forced full GC throws away optimised code and slows small counts.
  do {
    const start = performance.now();
    winners = prepared.run();
    times.push(performance.now() - start);
    elapsed += times[times.length - 1];
  } while (
    times.length < MAX_RUNS &&
    (elapsed < 3_000 || (times.length < MIN_RUNS && elapsed < MIN_RUNS_WITHIN_MS))
  );
  // The fastest run: the machine is shared, and the slow runs measure the neighbours.
  return { ms: Math.min(...times), runs: times.length, winners, peakMb: peakMb(), inputMb };
}

function rssMb(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

/** Linux: writing 5 to clear_refs resets VmHWM, the peak RSS, so the next read covers the count alone. */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Elsewhere the peak includes building the input; the note says so.
  }
}

function peakMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status);
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

function runCase(id: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = fork(__filename, ['--case', id], {
      execArgv: ['-r', '@swc-node/register', '--expose-gc', '--max-old-space-size=12288'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let settled = false;
    let stderr = '';
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ failed: `stopped after ${TIME_LIMIT_MS / 1000} s` });
    }, TIME_LIMIT_MS);
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child.on('message', (message) => finish(message as Outcome));
    child.on('exit', (code) =>
      finish({
        failed: `exited with code ${code}: ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
      }),
    );
  });
}

// ─── the report ────────────────────────────────────────────────────────────

const sameWinners = (a: string[], b: string[]) =>
  [...a].sort().join('|') === [...b].sort().join('|');

export async function runTallyBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const groups = [...new Set(Object.values(CASES).map((c) => c.group))];
  for (const group of groups) {
    const entries = Object.entries(CASES).filter(([, c]) => c.group === group);
    const outcomes = new Map<Contender, Outcome>();
    for (const [id, c] of entries) outcomes.set(c.contender, await runCase(id));
    const mine = outcomes.get('tally');
    const ourMs = mine && 'ms' in mine ? mine.ms : undefined;
    // Our rows' baseline: the fastest other library that finished the same case in this run.
    const others = [...outcomes.entries()]
      .filter(([contender, o]) => contender !== 'tally' && 'ms' in o)
      .map(([, o]) => (o as { ms: number }).ms);
    const fastestOther = others.length > 0 ? Math.min(...others) : undefined;
    for (const [, c] of entries) {
      const outcome = outcomes.get(c.contender) as Outcome;
      const name = `${group} — ${c.contender}`;
      if ('failed' in outcome) {
        rows.push({
          suite: 'tally',
          name,
          figure: TIME_LIMIT_MS,
          unit: 'ms',
          baseline: ourMs === undefined ? undefined : roundMs(ourMs),
          note: `did not finish: ${outcome.failed}`,
        });
        continue;
      }
      const isOurs = c.contender === 'tally';
      const agreement =
        isOurs || !mine || !('winners' in mine)
          ? `winners: ${outcome.winners.join(', ')}`
          : sameWinners(outcome.winners, mine.winners)
            ? 'same winners as tally'
            : `DIFFERENT winners: ${outcome.winners.join(', ')} (tally: ${mine.winners.join(', ')})`;
      rows.push({
        suite: 'tally',
        name,
        figure: roundMs(outcome.ms),
        unit: 'ms',
        target: isOurs ? c.target : ourMs !== undefined ? '≥ 10× the time of tally' : undefined,
        baseline: isOurs
          ? fastestOther === undefined
            ? undefined
            : roundMs(fastestOther)
          : ourMs === undefined
            ? undefined
            : roundMs(ourMs),
        ratio: isOurs
          ? fastestOther === undefined
            ? undefined
            : round(outcome.ms / fastestOther, 2)
          : ourMs === undefined
            ? undefined
            : round(outcome.ms / ourMs, 1),
        note: `${agreement}; best of ${outcome.runs} run${outcome.runs > 1 ? 's' : ''}`,
      });
      rows.push({
        suite: 'tally',
        name: `${name} — peak memory`,
        figure: round(outcome.peakMb),
        unit: 'MB',
        note: `peak RSS while counting, input included (the input alone: ${round(outcome.inputMb)} MB)`,
      });
    }
  }
  return rows;
}

/** Whole milliseconds, or hundredths below 10 ms, where a whole number would hide the ratio. */
function roundMs(ms: number): number {
  return round(ms, ms < 10 ? 2 : 0);
}

function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function printTable(rows: BenchRow[]): void {
  console.log(
    `tally bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const row of rows) {
    const ratio = row.ratio !== undefined ? `  ×${row.ratio} vs tally` : '';
    const target = row.target ? `  [target ${row.target}]` : '';
    console.log(
      `${String(row.figure).padStart(8)} ${row.unit.padEnd(3)} ${row.name}${ratio}${target}${row.note ? `\n             ${row.note}` : ''}`,
    );
  }
}

if (process.argv[2] === '--case') {
  const chosen = CASES[process.argv[3]];
  const result = measure(chosen.prepare());
  // Forked: report to the parent. Run by hand (for one case): print.
  if (process.send) process.send(result, () => process.exit(0));
  else console.log(JSON.stringify(result));
} else if (require.main === module) {
  void runTallyBench().then((rows) => {
    printTable(rows);
    writeResults('tally.json', rows);
  });
}
