import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, JobScheduler, QueueName, TokenService } from '@delibera/kernel';
import {
  DASHBOARD_COOKIE,
  DASHBOARD_PATH,
  DashboardAccessService,
  SESSION_TTL_SECONDS,
} from './dashboard-access.service';

/**
 * Mounts Bull Board at /admin/queues behind the admin check. It is plain
 * Express (outside Nest's guard), so the gate below is its only door: it runs
 * before every page, asset and API call of the dashboard.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const access = app.get(DashboardAccessService);
  const tokens = app.get(TokenService);
  const scheduler = app.get(JobScheduler);
  const secure = new URL(app.get(AppConfig).PUBLIC_URL).protocol === 'https:';

  const board = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(scheduler.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Delibera queues' } },
  });

  app.use(`${DASHBOARD_PATH}/session`, async (req: Request, res: Response) => {
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
    const session = await access.redeem(ticket);
    if (!session) {
      res.status(401).type('text/plain').send('This link is invalid, expired or already used.');
      return;
    }
    // Lax, not Strict: the link is usually opened from another site (the portal), and the
    // redirect that follows must carry the cookie; Lax still keeps it off cross-site POSTs.
    res.cookie(DASHBOARD_COOKIE, session, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: DASHBOARD_PATH,
      maxAge: SESSION_TTL_SECONDS * 1000,
    });
    res.redirect(303, `${DASHBOARD_PATH}/`);
  });

  app.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    const user =
      access.sessionUser(cookie(req, DASHBOARD_COOKIE)) ??
      tokens.userFromAuthorizationHeader(req.headers.authorization);
    const verdict = access.check(user);
    if (verdict.ok) return next();
    res
      .status(verdict.status)
      .type('text/plain')
      .send(verdict.status === 401 ? 'Sign in as an admin first.' : 'Admins only.');
  });
  app.use(DASHBOARD_PATH, board.getRouter());
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name)
      return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}
