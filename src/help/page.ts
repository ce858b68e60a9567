/**
 * The help page (help.html), rendered at build time from the function registry: one section per
 * DEF function (signature, what it gives, method and reference, parameters with the model's units
 * and accepted ranges, examples), grouped as the registry groups them, between the page's other
 * sections (`./sections.ts`).
 *
 * webpack.config.js gives this module to HtmlWebpackPlugin as the template of help.html; the
 * plugin evaluates it at build time and calls the default export with its template parameters, of
 * which only the head tags are used (meta tags the build adds). Tests call {@link renderHelpPage}.
 */
import { type DefFunction, type Example, FUNCTION_GROUPS, type Html, type ParameterDeclaration } from '../functions/declare';
import { DEF_DECLARATIONS, helpAnchor, signature } from '../functions/registry';
import { DATA, ERRORS, OPENING, OTHER_SECTIONS, RANGES, STYLE } from './sections';

/** Plain text as HTML: `&`, `<` and `>` escaped (quotes need none outside attributes). */
export function escapeHtml(text: string): Html {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unitCell(p: ParameterDeclaration): Html {
  return `${escapeHtml(p.unit)}${p.help.unitNote ?? ''}`;
}

function acceptedCell(p: ParameterDeclaration): Html {
  const accepted = p.help.accepted ?? escapeHtml(p.accepted);
  const shownDefault = p.default === undefined || p.help.accepted !== undefined ? '' : `; default ${escapeHtml(p.default)}`;
  return `${accepted}${shownDefault}${p.help.acceptedNote ?? ''}`;
}

function parameterTable(f: DefFunction): Html {
  const rows = f.parameters.map((p) => `  <tr><td><code>${escapeHtml(p.name)}</code></td><td>${unitCell(p)}</td><td>${acceptedCell(p)}</td></tr>`);
  return ['<table>', '  <tr><th>Parameter</th><th>Unit</th><th>Accepted</th></tr>', ...rows, '</table>'].join('\n');
}

function example(e: Example): Html {
  const result = e.excerpt === undefined ? `<b>${escapeHtml(e.result)}</b>` : `"${escapeHtml(e.result)}"`;
  const says = e.says === undefined ? '' : ` ${escapeHtml(e.says)}`;
  return `${e.intro ?? ''}<code>${escapeHtml(e.formula)}</code> → ${result}${says}${e.after ?? ''}`;
}

function method(f: DefFunction): Html {
  const { equation, notes, reference } = f.method;
  return `Method: ${equation}.${notes === undefined ? '' : ` ${notes}`}${reference === null ? '' : ` Reference: ${reference}`}`;
}

/** One function's section: from its `<h3 id="…">` to the next heading. */
export function functionSection(f: DefFunction): Html {
  return [
    `<h3 id="${helpAnchor(f)}" class="sig">${escapeHtml(signature(f))}</h3>`,
    `<p>${f.lead ?? escapeHtml(f.summary)}</p>`,
    `<p>${method(f)}</p>`,
    parameterTable(f),
    `<p>Example: ${f.examples.map(example).join(' ')}</p>`,
    ...(f.note === undefined ? [] : [`<p class="note">${f.note}</p>`]),
  ].join('\n');
}

function navigation(functions: readonly DefFunction[]): Html {
  const links = [
    ...functions.map((f) => `<a href="#${helpAnchor(f)}">${f.id}</a>`),
    ...OTHER_SECTIONS.map(([anchor, text]) => `<a href="#${anchor}">${text}</a>`),
  ];
  return `<nav>\n  ${links.join(' ')}\n</nav>`;
}

/** The whole help page. `headTags`: extra tags for the head (the build's meta tags), as HTML. */
export function renderHelpPage(headTags: Html = '', functions: readonly DefFunction[] = DEF_DECLARATIONS): Html {
  const groups = FUNCTION_GROUPS.map((group) => {
    const members = functions.filter((f) => f.group === group);
    return members.length === 0 ? '' : [`<h2>${group}</h2>`, ...members.map(functionSection)].join('\n\n');
  }).filter((g) => g !== '');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(headTags === '' ? [] : [headTags]),
    '<title>DefEcon function reference</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    OPENING,
    '',
    navigation(functions),
    '',
    RANGES,
    '',
    ERRORS,
    '',
    groups.join('\n\n'),
    '',
    DATA,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The head tags HtmlWebpackPlugin hands a template (`htmlWebpackPlugin.tags.headTags`), as HTML. */
function headTagsOf(parameters: unknown): Html {
  const plugin = isRecord(parameters) ? parameters.htmlWebpackPlugin : undefined;
  const tags = isRecord(plugin) ? plugin.tags : undefined;
  const head = isRecord(tags) ? tags.headTags : undefined;
  return Array.isArray(head) ? head.map(String).join('\n') : '';
}

/** HtmlWebpackPlugin's entry point: the page, with the build's head tags. */
export default function helpPage(parameters?: unknown): Html {
  return renderHelpPage(headTagsOf(parameters));
}
