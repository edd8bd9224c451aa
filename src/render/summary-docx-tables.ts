import { maxOf } from '../core/model/arrays.js';
/**
 * The summary's tables in Word: a section of summary-sections.ts (the
 * Markdown's and the xlsx's own rows), cut to the columns a short report
 * needs, with lights as shaded cells. Rows never split across pages and the
 * header row repeats on the next page.
 */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Light } from '../core/rules/rollup.js';
import { textUnits } from './cell-layout.js';
import { FONTS, HEADER_SHADE, LANGUAGE, LIGHT_SHADES, SIZES, TABLE_LINE, TEXT_WIDTH } from './docx-style.js';
import { keepDatesWhole } from './print-text.js';
import type { SummarySection } from './summary-sections.js';

/** Left plus right cell padding, in twips. */
const CELL_PADDING = 100;

export interface DocxTableOptions {
  /** Header names of the columns to show, in this order; columns the section lacks are left out. */
  columns: readonly string[];
  /** Rows side by side in this many groups (a long, narrow list on half the pages). */
  groups?: number;
}

/** The section's rows as a table, or undefined when it has none. */
export function sectionTable(section: SummarySection, options: DocxTableOptions): Table | undefined {
  const picked = options.columns.map((name) => section.header.indexOf(name)).filter((i) => i >= 0);
  if (picked.length === 0 || section.rows.length === 0) return undefined;
  const header = picked.map((i) => section.header[i]!);
  const total = section.totalRow === true;
  const light = section.lightColumn === undefined ? -1 : picked.indexOf(section.lightColumn);
  // 连续 N 个月红灯 is said in the opening paragraph: the light cell stays short enough for the page.
  const rows = section.rows.map((row) =>
    picked.map((i, c) => (c === light ? (row[i] ?? '').replace(/（连续.*）$/, '') : (row[i] ?? ''))),
  );
  const groups = Math.max(1, Math.min(options.groups ?? 1, rows.length));
  const perGroup = Math.ceil(rows.length / groups);
  const widths = columnTwips(header, rows, groups);
  const cells = (r: number): TableCell[] =>
    Array.from({ length: groups }, (_, g) => rows[g * perGroup + r]).flatMap((row) =>
      header.map((_, c) =>
        cell(row?.[c] ?? '', widths[c]!, {
          bold: total && row === rows.at(-1),
          shade: c === light && row ? LIGHT_SHADES[(row[c] ?? '').charAt(0) as Light] : undefined,
          centred: isShort(rows, c),
        }),
      ),
    );
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: Array.from({ length: groups }).flatMap(() =>
      header.map((name, c) => cell(name, widths[c]!, { bold: true, shade: HEADER_SHADE, centred: true })),
    ),
  });
  const body = Array.from({ length: perGroup }, (_, r) => new TableRow({ cantSplit: true, children: cells(r) }));
  return new Table({
    rows: [head, ...body],
    width: { size: TEXT_WIDTH.twips, type: WidthType.DXA },
    columnWidths: Array.from({ length: groups }).flatMap(() => widths),
    layout: TableLayoutType.FIXED,
  });
}

/** Short texts (numbers, lights, ids) are centred; longer ones start at the left. */
function isShort(rows: readonly string[][], column: number): boolean {
  return rows.every((row) => textUnits(row[column] ?? '') <= 9);
}

/** Twips a text takes on one line at the table size (textUnits count 2.1 a CJK character at 11 pt), plus padding. */
function naturalTwips(text: string): number {
  return Math.ceil(((textUnits(text) / 2.1) * (SIZES.table / 2) + 1) * 20) + CELL_PADDING;
}

/** A column wider than this on one line wraps when the table needs the room. */
const WRAPPABLE_TWIPS = 2000;

/**
 * Column widths in twips: every column as wide as its longest text on one line when that fits; else the
 * short columns (ids, dates, counts: never broken) keep theirs and the long-text columns share the rest.
 */
function columnTwips(header: readonly string[], rows: readonly string[][], groups: number): number[] {
  const available = Math.floor(TEXT_WIDTH.twips / groups);
  const natural = header.map((name, c) =>
    maxOf([naturalTwips(name), ...rows.map((row) => naturalTwips(row[c] ?? ''))]),
  );
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural.map((w) => Math.floor((w * available) / total));
  const wraps = natural.map((w) => w > WRAPPABLE_TWIPS);
  const fixed = natural.reduce((sum, w, c) => sum + (wraps[c] ? 0 : w), 0);
  const flexible = total - fixed;
  const room = Math.max(available - fixed, flexible > 0 ? 0 : available);
  return natural.map((w, c) => (wraps[c] ? Math.floor((w * room) / flexible) : w));
}

interface CellLook {
  bold?: boolean;
  shade?: string;
  centred?: boolean;
}

function cell(text: string, width: number, look: CellLook): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 10, bottom: 10, left: CELL_PADDING / 2, right: CELL_PADDING / 2 },
    ...(look.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: look.shade } } : {}),
    children: [
      new Paragraph({
        alignment: look.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            text: keepDatesWhole(text),
            font: FONTS.table,
            size: SIZES.table,
            bold: look.bold,
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  });
}
