import { createSecretKey, randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../../config/app-config';
import { SessionRevocations } from '../../security/session-revocations';
import { Role } from '../role';
import { TokenService, VERIFIED_TOKEN_CACHE_MS, VERIFIED_TOKEN_CACHE_SIZE } from '../token.service';

describe('access tokens', () => {
  const secret = randomBytes(32).toString('hex');
  const setup = (expiresIn = 900) => {
    const jwt = new JwtService({
      secret: createSecretKey(Buffer.from(secret)),
      signOptions: { expiresIn },
    });
    const revocations = new SessionRevocations(loadConfig({}));
    const tokens = new TokenService(jwt, loadConfig({ JWT_SECRET: secret }), revocations);
    const verify = jest.spyOn(jwt, 'verify');
    return { jwt, revocations, tokens, verify };
  };
  const user = { accountId: 'account-1', memberId: 'member-1', roles: [Role.Member] };

  afterEach(() => jest.useRealTimers());

  it('checks a token signature once, then trusts the verified claims briefly', () => {
    const { tokens, verify } = setup();
    const token = tokens.signAccessToken(user);
    expect(tokens.verifyAccessToken(token)).toEqual(user);
    expect(tokens.verifyAccessToken(token)).toEqual(user);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('still refuses a cached token once its session is revoked', () => {
    const { tokens, revocations } = setup();
    const token = tokens.signAccessToken(user);
    expect(tokens.verifyAccessToken(token)).toEqual(user);
    revocations.note(user.accountId, new Date(Date.now() + 1000));
    expect(tokens.verifyAccessToken(token)).toBeUndefined();
  });

  it('verifies again after the cache period, and never trusts a token past its expiry', () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T12:00:00Z') });
    const long = setup();
    const token = long.tokens.signAccessToken(user);
    long.tokens.verifyAccessToken(token);
    jest.setSystemTime(Date.now() + VERIFIED_TOKEN_CACHE_MS + 1);
    expect(long.tokens.verifyAccessToken(token)).toEqual(user);
    expect(long.verify).toHaveBeenCalledTimes(2);

    const short = setup(5); // expires in 5 s, well within the cache period
    const brief = short.tokens.signAccessToken(user);
    expect(short.tokens.verifyAccessToken(brief)).toEqual(user);
    jest.setSystemTime(Date.now() + 6000);
    expect(short.tokens.verifyAccessToken(brief)).toBeUndefined();
  });

  it('never caches a forged token', () => {
    const { tokens, verify } = setup();
    const forged = `${tokens.signAccessToken(user).slice(0, -4)}AAAA`;
    expect(tokens.verifyAccessToken(forged)).toBeUndefined();
    expect(tokens.verifyAccessToken(forged)).toBeUndefined();
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('holds at most its bound of tokens, evicting the oldest one, never the whole cache', () => {
    const { tokens, verify } = setup();
    const many = Array.from({ length: VERIFIED_TOKEN_CACHE_SIZE + 1 }, (_, i) =>
      tokens.signAccessToken({ ...user, accountId: `account-${i}` }),
    );
    for (const token of many) tokens.verifyAccessToken(token);
    expect(verify).toHaveBeenCalledTimes(VERIFIED_TOKEN_CACHE_SIZE + 1);
    // The newest VERIFIED_TOKEN_CACHE_SIZE are all still cached…
    for (const token of many.slice(1)) tokens.verifyAccessToken(token);
    expect(verify).toHaveBeenCalledTimes(VERIFIED_TOKEN_CACHE_SIZE + 1);
    // …and the oldest was evicted: checked again.
    expect(tokens.verifyAccessToken(many[0])).toEqual({ ...user, accountId: 'account-0' });
    expect(verify).toHaveBeenCalledTimes(VERIFIED_TOKEN_CACHE_SIZE + 2);
  });
});
