import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every test browser starts with (no sandbox in CI containers, no network chatter, no first-run UI). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Query string without '?', e.g. "scene=gallery&renderer=canvas". */
  query?: string;
  /** Pretend the help was dismissed on an earlier visit. */
  helpSeen?: boolean;
  /** localStorage entries present before the game starts. */
  storage?: Record<string, string>;
  /** A touch screen (pointer events come from touches). */
  hasTouch?: boolean;
}

/** A fresh browser profile per session, so saved progress never leaks between tests. */
export async function openGame(baseUrl: string, viewportOrOptions: OpenOptions | { width: number; height: number } = {}): Promise<Session> {
  const opts: OpenOptions = 'width' in viewportOrOptions ? { viewport: viewportOrOptions } : viewportOrOptions;
  const userDataDir = mkdtempSync(join(tmpdir(), 'neuroworm-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    hasTouch: opts.hasTouch ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const storage: Record<string, string> = { ...(opts.storage ?? {}) };
  if (opts.helpSeen) storage['neuroworm:help-seen:v1'] = '1';
  if (Object.keys(storage).length) {
    // Only on the first load of this profile, so tests can check what the game saved across reloads.
    await page.addInitScript((entries: Record<string, string>) => {
      if (sessionStorage.getItem('e2e-seeded')) return;
      sessionStorage.setItem('e2e-seeded', '1');
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, storage);
  }
  await page.goto(opts.query ? `${baseUrl}?${opts.query}` : baseUrl);
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };
