/**
 * What the browser tests share: building the preview once per run, serving it from 127.0.0.1 and
 * opening it in Chromium with nothing reachable but that server. Not a test.
 *
 * Needs Chromium: /usr/bin/chromium (Debian's `apt-get install chromium`) or CHROMIUM_PATH.
 * DEFECON_E2E_PREBUILT=1 skips the build and serves dist-preview/ as it is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { baselinePlan } from '../../src/workbook/baseline';
import { address, type SheetPlan } from '../../src/workbook/plan';
import { serveFolder, type StaticServer } from './static-server';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'dist-preview');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chromium without the background traffic to hosts this machine cannot reach (../shared/TOOLCHAIN.md). */
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

/**
 * Builds dist-preview/ (npm run build:preview), unless DEFECON_E2E_PREBUILT=1 says it is already
 * built, or another test file of this run (same process: the browser tests run in band) built it.
 */
export function build(): void {
  const marker = path.join(OUT, '.e2e-built-by');
  const builtHere = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === String(process.pid);
  if (process.env.DEFECON_E2E_PREBUILT === '1' || builtHere) {
    if (!fs.existsSync(path.join(OUT, 'preview.html'))) throw new Error('dist-preview/ has no preview.html: unset DEFECON_E2E_PREBUILT to build it');
    return;
  }
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli, '--mode', 'development', '--env', 'preview'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build:preview failed:\n${run.stdout}\n${run.stderr}`);
  // The test files of one run share a process (maxWorkers: 1): the next one serves this build.
  fs.writeFileSync(marker, String(process.pid));
}

export interface OpenPreview {
  readonly page: Page;
  /** Page errors and console errors seen so far. */
  readonly problems: string[];
  /** The Content-Security-Policy violations the page has reported so far (its `securitypolicyviolation` events). */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Where Office.js comes from on the add-in's pages: Microsoft's CDN (webpack.config.js, taskpane.html). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** The same files as the CDN serves, from the npm package, so a page can load Office.js offline. */
const OFFICE_JS_FILES = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/** Records the page's Content-Security-Policy violations in `window.__cspViolations`, from before its first script. */
function recordCspViolations(): void {
  const seen: string[] = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
  );
}

/** Builds and serves the preview, opens it in a fresh Chromium profile, and records page errors. */
export async function openPreview(viewport = { width: 1440, height: 900 }): Promise<OpenPreview> {
  return openPage('preview.html', viewport);
}

/**
 * Builds and serves dist-preview/, opens one of its pages (`preview.html`, `taskpane.html`,
 * `help.html`) in a fresh Chromium profile, and records page errors and policy violations. Office.js
 * is answered from the npm package as Microsoft's CDN would answer it; nothing else outside the test's
 * server is reachable.
 */
export async function openPage(file: string, viewport = { width: 1440, height: 900 }): Promise<OpenPreview> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  build();
  const server: StaticServer = await serveFolder(OUT);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'defecon-chromium-'));
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport });
    // Nothing leaves this machine: only the test's own server is reachable, and Office.js's CDN answered locally.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      const office = url.startsWith(OFFICE_JS_CDN)
        ? path.join(OFFICE_JS_FILES, new URL(url).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length))
        : null;
      if (office !== null && office.startsWith(OFFICE_JS_FILES + path.sep) && fs.existsSync(office)) {
        return route.fulfill({ path: office, contentType: 'text/javascript; charset=utf-8' });
      }
      return route.abort();
    });
    await context.addInitScript(recordCspViolations);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('favicon.ico')) problems.push(`console: ${m.text()}`);
    });
    const cspViolations = (): Promise<string[]> =>
      page.evaluate(() => {
        const seen: unknown = Reflect.get(window, '__cspViolations');
        return Array.isArray(seen) ? seen.map(String) : [];
      });
    await page.goto(`${server.url}${file}`);
    return { page, problems, cspViolations, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The baseline the preview loads (scenario Lasting peace, copy 1): where the tests look for cells. */
export const PLAN = baselinePlan({ scenario: 'peace' });

/** A sheet of {@link PLAN}. */
export function sheetPlan(name: string): SheetPlan {
  const s = PLAN.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`the baseline has no sheet ${name}`);
  return s;
}

/** The address of the cell in column `col` on the row whose column A holds `label`, from the plan. */
export function besideLabel(sheet: string, label: string, col = 1): string {
  const row = sheetPlan(sheet).cells.findIndex((r) => r[0]?.content === label);
  if (row < 0) throw new Error(`no row labelled ${label} on ${sheet}`);
  return address(row, col);
}
