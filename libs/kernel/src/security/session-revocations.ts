import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** Accounts whose sessions were revoked (password change, suspension) at or after `since`. */
export type RevocationSource = (since: Date) => Promise<{ accountId: string; validAfter: Date }[]>;

/** How often each process re-reads recent revocations: the most a revoked token survives elsewhere. */
export const REVOCATION_REFRESH_MS = 5_000;

/**
 * Access tokens are stateless JWTs, so revoking one means remembering, for
 * each account, the instant before which its tokens no longer count. Only
 * revocations younger than the token lifetime matter (older tokens have
 * expired anyway), so every process keeps that short list in memory, refreshed
 * every few seconds: no lookup on the request path, not even when casting a ballot.
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly validAfter = new Map<string, number>();
  private source?: RevocationSource;
  private timer?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  /** The domain that owns accounts tells the kernel where revocations are read from. */
  useSource(source: RevocationSource): void {
    this.source = source;
  }

  /** Takes effect at once in this process; the others see it at their next refresh. */
  note(accountId: string, validAfter: Date): void {
    this.validAfter.set(accountId, validAfter.getTime());
  }

  /** Whether a token issued at `issuedAtSeconds` (JWT `iat`) was revoked since. */
  isRevoked(accountId: string, issuedAtSeconds: number): boolean {
    const after = this.validAfter.get(accountId);
    return after !== undefined && issuedAtSeconds < Math.floor(after / 1000);
  }

  async refresh(): Promise<void> {
    if (!this.source) return;
    const since = new Date(Date.now() - this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const recent = await this.source(since);
    this.validAfter.clear();
    for (const { accountId, validAfter } of recent) this.note(accountId, validAfter);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: Error) =>
        this.logger.warn(`Could not refresh session revocations: ${error.message}`),
      );
    }, REVOCATION_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
