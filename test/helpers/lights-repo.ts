import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRepo } from './git-repo.js';
import { writeTree } from './temp-dir.js';
import { BUNDLED_UNITS } from './ledger-fixture.js';
import { entry, reportYaml } from './report-fixture.js';
import { runCli, type CliRun } from './run-cli.js';
import type { Moment } from './history-repo.js';

const area = (n: number, title: string, unit: string, measures: [string, string][]) => `area: ${n}
title: ${title}
lead: [${unit}]
tasks:
  - id: "${n}.1"
    title: ${title}
    text: ${title}。
    measures:
${measures
  .map(
    ([id, deadline]) => `      - id: "${id}"
        title: 措施${id}
        text: 措施${id}。
        deadline: ${deadline}
        units: [${unit}]
        status: 未启动
        progress: ""
        remark: ""
`,
  )
  .join('')}`;

/** Area 1: 1.1.1 (市司法局, due end of June) stays overdue July–October, done in November. */
export const RED_AREA = area(1, '持续深化商事制度改革', '市司法局', [['1.1.1', '2020年6月底前']]);
/** Area 2: 2.1.1 (市审批局, due end of June) overdue at July's end, done in August; 2.1.2 open until year end. */
export const CATCH_UP_AREA = area(2, '提升项目建设审批便利度', '市审批局', [
  ['2.1.1', '2020年6月底前'],
  ['2.1.2', '2020年底前'],
]);

export interface LightsRepo {
  repo: GitRepo;
  cli: (...args: string[]) => CliRun;
  /** status --as-of each month end, recorded with --worktree while the history was made. */
  moments: Moment[];
  remove: () => void;
}

const at = (day: string, time = '10:00') => ({ date: `${day}T${time}:00+08:00` });

/**
 * A real repository for lights that remember: the ledger committed on 2020-06-20, reports merged on the
 * 24th of each month, 2.1.1 completed late in August, 1.1.1 overdue at the ends of July, August,
 * September and October and completed in November.
 */
export function buildLightsRepo(): LightsRepo {
  const repo = new GitRepo(mkdtempSync(path.join(os.tmpdir(), 'ledger-lights-')));
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'commit.gpgsign', 'false');
  writeTree(repo.dir, {
    'ledger/units.yaml': BUNDLED_UNITS,
    'ledger/01-持续深化商事制度改革.yaml': RED_AREA,
    'ledger/02-提升项目建设审批便利度.yaml': CATCH_UP_AREA,
  });
  const cli = (...args: string[]) => runCli(args, repo.dir);
  const moments: Moment[] = [];
  const report = (month: string, unit: string, ...entries: string[]) => {
    mkdirSync(path.join(repo.dir, 'reports', month), { recursive: true });
    writeFileSync(path.join(repo.dir, 'reports', month, `${unit}.yaml`), reportYaml(unit, month, entries.join('')));
  };
  const month = (m: string, justice: string, approval: string[]) => {
    report(
      m,
      '市司法局',
      entry('1.1.1', justice, `${m} 进展`, ...(justice === '已完成' ? [`completed_on: ${m}-10`] : [])),
    );
    report(m, '市审批局', ...approval);
    repo.commit(`${m} 报送`, {}, at(`${m}-15`));
    const run = cli('merge', `reports/${m}`, '--as-of', `${m}-24`);
    if (run.code !== 0) throw new Error(`merge ${m} 失败：${run.stdout}${run.stderr}`);
    repo.commit(`合并 ${m} 报送`, {}, at(`${m}-24`, '17:00'));
  };
  const monthEnd = (day: string) => {
    for (const by of ['area', 'unit']) {
      const args = ['status', '--by', by, '--format', 'json'];
      const run = cli(...args, '--as-of', day, '--worktree');
      if (run.code !== 0) throw new Error(`status 失败：${run.stderr}`);
      moments.push({ day, args, stdout: run.stdout });
    }
  };
  const open = (id: string) => entry(id, '推进中', '推进中');
  repo.commit('建立台账', {}, at('2020-06-20'));
  month('2020-07', '推进中', [open('2.1.1'), open('2.1.2')]);
  monthEnd('2020-07-31');
  month('2020-08', '推进中', [entry('2.1.1', '已完成', '已办结', 'completed_on: 2020-08-10'), open('2.1.2')]);
  monthEnd('2020-08-31');
  month('2020-09', '推进中', [open('2.1.2')]);
  monthEnd('2020-09-30');
  month('2020-10', '推进中', [open('2.1.2')]);
  monthEnd('2020-10-31');
  month('2020-11', '已完成', [open('2.1.2')]);
  monthEnd('2020-11-30');
  repo.commit('12月 整理', { 'README.md': '# 台账\n' }, at('2020-12-05'));
  return { repo, cli, moments, remove: () => rmSync(repo.dir, { recursive: true, force: true }) };
}
