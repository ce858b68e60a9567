import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type BaseUrlParser = (raw: string | undefined) => string | null;
type PolicyOf = (page: string, inlineStyles?: readonly string[]) => string;
type PolicyInserter = (page: string, html: string) => string;
type HeadersFor = (request: { url?: string }) => Record<string, string>;
type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<{ devServer?: Record<string, unknown> }>;

const ROOT = path.resolve(__dirname, '..');

/** webpack.config.js: the config factory, with its helpers as properties. */
function loadConfig(): ConfigFactory & Record<string, unknown> {
  const loaded: unknown = createRequire(__filename)(path.join(ROOT, 'webpack.config.js'));
  if (typeof loaded !== 'function') throw new Error('webpack.config.js should export a function');
  return loaded as ConfigFactory & Record<string, unknown>;
}

const config = loadConfig();

function exported<T>(name: string): T {
  const value = config[name];
  if (typeof value !== 'function') throw new Error(`webpack.config.js should export ${name}`);
  return value as T;
}

const productionBaseUrl = exported<BaseUrlParser>('productionBaseUrl');
const contentSecurityPolicy = exported<PolicyOf>('contentSecurityPolicy');
const withContentSecurityPolicy = exported<PolicyInserter>('withContentSecurityPolicy');

/** One directive of a policy, e.g. `script-src 'self'`, or undefined. */
function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.split(' ')[0] === name);
}

describe('productionBaseUrl', () => {
  it('keeps the dev URL when DEFECON_BASE_URL is unset or blank', () => {
    expect(productionBaseUrl(undefined)).toBeNull();
    expect(productionBaseUrl('  ')).toBeNull();
  });

  it('adds the trailing slash that file names are appended to', () => {
    expect(productionBaseUrl('https://defecon.example.org/addin')).toBe('https://defecon.example.org/addin/');
    expect(productionBaseUrl('https://defecon.example.org/')).toBe('https://defecon.example.org/');
  });

  it('refuses plain http, which Office will not load', () => {
    expect(() => productionBaseUrl('http://defecon.example.org/')).toThrow('DEFECON_BASE_URL must use https');
  });

  it('refuses a query or fragment, which file names cannot follow', () => {
    expect(() => productionBaseUrl('https://defecon.example.org/?v=1')).toThrow('must not have a query or fragment');
    expect(() => productionBaseUrl('https://defecon.example.org/#top')).toThrow('must not have a query or fragment');
  });

  it('refuses text that is not a URL', () => {
    expect(() => productionBaseUrl('defecon.example.org')).toThrow('DEFECON_BASE_URL is not a URL');
  });
});

describe('the dev server (webpack serve)', () => {
  let devServer: Record<string, unknown>;

  beforeAll(async () => {
    // Without a dev certificate the config warns and falls back to http; that is not under test.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      devServer = (await config({ WEBPACK_SERVE: true }, { mode: 'development' })).devServer ?? {};
    } finally {
      warn.mockRestore();
    }
  });

  it('listens on this machine only', () => {
    expect(devServer.host).toBe('localhost');
  });

  it('sends no CORS header with the pages, scripts and manifest', () => {
    const headers = devServer.headers;
    expect(typeof headers).toBe('function');
    const headersFor = headers as HeadersFor;
    for (const url of ['/taskpane.html', '/preview.html', '/help.html', '/taskpane.js', '/functions.js', '/functions.js.map', '/manifest.xml', '/']) {
      expect(headersFor({ url })).toEqual({});
    }
  });

  it('allows Excel on the web, from its own origin, to read the functions metadata and nothing else', () => {
    const headersFor = devServer.headers as HeadersFor;
    expect(headersFor({ url: '/functions.json' })).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(headersFor({ url: '/functions.json?v=2' })).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(headersFor({ url: '/assets/functions.json' })).toEqual({});
  });

  it('answers / with a redirect to the browser preview, and passes every other request on (issue 13, defect 10)', () => {
    type Middleware = { name: string; middleware: (req: { url?: string }, res: FakeResponse, next: () => void) => void };
    type FakeResponse = { statusCode: number; headers: Record<string, string>; ended: boolean; setHeader(k: string, v: string): void; end(): void };
    const setup = devServer.setupMiddlewares as (m: Middleware[]) => Middleware[];
    const first = setup([])[0];
    const answer = (url: string): { next: boolean; status: number; location?: string } => {
      const res: FakeResponse = {
        statusCode: 200,
        headers: {},
        ended: false,
        setHeader(k, v) {
          this.headers[k] = v;
        },
        end() {
          this.ended = true;
        },
      };
      let next = false;
      first?.middleware({ url }, res, () => {
        next = true;
      });
      return next
        ? { next, status: res.statusCode }
        : { next, status: res.statusCode, ...(res.headers.Location === undefined ? {} : { location: res.headers.Location }) };
    };
    expect(answer('/')).toEqual({ next: false, status: 302, location: '/preview.html' });
    expect(answer('/index.html')).toEqual({ next: false, status: 302, location: '/preview.html' });
    expect(answer('/?x=1')).toEqual({ next: false, status: 302, location: '/preview.html' });
    expect(answer('/preview.html')).toEqual({ next: true, status: 200 });
    expect(answer('/taskpane.html')).toEqual({ next: true, status: 200 });
  });
});

describe('contentSecurityPolicy', () => {
  const pages = ['taskpane.html', 'preview.html', 'help.html'];

  it('lets only the task pane load scripts from outside, and only from Office.js’s CDN', () => {
    expect(directive(contentSecurityPolicy('taskpane.html'), 'script-src')).toBe("script-src 'self' https://appsforoffice.microsoft.com");
    expect(directive(contentSecurityPolicy('preview.html'), 'script-src')).toBe("script-src 'self'");
    expect(directive(contentSecurityPolicy('help.html'), 'script-src')).toBe("script-src 'self'");
  });

  it.each(pages)('keeps %s to its own origin otherwise, with no eval and no plugins', (page) => {
    const policy = contentSecurityPolicy(page);
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('*');
  });

  it('allows the help page’s inline styles by their SHA-256, CRLF read as LF as the HTML parser does', () => {
    // printf 'a{}' | openssl dgst -sha256 -binary | base64, and the same for printf 'a{\n}'.
    expect(directive(contentSecurityPolicy('help.html', ['a{}', 'a{\r\n}']), 'style-src')).toBe(
      "style-src 'self' 'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk=' 'sha256-zmS/m2QMQAagqM9HfpqVN2pUV5hlkOxA70pyS5pve+E='",
    );
  });

  it('allows any inline style on the pages that mount the pane', () => {
    expect(directive(contentSecurityPolicy('taskpane.html', ['a{}']), 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(contentSecurityPolicy('preview.html'), 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  });

  it('has no policy for a page it does not know, so the build fails rather than emit a page without one', () => {
    expect(() => contentSecurityPolicy('other.html')).toThrow('no Content-Security-Policy is defined for other.html');
  });
});

describe('withContentSecurityPolicy', () => {
  const page = '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>t</title>\n<style>a{}</style>\n</head>\n<body></body>\n</html>\n';

  it('puts the page’s policy right after <meta charset>, before its styles and scripts', () => {
    const meta =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; " +
      "style-src 'self' 'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='; object-src 'none'; base-uri 'self'; form-action 'self'\" />";
    expect(withContentSecurityPolicy('help.html', page)).toBe(page.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    ${meta}`));
  });

  it('puts it first in <head> when the page has no <meta charset>', () => {
    const html = withContentSecurityPolicy('help.html', '<html><head lang="en"><style>a{}</style></head></html>');
    expect(html.indexOf('<meta http-equiv="Content-Security-Policy"')).toBe('<html><head lang="en">\n    '.length);
  });

  it('refuses a page that has a policy already, or no <head>', () => {
    expect(() => withContentSecurityPolicy('help.html', withContentSecurityPolicy('help.html', page))).toThrow(
      'already has a Content-Security-Policy',
    );
    expect(() => withContentSecurityPolicy('help.html', '<p>no head</p>')).toThrow('no <head>');
  });
});

describe('the production build’s pages (dist/, built by npm test first)', () => {
  it.each(['taskpane.html', 'help.html'])('%s carries its Content-Security-Policy before any style or script', (page) => {
    const html = fs.readFileSync(path.join(ROOT, 'dist', page), 'utf8');
    const meta = html.search(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'/);
    expect(meta).toBeGreaterThan(0);
    expect(html.slice(0, meta)).not.toMatch(/<(style|script|link)\b/i);
  });
});
