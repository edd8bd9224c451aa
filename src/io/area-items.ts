/**
 * An area file cut into its measure items and the frame around them — a layout check and slicing
 * only, never a reading of values: those come from the yaml package (item-memo.ts). The cut is made
 * only where the file is laid out exactly as the tool writes it: each measure an `      - id: …` list
 * item whose further lines are all indented by eight spaces, followed by the next item, a line
 * indented by at most four spaces, or the end of the file. Anything else (a blank or comment line
 * after an item, a document marker or directive anywhere, a file with no item) is not cut; the whole
 * file is parsed then. Whether each cut really stands where a measure does is proved afterwards,
 * by yaml, from the frame's node positions.
 */
export interface AreaItems {
  /** The file with each item replaced by a placeholder item `      - ~`. */
  frame: string;
  /** Each item's exact text (its line ends included), in file order. */
  items: string[];
  /** Where each placeholder's `~` stands in the frame (the offset of its node), in file order. */
  holes: number[];
}

const ITEM_START = '      - id: ';
const ITEM_LINE = '        ';
const PLACEHOLDER = '      - ~\n';

/** The file cut into frame and items, or undefined when its layout is not the tool's own. */
export function cutAreaItems(text: string): AreaItems | undefined {
  const frame: string[] = [];
  const items: string[] = [];
  const holes: number[] = [];
  let frameLength = 0;
  let at = 0;
  while (at < text.length) {
    if (text.startsWith(ITEM_START, at)) {
      const end = itemEnd(text, at);
      if (end === undefined) return undefined;
      items.push(text.slice(at, end));
      holes.push(frameLength + PLACEHOLDER.indexOf('~'));
      frame.push(PLACEHOLDER);
      frameLength += PLACEHOLDER.length;
      at = end;
      continue;
    }
    const next = lineEnd(text, at);
    if (isDocumentLevel(text, at)) return undefined;
    frame.push(text.slice(at, next));
    frameLength += next - at;
    at = next;
  }
  return items.length > 0 ? { frame: frame.join(''), items, holes } : undefined;
}

/**
 * The end of the item that starts at `start`; undefined when what follows is not a line the layout
 * allows. Blank lines belong to the item only when more of it follows (inside a text of several
 * paragraphs); after its last line they could belong to a text kept with `|+`, so none may stand there.
 */
function itemEnd(text: string, start: number): number | undefined {
  let end = lineEnd(text, start);
  let at = end;
  while (at < text.length) {
    if (text.startsWith(ITEM_LINE, at)) end = at = lineEnd(text, at);
    else if (isBlank(text, at)) at = lineEnd(text, at);
    else break;
  }
  return at === end && (end === text.length || endsItem(text, end)) ? end : undefined;
}

/** A line of nothing but spaces (and the CR of a CRLF line end). */
function isBlank(text: string, at: number): boolean {
  let k = at;
  while (text[k] === ' ' || text[k] === '\r') k++;
  return k === text.length || text[k] === '\n';
}

/** The next item, or a line indented by at most four spaces that holds content (not a comment). */
function endsItem(text: string, at: number): boolean {
  if (text.startsWith(ITEM_START, at)) return true;
  let indent = 0;
  while (text[at + indent] === ' ') indent++;
  const first = text[at + indent];
  return indent <= 4 && first !== undefined && !' \t\r\n#'.includes(first);
}

/** A directive (`%…`) or a document marker (`---`, `...`): the file's documents are not cut. */
function isDocumentLevel(text: string, at: number): boolean {
  return text[at] === '%' || text.startsWith('---', at) || text.startsWith('...', at);
}

/** The offset just after the line starting at `at` (after its `\n`, or the end of the text). */
function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline + 1;
}
