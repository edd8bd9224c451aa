import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRepo } from './git-repo.js';
import { writeTree } from './temp-dir.js';
import { BUNDLED_UNITS, SMALL_AREA } from './ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from './report-fixture.js';
import { runCli, type CliRun } from './run-cli.js';
import { sharedFixture } from './shared-fixture.js';

/** What the tool said at a moment of the history, run then on the work tree as it was. */
export interface Moment {
  /** The day the command was run for. */
  day: string;
  args: string[];
  stdout: string;
}

export interface HistoryRepo {
  repo: GitRepo;
  cli: (...args: string[]) => CliRun;
  /** Outputs recorded as the history was made (status at each month end, summary on each 25th). */
  moments: Moment[];
  /** Removes the repository (it outlives single tests: call it in afterAll). */
  remove: () => void;
}

const at = (day: string, time = '10:00') => ({ date: `${day}T${time}:00+08:00` });

/**
 * A ledger kept for four months (July–October 2020) in a real repository: reports committed before
 * and after the 20th (大武口区 late in July), merges on the 24th, an extension requested in August and
 * approved on the 26th, completions, one more commit in December. While it is made, the outputs of the
 * time are recorded with --worktree (what a user running the tool on that day saw).
 */
export function buildHistoryRepo(): HistoryRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-history-'));
  return historyRepoIn(dir, buildHistoryInto(dir));
}

/**
 * The same repository, built once per test run and copied for each caller (shared-fixture.ts): the
 * files that only read the history need not pay for making it each.
 */
export async function sharedHistoryRepo(): Promise<HistoryRepo> {
  const { dir, data } = await sharedFixture('history', buildHistoryInto);
  return historyRepoIn(dir, data);
}

function historyRepoIn(dir: string, moments: Moment[]): HistoryRepo {
  const repo = new GitRepo(dir);
  const cli = (...args: string[]) => runCli(args, dir);
  return { repo, cli, moments, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes the history in the empty folder `dir`; returns the moments recorded on the way. */
function buildHistoryInto(dir: string): Moment[] {
  const repo = new GitRepo(dir);
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'commit.gpgsign', 'false');
  writeTree(repo.dir, { 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
  const cli = (...args: string[]) => runCli(args, repo.dir);
  const moments: Moment[] = [];
  const record = (day: string, ...args: string[]) => {
    const run = cli(...args, '--as-of', day, '--worktree');
    if (run.code > 1) throw new Error(`${args.join(' ')} 失败：${run.stderr}`);
    moments.push({ day, args, stdout: run.stdout });
  };
  const report = (month: string, unit: string, ...entries: string[]) => {
    mkdirSync(path.join(repo.dir, 'reports', month), { recursive: true });
    const file = path.join(repo.dir, 'reports', month, `${unit}.yaml`);
    writeFileSync(file, reportYaml(unit, month, entries.join('')));
  };
  const merge = (month: string, day: string) => {
    const run = cli('merge', `reports/${month}`, '--as-of', day);
    if (run.code !== 0) throw new Error(`merge ${month} 失败：${run.stdout}${run.stderr}`);
    repo.commit(`合并 ${month} 报送`, {}, at(day, '17:00'));
  };
  const monthEnd = (day: string) => {
    record(day, 'status', '--format', 'json');
    record(day, 'status', '--by', 'unit', '--format', 'json');
  };
  const summaryOf = (month: string) =>
    record(`${month}-25`, 'summary', '--month', month, '--format', 'md', '--out', '-');

  repo.commit('建立台账', {}, at('2020-07-01'));
  // July: 市审批局 and 市公安局 on time, 大武口区 late; 1.1.2 (due end of June) completed late.
  report(
    '2020-07',
    '市审批局',
    entry('1.1.1', '推进中', '登记系统升级中'),
    entry('1.1.2', '已完成', '一窗一表单', 'completed_on: 2020-07-10'),
  );
  report(
    '2020-07',
    '市公安局',
    entry('1.1.1', '推进中', '对接测试'),
    entry('1.1.2', '已完成', '印章进驻大厅', 'completed_on: 2020-07-12'),
  );
  repo.commit('市审批局、市公安局 7月报送', {}, at('2020-07-18'));
  report('2020-07', '大武口区', entry('1.1.1', '推进中', '设专窗'));
  repo.commit('大武口区 7月报送', {}, at('2020-07-23'));
  merge('2020-07', '2020-07-24');
  summaryOf('2020-07');
  monthEnd('2020-07-31');
  // August: 市司法局 asks to extend 1.2.1 (overdue since July) to the end of October; approved on the 26th.
  report(
    '2020-08',
    '市司法局',
    entry('1.2.1', '推进中', '清单梳理中', 'extension: { until: 2020-10-31, reason: 需与省平台对接 }'),
  );
  report('2020-08', '市审批局', entry('1.1.1', '推进中', '系统试运行'), entry('1.2.1', '推进中', '清单初稿'));
  repo.commit('8月报送', {}, at('2020-08-19'));
  merge('2020-08', '2020-08-24');
  summaryOf('2020-08');
  const approve = cli('extend', '1.2.1', '--approve', '--reason', '同意', '--date', '2020-08-26');
  if (approve.code !== 0) throw new Error(`extend 失败：${approve.stdout}${approve.stderr}`);
  repo.commit('批准 1.2.1 延期', {}, at('2020-08-26'));
  monthEnd('2020-08-31');
  // September: 市中级人民法院 reports its 长期 measure late; nothing else changes.
  report('2020-09', '市中级人民法院', entry('1.2.2', '推进中', '快速审理机制运行'));
  report('2020-09', '市审批局', entry('1.1.1', '推进中', '系统运行'), entry('1.2.1', '推进中', '清单定稿'));
  repo.commit('9月报送', {}, at('2020-09-22'));
  merge('2020-09', '2020-09-24');
  summaryOf('2020-09');
  monthEnd('2020-09-30');
  // October: 1.2.1 completed within its extension.
  report(
    '2020-10',
    '市审批局',
    entry('1.1.1', '推进中', '全面运行'),
    entry('1.2.1', '已完成', '清单公布', 'completed_on: 2020-10-08'),
  );
  report('2020-10', '市司法局', entry('1.2.1', '已完成', '清单公布', 'completed_on: 2020-10-09'));
  repo.commit('10月报送', {}, at('2020-10-16'));
  merge('2020-10', '2020-10-23');
  summaryOf('2020-10');
  monthEnd('2020-10-31');
  // December: a later commit; the checkout the history is read from.
  repo.commit('12月 整理', { 'README.md': '# 台账\n' }, at('2020-12-05'));
  return moments;
}
