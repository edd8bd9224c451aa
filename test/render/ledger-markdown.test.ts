import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/commands/render/run.js';
import { measureLabel, unitsLabel } from '../../src/core/model/ledger-labels.js';
import { measureRefs } from '../../src/core/model/ledger.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { escapeCell } from '../../src/render/markdown.js';
import { REPO_ROOT, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { TRICKY_AREA } from '../helpers/render-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Splits a GFM table row the way GitHub does: a backslash escapes the next character, a bare pipe ends a cell. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      cell += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.slice(1, -1).map((s) => s.trim());
}

function unescapeCell(cell: string): string {
  return cell
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/<br>/g, '\n')
    .replace(/\\(.)/g, '$1');
}

interface ParsedTable {
  heading: string;
  header: string[];
  rows: string[][];
}

/** Every table with the `## ` heading above it; throws on a row with the wrong number of cells. */
function parseTables(markdown: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) heading = line.slice(3);
    if (!line.startsWith('|')) continue;
    const header = splitRow(line);
    expect(splitRow(lines[i + 1]!).every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
    const rows: string[][] = [];
    for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
      const cells = splitRow(lines[i]!);
      if (cells.length !== header.length) throw new Error(`broken row (${cells.length} cells): ${lines[i]}`);
      rows.push(cells.map(unescapeCell));
    }
    tables.push({ heading, header, rows });
  }
  return tables;
}

async function renderMarkdown(root: string, asOf: string): Promise<string> {
  const result = await render({ root, asOf, worktree: true, format: 'md', out: '-' });
  expect(result.diagnostics).toEqual([]);
  return result.text!;
}

describe('ledger render --format md', () => {
  it('keeps every table whole when texts hold pipes, line breaks and Markdown syntax', async () => {
    const root = tempLedger({
      'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA,
      'ledger/02-提升项目建设审批便利度.yaml': TRICKY_AREA,
    });
    const tables = parseTables(await renderMarkdown(root, '2020-07-25'));
    expect(tables.map((t) => t.heading)).toEqual([
      '一、持续深化商事制度改革（市审批局牵头）',
      '二、提升项目建设审批便利度（市审批局、市住建局分别牵头）',
    ]);
    expect(tables[0]!.header).toEqual(['目标任务', '具体措施及完成时限', '责任部门', '工作完成情况', '备注']);
    const tricky = tables[1]!.rows;
    expect(tricky).toHaveLength(1);
    expect(tricky[0]![0]).toBe('1.深化工程建设项目审批制度改革。推行“多规合一”|“多图联审”。（市住建局牵头）');
    expect(tricky[0]![1]).toBe(
      '1）精简审批环节。审批时限压缩至 80 个工作日 | 以内；\n第二行：**不是加粗**，路径 C:\\temp\\ 与 <b>标签</b>。（完成时限：2020年6月底前）',
    );
    expect(tricky[0]![3]).toBe('推进中（逾期 25 天）\n已完成 | 第一阶段\n正在推进第二阶段');
    expect(tricky[0]![4]).toBe('备注|含竖线');
  });

  it('finds every measure of the bundled ledger once, in its area’s table, with deadline and units', async () => {
    const { ledger } = loadLedger(REPO_ROOT);
    const tables = parseTables(await renderMarkdown(REPO_ROOT, '2020-12-01'));
    expect(tables).toHaveLength(ledger.areas.length);
    const all = tables.flatMap((t) => t.rows);
    const refs = measureRefs(ledger);
    expect(all).toHaveLength(refs.length);
    for (const ref of refs) {
      const table = tables[ledger.areas.findIndex((a) => a.data.area === ref.area.area)]!;
      const rows = table.rows.filter((r) => r[1] === measureLabel(ref.measure));
      expect(rows, ref.measure.id).toHaveLength(1);
      expect(rows[0]![2]).toBe(unitsLabel(ref.measure));
    }
  });

  it('writes a file atomically by default name and escapes a backslash before a pipe', async () => {
    const cwd = tempDir();
    const result = await render({ root: tempLedger(), cwd, asOf: '2020-07-25', format: 'md' });
    expect(result.file).toBe(path.join(cwd, '台账-2020-07-25.md'));
    expect(readFileSync(result.file!, 'utf8')).toContain('## 一、持续深化商事制度改革');
    expect(escapeCell('a\\|b\nc')).toBe('a\\\\\\|b<br>c');
  });
});
