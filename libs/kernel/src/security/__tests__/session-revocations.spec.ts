import { loadConfig } from '../../config/app-config';
import { SessionRevocations } from '../session-revocations';

describe('session revocations', () => {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  it('refuses tokens issued before the revocation instant and keeps later ones', () => {
    const revocations = new SessionRevocations(loadConfig({}));
    const at = new Date('2026-11-24T12:00:00Z');
    revocations.note('a', at);
    expect(revocations.isRevoked('a', seconds(at) - 1)).toBe(true);
    expect(revocations.isRevoked('a', seconds(at))).toBe(false);
    expect(revocations.isRevoked('b', seconds(at) - 1)).toBe(false);
  });

  it('asks its source only for revocations younger than the token lifetime, and replaces what it knew', async () => {
    const revocations = new SessionRevocations(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '900' }));
    const asked: Date[] = [];
    const at = new Date();
    revocations.useSource(async (since) => {
      asked.push(since);
      return [{ accountId: 'from-db', validAfter: at }];
    });
    revocations.note('stale', at);
    await revocations.refresh();
    expect(Date.now() - asked[0].getTime()).toBeGreaterThanOrEqual(900_000);
    expect(Date.now() - asked[0].getTime()).toBeLessThan(905_000);
    expect(revocations.isRevoked('from-db', seconds(at) - 1)).toBe(true);
    expect(revocations.isRevoked('stale', seconds(at) - 1)).toBe(false);
  });
});
