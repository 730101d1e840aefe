import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DASHBOARD_PATH } from './queue-dashboard/dashboard-access.service';

/**
 * Paths the API answers itself; everything else under GET may be a portal page
 * (the portal's own /admin/members among them: only the queue dashboard is the API's).
 */
const API_PATHS = [
  '/graphql',
  '/health',
  '/ready',
  '/metrics',
  DASHBOARD_PATH,
  '/exports',
  '/open-data',
  '/reports',
];

/**
 * The built portal (`npm run web:build`), looked up from the sources (tests,
 * swc) and from the compiled `dist/apps/api/src` alike.
 */
export function findPortalDirectory(): string | null {
  const candidates = [
    resolve(__dirname, '../../web/dist'),
    resolve(__dirname, '../../../../apps/web/dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

export function isApiPath(path: string): boolean {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the portal's files and answers any other page address with
 * index.html, where the client-side router takes over. Does nothing when the
 * portal was not built (API-only deployments, most tests).
 */
export function servePortal(app: NestExpressApplication): boolean {
  const root = findPortalDirectory();
  if (!root) return false;
  // Hashed file names change with their content, so browsers may keep them for good.
  app.useStaticAssets(join(root, 'assets'), { prefix: '/assets', immutable: true, maxAge: '1y' });
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  const index = join(root, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) {
      return next();
    }
    if (!request.accepts('html')) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
