import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../factories';
import { startTestApp, TestApp } from './test-app';

/** Debian's chromium: the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(__dirname, 'screenshots');
const ROOT = resolve(__dirname, '../..');

/** The API serves apps/web/dist; build it once when a fresh clone has not yet (CI builds it first). */
export function ensurePortalBuilt(): void {
  if (existsSync(join(ROOT, 'apps/web/dist/index.html'))) return;
  const build = spawnSync('npm', ['run', 'web:build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run web:build failed');
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA checks by axe-core on the current page; the serious and critical findings. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
    // Runs in the page, where axe-core put itself on the global object.
    const axe = (globalThis as unknown as { axe: { run(options: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

export interface PortalHarness {
  app: TestApp;
  /** Where the API serves the portal, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** A fresh page (and browser context) for each test. */
  page: Page;
  /** Signs in through the sign-in page (in French) and waits for the signed-in portal. */
  signInAs(email: string): Promise<void>;
  /** Fails the test with axe-core's serious and critical findings on the current page. */
  expectAccessible(name: string): Promise<void>;
}

/**
 * Registers the hooks of a browser test file: the real API serving the built
 * portal on its own database, one Chromium, and a new context per test.
 * bypassCSP lets the test inject axe-core; the portal itself runs under the API's CSP.
 */
export function portalHarness(viewport: { width: number; height: number }): PortalHarness {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const harness = {
    async signInAs(email: string) {
      const { page } = harness;
      await page.goto(`${harness.origin}/sign-in`);
      await page.getByLabel('Courriel').fill(email);
      await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page
        .getByRole('button', { name: 'Se déconnecter' })
        .waitFor()
        .catch(async (error: unknown) => {
          await screenshot(page, 'FAILED-sign-in');
          throw error;
        });
    },
    async expectAccessible(name: string) {
      const violations = await seriousAccessibilityViolations(harness.page);
      expect({ page: name, violations }).toEqual({ page: name, violations: [] });
    },
  } as PortalHarness;
  beforeAll(async () => {
    ensurePortalBuilt();
    [harness.app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    harness.origin = harness.app.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await browser?.close();
    await harness.app?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport, bypassCSP: true });
    harness.page = await context.newPage();
    // Generous: CI runs every test file on two cores, and sign-in hashes with argon2.
    harness.page.setDefaultTimeout(20_000);
  });
  afterEach(() => context?.close());
  return harness;
}
