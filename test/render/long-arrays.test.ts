import { describe, expect, it } from 'vitest';
import { maxOf, pushAll } from '../../src/core/model/arrays.js';
import { cellWidth, fitWidths } from '../../src/render/table-fit.js';
import { columnWidths } from '../../src/render/summary-xlsx.js';

// Node 20 throws RangeError when an array of this length is spread into a call's arguments.
const N = 300_000;

describe('no spread of unbounded arrays into calls', () => {
  it('the engine really refuses a spread of this length (so the tests below can fail)', () => {
    const big = Array.from({ length: N }, (_, i) => i);
    expect(() => Math.max(...big)).toThrow(RangeError);
  });

  it('maxOf and pushAll handle arrays of any length', () => {
    const big = Array.from({ length: N }, (_, i) => (i * 7919) % N);
    expect(maxOf(big)).toBe(N - 1);
    expect(maxOf([], 3)).toBe(3);
    expect(maxOf([-5, -2])).toBe(-2);
    const target = [1];
    expect(pushAll(target, big)).toHaveLength(N + 1);
    expect(target[N]).toBe(big[N - 1]);
  });

  it('summary xlsx column widths from 300,000 rows', () => {
    const rows = Array.from({ length: N }, (_, i) => [`${i}`, i === N - 1 ? '长'.repeat(30) : '短']);
    const section = (r: string[][]) => ({ name: 's', title: 't', header: ['编号', '名称'], rows: r });
    // Only the widest cell of each column counts, so the two last rows give the same widths.
    expect(columnWidths(section(rows))).toEqual(columnWidths(section(rows.slice(-2))));
    expect(columnWidths(section(rows))).not.toEqual(columnWidths(section(rows.slice(0, 2))));
  });

  it('terminal table widths from 300,000 rows and a cell of 300,000 lines', () => {
    const rows = Array.from({ length: N }, (_, i) => [`${i}`, i === 7 ? '措施'.repeat(30) : '短']);
    const layout = { maxWidths: [undefined, 40], width: 50 };
    const fitted = fitWidths(['编号', '具体措施'], rows, layout, (t) => t);
    expect(fitted).toEqual(fitWidths(['编号', '具体措施'], [rows[7]!, rows[N - 1]!], layout, (t) => t));
    expect(fitted[1]).toBeLessThan(60);
    expect(cellWidth(Array.from({ length: N }, (_, i) => 'x'.repeat(i % 9)).join('\n'))).toBe(8);
  });
});
