import { MIN_CELL, publishCells } from '../suppression';

const cells = [
  { key: 'a', eligible: 10, voters: 8 },
  { key: 'b', eligible: 6, voters: 3 },
  { key: 'c', eligible: 20, voters: 12 },
];

describe('small-cell suppression', () => {
  it('publishes every count of a named vote', () => {
    const out = publishCells(cells, { secret: false, partition: true });
    expect(out.map((c) => c.voters)).toEqual([8, 3, 12]);
    expect(out.every((c) => !c.suppressed)).toBe(true);
    expect(out[1].turnout).toBe(0.5);
  });

  it(`hides a secret vote's cell under ${MIN_CELL} voters, and the next smallest so the total cannot reveal it`, () => {
    const out = publishCells(cells, { secret: true, partition: true });
    expect(out.find((c) => c.key === 'b')).toEqual({
      key: 'b',
      eligible: 6,
      voters: null,
      turnout: null,
      suppressed: true,
    });
    expect(out.find((c) => c.key === 'a')!.suppressed).toBe(true);
    expect(out.find((c) => c.key === 'c')).toMatchObject({ voters: 12, suppressed: false });
  });

  it('needs no complementary suppression when two cells are already hidden, or cells overlap', () => {
    const two = publishCells([...cells, { key: 'd', eligible: 4, voters: 4 }], {
      secret: true,
      partition: true,
    });
    expect(two.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['b', 'd']);
    const overlapping = publishCells(cells, { secret: true, partition: false });
    expect(overlapping.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['b']);
  });

  it('keeps a cell of exactly the minimum', () => {
    const out = publishCells(
      [
        { key: 'x', eligible: 5, voters: MIN_CELL },
        { key: 'y', eligible: 9, voters: 9 },
      ],
      { secret: true, partition: true },
    );
    expect(out.every((c) => !c.suppressed)).toBe(true);
  });
});
