import { checkHandlerCoverage } from '../queues/job-registry';

describe('checkHandlerCoverage', () => {
  const names = ['a.run', 'b.run'];

  it('accepts exactly one handler per job name', () => {
    expect(
      checkHandlerCoverage(names, [
        { name: 'a.run', handler: 'A' },
        { name: 'b.run', handler: 'B' },
      ]),
    ).toEqual([]);
  });

  it('names a job without handler, a job with two, and a handler of an unknown job', () => {
    expect(
      checkHandlerCoverage(names, [
        { name: 'a.run', handler: 'A1' },
        { name: 'a.run', handler: 'A2' },
        { name: 'c.run', handler: 'C' },
      ]),
    ).toEqual([
      'job "a.run" has 2 handlers: A1, A2',
      'job "b.run" has no handler',
      'C handles unknown job "c.run"',
    ]);
  });
});
