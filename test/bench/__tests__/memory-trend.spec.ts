import { cpuPerRequestByMinute, leastSquaresSlope, memoryTrend } from '../load/memory-trend';

describe('leastSquaresSlope', () => {
  it('is the slope of the best line, 0 when it cannot be fitted', () => {
    expect(
      leastSquaresSlope([
        { x: 1, y: 3 },
        { x: 2, y: 5 },
        { x: 3, y: 7 },
      ]),
    ).toBeCloseTo(2);
    expect(
      leastSquaresSlope([
        { x: 1, y: 1 },
        { x: 2, y: 3 },
        { x: 3, y: 2 },
      ]),
    ).toBeCloseTo(0.5);
    expect(leastSquaresSlope([{ x: 1, y: 3 }])).toBe(0);
    expect(
      leastSquaresSlope([
        { x: 2, y: 3 },
        { x: 2, y: 9 },
      ]),
    ).toBe(0);
  });
});

describe('memoryTrend', () => {
  // A saw-tooth every 10 s whose floor rises by `perMinute` MB each minute.
  const sawTooth = (seconds: number, perMinute: number) =>
    Array.from({ length: seconds / 10 + 1 }, (_, i) => ({
      at: i * 10,
      value: 100 + (perMinute * i * 10) / 60 + (i % 3 === 0 ? 0 : 40),
    }));

  it('takes the lowest sample of each minute as its floor', () => {
    const trend = memoryTrend(sawTooth(240, 0), 240);
    expect(trend.floors).toEqual([
      { minute: 1, floor: 100 },
      { minute: 2, floor: 100 },
      { minute: 3, floor: 100 },
      { minute: 4, floor: 100 },
    ]);
    expect(trend.slopeMbPerMinute).toBeCloseTo(0);
  });

  it('fits the floors of the second half only: early filling does not count, a steady leak does', () => {
    const filling = sawTooth(600, 0).map((s) => ({
      ...s,
      value: s.value! + (s.at < 300 ? s.at / 10 : 30),
    }));
    const flat = memoryTrend(filling, 600);
    expect(flat.fittedMinutes).toBe(5);
    expect(flat.slopeMbPerMinute).toBeCloseTo(0);

    const leak = memoryTrend(sawTooth(600, 2), 600);
    expect(leak.slopeMbPerMinute).toBeCloseTo(2, 0);
  });

  it('skips unread samples and says when there is too little to fit', () => {
    const trend = memoryTrend(
      [
        { at: 0, value: null },
        { at: 10, value: 120 },
      ],
      60,
    );
    expect(trend.floors).toEqual([{ minute: 1, floor: 120 }]);
    expect(trend.slopeMbPerMinute).toBeNull();
  });
});

describe('cpuPerRequestByMinute', () => {
  it("divides each minute's CPU by the requests served in it", () => {
    const samples = [
      { at: 0, cpuSeconds: 0, served: 0 },
      { at: 30, cpuSeconds: 1, served: 500 },
      { at: 60, cpuSeconds: 2, served: 1000 },
      { at: 90, cpuSeconds: 4, served: 1500 },
      { at: 120, cpuSeconds: 6, served: 2000 },
      { at: 150, cpuSeconds: 6, served: 2000 },
    ];
    expect(cpuPerRequestByMinute(samples, 180)).toEqual([2, 4, null]);
  });
});
