// Browser tests run Debian's Chromium through playwright-core against the real server, started
// on port 0 with a temporary data directory and serving the built client from dist/client.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type {} from '../../client/app/debugHandle.ts';
import type { Card } from '../../shared/model/kinds.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLIENT_DIR = path.join(REPO_ROOT, 'dist', 'client');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it with \`apt-get install chromium\` (as root), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client when dist/client is missing or older than its sources. */
export function ensureClientBuilt(): void {
  const index = path.join(CLIENT_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtimeMs(path.join(REPO_ROOT, 'client')),
    newestMtimeMs(path.join(REPO_ROOT, 'shared')),
  );
  if (built > sources) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  ensureClientBuilt();
  const { startServer } = await import('../../server/server.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, clientDir: CLIENT_DIR, logLevel: 'silent' });
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Content-Security-Policy violations reported by any page opened here, not yet checked. */
const cspViolations: string[] = [];

/** The violations reported since the last call (a test that provokes one on purpose takes them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/** Records every CSP violation in the context's pages: the event in the page, and Chromium's console line. */
async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__sdgCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __sdgCspViolation(text: string): Promise<void> }).__sdgCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      void report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(`console: ${message.text()}`);
  });
}

/** A describe block's server and browser, started before its tests and closed after them. */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Closes the page's context with the suite. */
  track(page: TestPage): TestPage;
}

/** Call inside `describe`: one server and one Chromium for its tests, and every tracked page closed after. */
export function browserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pages: TestPage[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 180_000);
  // The server's CSP must hold for everything the client does: a violation fails the test.
  afterEach(() => {
    const found = takeCspViolations();
    if (found.length > 0) throw new Error(`the page reported CSP violations:\n${found.join('\n')}`);
  });
  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started (use it inside a test)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    track(page) {
      pages.push(page);
      return page;
    },
  };
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors seen so far, for failure messages. */
  errors: string[];
}

/** A page in its own browser context: its own storage, IndexedDB and identity. */
export async function openPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordCspViolations(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/** Waits until the board is connected and synced with the server. */
export async function waitForSyncedBoard(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => window.__sdgBoard !== undefined, undefined, { timeout });
  await page
    .getByTestId('connection-status')
    .filter({ hasText: /^Synced$/ })
    .waitFor({ timeout });
}

export async function readCards(page: Page): Promise<Card[]> {
  return page.evaluate(() => window.__sdgBoard?.cards() ?? []);
}

export async function readCard(page: Page, id: string): Promise<Card | undefined> {
  return page.evaluate((cardId) => window.__sdgBoard?.cards().find((c) => c.id === cardId), id);
}

/** A card's box in page pixels once it is drawn and the view has stopped moving. */
export async function drawnCardBox(
  page: Page,
  id: string,
  timeout = 10_000,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const handle = await page.waitForFunction(
    (cardId) =>
      new Promise<{ x: number; y: number; width: number; height: number } | null>((resolve) => {
        const first = window.__sdgBoard?.cardClientBox(cardId) ?? null;
        // Two frames apart: the same box means the view is not being fitted or panned.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const second = window.__sdgBoard?.cardClientBox(cardId) ?? null;
            resolve(first && second && JSON.stringify(first) === JSON.stringify(second) ? second : null);
          }),
        );
      }),
    id,
    { timeout, polling: 100 },
  );
  const box = await handle.jsonValue();
  if (!box) throw new Error(`card ${id} is not drawn`);
  return box;
}

/** Drags with the mouse from one page point to another, in small steps like a person. */
export async function dragMouse(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 5, from.y + 5, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}
