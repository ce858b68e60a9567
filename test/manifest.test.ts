// Offline structure checks of manifest.xml. Microsoft's validator (`npm run validate`) needs the
// network; these checks catch what breaks sideloading most often: undefined resource ids, a shared
// runtime wired to two different pages, URLs the build does not emit, icons of the wrong size.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';

const ROOT = path.resolve(__dirname, '..');
const OFFICE_APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BASIC_TYPES_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

// ---- the manifest ----------------------------------------------------------------------------

function parseManifest(): Element {
  const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`manifest.xml: XML ${level}: ${message}`);
    },
  });
  const root = parser.parseFromString(xml, 'text/xml').documentElement;
  if (root === null) {
    throw new Error('manifest.xml has no root element');
  }
  return root;
}

const manifest = parseManifest();

function descendants(element: Element): Element[] {
  const found: Element[] = [];
  const byTag = element.getElementsByTagName('*');
  for (let i = 0; i < byTag.length; i += 1) {
    const item = byTag.item(i);
    if (item !== null) {
      found.push(item);
    }
  }
  return found;
}

function childrenNamed(element: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let i = 0; i < element.childNodes.length; i += 1) {
    const node = element.childNodes.item(i);
    if (node !== null && node.nodeType === node.ELEMENT_NODE) {
      const child = node as Element;
      if (child.namespaceURI === namespace && child.localName === localName) {
        found.push(child);
      }
    }
  }
  return found;
}

/** The single element at the end of a path of (namespace, local name) steps. */
function only(element: Element, ...steps: [string, string][]): Element {
  let current = element;
  for (const [namespace, localName] of steps) {
    const matches = childrenNamed(current, namespace, localName);
    if (matches.length !== 1 || matches[0] === undefined) {
      throw new Error(`expected one <${localName}> under <${current.localName}>, found ${matches.length}`);
    }
    current = matches[0];
  }
  return current;
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(XSI_NS, 'type');
}

const versionOverrides = only(manifest, [OVERRIDES_NS, 'VersionOverrides']);
const workbookHost = only(versionOverrides, [OVERRIDES_NS, 'Hosts'], [OVERRIDES_NS, 'Host']);
const resources = only(versionOverrides, [OVERRIDES_NS, 'Resources']);

/** Every resource definition (bt:Image, bt:Url, bt:String) under Resources, in document order. */
const definitions = descendants(resources).filter((element) => element.hasAttribute('id'));

function resource(id: string): Element {
  const matches = definitions.filter((element) => element.getAttribute('id') === id);
  if (matches.length !== 1 || matches[0] === undefined) {
    throw new Error(`resource ${id} is defined ${matches.length} times`);
  }
  return matches[0];
}

function resourceValue(id: string): string {
  return resource(id).getAttribute('DefaultValue') ?? '';
}

/** Every element anywhere in the manifest that references a resource. */
const references = descendants(manifest).filter((element) => element.hasAttribute('resid'));

function resid(element: Element): string {
  return element.getAttribute('resid') ?? '';
}

const customFunctions = descendants(workbookHost).find((element) => element.localName === 'ExtensionPoint' && xsiType(element) === 'CustomFunctions');

function customFunctionsPart(localName: string): Element {
  if (customFunctions === undefined) {
    throw new Error('no CustomFunctions extension point');
  }
  return only(customFunctions, [OVERRIDES_NS, localName]);
}

/** Every absolute URL the manifest gives, with where it was found. */
function manifestUrls(): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  for (const element of descendants(manifest)) {
    const value = element.getAttribute('DefaultValue');
    if (value !== null && /^https?:/.test(value)) {
      urls.push({ where: element.getAttribute('id') ?? element.localName ?? '?', url: value });
    }
  }
  return urls;
}

function versionAtLeast(actual: string, required: string): boolean {
  const a = actual.split('.').map(Number);
  const r = required.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, r.length); i += 1) {
    const x = a[i] ?? 0;
    const y = r[i] ?? 0;
    if (x !== y) {
      return x > y;
    }
  }
  return true;
}

// ---- what webpack.config.js says the build emits ----------------------------------------------

interface WebpackConfigFactory {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<unknown>;
  DEV_URL: string;
}

function loadWebpackConfig(): WebpackConfigFactory {
  const loaded: unknown = createRequire(__filename)(path.join(ROOT, 'webpack.config.js'));
  if (typeof loaded !== 'function' || !('DEV_URL' in loaded) || typeof loaded.DEV_URL !== 'string') {
    throw new Error('webpack.config.js should export a config function with a DEV_URL property');
  }
  return loaded as WebpackConfigFactory;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') {
    throw new Error(`webpack.config.js: expected a string for ${what}`);
  }
  return value;
}

interface EmittedFiles {
  /** Every file name the build is configured to emit, relative to dist/. */
  all: Set<string>;
  /** The bundle built from src/functions/functions.ts. */
  functionsScript: string;
  /** The metadata file the CustomFunctionsMetadataPlugin writes. */
  functionsMetadata: string;
  /** HTML pages and the entry chunks each one loads. */
  pages: Map<string, string[]>;
}

/** Expands a copy pattern's `from` (a file, or `dir/*.ext`) and applies its `to` template. */
function copiedFiles(from: string, to: string): string[] {
  const sources: string[] = [];
  const star = from.indexOf('*');
  if (star === -1) {
    sources.push(from);
  } else {
    const dir = path.dirname(from);
    const suffix = from.slice(star + 1);
    for (const name of readdirSync(path.join(ROOT, dir))) {
      if (name.endsWith(suffix)) {
        sources.push(path.posix.join(dir, name));
      }
    }
  }
  return sources.map((source) => {
    const ext = path.extname(source);
    return to.replace('[name]', path.basename(source, ext)).replace('[ext]', ext);
  });
}

async function emittedFiles(): Promise<EmittedFiles> {
  const config = await loadWebpackConfig()({}, { mode: 'production' });
  const all = new Set<string>();
  const pages = new Map<string, string[]>();

  const filename = text(field(field(config, 'output'), 'filename'), 'output.filename');
  const entry = field(config, 'entry');
  let functionsScript = '';
  for (const [name, source] of Object.entries(typeof entry === 'object' && entry !== null ? entry : {})) {
    const file = filename.replace('[name]', name);
    all.add(file);
    if (source === './src/functions/functions.ts') {
      functionsScript = file;
    }
  }

  let functionsMetadata = '';
  const plugins = field(config, 'plugins');
  for (const plugin of Array.isArray(plugins) ? (plugins as unknown[]) : []) {
    const kind = typeof plugin === 'object' && plugin !== null ? plugin.constructor.name : '';
    if (kind === 'CustomFunctionsMetadataPlugin') {
      functionsMetadata = text(field(field(plugin, 'options'), 'output'), 'CustomFunctionsMetadataPlugin output');
      all.add(functionsMetadata);
    } else if (kind === 'HtmlWebpackPlugin') {
      const options = field(plugin, 'userOptions');
      const page = text(field(options, 'filename'), 'HtmlWebpackPlugin filename');
      const chunks = field(options, 'chunks');
      pages.set(page, Array.isArray(chunks) ? chunks.map((chunk) => text(chunk, 'chunk name')) : []);
      all.add(page);
    } else if (kind === 'CopyPlugin') {
      const patterns = field(plugin, 'patterns');
      for (const pattern of Array.isArray(patterns) ? (patterns as unknown[]) : []) {
        const from = text(field(pattern, 'from'), 'copy pattern from');
        const to = text(field(pattern, 'to'), 'copy pattern to');
        copiedFiles(from, to).forEach((file) => all.add(file));
      }
    }
  }
  return { all, functionsScript, functionsMetadata, pages };
}

// ---- icons -------------------------------------------------------------------------------------

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetPath(url: string, devUrl: string): string {
  return path.join(ROOT, url.slice(devUrl.length));
}

// ---- tests -------------------------------------------------------------------------------------

describe('manifest.xml resources', () => {
  it('defines every resource id exactly once', () => {
    const ids = definitions.map((element) => element.getAttribute('id') ?? '');
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
  });

  it('defines every resid that an element references', () => {
    const ids = new Set(definitions.map((element) => element.getAttribute('id')));
    const undefinedIds = references.map(resid).filter((id) => !ids.has(id));
    expect(undefinedIds).toEqual([]);
  });

  it('references every resource it defines', () => {
    const used = new Set(references.map(resid));
    const unused = definitions.map((element) => element.getAttribute('id') ?? '').filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('registers the custom functions under the DEF namespace', () => {
    const namespace = customFunctionsPart('Namespace');
    expect(resourceValue(resid(namespace))).toBe('DEF');
  });
});

describe('manifest.xml shared runtime', () => {
  const runtimes = childrenNamed(only(workbookHost, [OVERRIDES_NS, 'Runtimes']), OVERRIDES_NS, 'Runtime');

  it('declares one runtime that lives as long as the workbook is open', () => {
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.getAttribute('lifetime')).toBe('long');
  });

  it("hosts the functions page, the function file and the task pane button on the runtime's page", () => {
    const runtimeId = resid(only(workbookHost, [OVERRIDES_NS, 'Runtimes'], [OVERRIDES_NS, 'Runtime']));
    const functionsPage = resid(only(customFunctionsPart('Page'), [OVERRIDES_NS, 'SourceLocation']));
    const functionFiles = descendants(workbookHost).filter((element) => element.localName === 'FunctionFile');
    const showTaskpane = descendants(workbookHost).filter((element) => element.localName === 'Action' && xsiType(element) === 'ShowTaskpane');

    expect(functionsPage).toBe(runtimeId);
    expect(functionFiles.map(resid)).toEqual([runtimeId]);
    expect(showTaskpane).toHaveLength(1);
    expect(showTaskpane.map((action) => resid(only(action, [OVERRIDES_NS, 'SourceLocation'])))).toEqual([runtimeId]);
  });

  it("opens the runtime's page as the default task pane", () => {
    const runtimeId = resid(runtimes[0] ?? manifest);
    const defaultPage = only(manifest, [OFFICE_APP_NS, 'DefaultSettings'], [OFFICE_APP_NS, 'SourceLocation']);
    expect(defaultPage.getAttribute('DefaultValue')).toBe(resourceValue(runtimeId));
  });

  it('requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.2 or later', () => {
    const sets = only(manifest, [OFFICE_APP_NS, 'Requirements'], [OFFICE_APP_NS, 'Sets']);
    const defaultMin = sets.getAttribute('DefaultMinVersion') ?? '1.1';
    const required = new Map(
      childrenNamed(sets, OFFICE_APP_NS, 'Set').map((set) => [set.getAttribute('Name'), set.getAttribute('MinVersion') ?? defaultMin]),
    );

    expect(required.get('SharedRuntime')).toBe('1.1');
    expect(versionAtLeast(required.get('CustomFunctionsRuntime') ?? '0', '1.2')).toBe(true);
  });

  it('asks for read-write access to the workbook', () => {
    expect(only(manifest, [OFFICE_APP_NS, 'Permissions']).textContent).toBe('ReadWriteDocument');
  });
});

describe('manifest.xml URLs', () => {
  const devUrl = loadWebpackConfig().DEV_URL;
  let emitted: EmittedFiles;

  beforeAll(async () => {
    emitted = await emittedFiles();
  });

  it('starts every URL with the dev URL that production builds replace', () => {
    const elsewhere = manifestUrls().filter(({ url }) => !url.startsWith(devUrl));
    expect(elsewhere).toEqual([]);
  });

  it('points every URL at a file the webpack build is configured to emit', () => {
    const missing = manifestUrls()
      .map(({ where, url }) => ({ where, file: url.slice(devUrl.length) }))
      .filter(({ file }) => !emitted.all.has(file));
    expect(missing).toEqual([]);
  });

  it('loads the functions bundle, its metadata and a page that runs both the functions and the pane', () => {
    const { functionsScript, functionsMetadata, pages } = emitted;
    const script = resourceValue(resid(only(customFunctionsPart('Script'), [OVERRIDES_NS, 'SourceLocation'])));
    const metadata = resourceValue(resid(only(customFunctionsPart('Metadata'), [OVERRIDES_NS, 'SourceLocation'])));
    const page = resourceValue(resid(only(customFunctionsPart('Page'), [OVERRIDES_NS, 'SourceLocation'])));

    expect(functionsScript).not.toBe('');
    expect(script).toBe(devUrl + functionsScript);
    expect(metadata).toBe(devUrl + functionsMetadata);
    expect(pages.get(page.slice(devUrl.length))).toEqual(expect.arrayContaining(['functions', 'taskpane']));
  });
});

describe('manifest.xml icons', () => {
  const devUrl = loadWebpackConfig().DEV_URL;

  it('serves each image resource from a PNG in assets/ of the size its id and file name claim', () => {
    const images = definitions.filter((element) => element.namespaceURI === BASIC_TYPES_NS && element.localName === 'Image');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const id = image.getAttribute('id') ?? '';
      const url = image.getAttribute('DefaultValue') ?? '';
      const file = assetPath(url, devUrl);
      const fromId = /(\d+)x(\d+)/.exec(id);
      const fromName = /-(\d+)\.png$/.exec(url);

      expect(existsSync(file)).toBe(true);
      expect(fromId?.[1]).toBe(fromId?.[2]);
      expect(fromName?.[1]).toBe(fromId?.[1]);
      expect(pngSize(file)).toEqual({ width: Number(fromId?.[1]), height: Number(fromId?.[1]) });
    }
  });

  it('uses each image at the size the ribbon asks for', () => {
    const uses = references.filter((element) => element.namespaceURI === BASIC_TYPES_NS && element.hasAttribute('size'));
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const size = Number(use.getAttribute('size'));
      expect(pngSize(assetPath(resourceValue(resid(use)), devUrl))).toEqual({ width: size, height: size });
    }
  });

  it('gives a 32-pixel icon and a 64-pixel high-resolution icon', () => {
    const icon = only(manifest, [OFFICE_APP_NS, 'IconUrl']).getAttribute('DefaultValue') ?? '';
    const highResolution = only(manifest, [OFFICE_APP_NS, 'HighResolutionIconUrl']).getAttribute('DefaultValue') ?? '';
    expect(pngSize(assetPath(icon, devUrl))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetPath(highResolution, devUrl))).toEqual({ width: 64, height: 64 });
  });
});
