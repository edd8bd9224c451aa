/**
 * Splits an area file's text into one piece per measure list item and the
 * rest (the frame), without parsing YAML. History walks hundreds of versions
 * of a file in which only a measure or two change from one commit to the
 * next; pieces that did not change need not be parsed again. The caller
 * verifies the split by parsing the frame: it must hold no measure left over.
 *
 * Only ASCII decides the cut, so the text may be the decoded file or its bytes
 * read as Latin-1 (one character per byte of the UTF-8, what the history walk
 * reads cheaply): the offsets are then byte offsets. A line that would end an
 * item but starts with anything other than printable ASCII after its spaces (a
 * tab, a Unicode space, a CR before more text) leaves the text uncut (no
 * segments at all), and the caller parses it whole.
 */
export interface MeasureSegment {
  id: string;
  /** The item's lines, dedented so that it parses on its own as a one-item list. */
  text: string;
}

export interface SegmentedArea {
  /** The text without the items; with `keepItemLines`, each item leaves its `- id:` line in place. */
  frame: string;
  segments: MeasureSegment[];
}

/** An item's lines in the text: [start, end), without the line break after them; `indent` spaces before its dash. */
export interface MeasureRange {
  id: string;
  start: number;
  end: number;
  indent: number;
}

export interface MeasureRanges {
  frame: string;
  items: MeasureRange[];
}

export interface SegmentOptions {
  keepItemLines?: boolean;
}

const MEASURE_ITEM = /( *)-( +)id: *(["']?)([1-9]\d*\.[1-9]\d*\.[1-9]\d*)\3 *(?:#[ -~]*)?\r?(?=\n|$)/y;
const UNCUT = 'uncut';

export function segmentMeasures(text: string, options: SegmentOptions = {}): SegmentedArea {
  const { frame, items } = measureRanges(text, options);
  return {
    frame,
    segments: items.map(({ id, start, end, indent }) => ({ id, text: dedentItem(text.slice(start, end), indent) })),
  };
}

/** The items' places in the text; none, and the whole text as the frame, when it cannot be cut safely. */
export function measureRanges(text: string, { keepItemLines = false }: SegmentOptions = {}): MeasureRanges {
  const frame: string[] = [];
  const items: MeasureRange[] = [];
  let item: MeasureRange | undefined;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const ends = item ? endsItem(text, start, end, item.indent) : true;
    if (ends === UNCUT) return { frame: text, items: [] };
    if (item && !ends) item.end = end;
    else {
      if (item) items.push(item);
      item = itemAt(text, start, end);
      if (!item || keepItemLines) frame.push(text.slice(start, end));
    }
    start = end + 1;
  }
  if (item) items.push(item);
  return { frame: frame.join('\n'), items };
}

function itemAt(text: string, start: number, end: number): MeasureRange | undefined {
  MEASURE_ITEM.lastIndex = start;
  const match = MEASURE_ITEM.exec(text);
  return match ? { id: match[4]!, start, end, indent: match[1]!.length } : undefined;
}

/**
 * Whether the line ends an item whose dash is `indent` spaces in: a non-blank line no deeper than the
 * dash does. UNCUT when what the line starts with is not plain ASCII (see above).
 */
function endsItem(text: string, start: number, end: number, indent: number): boolean | typeof UNCUT {
  let at = start;
  while (at < end && text.charCodeAt(at) === 32) at++;
  if (at === end || at - start > indent) return false;
  const code = text.charCodeAt(at);
  if (code === 13 && at + 1 === end) return false;
  return code > 32 && code < 127 ? true : UNCUT;
}

/** The item's lines without the spaces before its dash, so that it parses on its own. */
export function dedentItem(raw: string, indent: number): string {
  return raw
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}
