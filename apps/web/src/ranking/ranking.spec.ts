import { initialRanking, RankingState, rankingReducer, rankOf } from './ranking';

const start: RankingState = { ranked: ['a', 'b', 'c'], unranked: ['d'] };

describe('rankingReducer', () => {
  it('starts with every option unranked', () => {
    expect(initialRanking(['a', 'b'])).toEqual({ ranked: [], unranked: ['a', 'b'] });
  });

  it('ranks an option last and takes it out of the unranked list', () => {
    expect(rankingReducer(start, { type: 'rank', option: 'd' })).toEqual({
      ranked: ['a', 'b', 'c', 'd'],
      unranked: [],
    });
  });

  it('unranks an option', () => {
    expect(rankingReducer(start, { type: 'unrank', option: 'b' })).toEqual({
      ranked: ['a', 'c'],
      unranked: ['d', 'b'],
    });
  });

  it('moves an option up and down by one place', () => {
    const up = rankingReducer(start, { type: 'moveUp', option: 'c' });
    expect(up.ranked).toEqual(['a', 'c', 'b']);
    expect(rankingReducer(up, { type: 'moveDown', option: 'a' }).ranked).toEqual(['c', 'a', 'b']);
  });

  it('leaves the first option first and the last option last', () => {
    expect(rankingReducer(start, { type: 'moveUp', option: 'a' })).toBe(start);
    expect(rankingReducer(start, { type: 'moveDown', option: 'c' })).toBe(start);
  });

  it('places a dragged option at the drop position, from either list', () => {
    expect(rankingReducer(start, { type: 'moveTo', option: 'c', index: 0 }).ranked).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(rankingReducer(start, { type: 'moveTo', option: 'd', index: 1 })).toEqual({
      ranked: ['a', 'd', 'b', 'c'],
      unranked: [],
    });
  });

  it('clamps a drop beyond the end to the last place', () => {
    expect(rankingReducer(start, { type: 'moveTo', option: 'a', index: 99 }).ranked).toEqual([
      'b',
      'c',
      'a',
    ]);
  });

  it('ignores options that are not on the ballot', () => {
    for (const type of ['rank', 'unrank', 'moveUp', 'moveDown'] as const) {
      expect(rankingReducer(start, { type, option: 'zz' })).toBe(start);
    }
    expect(rankingReducer(start, { type: 'moveTo', option: 'zz', index: 0 })).toBe(start);
  });

  it('reports the rank of an option for announcements', () => {
    expect(rankOf(start, 'b')).toBe(2);
    expect(rankOf(start, 'd')).toBeNull();
  });
});
