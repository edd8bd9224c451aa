import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { GitRepo, tempGitRepo } from './git-repo.js';
import { REPO_ROOT } from './ledger-fixture.js';
import { runCli } from './run-cli.js';
import { runCliBatch } from './run-cli-batch.js';

export const SIX_MONTHS = ['2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12'] as const;
/** Units that report every month (市税务局 and 石嘴山海关 alone carry whole measures, so statuses change); each has its own committer. */
export const REPORTERS: Readonly<Record<string, string>> = { 市税务局: '张敏', 石嘴山海关: '刘强', 市审批局: '赵丽' };
export const MERGER = { name: '王芳', email: 'wangfang@example.com' };

interface Entry {
  id: string;
  status: string;
  progress?: string;
  completed_on?: string;
  evidence?: string[];
}

const LONG_PROGRESS =
  '已召开专题推进会，制定实施方案（石审批发〔2020〕12号），明确责任分工、时间节点和工作要求；' +
  '线上系统完成对接测试，窗口人员培训 3 批次，共 86 人次。';

/** One unit's filled report for a month: everything 推进中, the first two measures done from October on. */
function fill(text: string, unit: string, month: string, index: number): string {
  const report = parse(text) as { unit: string; month: string; entries: Entry[] };
  report.entries = report.entries.map((e, i) => {
    if (index >= 3 && i < 2)
      return {
        id: e.id,
        status: '已完成',
        progress: `${month}：${LONG_PROGRESS}全部事项已办结。`,
        // Once reported, a completion date stands (a later report may not move it without a reason).
        completed_on: e.completed_on || `${month}-15`,
        evidence: [`reports/${month}/${unit}/说明.txt`],
      };
    return { id: e.id, status: '推进中', progress: `${month}：${LONG_PROGRESS}` };
  });
  return stringify(report);
}

/**
 * The bundled ledger in a Git repository after six months of reports (2020-07 … 2020-12) by three units,
 * each month committed by the unit's own person and merged by the lead's; December is committed, not merged.
 */
export async function sixMonthRepo(dir?: string): Promise<GitRepo> {
  const repo = dir === undefined ? tempGitRepo() : gitRepoIn(dir);
  cpSync(path.join(REPO_ROOT, 'ledger'), path.join(repo.dir, 'ledger'), { recursive: true });
  repo.commit('导入台账', {}, { date: '2020-06-30T09:00:00+08:00', author: MERGER });
  const cli = (...args: string[]) => {
    const run = runCli(args, repo.dir);
    if (run.code !== 0) throw new Error(`ledger ${args.join(' ')}: ${run.stderr}${run.stdout}`);
    return run;
  };
  // Between steps the event loop runs, so that the test worker keeps answering vitest (a minute of
  // synchronous work in a hook times its RPC out).
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  for (const [index, month] of SIX_MONTHS.entries()) {
    // The month's templates, made by one process (runCliBatch) and set aside, so that each unit's
    // commit holds its own report only, as when each makes its template just before filling it in.
    const units = Object.keys(REPORTERS);
    const made = await runCliBatch(
      units.map((unit) => ({ args: ['template', '--unit', unit, '--month', month] })),
      repo.dir,
    );
    const templates = units.map((unit, i) => {
      if (made[i]!.code !== 0) throw new Error(`ledger template --unit ${unit}: ${made[i]!.stderr}${made[i]!.stdout}`);
      const file = path.join(repo.dir, 'reports', month, `${unit}.yaml`);
      const text = readFileSync(file, 'utf8');
      rmSync(file);
      return text;
    });
    for (const [i, [unit, person]] of Object.entries(REPORTERS).entries()) {
      await tick();
      const file = path.join(repo.dir, 'reports', month, `${unit}.yaml`);
      const evidence = index >= 3 ? { [`reports/${month}/${unit}/说明.txt`]: '佐证材料' } : {};
      writeFileSync(file, fill(templates[i]!, unit, month, index));
      repo.commit(`${unit} ${month} 报送`, evidence, {
        date: `${month}-18T16:00:00+08:00`,
        author: { name: person, email: `${person}@example.com` },
      });
    }
    if (month === '2020-12') break;
    await tick();
    cli('merge', `reports/${month}`, '--as-of', `${month}-24`);
    repo.commit(`合并 ${month} 报送`, {}, { date: `${month}-24T10:00:00+08:00`, author: MERGER });
  }
  return repo;
}

/** A git repository in a folder the caller owns (kept across tests; the caller removes it). */
function gitRepoIn(dir: string): GitRepo {
  const repo = new GitRepo(dir);
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'commit.gpgsign', 'false');
  return repo;
}
