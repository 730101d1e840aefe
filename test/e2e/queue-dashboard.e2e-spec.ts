import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const OPEN = 'mutation { openQueueDashboard { url expiresAt } }';

describe('queue dashboard (Bull Board) for admins only', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp();
    base = app.url.replace('/graphql', '');
  });
  afterAll(() => app.close());

  /** The link's path and query, against this test server (PUBLIC_URL names the deployed origin). */
  const local = (url: string) => {
    const { pathname, search } = new URL(url);
    return `${base}${pathname}${search}`;
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(path.startsWith('http') ? path : `${base}${path}`, { headers, redirect: 'manual' });

  it('refuses anonymous visitors with 401 on the page and on its API', async () => {
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues/session?ticket=forged')).status).toBe(401);
  });

  it('refuses a signed-in non-admin: no link, and 403 with their token', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    expect(errorCode(await app.gql(OPEN, {}, { token: secretary.token }))).toBe('FORBIDDEN');
    const response = await get('/admin/queues/api/queues', {
      authorization: `Bearer ${secretary.token}`,
    });
    expect(response.status).toBe(403);
  });

  it('lets an admin in through a single-use link that sets an httpOnly cookie', async () => {
    const admin = await signedInMember(app, [Role.Admin]);
    const { openQueueDashboard } = ok(
      await app.gql<{ openQueueDashboard: { url: string } }>(OPEN, {}, { token: admin.token }),
    );
    const redeemed = await get(local(openQueueDashboard.url));
    expect(redeemed.status).toBe(303);
    expect(redeemed.headers.get('location')).toBe('/admin/queues/');
    const setCookie = redeemed.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/admin\/queues/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];

    const page = await get('/admin/queues/', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const queues = await get('/admin/queues/api/queues', { cookie });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([
      'deadlines',
      'notifications',
      'reports',
    ]);

    // Used once: a second visit with the same link is refused.
    expect((await get(local(openQueueDashboard.url))).status).toBe(401);
  });

  it('does not accept the dashboard cookie as an API token', async () => {
    const admin = await signedInMember(app, [Role.Admin]);
    const { openQueueDashboard } = ok(
      await app.gql<{ openQueueDashboard: { url: string } }>(OPEN, {}, { token: admin.token }),
    );
    const setCookie = (await get(local(openQueueDashboard.url))).headers.get('set-cookie') ?? '';
    const session = decodeURIComponent(setCookie.split(';')[0].split('=')[1]);
    expect(errorCode(await app.gql(OPEN, {}, { token: session }))).toBe('UNAUTHENTICATED');
  });
});
