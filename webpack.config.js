// Builds the DefEcon add-in: one shared-runtime page (taskpane.html) that loads both the task pane
// and the custom functions, the functions metadata (functions.json), the function reference
// (help.html, rendered from the function registry), the manifest and the icons.
//
//   npm run build          production build into dist/ (minified, with source maps): the add-in only
//   npm run build:dev      development build into dist/, with the browser preview (preview.html)
//   npm run build:preview  development build into dist-preview/, for the browser test (npm run test:e2e)
//   npm start              dev server on https://localhost:3000/ (see scripts/start.mjs), with the preview
//
// The browser preview (src/preview/) embeds HyperFormula, which is GPL-3.0: it is built only in
// development, never into the production add-in (test/preview/licence.test.ts checks dist/).
//
// Deploying elsewhere: set DEFECON_BASE_URL (for example https://defecon.example.org/addin/) for a
// production build; every https://localhost:3000/ in manifest.xml and functions.json is replaced.

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { Compilation, NormalModule, WebpackError, sources } = require('webpack');
const packageJson = require('./package.json');

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || packageJson.config.dev_server_port || 3000);
const DEV_URL = `https://localhost:${DEV_PORT}/`;

// Emitted files whose text carries absolute URLs to the add-in's own origin.
const FILES_WITH_URLS = ['manifest.xml', 'functions.json'];

/**
 * The production base URL from DEFECON_BASE_URL, or null when unset.
 * Office only loads add-ins over https, so anything else is refused.
 * @param {string | undefined} raw
 * @returns {string | null}
 */
function productionBaseUrl(raw) {
  if (raw === undefined || raw.trim() === '') {
    return null;
  }
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`DEFECON_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`DEFECON_BASE_URL must use https (Office loads add-ins over https only): "${raw}"`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`DEFECON_BASE_URL must not have a query or fragment: "${raw}"`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Replaces the dev URL with the production URL in the emitted manifest.xml and functions.json.
 * Runs after the metadata plugin (which emits functions.json when the compilation is created) and
 * after copy-webpack-plugin (stage ADDITIONAL), and fails the build if a file is missing or still
 * mentions the dev URL afterwards.
 */
class ReplaceBaseUrlPlugin {
  /** @param {{ from: string, to: string, files: string[] }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { from, to, files } = this.options;
    compiler.hooks.thisCompilation.tap('ReplaceBaseUrlPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ReplaceBaseUrlPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        for (const file of files) {
          const asset = compilation.getAsset(file);
          if (asset === undefined) {
            compilation.errors.push(new WebpackError(`ReplaceBaseUrlPlugin: ${file} was not emitted, so its URLs could not be set to ${to}`));
            continue;
          }
          const text = asset.source.source().toString().split(from).join(to);
          if (text.includes(from)) {
            compilation.errors.push(new WebpackError(`ReplaceBaseUrlPlugin: ${file} still mentions ${from}`));
          }
          compilation.updateAsset(file, new sources.RawSource(text));
        }
      });
    });
  }
}

/** Office.js's CDN (Microsoft's): the one origin outside the add-in that a page may load from. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com';

/**
 * What each page the build emits may load beyond its own origin, by file name; a page not listed
 * fails the build. Each allowance is one a page needs, as tested in Chromium (test/e2e/policy.e2e.ts):
 *  - taskpane.html: scripts from Office.js's CDN (AppSource requires the CDN; office.js loads its
 *    host and locale scripts from the same place), and inline styles of any kind: Office.js sets
 *    style attributes (OfficeDev/office-js#1687; its loader outside Office does too), and the pane
 *    adds its own <style> element (PANE_CSS, src/taskpane/styles.ts) when it mounts.
 *  - preview.html: inline styles of any kind, for the same pane's <style> element.
 *  - help.html: its own inline <style> blocks only, each allowed by its hash.
 * @type {Readonly<Record<string, { scripts: readonly string[], anyInlineStyle: boolean }>>}
 */
const PAGE_ALLOWANCES = {
  'taskpane.html': { scripts: [OFFICE_JS_CDN], anyInlineStyle: true },
  'preview.html': { scripts: [], anyInlineStyle: true },
  'help.html': { scripts: [], anyInlineStyle: false },
};

/**
 * The Content-Security-Policy of one page: everything from the add-in's own origin ('self') and
 * nothing from outside but the page's allowances in PAGE_ALLOWANCES. No page needs eval (webpack's
 * devtool is "source-map", never an eval devtool), inline scripts, frames or plugins: all refused.
 * (Outside Office, office.js adds a hidden telemetry frame from telemetryservice.firstpartyapps.
 * oaspapps.com; it is refused, and the pane works without it.)
 * The Fluent web components style themselves with constructed (adopted) style sheets, which
 * style-src does not govern. A policy in a <meta> cannot carry frame-ancestors, report-uri or
 * sandbox, so none is set.
 * @param {string} page an emitted page's file name, e.g. "taskpane.html"
 * @param {readonly string[]} [inlineStyles] the text of each inline <style> element of the page
 * @returns {string}
 */
function contentSecurityPolicy(page, inlineStyles = []) {
  const allowance = Object.hasOwn(PAGE_ALLOWANCES, page) ? PAGE_ALLOWANCES[page] : undefined;
  if (allowance === undefined) {
    throw new Error(`no Content-Security-Policy is defined for ${page}: add the page to PAGE_ALLOWANCES in webpack.config.js`);
  }
  const styles = allowance.anyInlineStyle ? ["'unsafe-inline'"] : inlineStyles.map(styleHash);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...allowance.scripts].join(' '),
    ["style-src 'self'", ...new Set(styles)].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The CSP source allowing one inline <style> element by its content: its SHA-256, after the line-ending
 * normalisation the HTML parser applies.
 * @param {string} text
 */
function styleHash(text) {
  const digest = require('crypto').createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
  return `'sha256-${digest}'`;
}

/**
 * Puts each emitted page's Content-Security-Policy into the page as a <meta http-equiv> element,
 * right after <meta charset> (or first in <head>): a policy in a <meta> applies only to what follows
 * it, so it must precede the inline styles and Office.js. A <meta> rather than a response header,
 * because in Excel the add-in is served by whatever static host deploys it. Runs on every .html the
 * build emits, whichever plugin emitted it (HtmlWebpackPlugin, CopyWebpackPlugin), and fails the
 * build for a page with no policy defined.
 */
class ContentSecurityPolicyPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ContentSecurityPolicyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // Just after HtmlWebpackPlugin writes its pages (PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE), and so
        // after production's minifier (OPTIMIZE_SIZE): the style hashes are of the text as served.
        { name: 'ContentSecurityPolicyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 },
        () => {
          for (const asset of compilation.getAssets().filter((a) => a.name.endsWith('.html'))) {
            try {
              const html = withContentSecurityPolicy(asset.name, asset.source.source().toString());
              compilation.updateAsset(asset.name, new sources.RawSource(html));
            } catch (error) {
              compilation.errors.push(
                new WebpackError(`ContentSecurityPolicyPlugin: ${asset.name}: ${error instanceof Error ? error.message : String(error)}`),
              );
            }
          }
        },
      );
    });
  }
}

/**
 * The page `html` (emitted as `page`) with a `<meta http-equiv="Content-Security-Policy">` carrying
 * its policy, placed right after `<meta charset>`, or first in `<head>` when there is none.
 * @param {string} page
 * @param {string} html
 * @returns {string}
 */
function withContentSecurityPolicy(page, html) {
  if (/<meta\s[^>]*http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error('the page already has a Content-Security-Policy <meta>');
  }
  const inlineStyles = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1] ?? '');
  const policy = contentSecurityPolicy(page, inlineStyles);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
  const anchor = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head(?:\s[^>]*)?>/i.exec(html);
  if (anchor === null) throw new Error('the page has no <head> to put its Content-Security-Policy in');
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

/**
 * The dev server's response headers for one request: only what Office needs. Excel on the web
 * fetches the custom functions' metadata (functions.json) from its own origin, so that one file is
 * sent with CORS allowed from any origin (it is public, like the manifest; Microsoft's publishing
 * guide enables CORS "so that Office can access the functions.json file"); no other file is
 * readable from another origin.
 * @param {{ url?: string }} request
 * @returns {Record<string, string>}
 */
function devServerHeaders(request) {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  return pathname === '/functions.json' ? { 'Access-Control-Allow-Origin': '*' } : {};
}

/**
 * Dev-server middleware: answers `/` (and `/index.html`) with a redirect to the browser preview,
 * so the address npm start prints leads somewhere; every other request goes on.
 * @param {import('http').IncomingMessage} request
 * @param {import('http').ServerResponse} response
 * @param {() => void} next
 */
function rootToPreview(request, response, next) {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (pathname !== '/' && pathname !== '/index.html') return next();
  response.statusCode = 302;
  response.setHeader('Location', '/preview.html');
  response.end();
}

/** Whether a loader is the one CustomFunctionsMetadataPlugin adds (it appends the associate calls). */
function isMetadataLoader(loader) {
  return loader.loader.includes(`${path.sep}custom-functions-metadata-plugin${path.sep}`);
}

/**
 * Keeps Excel's `CustomFunctions.associate(...)` calls in src/functions/functions.ts only, on every
 * rebuild. CustomFunctionsMetadataPlugin adds its loader by pushing onto a module's loader list in
 * place. Under `webpack serve` (npm start), without this plugin, every rebuild after the first saved
 * file ran that loader on every TypeScript module, appending the associate calls to each (hundreds
 * of TS2304 "Cannot find name 'forceSize'" errors, the overlay over the page). Before the metadata
 * plugin's tap (stage -1), this one gives each module a fresh loader list without the metadata
 * loader; the metadata plugin then adds it back to functions.ts alone.
 */
class MetadataLoaderOnlyOnFunctionsPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap('MetadataLoaderOnlyOnFunctionsPlugin', (compilation) => {
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap({ name: 'MetadataLoaderOnlyOnFunctionsPlugin', stage: -1 }, (_, module) => {
        module.loaders = module.loaders.filter((l) => !isMetadataLoader(l));
      });
    });
  }
}

/**
 * Sets `allowErrorForDataTypeAny` in the emitted functions.json, so that Excel hands a cell that
 * holds an error (`#N/A`, `#DIV/0!`) to the DEF functions as a `CustomFunctions.Error` instead of
 * not calling them, and they pass it on in the result cells it touches (the others keep their
 * values). Microsoft documents the flag for hand-written metadata only ("Manually create JSON
 * metadata for custom functions"); the JSDoc generator has no tag for it, so it is set here, after
 * the metadata plugin has emitted the file. Fails the build if functions.json is missing.
 */
class AllowErrorArgumentsPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AllowErrorArgumentsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AllowErrorArgumentsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset('functions.json');
        if (asset === undefined) {
          compilation.errors.push(new WebpackError('AllowErrorArgumentsPlugin: functions.json was not emitted'));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        const { allowCustomDataForDataTypeAny, ...rest } = metadata;
        const text = JSON.stringify({ allowCustomDataForDataTypeAny, allowErrorForDataTypeAny: true, ...rest }, null, 4);
        compilation.updateAsset('functions.json', new sources.RawSource(text));
      });
    });
  }
}

/**
 * https options from office-addin-dev-certs, or null (plain http) when they cannot be had.
 * On Linux the package installs its CA with `sudo`, which fails or prompts; there we only try when
 * the certificate files already exist (someone ran `npx office-addin-dev-certs install` on purpose).
 * @returns {Promise<{ ca: Buffer, key: Buffer, cert: Buffer } | null>}
 */
async function devHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  if (process.platform === 'linux') {
    const fs = require('fs');
    const os = require('os');
    if (!fs.existsSync(path.join(os.homedir(), '.office-addin-dev-certs', 'localhost.crt'))) {
      console.warn(devCertsNote('no certificates in ~/.office-addin-dev-certs'));
      return null;
    }
  }
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(devCertsNote(reason));
    return null;
  }
}

/** @param {string} reason */
function devCertsNote(reason) {
  return [
    '',
    `[defecon] No trusted localhost certificate (${reason}).`,
    `[defecon] Serving over plain http://localhost:${DEV_PORT}/ instead.`,
    `[defecon] Excel loads add-ins over https only, so sideloading manifest.xml will not work until a`,
    `[defecon] certificate is installed (npx office-addin-dev-certs install, on Windows or macOS).`,
    '',
  ].join('\n');
}

/**
 * @param {Record<string, unknown>} env webpack-cli's env (WEBPACK_BUILD, WEBPACK_SERVE, ...)
 * @param {{ mode?: string }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  // The browser preview: development builds only (HyperFormula, GPL-3.0, stays out of production).
  const preview = !production;
  // `--env preview`: a separate output folder, so a preview build never mixes with the add-in's dist/.
  const outputDir = env.preview ? 'dist-preview' : 'dist';
  if (production && env.preview) {
    throw new Error('the preview is a development build: run webpack --mode development --env preview');
  }
  const baseUrl = production ? productionBaseUrl(process.env.DEFECON_BASE_URL) : null;
  if (production && baseUrl === null && env.WEBPACK_BUILD) {
    console.log(`[defecon] DEFECON_BASE_URL is not set: the built manifest still points at ${DEV_URL}`);
  }

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/taskpane.ts',
      ...(preview ? { preview: './src/preview/preview.ts' } : {}),
    },
    output: {
      path: path.resolve(__dirname, outputDir),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(__dirname, 'tsconfig.json') },
          },
        },
      ],
    },
    plugins: [
      new MetadataLoaderOnlyOnFunctionsPlugin(),
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new AllowErrorArgumentsPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // The shared runtime: the one page Office keeps alive runs the functions and the pane.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      // The function reference, rendered from the function registry at build time: the template is
      // a TypeScript module whose default export returns the page (see src/help/page.ts).
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/help/page.ts',
        inject: false,
        chunks: [],
      }),
      ...(preview
        ? [
            new HtmlWebpackPlugin({
              filename: 'preview.html',
              template: './src/preview/preview.html',
              chunks: ['preview'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
      new ContentSecurityPolicyPlugin(),
      ...(baseUrl === null ? [] : [new ReplaceBaseUrlPlugin({ from: DEV_URL, to: baseUrl, files: FILES_WITH_URLS })]),
    ],
    performance: { hints: false },
  };

  if (env.WEBPACK_SERVE) {
    const https = await devHttpsOptions();
    config.devServer = {
      // This machine only: Office and the browser reach the add-in at https://localhost:PORT/.
      host: 'localhost',
      port: DEV_PORT,
      headers: devServerHeaders,
      // Serve only what webpack builds (no public/ folder).
      static: false,
      // `/` opens the browser preview, the page to start from without Excel.
      setupMiddlewares: (middlewares) => [{ name: 'defecon-root', middleware: rootToPreview }, ...middlewares],
      server: https === null ? { type: 'http' } : { type: 'https', options: https },
    };
  }

  return config;
};

module.exports.DEV_URL = DEV_URL;
module.exports.productionBaseUrl = productionBaseUrl;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.withContentSecurityPolicy = withContentSecurityPolicy;
module.exports.devServerHeaders = devServerHeaders;
module.exports.rootToPreview = rootToPreview;
