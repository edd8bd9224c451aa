import { describe, expect, it } from 'vitest';
import { ledgerRowHeights, LEDGER_WIDTHS } from '../../src/render/ledger-xlsx.js';
import {
  fittingHeight,
  growSpan,
  linesHeight,
  MAX_ROW_HEIGHT,
  wrappedLineCount,
} from '../../src/render/cell-layout.js';
import { buildLedgerTable } from '../../src/core/summaries/ledger-table.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';

describe('cell layout for wrapped Chinese text', () => {
  it('counts CJK characters about double the width of Latin ones', () => {
    expect(wrappedLineCount('a'.repeat(18), 21)).toBe(1);
    expect(wrappedLineCount('汉'.repeat(18), 21)).toBe(2);
    expect(wrappedLineCount('汉'.repeat(18), 40)).toBe(1);
    expect(wrappedLineCount('第一行\n第二行\r\n第三行', 40)).toBe(3);
  });

  it('grows the rows under a merged cell together until its text fits, within Excel’s limit', () => {
    const heights = [20, 20, 20];
    growSpan(heights, 0, 2, 90);
    expect(heights).toEqual([30, 30, 30]);
    growSpan(heights, 0, 2, 60);
    expect(heights).toEqual([30, 30, 30]);
    expect(linesHeight(1000)).toBe(MAX_ROW_HEIGHT);
  });

  it('makes a single-measure task tall enough for a long task text', () => {
    const longTask = replaceOrThrow(
      SMALL_AREA,
      'text: 全面推行证明事项告知承诺制。',
      `text: ${'全面推行证明事项告知承诺制。'.repeat(12)}`,
    );
    const { ledger } = loadLedger(tempLedger({ 'ledger/01-a.yaml': longTask }));
    const table = buildLedgerTable(ledger, '2020-07-25');
    const heights = ledgerRowHeights(table);
    const task = table.areas[0]!.tasks[1]!;
    const own = task.rows.map((row) => fittingHeight(row.cells, LEDGER_WIDTHS.slice(2)));
    const rows = heights.slice(2, 2 + task.rows.length);
    expect(rows.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(fittingHeight([task.label], [LEDGER_WIDTHS[1]!]));
    expect(rows.reduce((a, b) => a + b, 0)).toBeGreaterThan(own.reduce((a, b) => a + b, 0));
  });
});
