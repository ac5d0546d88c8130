/**
 * GFM tables: inline text only in each cell, pipes escaped, spanning cells followed by empty ones,
 * never a broken row. The cells are written by the same turndown service as the rest (the rule is
 * made for the service it belongs to).
 */
import type TurndownService from 'turndown';
import { Element, Text, h, replaceNode, unwrap } from '../../tree/dom.js';
import { mergeAdjacentRuns } from '../../tree/merge-runs.js';
import { normalizeSpace, textOf } from '../../tree/text.js';
import { escapeMarkdown } from '../escape.js';
import { MERGEABLE } from '../prepare.js';
import { asElement, type MarkdownRule } from './types.js';

type TurndownInput = Parameters<TurndownService['turndown']>[0];

/**
 * Every pipe in a cell's Markdown escaped, so that no renderer splits the cell there. GFM and
 * markdown-it take a pipe after a backslash as escaped, marked only after an odd run of them (at an
 * even run it splits the cell, cutting open a code span or link, whose text is then read as
 * Markdown and HTML). So a pipe after an even run (none included) gets one backslash more, and one
 * after an odd run — escaped already, as in a table nested in the cell — is left as it is.
 */
function escapeCellPipes(markdown: string): string {
  if (!markdown.includes('|')) return markdown;
  // A whole run of backslashes at a time (with the pipe after it, if any): linear however long the run.
  return markdown.replace(/(\\+)(\|?)|\|/g, (_m, run = '', pipe?: string) => (pipe === '' ? run : `${run}${run.length % 2 ? '' : '\\'}|`));
}

/** One table row as GFM cells. */
function rowCells(row: Element, service: TurndownService): string[] {
  return row.children
    .filter((c) => c.tagName === 'td' || c.tagName === 'th')
    .flatMap((cell) => {
      // A code block cannot stand in a cell: it is the inline code it will read as.
      for (const pre of cell.getElementsByTagName('pre'))
        if (pre.parentNode) replaceNode(pre, h('code', {}, [normalizeSpace(pre.textContent)]));
      // A backslash in code before a pipe (`a\\|b`) cannot be written so that GFM and marked both
      // read the code back (see escapeCellPipes): such code is written as escaped text.
      for (const code of cell.getElementsByTagName('code'))
        if (code.parentNode && code.textContent.includes('\\|')) replaceNode(code, new Text(code.textContent));
      // Paragraphs in a cell are joined by a space, and runs they kept apart merged, as read back.
      for (const p of cell.children.filter((c) => c.tagName === 'p' || c.tagName === 'div')) {
        p.parentNode!.insertBefore(new Text(' '), p.nextSibling);
        unwrap(p);
      }
      mergeAdjacentRuns(cell, MERGEABLE);
      const md = service.turndown(cell as unknown as TurndownInput);
      const text = escapeCellPipes(md.replace(/\n+/g, ' ')).trim();
      // A cell spanning columns keeps the columns after it in place.
      const span = Math.min(Math.max(Number(cell.getAttribute('colspan')) || 1, 1), 50);
      return [text, ...Array<string>(span - 1).fill('')];
    });
}

function tableMarkdown(table: Element, service: TurndownService): string {
  const rows = table.getElementsByTagName('tr').filter((tr) => {
    // Only rows of this table, not of a table nested in a cell.
    let p = tr.parentNode;
    while (p instanceof Element && p.tagName !== 'table') p = p.parentNode;
    return p === table;
  });
  if (!rows.length) return '';
  const cells = rows.map((r) => rowCells(r, service));
  const width = Math.max(1, ...cells.map((c) => c.length));
  const pad = (c: string[]) => [...c, ...Array(width - c.length).fill('')];
  const line = (c: string[]) => `| ${pad(c).join(' | ')} |`;
  const [head, ...body] = cells;
  const caption = table.children.find((c) => c.tagName === 'caption');
  const captionLine = caption && textOf(caption) ? `*${escapeMarkdown(textOf(caption))}*\n\n` : '';
  return `\n\n${captionLine}${[line(head!), line(Array(width).fill('---')), ...body.map(line)].join('\n')}\n\n`;
}

export function tableRule(service: TurndownService): MarkdownRule {
  return { filter: 'table', replacement: (_content, node) => tableMarkdown(asElement(node), service) };
}
