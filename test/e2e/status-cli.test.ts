import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/terminal-style.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const DONE_LATE = replaceOrThrow(
  SMALL_AREA,
  `deadline: 2020年6月底前
        units: [市审批局, 市公安局]
        status: 未启动`,
  `deadline: 2020年6月底前
        units: [市审批局, 市公安局]
        status: 已完成`,
);

const REPORTED = replaceOrThrow(
  SMALL_AREA,
  `deadline: 长期
        units: [市中级人民法院]
        status: 未启动`,
  `deadline: 长期
        units: [市中级人民法院]
        status: 推进中
        unit_reports:
          市中级人民法院: { month: "2020-06", status: 推进中, progress: 已建立机制 }`,
).replace(
  `deadline: 2020年底前
        units: [市审批局, 市公安局, 各县区]
        status: 未启动`,
  `deadline: 2020年底前
        units: [市审批局, 市公安局, 各县区]
        status: 推进中
        unit_reports:
          平罗县: { month: "2020-07", status: 推进中, progress: 系统改造中 }`,
);

const json = (args: string[], cwd: string) => {
  const run = runCli([...args, '--format', 'json'], cwd);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
};

describe('ledger status (end to end)', () => {
  it('prints one aligned table per area with a total row and no colour when piped', () => {
    const run = runCli(['status', '--as-of', '2020-07-15'], tempLedger(), { NO_COLOR: undefined });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    const tableLines = run.stdout.split('\n').filter((line) => /^[┌│└]/.test(line));
    expect(tableLines.length).toBe(5);
    expect(new Set(tableLines.map(displayWidth)).size).toBe(1);
    expect(run.stdout).toMatch(
      /│ 1\s+│ 持续深化商事制度改革\s+│\s+5 │\s+0 │\s+0 │\s+5 │\s+2 │\s+0 │\s+2 │\s+0% │\s+红\s+│/,
    );
    expect(run.stdout).toContain('状态灯：红 = 有逾期措施');
  });

  it('colours only when forced and NO_COLOR is unset', () => {
    expect(
      runCli(['status', '--as-of', '2020-07-15'], tempLedger(), { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout,
    ).toMatch(/\x1b\[/);
    expect(runCli(['status', '--as-of', '2020-07-15'], tempLedger(), { FORCE_COLOR: '1' }).stdout).not.toMatch(
      /\x1b\[/,
    );
  });

  it('gives the same figures as JSON, and counts a measure done late as done, not overdue', () => {
    const before = json(['status', '--as-of', '2020-07-15'], tempLedger());
    expect(before.total).toMatchObject({ measures: 5, overdue: 2, done: 0, light: '红' });
    const after = json(
      ['status', '--as-of', '2020-07-15'],
      tempLedger({ 'ledger/01-持续深化商事制度改革.yaml': DONE_LATE }),
    );
    expect(after.total).toMatchObject({ measures: 5, overdue: 1, done: 1, completionPercent: 20 });
  });

  it('narrows the due-soon window with --within', () => {
    expect(json(['status', '--as-of', '2020-12-01'], tempLedger()).total.dueSoon).toBe(1);
    expect(json(['status', '--as-of', '2020-12-01', '--within', '10'], tempLedger()).total.dueSoon).toBe(0);
  });

  it('shows a county its obligations through 各县区, and accepts aliases', () => {
    const county = json(['status', '--unit', '平罗县', '--as-of', '2020-07-15'], tempLedger());
    expect(county).toMatchObject({ view: 'unit', unit: '平罗县' });
    expect(county.items.map((i: { id: string }) => i.id)).toEqual(['1.1.1']);
    const court = json(['status', '--unit', '中级法院', '--as-of', '2020-07-15'], tempLedger());
    expect(court.unit).toBe('市中级人民法院');
    const text = runCli(['status', '--unit', '市审批局', '--as-of', '2020-07-15'], tempLedger()).stdout;
    expect(text.indexOf('1.1.2')).toBeLessThan(text.indexOf('1.1.1'));
    expect(text).toContain('逾期 15 天');
  });

  it('shows a unit its own reports and flags 长期 without a report for the month due', () => {
    const cwd = tempLedger({ 'ledger/01-持续深化商事制度改革.yaml': REPORTED });
    const county = runCli(['status', '--unit', '平罗县', '--as-of', '2020-07-25'], cwd);
    expect(county.stdout).toContain('平罗县报送');
    expect(county.stdout).toMatch(/1\.1\.1 .*2020-07 推进中/);
    const court = json(['status', '--unit', '市中级人民法院', '--as-of', '2020-07-25'], cwd);
    expect(court.items[0]).toMatchObject({
      id: '1.2.2',
      ownReport: { month: '2020-06' },
      state: { phase: '本月未报进展' },
    });
    expect(json(['status', '--as-of', '2020-07-25'], cwd).total).toMatchObject({ noProgress: 1, inProgress: 2 });
    expect(json(['status', '--as-of', '2020-07-15'], cwd).total.noProgress).toBe(0);
  });

  it('rejects an unknown unit with a suggestion and exit code 2', () => {
    const run = runCli(['status', '--unit', '审批', '--as-of', '2020-07-15'], tempLedger());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不在单位名录中');
    expect(run.stderr).toContain('市审批局');
    expect(runCli(['status', '--as-of', '2020-02-30'], tempLedger()).code).toBe(2);
  });

  it('rolls up per unit and per lead', () => {
    const byUnit = json(['status', '--by', 'unit', '--as-of', '2020-07-15'], tempLedger());
    expect(byUnit.rows.find((r: { unit: string }) => r.unit === '大武口区')).toMatchObject({ measures: 1, overdue: 0 });
    expect(byUnit.rows.find((r: { unit: string }) => r.unit === '市审批局')).toMatchObject({ measures: 3, overdue: 2 });
    const lead = json(['status', '--lead', '审批局', '--as-of', '2020-07-15'], tempLedger());
    expect(lead).toMatchObject({ view: 'lead', lead: '市审批局', total: { measures: 5 } });
    expect(lead.rows.map((r: { taskId: string }) => r.taskId)).toEqual(['1.1', '1.2']);
  });
});

describe('ledger overdue and ledger show (end to end)', () => {
  it('lists overdue measures and fails on request', () => {
    const run = runCli(['overdue', '--as-of', '2020-07-01', '--fail-on', 'overdue'], tempLedger());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1.1.2');
    expect(run.stdout).toContain('逾期 1 天');
    expect(runCli(['overdue', '--as-of', '2020-06-30', '--fail-on', 'overdue'], tempLedger()).code).toBe(0);
  });

  it('adds due-soon measures with --within and filters by unit', () => {
    const result = json(['overdue', '--as-of', '2020-12-15', '--within', '20'], tempLedger());
    expect(result.items.map((i: { id: string }) => i.id)).toEqual(['1.1.2', '1.2.1', '1.1.1']);
    expect(result).toMatchObject({ overdue: 2, dueSoon: 1, escalated: 2 });
    const county = json(['overdue', '--as-of', '2020-12-15', '--within', '20', '--unit', '惠农区'], tempLedger());
    expect(county.items.map((i: { id: string }) => i.id)).toEqual(['1.1.1']);
  });

  it('shows one measure with what its deadline means on the day', () => {
    const run = runCli(['show', '1.2.1', '--as-of', '2020-07-15'], tempLedger());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2020年6月底、7月底前');
    expect(run.stdout).toContain('第 1/2 个节点');
    expect(run.stdout).toContain('已逾期 15 天');
    expect(run.stdout).toContain('市审批局、市司法局等相关部门');
    const county = runCli(['show', '1.1.1', '--as-of', '2020-07-15'], tempLedger()).stdout;
    expect(county).toContain('分别报送：市审批局、市公安局、大武口区、惠农区、平罗县');
  });

  it('rejects an unknown id with exit code 2', () => {
    const run = runCli(['show', '1.1.9'], tempLedger());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到编号为“1.1.9”的具体措施');
    expect(run.stderr).toContain('1.1.1、1.1.2');
  });
});
