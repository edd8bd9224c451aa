import { describe, expect, it } from 'vitest';
import { MIN_TEXT_WIDTH } from '../../src/render/table-fit.js';
import { renderTable, terminalStyle, terminalWidth } from '../../src/render/terminal-style.js';
import { displayWidth } from '../../src/render/text-width.js';

const plain = terminalStyle(false);
const TEXT = '健全不动产登记和土地权籍测绘投诉机制及土地纠纷相关信息公开制度';
const UNITS = '市自然资源局、市中级人民法院、市公共资源交易中心、各县区';
const head = ['编号', '具体措施', '数量', '责任单位'];
const rows = [
  ['4.2.2', TEXT, '12345', UNITS],
  ['1.1.1', '优化企业开办线上服务', '7', '市审批局'],
];
const layout = (width?: number) => ({
  maxWidths: [undefined, 40, undefined, 30],
  wrap: [undefined, 'text', undefined, 'list'] as const,
  width,
});
const widths = (table: string) => table.split('\n').map(displayWidth);

describe('renderTable fitted to a terminal width', () => {
  it.each([60, 80, 100])('keeps every line within %i columns and the borders aligned', (width) => {
    const table = renderTable(head, rows, Array(4).fill('left'), plain, layout(width));
    const lines = widths(table);
    expect(Math.max(...lines)).toBeLessThanOrEqual(width);
    expect(new Set(lines).size).toBe(1);
  });

  it('wraps the text and list columns, never the numbers', () => {
    const table = renderTable(head, rows, Array(4).fill('left'), plain, layout(60));
    expect(table).toContain(' 12345 ');
    expect(table.replace(/[│ ]/g, '')).toContain('市自然资源局、');
    expect(table.split('\n').some((line) => line.includes('市中级人民法院、') && line.includes('市自然资源局'))).toBe(
      false,
    );
  });

  it('stops at a readable minimum and stays aligned when the terminal is narrower still', () => {
    const table = renderTable(head, rows, Array(4).fill('left'), plain, layout(20));
    const lines = widths(table);
    expect(new Set(lines).size).toBe(1);
    const textColumn = table.split('\n')[1]!.split('│')[2]!;
    expect(displayWidth(textColumn)).toBe(MIN_TEXT_WIDTH + 2);
  });

  it('keeps the fixed widths without a terminal width', () => {
    const table = renderTable(head, rows, Array(4).fill('left'), plain, layout(undefined));
    expect(Math.max(...widths(table))).toBeGreaterThan(80);
  });
});

describe('terminalWidth', () => {
  it('uses COLUMNS when set, else the terminal width, and no limit when piped', () => {
    expect(terminalWidth({ isTTY: true, columns: 100 }, {})).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 100 }, { COLUMNS: '90' })).toBe(90);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '90' })).toBe(90);
    expect(terminalWidth({ isTTY: false }, {})).toBeUndefined();
    expect(terminalWidth({ isTTY: false }, { COLUMNS: 'wide' })).toBeUndefined();
  });
});
