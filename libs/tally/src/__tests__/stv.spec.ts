import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rational, tally } from '../index';
import type { MeekStvResult, ScottishStvResult, StvSpec } from '../tally.types';
import { letters, readBlt } from './ballots';

const seed = 'vote-4';
const fixture = (name: string) => readBlt(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const decimals = (totals: Record<string, Rational>, names: readonly string[]) =>
  names.map((name) => totals[name].toDecimal(5));
const scottish = (spec: Omit<StvSpec, 'method' | 'seed'>) =>
  tally({ method: 'stv', seed, ...spec }) as ScottishStvResult;
const meek = (spec: Omit<StvSpec, 'method' | 'seed'>) =>
  tally({ method: 'stv', seed, rules: 'meek', ...spec }) as MeekStvResult;

// Wikipedia, "Single transferable vote", worked example: 20 voters choose 3 foods for a party.
// Droop quota 6; Chocolate's surplus goes half to Strawberries, half to Hamburgers; Pears are
// excluded and elect Oranges; then Hamburgers are excluded and Strawberries win the last seat.
const FOOD = {
  candidates: ['Oranges', 'Pears', 'Chocolate', 'Strawberries', 'Hamburgers'],
  seats: 3,
  ballots: [
    { ballot: ['Oranges'], weight: 4n },
    { ballot: ['Pears', 'Oranges'], weight: 2n },
    { ballot: ['Chocolate', 'Strawberries'], weight: 8n },
    { ballot: ['Chocolate', 'Hamburgers'], weight: 4n },
    { ballot: ['Strawberries'], weight: 1n },
    { ballot: ['Hamburgers'], weight: 1n },
  ],
};

describe('STV, Scottish rules', () => {
  it('elects Chocolate, Oranges and Strawberries in Wikipedia’s food example', () => {
    const result = scottish(FOOD);
    expect(result.quota.toString()).toBe('6');
    expect(result.winners).toEqual(['Chocolate', 'Oranges', 'Strawberries']);
    const surplus = result.stages[1];
    expect(surplus.action).toEqual({
      kind: 'surplus',
      candidate: 'Chocolate',
      surplus: Rational.of(6n),
      transferValues: [{ received: Rational.ONE, transfer: Rational.parse('1/2') }],
    });
    expect(surplus.transfers.Strawberries.toString()).toBe('4');
    expect(surplus.transfers.Hamburgers.toString()).toBe('2');
    expect(result.stages.map((stage) => stage.action.kind)).toEqual([
      'first_preferences',
      'surplus',
      'exclusion',
      'exclusion',
    ]);
    expect(result.stages.map((stage) => stage.elected)).toEqual([
      ['Chocolate'],
      [],
      ['Oranges'],
      ['Strawberries'],
    ]);
    expect(result.excluded).toEqual(['Pears', 'Hamburgers']);
  });

  it('reproduces a real count stage by stage: GPUS Steering Committee 2005 (13 candidates, 4 seats)', () => {
    // Ballots and expected figures from the test suite of Droop, an STV counting program
    // (github.com/jklundell/droop: test/blt/SC.blt, test/ref/dump/SC-scotland-fixed-p5-d5.txt).
    const election = fixture('gpus-2005.blt');
    const result = scottish(election);
    const names = election.candidates;
    expect(result.quota.toString()).toBe('19');
    const zeros = ['Write-In 2', 'Write-In 1', 'Steve Greenfield', 'Jimmy Leas'];
    // Stage → [non-transferable so far, totals in ballot-paper order]
    const expected: [string, string[]][] = [
      [
        '0.00000',
        [
          '6.00000',
          '3.00000',
          '8.00000',
          '22.00000',
          '2.00000',
          '0.00000',
          '33.00000',
          '1.00000',
          '1.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '18.00000',
        ],
      ],
      [
        '0.00000',
        [
          '6.84848',
          '3.42424',
          '8.42424',
          '22.00000',
          '2.42424',
          '0.00000',
          '19.00000',
          '12.45448',
          '1.42424',
          '0.00000',
          '0.00000',
          '0.00000',
          '18.00000',
        ],
      ],
      [
        '0.00000',
        [
          '7.80300',
          '3.56060',
          '9.24240',
          '19.00000',
          '2.69696',
          '0.00000',
          '19.00000',
          '12.72720',
          '1.42424',
          '0.00000',
          '0.00000',
          '0.00000',
          '18.54544',
        ],
      ],
      ...Array.from({ length: 4 }, (): [string, string[]] => [
        '0.00000',
        [
          '7.80300',
          '3.56060',
          '9.24240',
          '19.00000',
          '2.69696',
          '0.00000',
          '19.00000',
          '12.72720',
          '1.42424',
          '0.00000',
          '0.00000',
          '0.00000',
          '18.54544',
        ],
      ]),
      [
        '0.00000',
        [
          '7.80300',
          '3.56060',
          '9.24240',
          '19.00000',
          '2.69696',
          '0.00000',
          '19.00000',
          '14.15144',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '18.54544',
        ],
      ],
      [
        '0.00000',
        [
          '8.80300',
          '3.69696',
          '9.24240',
          '19.00000',
          '0.00000',
          '0.00000',
          '19.00000',
          '14.57568',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '19.68180',
        ],
      ],
      [
        '0.00472',
        [
          '9.01084',
          '3.95360',
          '9.45496',
          '19.00000',
          '0.00000',
          '0.00000',
          '19.00000',
          '14.57568',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '19.00000',
        ],
      ],
      [
        '1.43368',
        [
          '9.36448',
          '0.00000',
          '10.59132',
          '19.00000',
          '0.00000',
          '0.00000',
          '19.00000',
          '15.61032',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '19.00000',
        ],
      ],
      [
        '3.77788',
        [
          '0.00000',
          '0.00000',
          '16.62204',
          '19.00000',
          '0.00000',
          '0.00000',
          '19.00000',
          '16.59988',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '19.00000',
        ],
      ],
      [
        '18.40808',
        [
          '0.00000',
          '0.00000',
          '18.59172',
          '19.00000',
          '0.00000',
          '0.00000',
          '19.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '0.00000',
          '19.00000',
        ],
      ],
    ];
    let nonTransferable = Rational.ZERO;
    const actual = result.stages.map((stage): [string, string[]] => {
      nonTransferable = nonTransferable.add(stage.nonTransferable);
      return [nonTransferable.toDecimal(5), decimals(stage.totals, names)];
    });
    expect(actual).toEqual(expected);
    // The four candidates without a vote are equal at every stage: excluded one by one, by lot.
    expect(result.stages.slice(3, 7).map((stage) => stage.tieBreak?.lot !== null)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(result.excluded.slice(0, 4).sort()).toEqual([...zeros].sort());
    expect(result.excluded.slice(4)).toEqual([
      'Jason Jones',
      'Michael Piacsek',
      'Kirit Mookerjee',
      'Budd Dickinson',
      'Kristen Olsen',
    ]);
    expect(result.winners).toEqual([
      'Rebecca Rotzler',
      'Pat LaMarche',
      'Steve Kramer',
      'Tom Sevigny',
    ]);
  });

  it('reproduces a Scottish council count: Glasgow, Pollokshields ward, 2007 (9,567 ballots, 3 seats)', () => {
    // The ward's published preference data and the reference count as kept in Droop's test suite
    // (test/blt/scotland/Pollokshields-2007.blt, test/ref/dump/scotland/Pollokshields-2007-scotland-fixed-p5-d5.txt).
    const election = fixture('pollokshields-2007.blt');
    const result = scottish(election);
    expect(result.quota.toString()).toBe('2392');
    const expected: [string, string, string[]][] = [
      [
        'first_preferences',
        '0.00000',
        [
          '184.00000',
          '438.00000',
          '2057.00000',
          '1435.00000',
          '863.00000',
          '2575.00000',
          '1043.00000',
          '592.00000',
          '380.00000',
        ],
      ],
      [
        'surplus Irfan Rabbani',
        '79.01872',
        [
          '188.76102',
          '441.48194',
          '2082.01312',
          '1445.09052',
          '883.96270',
          '2392.00000',
          '1060.97818',
          '605.50140',
          '388.17190',
        ],
      ],
      [
        'exclusion Ali Ashraf',
        '124.65826',
        [
          '0.00000',
          '453.62406',
          '2123.64750',
          '1452.44582',
          '893.46012',
          '2392.00000',
          '1096.75984',
          '611.71458',
          '418.66932',
        ],
      ],
      [
        'exclusion Fatima Uygun',
        '227.28748',
        [
          '0.00000',
          '472.05042',
          '2256.35294',
          '1460.73006',
          '918.66814',
          '2392.00000',
          '1206.32316',
          '633.56730',
          '0.00000',
        ],
      ],
      [
        'exclusion Karin Currie',
        '332.77974',
        [
          '0.00000',
          '0.00000',
          '2309.70824',
          '1593.22748',
          '1001.44980',
          '2392.00000',
          '1280.96270',
          '656.85154',
          '0.00000',
        ],
      ],
      [
        'exclusion Muhammad Shoaib',
        '587.46454',
        [
          '0.00000',
          '0.00000',
          '2624.74834',
          '1610.72490',
          '1030.65782',
          '2392.00000',
          '1321.38390',
          '0.00000',
          '0.00000',
        ],
      ],
      [
        'surplus Khalil Malik',
        '705.29174',
        [
          '0.00000',
          '0.00000',
          '2392.00000',
          '1632.34590',
          '1070.55020',
          '2392.00000',
          '1374.77932',
          '0.00000',
          '0.00000',
        ],
      ],
      [
        'exclusion Isabel Nelson',
        '1108.21148',
        [
          '0.00000',
          '0.00000',
          '2392.00000',
          '1839.53040',
          '0.00000',
          '2392.00000',
          '1835.22528',
          '0.00000',
          '0.00000',
        ],
      ],
      [
        'exclusion Ian A Ruffell',
        '2565.02778',
        [
          '0.00000',
          '0.00000',
          '2392.00000',
          '2217.93938',
          '0.00000',
          '2392.00000',
          '0.00000',
          '0.00000',
          '0.00000',
        ],
      ],
    ];
    let nonTransferable = Rational.ZERO;
    const actual = result.stages.map((stage): [string, string, string[]] => {
      nonTransferable = nonTransferable.add(stage.nonTransferable);
      const action =
        stage.action.kind === 'first_preferences'
          ? stage.action.kind
          : `${stage.action.kind} ${stage.action.candidate}`;
      return [action, nonTransferable.toDecimal(5), decimals(stage.totals, election.candidates)];
    });
    expect(actual).toEqual(expected);
    expect(result.winners).toEqual(['Irfan Rabbani', 'Khalil Malik', 'David Meikle']);
    expect(result.ballots.counted.toString()).toBe('9567');
  });

  it('keeps every stage balanced: credited + non-transferable + rounding = valid votes', () => {
    const result = scottish(fixture('gpus-2005.blt'));
    let setAside = Rational.ZERO;
    for (const stage of result.stages) {
      setAside = setAside.add(stage.nonTransferable).add(stage.lostToRounding);
      expect(Rational.sum(Object.values(stage.totals)).add(setAside).toString()).toBe('94');
    }
  });

  it('elects as many candidates as seats when enough stand, and everyone when too few do', () => {
    const few = scottish({
      candidates: ['A', 'B'],
      seats: 3,
      ballots: letters([2, 'AB'], [1, 'B']),
    });
    expect(few.winners).toEqual(['A', 'B']);
    expect(few.stages).toHaveLength(1);
    const none = scottish({ candidates: ['A', 'B'], seats: 1, ballots: [] });
    expect(none.winners).toEqual([]);
  });

  it('skips withdrawn candidates in the rankings', () => {
    const result = scottish({ ...FOOD, withdrawn: ['Chocolate'] });
    expect(result.candidates).not.toContain('Chocolate');
    expect(result.stages[0].totals.Strawberries.toString()).toBe('9');
    expect(result.winners).toContain('Strawberries');
  });
});

describe('STV, Meek', () => {
  it('elects the same foods in Wikipedia’s example', () => {
    const result = meek(FOOD);
    expect(result.winners.slice().sort()).toEqual(['Chocolate', 'Oranges', 'Strawberries']);
    const first = result.rounds[0];
    expect(first.elected).toEqual(['Chocolate']);
    expect(first.keepFactors.Pears).toEqual(Rational.ONE);
  });

  it('passes surpluses through candidates already elected', () => {
    // OpaVote's Meek explainer: 28 A>B>C, 26 B>A>C, 3 C, 2 D, 1 E; 3 seats. A and B are elected
    // at once; their keep factors shrink and the surpluses flow through each other on to C.
    const result = meek({
      candidates: ['A', 'B', 'C', 'D', 'E'],
      seats: 3,
      ballots: letters([28, 'ABC'], [26, 'BAC'], [3, 'C'], [2, 'D'], [1, 'E']),
    });
    expect(result.rounds.map((round) => round.elected)).toEqual([['A', 'B'], ['C']]);
    const second = result.rounds[1];
    expect(second.keepFactors.A.lt(Rational.ONE) && second.keepFactors.B.lt(Rational.ONE)).toBe(
      true,
    );
    expect(second.totals.C.gt(Rational.of(3n))).toBe(true);
  });

  it('reproduces a reference Meek count: GPUS 2005, where Meek elects Olsen and the Scottish rules Sevigny', () => {
    // Droop's reference for Meek with nine decimals and ω = 10^-6 (test/ref/dump/SC-meek-prf-o6-fixed-p9-d9.txt).
    // Droop rounds the votes of each round slightly differently in the ninth decimal, so compare six.
    const election = fixture('gpus-2005.blt');
    const result = meek(election);
    const six = (value: Rational) => value.toDecimal(6);
    const [tenth, last] = result.rounds.slice(-2);
    expect(six(tenth.quota)).toBe('18.789719');
    expect(tenth.excluded).toBe('Budd Dickinson');
    const shown = [
      'Budd Dickinson',
      'Tom Sevigny',
      'Pat LaMarche',
      'Rebecca Rotzler',
      'Kristen Olsen',
      'Steve Kramer',
    ];
    expect(shown.map((name) => six(tenth.totals[name]))).toEqual([
      '10.204118',
      '11.498644',
      '18.789719',
      '18.789719',
      '15.876675',
      '18.789719',
    ]);
    expect(six(tenth.keepFactors['Pat LaMarche'])).toBe('0.761294');
    expect(six(tenth.keepFactors['Rebecca Rotzler'])).toBe('0.537679');
    expect(six(tenth.keepFactors['Steve Kramer'])).toBe('0.909783');
    expect(six(last.quota)).toBe('18.586296');
    expect(six(last.totals['Kristen Olsen'])).toBe('19.085721');
    expect(six(last.totals['Tom Sevigny'])).toBe('16.482212');
    expect(result.winners).toEqual([
      'Rebecca Rotzler',
      'Pat LaMarche',
      'Steve Kramer',
      'Kristen Olsen',
    ]);
  });
});
