import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, REPO_ROOT, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AS_OF = '2020-08-15';
const courtReport = (month: string, evidence: string) =>
  `unit: 市中级人民法院\nmonth: "${month}"\nentries:\n  - id: "1.2.2"\n    status: 已完成\n    progress: 已建立机制\n    completed_on: 2020-07-10\n    evidence: [${evidence}]\n`;

function repoOnBranch() {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' },
    { date: '2020-06-01T09:00:00+08:00' },
  );
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

describe('check: evidence beside a report', () => {
  it('classifies a report with evidence files in the unit’s own folder as 报送, without stray-file errors', async () => {
    const repo = repoOnBranch();
    repo.commit('市中院 7 月报送', {
      'reports/2020-07/市中级人民法院.yaml': courtReport('2020-07', 'reports/2020-07/市中级人民法院/通知.pdf'),
      'reports/2020-07/市中级人民法院/通知.pdf': 'PDF',
      'reports/2020-07/市中级人民法院/照片/现场.jpg': 'JPG',
    });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.kind).toBe('report');
    expect(result.reports.map((r) => r.file)).toEqual(['reports/2020-07/市中级人民法院.yaml']);
    expect(result.completes.map((c) => c.id)).toEqual(['1.2.2']);
    // merge of the month folder takes the report and leaves the evidence alone
    const merged = runCli(['merge', 'reports/2020-07', '--as-of', AS_OF], repo.dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('合并了 1 份报送');
  });

  it('still reports a folder that is not a unit’s name', () => {
    const repo = repoOnBranch();
    repo.commit('杂项', { 'reports/2020-07/杂项/a.txt': 'x' });
    const run = runCli(['validate'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('子文件夹名“杂项”不是单位名录中的规范名称');
  });

  it('never lists a change an error rejects under 新完成', async () => {
    const repo = repoOnBranch();
    // 1.2.2 set to 已完成 by hand, with no report behind it
    const edited = SMALL_AREA.replace(/(id: "1\.2\.2"[\s\S]*?status: )未启动/, '$1已完成');
    repo.commit('手工改状态', { [AREA]: edited });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.message.includes('1.2.2'))).toBe(true);
    expect(result.completes).toEqual([]);
    const text = runCli(['check', '--base', 'main', '--as-of', AS_OF], repo.dir).stdout;
    expect(text).not.toContain('新完成');
  });
});

describe('log: --month, impossible dates and who reported', () => {
  function repo() {
    const r = tempGitRepo();
    r.commit(
      '导入台账',
      { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
      { date: '2020-06-01T09:00:00+08:00' },
    );
    r.commit(
      '报送',
      { 'reports/2020-09/市中级人民法院.yaml': courtReport('2020-09', 'https://example.gov.cn/通知') },
      { date: '2020-09-18T09:00:00+08:00' },
    );
    expect(runCli(['merge', 'reports/2020-09', '--as-of', '2020-09-24'], r.dir).code).toBe(0);
    r.commit(
      '合并 2020-09 报送',
      {},
      {
        date: '2020-09-24T10:00:00+08:00',
        author: { name: '王芳', email: 'w@example.com' },
      },
    );
    return r;
  }

  it('lists one month with --month and credits the reporting unit beside the person who merged', () => {
    const r = repo();
    const september = runCli(['log', '--month', '2020-09'], r.dir);
    expect(september.code).toBe(0);
    expect(september.stdout).toMatch(
      /^2020-09-24 {2}1\.2\.2 .*未启动 → 已完成.*—— 市中级人民法院报送，王芳合并 [0-9a-f]{7} /m,
    );
    expect(runCli(['log', '--month', '2020-08'], r.dir).stdout).toContain('没有找到状态变化');
    const json = JSON.parse(runCli(['log', '--month', '2020-09', '--format', 'json'], r.dir).stdout);
    expect(json.changes[0]).toMatchObject({ id: '1.2.2', author: '王芳', reported_by: ['市中级人民法院'] });
    const history = runCli(['history', '1.2.2'], r.dir).stdout;
    expect(history).toMatch(/^2020-09-24 {2}市中级人民法院报送，王芳合并 {2}[0-9a-f]{7} {2}合并 2020-09 报送$/m);
  });

  it('rejects a day the month does not have, naming its real last day', () => {
    const r = repo();
    const run = runCli(['log', '--until', '2020-09-31'], r.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2020 年 9 月只有 30 天');
    expect(run.stderr).toContain('--until 2020-09-30');
    expect(runCli(['log', '--since', '2021-02-29'], r.dir).stderr).toContain('--since 2021-02-28');
    expect(runCli(['log', '--month', '2020-09', '--since', '2020-09-01'], r.dir).code).toBe(2);
  });

  it('show gives each unit’s 完成日期 and evidence', () => {
    const r = repo();
    const show = runCli(['show', '1.2.2', '--as-of', '2020-09-25'], r.dir).stdout;
    expect(show).toContain('市中级人民法院 报送：2020-09 已完成（完成日期 2020-07-10）：已建立机制');
    expect(show).toContain('佐证材料：https://example.gov.cn/通知');
  });
});

describe('one wording across status, missing and summary', () => {
  it('says 状态灯 (never 信号灯) and 迟报 (never 逾期报送)', () => {
    const outputs = [
      ['status', '--as-of', '2020-07-25', '--worktree'],
      ['missing', '--month', '2020-07'],
      ['summary', '--month', '2020-07', '--worktree', '--format', 'md', '--out', '-'],
    ].map((args) => runCli(args, REPO_ROOT));
    for (const run of outputs) {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/信号灯|逾期报送/);
    }
    expect(outputs[0]!.stdout).toContain('状态灯');
    expect(outputs[2]!.stdout).toContain('状态灯');
  });
});
