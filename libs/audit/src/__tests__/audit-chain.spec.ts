import fc from 'fast-check';
import { canonicalJson } from '@delibera/kernel';
import { chainHash, GENESIS_HASH } from '../audit-chain';
import { canonicalJsonValue, storedEventHash } from '../stored-event-hash';

describe('storedEventHash (the verification fast path)', () => {
  it('writes the same bytes as canonicalJson for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // What jsonb gives back: the value after a JSON round trip.
        const stored = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJsonValue(stored)).toBe(canonicalJson(stored));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the hash chainHash gave at append time, so verify() checks what append() wrote', () => {
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1, max: 2 ** 40 }),
          occurredAt: fc.date({
            min: new Date('2000-01-01T00:00:00Z'),
            max: new Date('2200-01-01T00:00:00Z'),
            noInvalidDate: true,
          }),
          actorAccountId: fc.option(fc.uuid(), { nil: null }),
          action: fc.string(),
          entityType: fc.string(),
          entityId: fc.option(fc.string(), { nil: null }),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
        (event) => {
          const appended = chainHash(GENESIS_HASH, event);
          const stored = storedEventHash(GENESIS_HASH, {
            ...event,
            occurredAtIso: event.occurredAt.toISOString(),
            data: JSON.parse(JSON.stringify(event.data)) as unknown,
          });
          expect(stored).toBe(appended);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('changes with any field, so an edited row cannot keep its hash', () => {
    const event = {
      seq: 7,
      occurredAtIso: '2026-11-24T15:00:00.000Z',
      actorAccountId: null,
      action: 'vote.opened',
      entityType: 'vote',
      entityId: 'v1',
      data: { rollSize: 3 },
    };
    const original = storedEventHash(GENESIS_HASH, event);
    expect(storedEventHash(GENESIS_HASH, { ...event, data: { rollSize: 4 } })).not.toBe(original);
    expect(storedEventHash(GENESIS_HASH, { ...event, seq: 8 })).not.toBe(original);
    expect(storedEventHash('f'.repeat(64), event)).not.toBe(original);
  });
});
