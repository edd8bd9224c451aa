import stringWidth from 'string-width';
import { maxOf } from '../core/model/arrays.js';

export type Align = 'left' | 'right' | 'center';

const TOP = ['┌', '─', '┬', '┐'] as const;
const BOTTOM = ['└', '─', '┴', '┘'] as const;
const SIDE = '│';

/**
 * A box table as cli-table3 draws ours (no rules between rows, one space of padding, cells top-aligned,
 * each column as wide as its widest line in terminal columns by string-width): drawn here because
 * cli-table3 measures every cell ten-odd times over (~20 µs each), a third of a second for a
 * 100-row status. Lines of a cell are its '\n'-separated parts; colour codes count no width.
 */
export function drawBox(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const cells = [head, ...rows].map((row) => head.map((_, i) => cellLines(row[i] ?? '')));
  const widths = head.map((_, i) =>
    maxOf(
      cells.map((row) => maxOf(row[i]!.map(stringWidth), 0)),
      0,
    ),
  );
  const rule = ([left, line, cross, right]: readonly string[]) =>
    left + widths.map((w) => line!.repeat(w + 2)).join(cross) + right;
  const lines = [rule(TOP)];
  for (const row of cells) {
    const height = maxOf(
      row.map((cell) => cell.length),
      1,
    );
    for (let k = 0; k < height; k++)
      lines.push(SIDE + widths.map((w, i) => ` ${pad(row[i]![k] ?? '', w, align[i] ?? 'left')} `).join(SIDE) + SIDE);
  }
  lines.push(rule(BOTTOM));
  return lines.join('\n');
}

/** A cell coloured as a whole (chalk: codes, text, resets) keeps its colour on every line. */
const WHOLE_COLOURED = /^((?:\x1b\[[\d;]*m)+)([^\x1b]*)((?:\x1b\[[\d;]*m)+)$/;

function cellLines(cell: string): string[] {
  const coloured = cell.includes('\n') ? WHOLE_COLOURED.exec(cell) : null;
  if (!coloured) return cell.split('\n');
  const [, open, text, close] = coloured;
  return text!.split('\n').map((line) => `${open}${line}${close}`);
}

function pad(text: string, width: number, align: Align): string {
  const room = width - stringWidth(text);
  if (room <= 0) return text;
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const right = Math.ceil(room / 2);
    return ' '.repeat(room - right) + text + ' '.repeat(right);
  }
  return text + ' '.repeat(room);
}
