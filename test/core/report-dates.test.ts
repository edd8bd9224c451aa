import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/model/diagnostic.js';
import { checkReports } from '../../src/core/reports/report-checks.js';
import { parseReport } from '../../src/io/load-reports.js';
import { entry, loadedLedger, reportYaml } from '../helpers/report-fixture.js';

const FILE = 'reports/2020-08/市公安局.yaml';
const where = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.line, d.col]);

/** Parses and checks one 市公安局 report for 2020-08 with a single entry on 1.1.1 (lines 4–7). */
function run(status: string, extra: string[] = [], fileExists?: (p: string) => boolean) {
  const { ledger } = loadedLedger();
  const diagnostics: Diagnostic[] = [];
  const text = reportYaml('市公安局', '2020-08', entry('1.1.1', status, '进展', ...extra));
  const parsed = parseReport(Buffer.from(text), FILE, diagnostics);
  if (parsed) diagnostics.push(...checkReports(ledger, [parsed], { asOf: '2020-08-25', fileExists }));
  return { parsed, diagnostics };
}

describe('dates in reports', () => {
  it('completed_on only with 已完成', () => {
    const { diagnostics } = run('推进中', ['completed_on: 2020-08-10']);
    expect(where(diagnostics)).toEqual([['report/completed-on-not-done', 7, 19]]);
  });

  it('已完成 needs completed_on in a new report, with a hint how to fill it', () => {
    const { diagnostics } = run('已完成');
    expect(where(diagnostics)).toEqual([['report/completed-on-missing', 5, 13]]);
    expect(diagnostics[0]!.hint).toContain('completed_on: 2020-08-DD');
  });

  it('not after the report month’s end, not before the plan starts', () => {
    expect(where(run('已完成', ['completed_on: 2021-03-01']).diagnostics)).toEqual([
      ['report/completed-on-after-month', 7, 19],
    ]);
    expect(where(run('已完成', ['completed_on: 2019-12-31']).diagnostics)).toEqual([
      ['report/completed-on-before-plan', 7, 19],
    ]);
  });

  it('a day that does not exist says so', () => {
    const { diagnostics } = run('已完成', ['completed_on: 2020-02-30']);
    expect(where(diagnostics)).toEqual([['schema/invalid-date', 7, 19]]);
    expect(diagnostics[0]!.message).toContain('2020-02-30 不是有效日期');
    expect(run('已完成', ['completed_on: 2020年2月30日']).diagnostics[0]!.message).toContain('2020-02-30 不是有效日期');
  });

  it.each(['2020.8.10', '2020/8/10', '2020年8月10日', '"2020-8-10"', '２０２０年８月１０日'])(
    'accepts and normalises %s',
    (typed) => {
      const { parsed, diagnostics } = run('已完成', [`completed_on: ${typed}`]);
      expect(diagnostics).toEqual([]);
      expect(parsed!.data.entries[0]!.completed_on).toBe('2020-08-10');
    },
  );
});

describe('status words and evidence', () => {
  it.each([
    ['进行中', '推进中'],
    ['正在推进', '推进中'],
    ['完成', '已完成'],
    ['已办结', '已完成'],
  ])('%s suggests %s', (typed, meant) => {
    const { diagnostics } = run(typed);
    expect(where(diagnostics)).toEqual([['schema/invalid-value', 5, 13]]);
    expect(diagnostics[0]!.hint).toContain(`是否应为 ${meant}？`);
  });

  it('evidence: links only http(s); a path must exist in the repository (warning)', () => {
    const exists = (p: string) => p === 'evidence/通知.pdf';
    const { diagnostics } = run(
      '推进中',
      ['evidence:', '  - evidence/通知.pdf', '  - evidence/没有.pdf', '  - https://example.gov.cn/a', '  - ftp://x/y'],
      exists,
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.col])).toEqual([
      ['report/evidence-missing', 'warning', 9, 9],
      ['report/evidence-url', 'error', 11, 9],
    ]);
  });
});
