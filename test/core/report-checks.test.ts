import { describe, expect, it } from 'vitest';
import { checkReports } from '../../src/core/reports/report-checks.js';
import { entry, loadedLedger, report, reportYaml } from '../helpers/report-fixture.js';

const AS_OF = { asOf: '2020-07-15' };
const codes = (diagnostics: { code: string; line: number; col: number }[]) =>
  diagnostics.map((d) => [d.code, d.line, d.col]);

describe('checkReports', () => {
  const { ledger } = loadedLedger();

  it('accepts a report on measures the unit is responsible for, directly or through 各县区', () => {
    const ok = [
      report(
        reportYaml(
          '市公安局',
          '2020-07',
          entry('1.1.1', '推进中') + entry('1.1.2', '已完成', '', 'completed_on: 2020-07-10'),
        ),
        'reports/2020-07/市公安局.yaml',
      ),
      report(reportYaml('大武口区', '2020-07', entry('1.1.1', '推进中')), 'reports/2020-07/大武口区.yaml'),
    ];
    expect(checkReports(ledger, ok, AS_OF)).toEqual([]);
  });

  it('names the measure and the unit when a unit reports on a measure it is not responsible for', () => {
    const [d] = checkReports(ledger, [report(reportYaml('市公安局', '2020-07', entry('1.2.3', '推进中')))], AS_OF);
    expect(d).toMatchObject({ code: 'report/not-responsible', line: 4, col: 9 });
    expect(d!.message).toContain('市公安局');
    expect(d!.message).toContain('1.2.3');
    expect(d!.hint).toContain('市财政局');
  });

  it('finds unknown measures, future months, duplicate entries and too many milestones', () => {
    const text = reportYaml(
      '市司法局',
      '2020-08',
      entry('9.9.9', '推进中') + entry('1.2.1', '推进中', '', 'milestones_met: 3') + entry('1.2.1', '推进中'),
    );
    expect(codes(checkReports(ledger, [report(text)], AS_OF))).toEqual([
      ['report/future-month', 2, 8],
      ['report/unknown-measure', 4, 9],
      ['report/milestones-too-many', 10, 21],
      ['report/duplicate-entry', 11, 9],
    ]);
  });

  it('refuses unknown units (with a suggestion), groups and names that could escape the folder', () => {
    const unknown = checkReports(ledger, [report(reportYaml('市公按局', '2020-07', ''))], AS_OF);
    expect(unknown.map((d) => d.code)).toEqual(['report/unknown-unit']);
    expect(unknown[0]!.hint).toContain('市公安局');
    expect(checkReports(ledger, [report(reportYaml('各县区', '2020-07', ''))], AS_OF).map((d) => d.code)).toEqual([
      'report/group-unit',
    ]);
    expect(checkReports(ledger, [report(reportYaml('../ledger/01', '2020-07', ''))], AS_OF).map((d) => d.code)).toEqual(
      ['report/path-escape'],
    );
  });

  it('lets two copies of one report pass, whatever their context fields say', () => {
    const a = report(reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', '进展', 'title: 旧名称')));
    const b = report(reportYaml('公安局', '2020-07', entry('1.1.1', '推进中', '进展')));
    expect(checkReports(ledger, [a, b], AS_OF)).toEqual([]);
  });

  it('finds two reports of one unit for one month, and a report in the wrong place', () => {
    const a = report(reportYaml('市公安局', '2020-07', ''), 'reports/2020-07/市公安局.yaml');
    const b = report(reportYaml('公安局', '2020-07', entry('1.1.1', '推进中')), 'reports/2020-06/市公安局.yaml');
    const found = checkReports(ledger, [a, b], AS_OF);
    expect(found.map((d) => [d.code, d.file])).toEqual([
      ['report/wrong-path', 'reports/2020-06/市公安局.yaml'],
      ['report/duplicate', 'reports/2020-06/市公安局.yaml'],
    ]);
  });
});
