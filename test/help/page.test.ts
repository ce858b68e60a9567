/**
 * The help page, rendered from the function registry at build time: the page webpack emitted
 * (dist/help.html, minified), and the rendering itself.
 */
import fs from 'node:fs';
import { DEF_DECLARATIONS, helpAnchor, REGISTRY } from '../../src/functions/registry';
import helpPage, { escapeHtml, functionSection, renderHelpPage } from '../../src/help/page';
import { distFile } from '../contract/bundle';

/** Every `id` attribute of a page, quoted or not (the production build drops the quotes). */
function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\bid=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2] ?? ''));
}

describe('dist/help.html', () => {
  const built = fs.readFileSync(distFile('help.html'), 'utf8');

  it("has a section for every function and the page's other sections", () => {
    const anchors = ids(built);
    for (const a of [...DEF_DECLARATIONS.map(helpAnchor), 'ranges', 'errors', 'data', 'keys']) {
      expect([a, anchors.has(a)]).toEqual([a, true]);
    }
  });

  it('is the rendered page, with no scripts', () => {
    expect(built).toContain('DEF.MUNITION_REGEN_YEARS(target_stock, current_stock, annual_production, [annual_drawdown])');
    expect(built).not.toContain('<script');
  });
});

describe('renderHelpPage', () => {
  const html = renderHelpPage();

  it('links every function and section from the navigation, in registry order', () => {
    const nav = /<nav>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect([...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([...DEF_DECLARATIONS.map(helpAnchor), 'ranges', 'errors', 'data']);
  });

  it('groups the functions under Force, Munitions, Fund, Time, Uncertainty and Reference data', () => {
    expect([...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Ranges and spilling',
      'Errors',
      'Force',
      'Munitions',
      'Fund',
      'Time',
      'Uncertainty',
      'Reference data',
      'Where the numbers come from',
    ]);
  });

  it('puts the tags the build gives into the head', () => {
    const page = helpPage({ htmlWebpackPlugin: { tags: { headTags: ['<meta name="x" content="y">'] } } });
    expect(page).toMatch(/<head>[\s\S]*<meta name="x" content="y">[\s\S]*<\/head>/);
    expect(helpPage()).toBe(html);
  });
});

describe('functionSection', () => {
  it("shows each parameter's unit and accepted range from the model, with the default", () => {
    const section = functionSection(REGISTRY.FORCE_SIZE);
    // FORCE_SIZE: enabler_share is a fraction in [0, 1), default 0 (src/model/force.ts).
    expect(section).toContain(
      '<tr><td><code>enabler_share</code></td><td>fraction of the whole force in support roles</td><td>≥ 0 and &lt; 1; default 0</td></tr>',
    );
    expect(section).toContain('<td>≥ 1; default 1, the deployed force</td>');
  });

  it('gives the method and its reference', () => {
    expect(functionSection(REGISTRY.FORCE_ROTATION)).toContain(
      '<p>Method: (tour + interval) / tour. Reference: UK Harmony Guidelines (6-month tours, 24 months between), Iraq Inquiry report, section 16.1.</p>',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes markup but leaves quotes', () => {
    expect(escapeHtml('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; "d"');
  });
});
