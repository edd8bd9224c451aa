import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/core/model/ledger.js';
import { worktreeVersion } from '../../src/core/model/ledger-version.js';
import { parseQuarter, quarterOf } from '../../src/core/summaries/quarter-period.js';
import { buildQuarterlyReport, type QuarterMonthInput } from '../../src/core/summaries/quarterly-report.js';
import { reportCounts } from '../../src/core/reports/report-counts.js';
import { doneKeys, monthEnd, trendRows } from '../../src/core/summaries/trend.js';
import { replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { memoryLedger } from '../helpers/memory-ledger.js';

const Q3 = parseQuarter('2020Q3')!;

/** SMALL_AREA with edits: [measure id, YAML lines put after its `remark: ""`]. */
function areaWith(edits: Record<string, string>, deadlines: Record<string, [string, string]> = {}): string {
  let text = SMALL_AREA;
  for (const [id, [from, to]] of Object.entries(deadlines))
    text = replaceOrThrow(
      text,
      new RegExp(`(id: "${id.replaceAll('.', '\\.')}"[\\s\\S]*?deadline: )${from}`),
      `$1${to}`,
    );
  for (const [id, lines] of Object.entries(edits)) {
    const at = text.indexOf(`id: "${id}"`);
    const end = text.indexOf('remark: ""', at) + 'remark: ""'.length;
    if (at < 0) throw new Error(`no measure ${id}`);
    text = `${text.slice(0, end)}\n${lines}${text.slice(end)}`;
  }
  return text;
}

const extension = (unit: string) =>
  `        extensions:\n          - { requested_by: ${unit}, requested_in: "2020-08", until: 2020-12-31, reason: 对接, state: 已批准, decided_on: 2020-08-26 }`;

function month(ledger: Ledger, m: string, day: string, before: Set<string>): QuarterMonthInput {
  const end = monthEnd(ledger, day, {}, 'total');
  return { month: m, day, version: worktreeVersion(), ledger, row: trendRows(ledger, end, 'total', before)[0]! };
}

describe('quarter periods', () => {
  it('reads 2020Q3 and 2020-q3, and nothing else', () => {
    expect(parseQuarter('2020-q3')).toMatchObject({ months: ['2020-07', '2020-08', '2020-09'], lastDay: '2020-09-30' });
    expect(parseQuarter('2021Q1')).toMatchObject({ firstDay: '2021-01-01', lastDay: '2021-03-31' });
    for (const bad of ['2020Q0', '2020Q5', '2020-07', 'Q3', '20Q3']) expect(parseQuarter(bad), bad).toBeUndefined();
    expect(quarterOf('2020-12-31').quarter).toBe('2020Q4');
  });
});

describe('buildQuarterlyReport', () => {
  const start = memoryLedger([SMALL_AREA]);
  // By the end: 1.1.2 done, 1.2.1 extended for both its units, 1.1.1 moved to end of August (newly overdue),
  // 1.2.3 untouched.
  const endArea = areaWith(
    {
      '1.1.2':
        '        unit_reports:\n          市审批局: { month: "2020-07", status: 已完成, completed_on: 2020-07-10 }\n' +
        '          市公安局: { month: "2020-08", status: 已完成, completed_on: 2020-08-03 }',
      '1.2.1': `${extension('市审批局')}\n${extension('市司法局').replace('        extensions:\n', '')}`,
    },
    { '1.1.1': ['2020年底前', '2020年8月底前'] },
  );
  const end = memoryLedger([replaceOrThrow(endArea, /(id: "1\.1\.2"[\s\S]*?status: )未启动/, '$1已完成')]);
  const snapshot = (ledger: Ledger, day: string) => ({ ledger, day, version: worktreeVersion() });

  it('tells newly overdue from cleared, and why each was cleared', () => {
    const report = buildQuarterlyReport(Q3, snapshot(start, '2020-07-01'), snapshot(end, '2020-09-30'), [
      month(end, '2020-09', '2020-09-30', doneKeys(monthEnd(start, '2020-06-30', {}, 'total'))),
    ]);
    expect(report.overdue.start.map((m) => m.id)).toEqual(['1.1.2', '1.2.1']);
    expect(report.overdue.end.map((m) => m.id)).toEqual(['1.1.1']);
    expect(report.overdue.newly.map((m) => [m.id, m.due])).toEqual([['1.1.1', '2020-08-31']]);
    expect(report.overdue.cleared.map((m) => [m.id, m.reason])).toEqual([
      ['1.1.2', '已完成'],
      ['1.2.1', '已延期'],
    ]);
    expect(report.completed).toMatchObject([{ id: '1.1.2', completedOn: '2020-08-03', overdueAtStart: true }]);
    expect(report.leads).toMatchObject([{ lead: '市审批局', completed: 1, overdueAtStart: 2, overdue: 1 }]);
    expect(report.reporting).toBeUndefined();
  });

  it("records each unit's month: on time, late, missing, not owing, not counted", () => {
    const done = memoryLedger([
      replaceOrThrow(
        areaWith({ '1.2.2': '        unit_reports:\n          市中级人民法院: { month: "2020-06", status: 已完成 }' }),
        /(id: "1\.2\.2"[\s\S]*?status: )未启动/,
        '$1已完成',
      ),
    ]);
    const commits = new Map([
      ['reports/2020-08/市审批局.yaml', { committed: '2020-08-19T10:00:00+08:00' }],
      ['reports/2020-08/市公安局.yaml', { committed: '2020-08-21T10:00:00+08:00' }],
    ]);
    const present = [...commits.keys()].map((file) => ({ unit: file.slice(16, -5), file }));
    const august = reportCounts(done, '2020-08', present, commits);
    const months = [
      { ...month(done, '2020-07', '2020-07-31', new Set()), reports: undefined },
      { ...month(done, '2020-08', '2020-08-31', new Set()), reports: august },
    ];
    const report = buildQuarterlyReport(Q3, snapshot(done, '2020-07-01'), snapshot(done, '2020-08-31'), months);
    const record = (unit: string) => report.reporting!.find((u) => u.unit === unit)!;
    expect(record('市审批局').months.map((m) => m.state)).toEqual(['none', 'on-time']);
    expect(record('市公安局')).toMatchObject({ months: [{ state: 'none' }, { state: 'late' }], late: 1, onTime: 0 });
    expect(record('市司法局')).toMatchObject({ missing: 1 });
    expect(record('市中级人民法院').months.map((m) => m.state)).toEqual(['none', 'not-owing']);
  });
});
