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

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, NormalModule, WebpackError, sources } = require("webpack");
const packageJson = require("./package.json");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || packageJson.config.dev_server_port || 3000);
const DEV_URL = `https://localhost:${DEV_PORT}/`;

// Emitted files whose text carries absolute URLs to the add-in's own origin.
const FILES_WITH_URLS = ["manifest.xml", "functions.json"];

/**
 * The production base URL from DEFECON_BASE_URL, or null when unset.
 * Office only loads add-ins over https, so anything else is refused.
 * @param {string | undefined} raw
 * @returns {string | null}
 */
function productionBaseUrl(raw) {
  if (raw === undefined || raw.trim() === "") {
    return null;
  }
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`DEFECON_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`DEFECON_BASE_URL must use https (Office loads add-ins over https only): "${raw}"`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new Error(`DEFECON_BASE_URL must not have a query or fragment: "${raw}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
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
    compiler.hooks.thisCompilation.tap("ReplaceBaseUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ReplaceBaseUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
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
        }
      );
    });
  }
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
    compiler.hooks.compilation.tap("MetadataLoaderOnlyOnFunctionsPlugin", (compilation) => {
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(
        { name: "MetadataLoaderOnlyOnFunctionsPlugin", stage: -1 },
        (_, module) => {
          module.loaders = module.loaders.filter((l) => !isMetadataLoader(l));
        }
      );
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
  const devCerts = require("office-addin-dev-certs");
  if (process.platform === "linux") {
    const fs = require("fs");
    const os = require("os");
    if (!fs.existsSync(path.join(os.homedir(), ".office-addin-dev-certs", "localhost.crt"))) {
      console.warn(devCertsNote("no certificates in ~/.office-addin-dev-certs"));
      return null;
    }
  }
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(devCertsNote(reason));
    return null;
  }
}

/** @param {string} reason */
function devCertsNote(reason) {
  return [
    "",
    `[defecon] No trusted localhost certificate (${reason}).`,
    `[defecon] Serving over plain http://localhost:${DEV_PORT}/ instead.`,
    `[defecon] Excel loads add-ins over https only, so sideloading manifest.xml will not work until a`,
    `[defecon] certificate is installed (npx office-addin-dev-certs install, on Windows or macOS).`,
    "",
  ].join("\n");
}

/**
 * @param {Record<string, unknown>} env webpack-cli's env (WEBPACK_BUILD, WEBPACK_SERVE, ...)
 * @param {{ mode?: string }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // The browser preview: development builds only (HyperFormula, GPL-3.0, stays out of production).
  const preview = !production;
  // `--env preview`: a separate output folder, so a preview build never mixes with the add-in's dist/.
  const outputDir = env.preview ? "dist-preview" : "dist";
  if (production && env.preview) {
    throw new Error("the preview is a development build: run webpack --mode development --env preview");
  }
  const baseUrl = production ? productionBaseUrl(process.env.DEFECON_BASE_URL) : null;
  if (production && baseUrl === null && env.WEBPACK_BUILD) {
    console.log(`[defecon] DEFECON_BASE_URL is not set: the built manifest still points at ${DEV_URL}`);
  }

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      ...(preview ? { preview: "./src/preview/preview.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, outputDir),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
      ],
    },
    plugins: [
      new MetadataLoaderOnlyOnFunctionsPlugin(),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the one page Office keeps alive runs the functions and the pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      // The function reference, rendered from the function registry at build time: the template is
      // a TypeScript module whose default export returns the page (see src/help/page.ts).
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/page.ts",
        inject: false,
        chunks: [],
      }),
      ...(preview
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/preview/preview.html",
              chunks: ["preview"],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      ...(baseUrl === null ? [] : [new ReplaceBaseUrlPlugin({ from: DEV_URL, to: baseUrl, files: FILES_WITH_URLS })]),
    ],
    performance: { hints: false },
  };

  if (env.WEBPACK_SERVE) {
    const https = await devHttpsOptions();
    config.devServer = {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Serve only what webpack builds (no public/ folder).
      static: false,
      server: https === null ? { type: "http" } : { type: "https", options: https },
    };
  }

  return config;
};

module.exports.DEV_URL = DEV_URL;
module.exports.productionBaseUrl = productionBaseUrl;
