/**
 * The pane's function table against the help page (src/help/page.ts renders it) and the custom functions'
 * permanent ids (src/functions/functions.ts): the pane shows what the reference says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTION_HELP } from '../../src/taskpane/help';
import { helpHtml, helpSection, helpSignature, ROOT } from '../contract/bundle';

/** The text a reader sees in a piece of the help page: tags dropped, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The paragraphs of a help section, as text. */
function paragraphs(section: string): string[] {
  return [...section.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => text(m[1] ?? ''));
}

const html = helpHtml();
const functionIds = [...fs.readFileSync(path.join(ROOT, 'src', 'functions', 'functions.ts'), 'utf8').matchAll(/@customfunction\s+(\w+)/g)].map(
  (m) => m[1],
);

describe('FUNCTION_HELP', () => {
  it('lists every custom function once, in the order functions.ts declares them', () => {
    expect(functionIds).toHaveLength(18);
    expect(FUNCTION_HELP.map((f) => f.id)).toEqual(functionIds);
  });

  describe.each(FUNCTION_HELP.map((f) => [f.id, f] as const))('%s', (id, f) => {
    const section = helpSection(html, f.anchor);

    it('links to a section of the help page', () => {
      expect(section).not.toBe('');
    });

    it('shows the signature the help page gives', () => {
      expect(helpSignature(section)).toBe(f.signature);
      expect(f.signature.startsWith(`DEF.${id}(`)).toBe(true);
    });

    it('sums it up with the start of the first sentence of its help section', () => {
      expect(paragraphs(section)[0]?.startsWith(f.summary.replace(/\.$/, ''))).toBe(true);
    });

    it('shows the example the help page gives, formula and result', () => {
      const example = paragraphs(section).find((p) => p.startsWith('Example:'));
      expect(example).toBeDefined();
      const shown = `${f.example.formula} → ${f.example.result.replace(/ …$/, '')}`;
      expect(example).toContain(shown);
    });
  });
});
