import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

describe('ledger render and ledger summary (end to end)', () => {
  it('writes 台账-<date>.xlsx by default and Markdown to stdout with --out -', () => {
    const root = tempLedger();
    const xlsx = runCli(['render', '--as-of', '2020-07-25'], root);
    expect(xlsx.stderr).toBe('');
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toBe(`已导出 5 项具体措施（逾期 2 项）到 ${path.join(root, '台账-2020-07-25.xlsx')}\n`);
    expect(existsSync(path.join(root, '台账-2020-07-25.xlsx'))).toBe(true);
    const md = runCli(['render', '--format', 'md', '--out', '-', '--as-of', '2020-07-25', '--unit', '税务局'], root);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('责任单位：市税务局');
    expect(md.stdout).toContain('（没有符合条件的具体措施）');
  });

  it('names the filtered file after the unit and leaves no temporary files behind', () => {
    const root = tempLedger();
    expect(runCli(['render', '--unit', '中级法院', '--as-of', '2020-07-25', '--format', 'md'], root).code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['ledger', '台账-市中级人民法院-2020-07-25.md']);
  });

  it('explains usage mistakes with exit code 2', () => {
    const root = tempLedger();
    const stdoutXlsx = runCli(['render', '--out', '-'], root);
    expect(stdoutXlsx.code).toBe(2);
    expect(stdoutXlsx.stderr).toContain('xlsx 不能输出到标准输出');
    const unknown = runCli(['render', '--unit', '市税物局'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('市税务局');
    expect(runCli(['summary'], root).stderr).toContain('--month');
  });

  it('exits 1 and writes nothing when the ledger has errors', () => {
    const root = tempLedger({
      'ledger/01-a.yaml': replaceOrThrow(SMALL_AREA, 'units: [市财政局]', 'units: [市不存在局]'),
    });
    const run = runCli(['render', '--as-of', '2020-07-25'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('未导出');
    expect(readdirSync(root)).toEqual(['ledger']);
  });

  it('writes the monthly summary file with the month in its name', () => {
    const root = tempLedger();
    const run = runCli(['summary', '--month', '2020-07', '--format', 'md'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('截至 2020-07-25');
    expect(existsSync(path.join(root, '月度汇总-2020-07.md'))).toBe(true);
  });
});
