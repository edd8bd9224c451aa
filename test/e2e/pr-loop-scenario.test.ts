import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { extend } from '../../src/commands/extend/run.js';
import { history } from '../../src/commands/history/run.js';
import { renderHistory } from '../../src/commands/history/text.js';
import { merge } from '../../src/commands/merge/run.js';
import { notice } from '../../src/commands/notice/run.js';
import { verify } from '../../src/commands/verify/run.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

// Issue 24: the whole supervision loop through pull requests. Each step is a branch off main checked
// with `ledger check --base main` and merged; a forged variant of it, on a branch of its own, fails.

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

const errorCodes = async (repo: GitRepo, asOf: string) =>
  [
    ...new Set(
      (await check({ root: repo.dir, base: 'main', asOf })).diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.code),
    ),
  ].sort();

function put(repo: GitRepo, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
  writeFileSync(path.join(repo.dir, file), text);
}
const read = (repo: GitRepo, file: string) => readFileSync(path.join(repo.dir, file), 'utf8');

/** A step as a pull request: branch, act, commit as `person`, check, merge into main. */
async function pullRequest(
  repo: GitRepo,
  name: string,
  day: string,
  person: string,
  act: () => Promise<unknown>,
): Promise<void> {
  repo.git('checkout', '-q', '-b', name, 'main');
  await act();
  repo.git('add', '-A');
  repo.git(
    'commit',
    '-q',
    '-m',
    name,
    '--author',
    `${person} <${person}@example.com>`,
    '--date',
    `${day}T10:00:00+08:00`,
  );
  expect(await errorCodes(repo, day), `${name} should pass check`).toEqual([]);
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', name, '-m', `合并请求：${name}`);
}

/** A forged variant of a step: on its own branch off main, it must fail check with `code`. */
async function forged(repo: GitRepo, name: string, day: string, code: string, act: () => void | Promise<unknown>) {
  repo.git('checkout', '-q', '-b', `forged-${name}`, 'main');
  await act();
  expect(await errorCodes(repo, day), `forged ${name}`).toContain(code);
  repo.git('checkout', '-q', '-f', 'main');
  repo.git('clean', '-qfd');
}

const report = (unit: string, month: string, body: string) => `unit: ${unit}\nmonth: ${month}\nentries:\n${body}`;

describe('the supervision loop through pull requests (issue 24)', () => {
  it('passes every legitimate step, fails every forged one, and history names each step', async () => {
    const repo = tempGitRepo();
    repo.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' });

    // June: 蓝 notices for 1.1.2 (due 06-30, not started).
    await pullRequest(repo, '6月督办', '2020-06-20', '督查室', () =>
      notice({ root: repo.dir, asOf: '2020-06-20', issue: true }),
    );
    expect(read(repo, AREA)).toContain('level: 蓝');
    await forged(repo, '手写督办', '2020-06-21', 'check/unbacked-notice', () =>
      put(repo, AREA, read(repo, AREA).replace('level: 蓝', 'level: 黄')),
    );

    // July: 市公安局 reports and asks for an extension; 市审批局 mails a form, received on the 18th.
    const police = report(
      '市公安局',
      '2020-07',
      '  - id: 1.1.2\n    status: 推进中\n    progress: 改造中\n    extension: { until: 2020-09-30, reason: 系统改造 }\n',
    );
    await pullRequest(repo, '市公安局7月报送', '2020-07-15', '公安局填报人', async () =>
      put(repo, 'reports/2020-07/市公安局.yaml', police),
    );
    await forged(repo, '自报到达', '2020-07-25', 'check/arrival-in-report', () =>
      put(
        repo,
        'reports/2020-07/市审批局.yaml',
        `${report('市审批局', '2020-07', '  - id: 1.1.2\n    status: 推进中\n    progress: 推进\n')}received_on: 2020-07-10\n`,
      ),
    );
    await pullRequest(repo, '7月合并', '2020-07-24', '审批局经办人', async () => {
      put(
        repo,
        'in/市审批局.yaml',
        report('市审批局', '2020-07', '  - id: 1.1.2\n    status: 推进中\n    progress: 推进\n'),
      );
      await merge({
        root: repo.dir,
        paths: ['reports/2020-07', 'in/市审批局.yaml'],
        asOf: '2020-07-24',
        received: '2020-07-18',
      });
      rmSync(path.join(repo.dir, 'in'), { recursive: true });
    });
    await forged(repo, '合并时改进展', '2020-07-24', 'check/unbacked-progress', () =>
      put(repo, AREA, read(repo, AREA).replace('status: 推进中', 'status: 已完成')),
    );

    // 25 July: 黄 notices (overdue); 28 July: the lead approves 市公安局's extension.
    await pullRequest(repo, '7月督办', '2020-07-25', '督查室', () =>
      notice({ root: repo.dir, asOf: '2020-07-25', issue: true }),
    );
    await forged(repo, '删除督办', '2020-07-26', 'check/unbacked-notice', () =>
      put(repo, AREA, read(repo, AREA).replace(/\n {8}notices:\n(?: {10}.*\n| {12}.*\n)+/, '\n')),
    );
    await forged(repo, '自批延期', '2020-07-28', 'check/decision-not-allowed', async () => {
      await extend({ root: repo.dir, id: '1.1.2', decision: 'approve', date: '2020-07-28', by: '市审批局' });
      const file = 'decisions/市审批局/2020-07/2020-07-28-批准延期-1.1.2-市公安局.yaml';
      const own = 'decisions/市公安局/2020-07/2020-07-28-批准延期-1.1.2-市公安局.yaml';
      put(repo, own, read(repo, file).replace('by: 市审批局', 'by: 市公安局'));
      rmSync(path.join(repo.dir, file));
      put(repo, AREA, read(repo, AREA).replace('decided_by: 市审批局', 'decided_by: 市公安局'));
    });
    await pullRequest(repo, '批准延期', '2020-07-28', '审批局经办人', () =>
      extend({ root: repo.dir, id: '1.1.2', decision: 'approve', date: '2020-07-28', by: '市审批局' }),
    );

    // 25 August: 红 for 市审批局 (still overdue 30 days after its 黄); both units report 已完成 in August.
    await pullRequest(repo, '8月督办', '2020-08-25', '督查室', () =>
      notice({ root: repo.dir, asOf: '2020-08-25', issue: true }),
    );
    expect(read(repo, AREA)).toContain('level: 红');
    const done = (unit: string) =>
      report(
        unit,
        '2020-08',
        '  - id: 1.1.2\n    status: 已完成\n    progress: 已办结\n    completed_on: 2020-08-20\n',
      );
    await pullRequest(repo, '8月报送与合并', '2020-08-26', '审批局经办人', async () => {
      put(repo, 'reports/2020-08/市公安局.yaml', done('市公安局'));
      put(repo, 'reports/2020-08/市审批局.yaml', done('市审批局'));
      await merge({ root: repo.dir, paths: ['reports/2020-08'], asOf: '2020-08-26' });
    });

    // 销号 of 市公安局's part by the lead, 退回 of the lead's own part by a supervisor.
    await forged(repo, '牵头单位自己销号', '2020-08-27', 'check/decision-not-allowed', async () => {
      const made = await verify({ root: repo.dir, id: '1.1.2', unit: '市审批局', date: '2020-08-27' });
      const own = made.decisionFile!.replace('decisions/市发改委/', 'decisions/市审批局/');
      put(repo, own, read(repo, made.decisionFile!).replace('by: 市发改委', 'by: 市审批局'));
      rmSync(path.join(repo.dir, made.decisionFile!));
      put(repo, AREA, read(repo, AREA).replace('by: 市发改委', 'by: 市审批局'));
    });
    await pullRequest(repo, '核验销号', '2020-08-27', '审批局经办人', () =>
      verify({ root: repo.dir, id: '1.1.2', unit: '市公安局', date: '2020-08-27' }),
    );
    await pullRequest(repo, '退回', '2020-08-28', '发改委经办人', () =>
      verify({
        root: repo.dir,
        id: '1.1.2',
        unit: '市审批局',
        date: '2020-08-28',
        reject: true,
        reason: '佐证材料不全',
      }),
    );

    const text = renderHistory(await history({ root: repo.dir, id: '1.1.2' }), 'text');
    expect(text).toContain('督办：市政府督查室→市审批局、市公安局（督查室）');
    expect(text).toContain('市公安局、市审批局报送，审批局经办人合并');
    expect(text).toContain('延期审批：市审批局（审批局经办人）');
    expect(text).toContain('核验销号：市审批局→市公安局（审批局经办人）');
    expect(text).toContain('退回：市发改委→市审批局（发改委经办人）');
    // The status timeline names the kind too: the 退回 took 市审批局's completion back.
    const log = runCli(['log'], repo.dir);
    expect(log.stdout).toMatch(/1\.1\.2 +已完成 → 推进中 .*—— 退回：市发改委→市审批局（发改委经办人）/);
    expect(log.stdout).toMatch(/1\.1\.2 +推进中 → 已完成 .*—— 市公安局、市审批局报送，审批局经办人合并/);
  });
});
