import { SaxesParser } from 'saxes';
import type { GridCell, PlanDocument, PlanGrid } from '../core/plan/plan-grid.js';
import { UsageError } from '../errors.js';

/**
 * The paragraphs and tables of a Word document's body (word/document.xml), walked once with a SAX
 * parser. A cell's paragraphs are joined with newlines; a horizontally merged cell (gridSpan) fills
 * the columns it spans, a vertically merged one (vMerge) repeats the text of the cell where it
 * starts; both keep that cell's origin. Tables inside a cell count as the cell's text. Deleted text
 * (tracked changes) and field codes are not text.
 */
interface OpenCell {
  text: string[];
  span: number;
  merge?: 'restart' | 'continue';
}

interface OpenTable {
  rows: { cells: OpenCell[]; before: number }[];
}

export function docxBlocks(xml: string, file: string): PlanDocument {
  const paragraphs: string[] = [];
  const grids: PlanGrid[] = [];
  const tables: OpenTable[] = [];
  let paragraph: string[] | undefined;
  let inText = false;
  let line = 0;
  let before: number | undefined;
  const parser = new SaxesParser();
  const cellNow = () => tables.at(-1)?.rows.at(-1)?.cells.at(-1);
  parser.on('opentag', (node) => {
    const val = typeof node.attributes['w:val'] === 'string' ? node.attributes['w:val'] : undefined;
    switch (node.name) {
      case 'w:tbl':
        if (tables.length === 0 && before === undefined) before = paragraphs.length;
        tables.push({ rows: [] });
        break;
      case 'w:tr':
        if (tables.length === 1) tables[0]!.rows.push({ cells: [], before: 0 });
        break;
      case 'w:gridBefore':
        if (tables.length === 1) tables[0]!.rows.at(-1)!.before = Number(val ?? 0);
        break;
      case 'w:tc':
        if (tables.length === 1) tables[0]!.rows.at(-1)?.cells.push({ text: [], span: 1 });
        break;
      case 'w:gridSpan':
        if (tables.length === 1 && cellNow()) cellNow()!.span = Math.max(1, Number(val ?? 1));
        break;
      case 'w:vMerge':
        if (tables.length === 1 && cellNow()) cellNow()!.merge = val === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        paragraph = [];
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        paragraph?.push(' ');
        break;
      case 'w:br':
      case 'w:cr':
        paragraph?.push('\n');
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText) paragraph?.push(text);
  });
  parser.on('closetag', (node) => {
    if (node.name === 'w:t') inText = false;
    else if (node.name === 'w:p' && paragraph) {
      const text = paragraph.join('').trim();
      const cell = tables.length > 0 ? tables[0]!.rows.at(-1)?.cells.at(-1) : undefined;
      if (cell) cell.text.push(text);
      else if (tables.length === 0 && text !== '') paragraphs.push(text);
      paragraph = undefined;
    } else if (node.name === 'w:tbl') {
      const table = tables.pop()!;
      if (tables.length === 0) {
        const grid = toGrid(table, grids.length + 1, line);
        line += grid.rows.length;
        grids.push(grid);
      }
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new UsageError(
      `${file} 的正文（word/document.xml）无法读取：${(error as Error).message}`,
      '用 Word/WPS 打开后重新保存为 .docx',
    );
  }
  return { paragraphs, grids, ...(before !== undefined ? { before } : {}) };
}

function toGrid(table: OpenTable, index: number, firstLine: number): PlanGrid {
  const rows: GridCell[][] = [];
  table.rows.forEach(({ cells, before }, r) => {
    const row: GridCell[] = Array.from({ length: before }, () => ({ text: '', origin: `${index}:${r}:-` }));
    for (const cell of cells) {
      const col = row.length;
      const above = rows[r - 1]?.[col];
      const own = { text: cell.text.join('\n').trim(), origin: `${index}:${r}:${col}` };
      const value = cell.merge === 'continue' && above ? above : own;
      for (let k = 0; k < cell.span; k++) row.push(value);
    }
    rows.push(row);
  });
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const [r, row] of rows.entries())
    while (row.length < width) row.push({ text: '', origin: `${index}:${r}:${row.length}` });
  return { rows, lines: rows.map((_, r) => firstLine + r + 1) };
}
