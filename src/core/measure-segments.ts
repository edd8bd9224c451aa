/**
 * Splits an area file's text into one piece per measure list item and the
 * rest (the frame), without parsing YAML. History walks hundreds of versions
 * of a file in which only a measure or two change from one commit to the
 * next; pieces that did not change need not be parsed again. The caller
 * verifies the split by parsing the frame: it must hold no measure left over.
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

const MEASURE_ITEM = /^( *)-( +)id: *(["']?)([1-9]\d*\.[1-9]\d*\.[1-9]\d*)\3 *(#.*)?$/;

export function segmentMeasures(text: string, { keepItemLines = false } = {}): SegmentedArea {
  const lines = text.split('\n');
  const frame: string[] = [];
  const segments: MeasureSegment[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const match = line.includes('id:') ? MEASURE_ITEM.exec(line.endsWith('\r') ? line.slice(0, -1) : line) : null;
    if (!match) {
      frame.push(lines[i]!);
      i += 1;
      continue;
    }
    const indent = match[1]!.length;
    if (keepItemLines) frame.push(line);
    let end = i + 1;
    while (end < lines.length && !endsItem(lines[end]!, indent)) end += 1;
    segments.push({
      id: match[4]!,
      text: lines
        .slice(i, end)
        .map((line) => line.slice(indent))
        .join('\n'),
    });
    i = end;
  }
  return { frame: frame.join('\n'), segments };
}

/** A non-blank line indented no deeper than the item's dash ends the item (no allocation: runs on every line). */
function endsItem(line: string, indent: number): boolean {
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    // space, tab, CR and the other whitespace trim() skips (a blank line never ends an item)
    if (code === 32 || code === 9 || code === 13 || /\s/.test(line[at]!)) continue;
    return at <= indent;
  }
  return false;
}
