import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots of each page, kept as test artefacts (gitignored). */
export const artifactsDir = join(__dirname, '..', '..', '..', 'test-artifacts', 'dashboard');

/** Debian's chromium (CHROMIUM_PATH overrides), or null when this machine has none. */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Debian's chromium, headless, with background networking off. */
export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("No chromium: install Debian's chromium package or set CHROMIUM_PATH");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

const local = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for what stays on this machine: loopback hosts, and data:/blob: URLs (inline content, e.g. GraphiQL's editor workers). */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  return (
    parsed.protocol === 'data:' ||
    parsed.protocol === 'blob:' ||
    ((parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'ws:') && local.has(parsed.hostname))
  );
}

/**
 * A fresh browser context that records every request and blocks (and lists) any that would leave
 * localhost: the test fails on the list, not on what a blocked request did to the page.
 */
export async function guardedContext(
  browser: Browser,
  token?: string,
): Promise<{ context: BrowserContext; page: Page; external: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Generous waits: the CI machine's two cores are shared; a slow answer is not what these tests judge.
  context.setDefaultTimeout(60_000);
  const external: string[] = [];
  context.on('request', (request) => {
    if (!isLocal(request.url())) external.push(request.url());
  });
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  // A token put where the dashboard keeps it, before any script runs: the page opens signed in.
  if (token) await context.addInitScript((value) => sessionStorage.setItem('cpb.token', value), token);
  const page = await context.newPage();
  return { context, page, external };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Painted pixels of the chart's canvas and how many of them are the series red: a chart that drew bars has both. */
export function canvasInk(page: Page, chart: string): Promise<{ painted: number; red: number }> {
  return page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`);
    if (!canvas) return { painted: 0, red: 0 };
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    let red = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      painted++;
      if (pixels[i] > 170 && pixels[i + 1] < 70 && pixels[i + 2] < 70) red++;
    }
    return { painted, red };
  }, chart);
}
