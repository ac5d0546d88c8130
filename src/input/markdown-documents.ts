/**
 * A stream of Markdown documents cut into its documents (see parseMarkdownDocuments): one pass over
 * the lines, following fenced code so that a front matter shown inside code stays code. Linear in
 * the text: the look-ahead for a closing fence stops at the first blank line, and a line that
 * follows no blank line is never a document's start.
 */

const OPEN = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;
const FIRST_ENTRY = /^[ \t]*[A-Za-z_][\w-]*[ \t]*:/;
const BLANK = /^[ \t]*\r?$/;
// A code fence: up to three spaces, then three or more backticks or tildes (CommonMark).
const FENCE = /^ {0,3}(`{3,}|~{3,})([^\r]*)\r?$/;

interface Lines {
  text: string;
  starts: number[];
}

const lineAt = ({ text, starts }: Lines, n: number): string => {
  const end = n + 1 < starts.length ? starts[n + 1]! - 1 : text.length;
  return text.slice(starts[n], end);
};

/** The line after the front matter that opens at line `n`, or -1 when none opens there. */
function frontMatterEnd(lines: Lines, n: number): number {
  if (!OPEN.test(lineAt(lines, n)) || n + 1 >= lines.starts.length || !FIRST_ENTRY.test(lineAt(lines, n + 1))) return -1;
  for (let k = n + 2; k < lines.starts.length; k++) {
    const line = lineAt(lines, k);
    if (CLOSE.test(line)) return k + 1;
    if (BLANK.test(line)) return -1;
  }
  return -1;
}

/** The documents of `text`, whose first document's body starts at `firstBody`. */
export function splitDocuments(text: string, firstBody: number): string[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lines: Lines = { text, starts };
  const documents: string[] = [];
  let documentStart = 0;
  let n = 0;
  while (n + 1 < starts.length && starts[n + 1]! <= firstBody) n++;
  let fence: { char: string; length: number } | null = null;
  let afterBlank = false;
  for (; n < starts.length; n++) {
    const line = lineAt(lines, n);
    const code = FENCE.exec(line);
    if (fence) {
      if (code && code[1]![0] === fence.char && code[1]!.length >= fence.length && BLANK.test(code[2]!)) fence = null;
    } else if (code && !(code[1]![0] === '`' && code[2]!.includes('`'))) {
      fence = { char: code[1]![0]!, length: code[1]!.length };
    } else if (afterBlank) {
      const bodyStart = frontMatterEnd(lines, n);
      if (bodyStart > 0) {
        documents.push(text.slice(documentStart, starts[n]));
        documentStart = starts[n]!;
        n = bodyStart - 1;
        afterBlank = false;
        continue;
      }
    }
    afterBlank = !fence && BLANK.test(line);
  }
  documents.push(text.slice(documentStart));
  return documents;
}
