/**
 * The Content-Security-Policy of each page the build emits (webpack.config.js,
 * `contentSecurityPolicy`), in Chromium: the page carries its policy, loads and styles itself with no
 * violation reported, and the policy does refuse what it should (eval, anything from outside).
 * The task pane is opened outside Office, with Office.js answered as Microsoft's CDN would answer it:
 * it says where to open it. The preview loads the baseline through the pane, so the Fluent
 * components, the grid and the embedded engine all run under the policy.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { notInExcelMessage } from '../../src/taskpane/host';
import { type OpenPreview, openPage, ROOT } from './harness';

type PolicyOf = (page: string, inlineStyles?: readonly string[]) => string;

function loadPolicies(): PolicyOf {
  const loaded: unknown = createRequire(__filename)(path.join(ROOT, 'webpack.config.js'));
  if (typeof loaded !== 'function' || !('contentSecurityPolicy' in loaded) || typeof loaded.contentSecurityPolicy !== 'function') {
    throw new Error('webpack.config.js should export contentSecurityPolicy');
  }
  return loaded.contentSecurityPolicy as PolicyOf;
}

const contentSecurityPolicy = loadPolicies();

/** Office.js's telemetry frame, which its loader adds 3 s after it starts outside Office; the policy refuses it. */
const OFFICE_TELEMETRY_FRAME = 'frame-src blocked https://telemetryservice.firstpartyapps.oaspapps.com';

/**
 * The policy the page carries (its one `<meta http-equiv>`), whether that comes before every style
 * and script of the head, and the policy the build defines for the page with the page's own inline
 * styles, as the browser reads them.
 */
async function carriedPolicy(page: Page, file: string): Promise<{ carried: string | null; count: number; first: boolean; defined: string }> {
  const seen = await page.evaluate(() => {
    const metas = [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
    const meta = metas[0];
    // A policy in a <meta> governs only what follows it.
    const before =
      meta === undefined
        ? []
        : [...document.head.querySelectorAll('style, script, link')].filter(
            (e) => meta.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING,
          );
    const styles = [...document.querySelectorAll('style')].map((e) => e.textContent ?? '');
    return { carried: meta?.getAttribute('content') ?? null, count: metas.length, first: meta !== undefined && before.length === 0, styles };
  });
  return { carried: seen.carried, count: seen.count, first: seen.first, defined: contentSecurityPolicy(file, seen.styles) };
}

/** What the page makes of an inline script, a script evaluated from a string, and a script from elsewhere: all must stay unrun. */
async function tryForbiddenScripts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const ran = (flag: string): string => `${flag}: ${Reflect.get(window, flag) === undefined ? 'refused' : 'ran'}`;
    const inline = document.createElement('script');
    inline.textContent = 'window.__inline = 1';
    document.head.append(inline);
    // A string handler is evaluated as code: the policy must refuse it as it refuses eval.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: the policy must refuse it
    window.setTimeout('window.__evaluated = 1', 0);
    const outside = document.createElement('script');
    outside.src = 'https://example.org/script.js';
    document.head.append(outside);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return [ran('__inline'), ran('__evaluated')];
  });
}

/** Checks that `opened` refuses scripts from anywhere but its own origin, and reports each refusal. */
async function expectForbiddenScriptsRefused(opened: OpenPreview): Promise<void> {
  const before = (await opened.cspViolations()).length;
  expect(await tryForbiddenScripts(opened.page)).toEqual(['__inline: refused', '__evaluated: refused']);
  const reported = (await opened.cspViolations()).slice(before).map((v) => v.split(' at ')[0]);
  expect(reported).toEqual(['script-src-elem blocked inline', 'script-src blocked eval', 'script-src-elem blocked https://example.org/script.js']);
}

describe('contentSecurityPolicy', () => {
  describe('taskpane.html, outside Office', () => {
    let opened: OpenPreview;
    beforeAll(async () => {
      opened = await openPage('taskpane.html', { width: 400, height: 700 });
    });
    afterAll(async () => {
      await opened.close();
    });

    it('carries its policy before any style or script, allowing scripts from Office.js’s CDN and inline styles', async () => {
      const { carried, count, first, defined } = await carriedPolicy(opened.page, 'taskpane.html');
      expect({ carried, count, first }).toEqual({ carried: defined, count: 1, first: true });
      expect(carried).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(carried).toContain("style-src 'self' 'unsafe-inline';");
    });

    it('loads Office.js under the policy and says where to open the pane, in the page’s styles', async () => {
      const page = opened.page;
      await page.waitForFunction((want) => document.getElementById('app')?.textContent === want, notInExcelMessage(null));
      expect(await page.evaluate(() => typeof Reflect.get(window, 'Office'))).toBe('object');
      // "preview page" is a real link to the preview (issue 13, defect 10).
      expect(await page.getAttribute('#app a#preview-link', 'href')).toBe('preview.html');
      expect(await page.textContent('#preview-link')).toBe('preview page');
      // The inline <style>: body padding 16px 20px, font-size 14px.
      expect(await page.evaluate(() => [getComputedStyle(document.body).paddingLeft, getComputedStyle(document.body).fontSize])).toEqual([
        '20px',
        '14px',
      ]);
    });

    it('reports no violation but the refusal of Office.js’s telemetry frame, and no other error', async () => {
      // Outside Office, office.js's loader adds a hidden telemetry frame after 3 s: wait for it.
      await opened.page.waitForFunction((frame) => {
        const seen: unknown = Reflect.get(window, '__cspViolations');
        return Array.isArray(seen) && seen.some((v) => String(v).startsWith(frame));
      }, OFFICE_TELEMETRY_FRAME);
      expect((await opened.cspViolations()).map((v) => v.split(' at ')[0])).toEqual([OFFICE_TELEMETRY_FRAME]);
      expect(opened.problems.filter((p) => !p.includes("Framing 'https://telemetryservice.firstpartyapps.oaspapps.com/'"))).toEqual([]);
    });

    it('refuses inline scripts, eval and scripts from elsewhere', async () => {
      await expectForbiddenScriptsRefused(opened);
    });
  });

  describe('preview.html', () => {
    let opened: OpenPreview;
    beforeAll(async () => {
      opened = await openPage('preview.html');
    });
    afterAll(async () => {
      await opened.close();
    });

    it('carries its policy before any style or script: scripts from its own origin only, inline styles (the pane’s)', async () => {
      const { carried, count, first, defined } = await carriedPolicy(opened.page, 'preview.html');
      expect({ carried, count, first }).toEqual({ carried: defined, count: 1, first: true });
      expect(carried).toContain("script-src 'self';");
      expect(carried).toContain("style-src 'self' 'unsafe-inline';");
    });

    it('loads the baseline through the pane under the policy, with the page’s and the components’ styles applied', async () => {
      const page = opened.page;
      await page.click('#load-baseline');
      await page.waitForSelector('.defecon-pane[data-status="done"]', { timeout: 30_000 });
      // The inline <style>: the title bar in Excel's green, #217346 = rgb(33, 115, 70), and the title row 18px.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.titlebar') ?? document.body).backgroundColor)).toBe(
        'rgb(33, 115, 70)',
      );
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('table.grid td.role-title') ?? document.body).fontSize)).toBe('18px');
      // The pane's own <style> (PANE_CSS): its root is a flex column at most 560px wide.
      expect(
        await page.evaluate(() => [
          getComputedStyle(document.querySelector('.defecon-pane') ?? document.body).display,
          getComputedStyle(document.querySelector('.defecon-pane') ?? document.body).maxWidth,
        ]),
      ).toEqual(['flex', '560px']);
      // The Fluent web components style themselves through adopted style sheets in their shadow roots.
      const styledComponents = await page.evaluate(
        () =>
          [...document.querySelectorAll('#pane *')].filter((e) => e.tagName.includes('-') && (e.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0)
            .length,
      );
      expect(styledComponents).toBeGreaterThan(0);
    });

    it('reports no violation and no error', async () => {
      expect(await opened.cspViolations()).toEqual([]);
      expect(opened.problems).toEqual([]);
    });

    it('refuses inline scripts, eval and scripts from elsewhere', async () => {
      await expectForbiddenScriptsRefused(opened);
    });
  });

  describe('help.html', () => {
    let opened: OpenPreview;
    beforeAll(async () => {
      opened = await openPage('help.html');
    });
    afterAll(async () => {
      await opened.close();
    });

    it('carries its policy before any style or script: scripts from its own origin, its own inline styles by hash', async () => {
      const { carried, count, first, defined } = await carriedPolicy(opened.page, 'help.html');
      expect({ carried, count, first }).toEqual({ carried: defined, count: 1, first: true });
      expect(carried).toContain("script-src 'self';");
      expect(carried).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
    });

    it('shows the function reference in its styles', async () => {
      const page = opened.page;
      expect(await page.textContent('h1')).toBe('DefEcon function reference');
      // The inline <style>: h1 at weight 600 (the browser's own is bold, 700), tables collapsed.
      const looks = await page.evaluate(() => [
        getComputedStyle(document.querySelector('h1') ?? document.body).fontWeight,
        getComputedStyle(document.querySelector('table') ?? document.body).borderCollapse,
      ]);
      expect(looks).toEqual(['600', 'collapse']);
    });

    it('reports no violation and no error', async () => {
      expect(await opened.cspViolations()).toEqual([]);
      expect(opened.problems).toEqual([]);
    });

    it('refuses inline scripts, eval and scripts from elsewhere', async () => {
      await expectForbiddenScriptsRefused(opened);
    });
  });
});
