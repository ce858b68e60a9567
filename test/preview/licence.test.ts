/**
 * HyperFormula, the preview's engine, is GPL-3.0: it may be in the development build (npm start,
 * npm run build:preview) but never in the production add-in that is deployed (npm run build, which
 * `npm test` runs first). These tests read that build in dist/ and the production webpack config.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

type WebpackConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<{ entry?: unknown; plugins?: unknown[] }>;

function configFactory(): WebpackConfigFactory {
  const loaded: unknown = createRequire(__filename)(path.join(ROOT, 'webpack.config.js'));
  if (typeof loaded !== 'function') throw new Error('webpack.config.js should export a function');
  return loaded as WebpackConfigFactory;
}

/** Every text file of the build (scripts, source maps, pages, metadata), relative to dist/. */
function builtTextFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(js|map|html|json|xml|txt)$/.test(e.name)) out.push(path.relative(DIST, full));
    }
  };
  walk(DIST);
  return out.sort();
}

describe('the production add-in build (dist/)', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'functions.js'))) throw new Error('dist/functions.js is missing: run npm run build first');
    if (fs.existsSync(path.join(DIST, 'preview.html'))) {
      throw new Error('dist/ holds a development build (it has preview.html): run npm run build, then the tests');
    }
  });

  it('has the add-in’s scripts', () => {
    expect(builtTextFiles()).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js', 'taskpane.html']));
  });

  it('contains no HyperFormula (GPL-3.0) in any script, source map or page', () => {
    const offending = builtTextFiles().filter((f) => /hyperformula/i.test(fs.readFileSync(path.join(DIST, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});

describe('webpack.config.js', () => {
  it('builds the preview only in development', async () => {
    const make = configFactory();
    const production = await make({ WEBPACK_BUILD: true }, { mode: 'production' });
    const development = await make({ WEBPACK_BUILD: true }, { mode: 'development' });
    expect(Object.keys(production.entry as Record<string, unknown>)).toEqual(['functions', 'taskpane']);
    expect(Object.keys(development.entry as Record<string, unknown>)).toEqual(['functions', 'taskpane', 'preview']);
  });

  it('refuses a production build of the preview', async () => {
    await expect(configFactory()({ WEBPACK_BUILD: true, preview: true }, { mode: 'production' })).rejects.toThrow(
      'the preview is a development build',
    );
  });
});
