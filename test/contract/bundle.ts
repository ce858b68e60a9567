/**
 * Contract-test helpers: the production bundle as Excel runs it, its metadata and the help page.
 * Not a test. The loader itself is scripts/load-bundle.cjs (shared with `npm run bench`); this file
 * gives it types and checks at run time that it returns what the types say.
 *
 * Everything here reads dist/, which `npm test` builds first (the `pretest` script). Run on its own,
 * a missing file fails with "run npm run build first".
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderHelpPage } from '../../src/help/page';

/** A function as the bundle associates it: Excel passes one 2-D array (or `null`) per parameter. */
export type ExcelFunction = (...args: unknown[]) => unknown;

/** An instance of the stub `CustomFunctions.Error`. */
export interface StubError extends Error {
  readonly code: string;
  readonly message: string;
}

export type StubErrorClass = new (code: string, message?: string) => StubError;

export interface Bundle {
  /** Id → the function associated with it (the last one, if an id was associated twice). */
  readonly functions: ReadonlyMap<string, ExcelFunction>;
  /** Every id passed to `CustomFunctions.associate`, in call order, duplicates included. */
  readonly ids: readonly string[];
  /** The stub `CustomFunctions.Error` the bundle saw: results and throws are instances of it. */
  readonly ErrorClass: StubErrorClass;
}

export const ROOT = path.resolve(__dirname, '..', '..');
const LOADER = path.join(ROOT, 'scripts', 'load-bundle.cjs');

interface Loader {
  loadBundle: () => unknown;
  distFile: (name: string) => string;
}

function isLoader(m: unknown): m is Loader {
  return (
    typeof m === 'object' &&
    m !== null &&
    'loadBundle' in m &&
    typeof m.loadBundle === 'function' &&
    'distFile' in m &&
    typeof m.distFile === 'function'
  );
}

function isBundle(b: unknown): b is Bundle {
  return (
    typeof b === 'object' &&
    b !== null &&
    'functions' in b &&
    b.functions instanceof Map &&
    'ids' in b &&
    Array.isArray(b.ids) &&
    'ErrorClass' in b &&
    typeof b.ErrorClass === 'function'
  );
}

function loader(): Loader {
  const m: unknown = createRequire(__filename)(LOADER);
  if (!isLoader(m)) throw new Error(`${LOADER} should export loadBundle and distFile`);
  return m;
}

/** Runs dist/functions.js in a fresh context with a stub `CustomFunctions`; see scripts/load-bundle.cjs. */
export function loadBundle(): Bundle {
  const b = loader().loadBundle();
  if (!isBundle(b)) throw new Error('scripts/load-bundle.cjs returned something that is not a bundle');
  return b;
}

/** The path of a file in dist/; throws "… is missing: run npm run build first" when it is not there. */
export function distFile(name: string): string {
  return loader().distFile(name);
}

// ---------------------------------------------------------------------------------------------
// functions.json

export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
  readonly repeating?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result?: { readonly type?: string; readonly dimensionality?: string };
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface Metadata {
  readonly functions: readonly FunctionMetadata[];
  readonly [key: string]: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFunctionMetadata(v: unknown): v is FunctionMetadata {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    Array.isArray(v.parameters) &&
    v.parameters.every((p) => isRecord(p) && typeof p.name === 'string')
  );
}

/** The raw text of dist/functions.json. */
export function metadataText(): string {
  return fs.readFileSync(distFile('functions.json'), 'utf8');
}

/** dist/functions.json, parsed and checked to have the shape the tests rely on. */
export function loadMetadata(): Metadata {
  const parsed: unknown = JSON.parse(metadataText());
  if (!isRecord(parsed) || !Array.isArray(parsed.functions) || !parsed.functions.every(isFunctionMetadata)) {
    throw new Error('dist/functions.json does not have a functions array of {id, name, parameters}');
  }
  return parsed as Metadata;
}

// ---------------------------------------------------------------------------------------------
// The help page

/**
 * The help page as the build renders it from the function registry (src/help/page.ts), before
 * webpack minifies it into dist/help.html (test/help/page.test.ts checks dist/help.html is that page).
 */
export function helpHtml(): string {
  return renderHelpPage();
}

/** Every `id="…"` in the help page. */
export function helpAnchors(html: string): Set<string> {
  return new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] as string));
}

/**
 * A function's section of the help page: from its `<h3 id="…">` to the next heading. Empty when
 * there is no such heading.
 */
export function helpSection(html: string, anchor: string): string {
  const start = html.indexOf(`<h3 id="${anchor}"`);
  if (start < 0) return '';
  const rest = html.slice(start + 1);
  const next = rest.search(/<h[23][\s>]/);
  return next < 0 ? html.slice(start) : html.slice(start, start + 1 + next);
}

/** The signature a section's heading shows, e.g. `DEF.FORCE_COST(personnel, cost_per_year, [years])`. */
export function helpSignature(section: string): string | undefined {
  return /<h3[^>]*>([^<]*)<\/h3>/.exec(section)?.[1]?.trim();
}
