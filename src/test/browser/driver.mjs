// What the browser drivers (tasklist.mjs, dashboard.mjs) share: one invocation = one person doing one thing in
// headless Chromium (Debian's /usr/bin/chromium; no browser is ever downloaded).
//
//   const session = await open();          reads the request (JSON) from stdin, starts Chromium, opens a page
//   await session.run({ name: fn, ... });  runs the request's "action", prints one JSON object on stdout: what the
//                                          action returned plus pageErrors (uncaught errors in the page),
//                                          failedRequests (answers >= 500) and elapsedMs; on failure exits 1 with
//                                          the reason on stderr and a screenshot in "screenshots"
//
// Every request has "baseUrl", "user" (and "password", default demo), "action", "name", "screenshots" (a folder for
// the screenshots of each run, -ok.png / -failed.png), and optionally "shot" (a file the action saves its main
// screen to, for the README), "width" and "height" (the window, default 1400 x 1000).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const TIMEOUT = 20_000;

export async function open() {
  const began = Date.now();
  const request = JSON.parse(await readStdin());
  if (!existsSync(CHROMIUM)) {
    fail(`${CHROMIUM} is missing: install Debian's package with 'apt-get install -y chromium'`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: request.width ?? 1400, height: request.height ?? 1000 } });
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  const failedRequests = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) {
      failedRequests.push(`${r.status()} ${r.url()}`);
    }
  });

  async function screenshot(suffix) {
    if (!request.screenshots) {
      return null;
    }
    mkdirSync(request.screenshots, { recursive: true });
    const path = join(request.screenshots, `${request.name ?? request.action}-${suffix}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  /** Saves the page as the request's "shot" (the README's pictures): the window, or with fullPage the whole page. */
  async function shot({ fullPage = false } = {}) {
    if (request.shot) {
      mkdirSync(dirname(request.shot), { recursive: true });
      await page.screenshot({ path: request.shot, fullPage });
    }
  }

  async function run(actions, extra = () => ({})) {
    try {
      const action = actions[request.action];
      if (!action) {
        throw new Error(`unknown action ${request.action}`);
      }
      const result = await action();
      await screenshot('ok');
      process.stdout.write(JSON.stringify({ ...result, ...extra(), pageErrors, failedRequests,
        elapsedMs: Date.now() - began }) + '\n');
      await browser.close();
    } catch (e) {
      const path = await screenshot('failed').catch(() => null);
      await browser.close().catch(() => {});
      fail(`${request.action} as ${request.user}: ${e.message}` + (path ? `\nscreenshot: ${path}` : '')
        + (pageErrors.length ? `\npage errors: ${pageErrors.join(' | ')}` : ''));
    }
  }

  return { request, page, run, shot, screenshot, pageErrors };
}

/** A regular expression matching the whole text (leading and trailing white space aside), for labels. */
export function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}
