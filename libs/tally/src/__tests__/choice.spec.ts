import { Rational, tally } from '../index';
import type { ChoiceResult, ChoiceSpec, Threshold } from '../tally.types';
import { motion, profile } from './ballots';

const r = Rational.parse;
const MAJORITY: Threshold = { ratio: r('1/2'), comparison: 'more_than', base: 'cast' };
const TWO_THIRDS: Threshold = { ratio: r('2/3'), comparison: 'at_least', base: 'cast' };

function vote(spec: Partial<ChoiceSpec> & Pick<ChoiceSpec, 'ballots'>): ChoiceResult {
  return tally({
    method: 'choice',
    kind: 'motion',
    options: ['yes', 'no'],
    threshold: MAJORITY,
    seed: 'vote-1',
    ...spec,
  }) as ChoiceResult;
}

describe('choice: motions', () => {
  it('reports the exact votes needed: a majority of 81 needs 41', () => {
    const result = vote({ ballots: motion(41, 40, 7) });
    expect(result.outcome).toBe('adopted');
    expect(result.winners).toEqual(['yes']);
    expect(result.threshold.baseVotes.toString()).toBe('81');
    expect(result.threshold.needed?.toString()).toBe('41');
    expect(result.threshold.line.toString()).toBe('81/2');
    expect(result.ballots.abstentions.toString()).toBe('7');
  });

  it('fails a majority on an exact tie (more than half: exactly 1/2 is not enough)', () => {
    const result = vote({ ballots: motion(40, 40) });
    expect(result.outcome).toBe('rejected');
    expect(result.threshold.needed?.toString()).toBe('41');
  });

  it('passes two thirds on exactly two thirds with at_least, and fails one vote short', () => {
    expect(vote({ threshold: TWO_THIRDS, ballots: motion(60, 30) }).outcome).toBe('adopted');
    const short = vote({ threshold: TWO_THIRDS, ballots: motion(59, 31) });
    expect(short.outcome).toBe('rejected');
    expect(short.threshold.needed?.toString()).toBe('60');
  });

  it('excludes abstentions from votes cast, but not from members present', () => {
    expect(vote({ ballots: motion(5, 4, 100) }).outcome).toBe('adopted');
    const present = vote({
      ballots: motion(5, 4, 100),
      threshold: { ...MAJORITY, base: 'present' },
      turnout: { present: 109n },
    });
    expect(present.outcome).toBe('rejected');
    expect(present.threshold.needed?.toString()).toBe('55');
  });

  it('measures eligible-based thresholds on the supplied count', () => {
    const result = vote({
      ballots: motion(51, 0),
      threshold: { ...MAJORITY, base: 'eligible' },
      turnout: { eligible: 100n },
    });
    expect(result.outcome).toBe('adopted');
    expect(() =>
      vote({ ballots: motion(51, 0), threshold: { ...MAJORITY, base: 'eligible' } }),
    ).toThrow(/eligible/);
  });

  it('rejects when everyone abstains: nothing was cast', () => {
    const result = vote({ ballots: motion(0, 0, 12) });
    expect(result.outcome).toBe('rejected');
    expect(result.cast.toString()).toBe('0');
    expect(result.threshold.needed?.toString()).toBe('1');
  });

  it('handles no ballots at all', () => {
    const result = vote({ ballots: [] });
    expect(result.outcome).toBe('rejected');
    expect(result.ballots.total.toString()).toBe('0');
  });

  it('checks a quorum of eligible voters on participation, abstentions included', () => {
    const quorum = { kind: 'ratio', ratio: r('1/4') } as const;
    const short = vote({ ballots: motion(20, 3, 1), quorum, turnout: { eligible: 100n } });
    expect(short.outcome).toBe('quorum_not_met');
    expect(short.quorum).toMatchObject({ met: false });
    expect(short.quorum?.required.toString()).toBe('25');
    expect(short.quorum?.participating.toString()).toBe('24');
    expect(vote({ ballots: motion(20, 3, 2), quorum, turnout: { eligible: 100n } }).outcome).toBe(
      'adopted',
    );
    const count = vote({
      ballots: motion(20, 3),
      quorum: { kind: 'count', count: 30n },
      turnout: { participating: 30n },
    });
    expect(count.quorum?.met).toBe(true);
  });

  it('counts a ballot naming an unknown option as invalid', () => {
    const result = vote({
      ballots: [...motion(3, 1), { ballot: { option: 'maybe' }, weight: 2n }],
    });
    expect(result.ballots.invalid.toString()).toBe('2');
    expect(result.cast.toString()).toBe('4');
  });
});

describe('choice: one of n', () => {
  const options = ['north', 'south', 'east'];
  const oneOfN = (spec: Partial<ChoiceSpec> & Pick<ChoiceSpec, 'ballots'>) =>
    vote({ kind: 'one_of_n', options, ...spec });

  it('elects the option with a majority of votes cast, or none', () => {
    const won = oneOfN({
      ballots: profile([6, { option: 'north' }], [3, { option: 'south' }], [2, { option: 'east' }]),
    });
    expect(won.winners).toEqual(['north']);
    const none = oneOfN({
      ballots: profile([5, { option: 'north' }], [3, { option: 'south' }], [2, { option: 'east' }]),
    });
    expect(none.outcome).toBe('rejected');
    expect(none.winners).toEqual([]);
    expect(none.threshold.option).toBe('north');
  });

  it('draws a tie for the lead by lot, reproducibly, when the threshold would pass', () => {
    const plurality: Threshold = { ratio: Rational.ZERO, comparison: 'at_least', base: 'cast' };
    const ballots = profile(
      [4, { option: 'north' }],
      [4, { option: 'south' }],
      [1, { option: 'east' }],
    );
    const first = oneOfN({ threshold: plurality, ballots });
    expect(first.tieBreak?.tied).toEqual(['north', 'south']);
    expect(first.tieBreak?.lot?.among).toEqual(['north', 'south']);
    expect(first.winners).toEqual([first.tieBreak?.chosen]);
    expect(oneOfN({ threshold: plurality, ballots }).winners).toEqual(first.winners);
  });
});

describe('choice: weighted colleges', () => {
  it('gives each college its weight, exactly, and reports each college', () => {
    const result = vote({
      colleges: [
        { id: 'workers', weight: r('1/2'), ballots: motion(2, 1) },
        { id: 'users', weight: r('1/2'), ballots: motion(0, 1) },
      ],
    });
    expect(result.votes.yes.toString()).toBe('1/3');
    expect(result.votes.no.toString()).toBe('2/3');
    expect(result.outcome).toBe('rejected');
    expect(result.threshold.needed).toBeNull();
    expect(result.colleges).toEqual([
      {
        college: 'workers',
        weight: r('1/2'),
        ballots: r('3'),
        weightPerBallot: r('1/6'),
        support: { yes: r('2'), no: r('1') },
      },
      {
        college: 'users',
        weight: r('1/2'),
        ballots: r('1'),
        weightPerBallot: r('1/2'),
        support: { yes: r('0'), no: r('1') },
      },
    ]);
  });
});
