import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { merge } from '../../src/commands/merge/run.js';
import { notice } from '../../src/commands/notice/run.js';
import { verify } from '../../src/commands/verify/run.js';
import { history } from '../../src/commands/history/run.js';
import { renderHistory } from '../../src/commands/history/text.js';
import { gatherReportCounts } from '../../src/io/report-counts.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

// Issue 24: every change to the supervision half of the record is backed by a decision file its author owns.

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AS_OF = '2020-08-25';

const done = (unit: string, month = '2020-07') =>
  `unit: ${unit}\nmonth: ${month}\nentries:\n  - id: 1.1.2\n    status: 已完成\n    progress: 已办结\n    completed_on: ${month}-15\n`;

const read = (repo: GitRepo, file = AREA) => readFileSync(path.join(repo.dir, file), 'utf8');
const write = (repo: GitRepo, text: string, file = AREA) => {
  mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
  writeFileSync(path.join(repo.dir, file), text);
};
const errors = (result: { diagnostics: { code: string; severity: string }[] }) =>
  [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
const decisionFiles = (repo: GitRepo) =>
  existsSync(path.join(repo.dir, 'decisions'))
    ? readdirSync(path.join(repo.dir, 'decisions'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `decisions/${f.split(path.sep).join('/')}`)
    : [];

function edit(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return next;
}

/** main: 1.1.2 (units 市审批局, 市公安局; lead 市审批局) with both units' 2020-07 reports of 已完成 merged; branch pr. */
async function repoWithCompletions(): Promise<GitRepo> {
  const repo = tempGitRepo();
  repo.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' });
  repo.commit('报送', {
    'reports/2020-07/市公安局.yaml': done('市公安局'),
    'reports/2020-07/市审批局.yaml': done('市审批局'),
  });
  await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: AS_OF });
  repo.commit('合并 2020-07 报送');
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

/** main: the ledger with 1.1.2 and others overdue and a 黄 督办单 issued on 2020-07-25; branch pr. */
async function repoWithNotice(): Promise<GitRepo> {
  const repo = tempGitRepo();
  repo.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' });
  const issued = await notice({ root: repo.dir, asOf: '2020-07-25', issue: true });
  expect(issued.written.some((f) => f.startsWith('decisions/'))).toBe(true);
  repo.commit('督办');
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

describe('ledger check: decisions (issue 24)', () => {
  it("passes the lead's 销号 and 退回 made by ledger verify, with the decision file in the lead's folder", async () => {
    const repo = await repoWithCompletions();
    const result = await verify({ root: repo.dir, id: '1.1.2', unit: '市公安局', date: '2020-08-20' });
    expect(result.decisionFile).toBe('decisions/市审批局/2020-08/2020-08-20-核验-1.1.2-市公安局.yaml');
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toEqual([]);
    repo.commit('核验销号');
    await verify({
      root: repo.dir,
      id: '1.1.2',
      unit: '市公安局',
      date: '2020-08-21',
      reject: true,
      reason: '佐证材料不全',
    });
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toEqual([]);
  });

  it('refuses a verification typed into the ledger without its decision file', async () => {
    const repo = await repoWithCompletions();
    await verify({ root: repo.dir, id: '1.1.2', unit: '市公安局', date: '2020-08-20' });
    for (const file of decisionFiles(repo)) rmSync(path.join(repo.dir, file));
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toEqual(['check/unbacked-progress']);
  });

  it("never lets a lead 销号 its own part: the supervisor's folder, and a forged file in the lead's own fails", async () => {
    const repo = await repoWithCompletions();
    const own = await verify({ root: repo.dir, id: '1.1.2', unit: '市审批局', date: '2020-08-20' });
    expect(own.verification?.by).toBe('市发改委');
    expect(own.decisionFile).toBe('decisions/市发改委/2020-08/2020-08-20-核验-1.1.2-市审批局.yaml');
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toEqual([]);
    // The same decision moved into the lead's own folder and signed by it.
    const forged = 'decisions/市审批局/2020-08/2020-08-20-核验-1.1.2-市审批局.yaml';
    write(repo, read(repo, own.decisionFile!).replace('by: 市发改委', 'by: 市审批局'), forged);
    rmSync(path.join(repo.dir, own.decisionFile!));
    write(repo, read(repo).replace('by: 市发改委', 'by: 市审批局'));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toContain('check/decision-not-allowed');
    expect(result.diagnostics.find((d) => d.code === 'check/decision-not-allowed')!.file).toBe(forged);
  });

  it('never lets a decision file change once it is on main, nor one dated in the future', async () => {
    const repo = await repoWithCompletions();
    const { decisionFile } = await verify({ root: repo.dir, id: '1.1.2', unit: '市公安局', date: '2020-08-20' });
    repo.commit('核验销号');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', 'pr', '-m', '合并核验');
    repo.git('checkout', '-q', '-b', 'pr2');
    rmSync(path.join(repo.dir, decisionFile!));
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toContain('check/decision-edited');
    repo.git('checkout', '-q', '--', '.');
    await verify({ root: repo.dir, id: '1.1.2', unit: '市审批局', date: '2020-08-24' });
    const future = decisionFiles(repo).find((f) => f.includes('市审批局.yaml') && f.includes('2020-08-24'))!;
    const later = future.replaceAll('2020-08-24', '2020-08-30');
    write(repo, read(repo, future).replace('on: 2020-08-24', 'on: 2020-08-30'), later);
    rmSync(path.join(repo.dir, future));
    write(repo, read(repo).replace('on: 2020-08-24', 'on: 2020-08-30'));
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toContain('check/decision-future');
  });

  it('passes 督办单 issued by ledger notice --issue and refuses every hand edit of the notices', async () => {
    const repo = await repoWithNotice();
    const base = read(repo);
    expect(base).toContain('level: 黄');
    const cases: [string, string][] = [
      ['deleted', edit(base, /\n {8}notices:\n(?: {10}.*\n| {12}.*\n)+/, '\n')],
      ['downgraded', edit(base, 'level: 黄', 'level: 蓝')],
      ['re-dated', edit(base, 'issued_on: 2020-07-25', 'issued_on: 2020-07-01')],
      ['re-attributed', edit(base, 'unit: 市公安局\n            level', 'unit: 市审批局\n            level')],
    ];
    for (const [what, text] of cases) {
      write(repo, text);
      const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
      expect(errors(result), what).toContain('check/unbacked-notice');
    }
    write(repo, base);
    // A legitimate later notice (红 after 30 days) with its decision file passes.
    const red = await notice({ root: repo.dir, asOf: AS_OF, issue: true });
    expect(red.plan!.documents.length).toBeGreaterThan(0);
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toEqual([]);
  });

  it('refuses a report that declares its own arrival, and a receipt dated after the day it is merged on', async () => {
    const repo = await repoWithCompletions();
    const august = done('市公安局', '2020-08').replace('2020-08-15', '2020-07-15');
    write(repo, `${august}received_on: 2020-08-10\n`, 'reports/2020-08/市公安局.yaml');
    const result = await check({ root: repo.dir, base: 'main', asOf: '2020-08-28' });
    expect(errors(result)).toEqual(['check/arrival-in-report']);
    expect(result.diagnostics.find((d) => d.code === 'check/arrival-in-report')!.file).toBe(
      'reports/2020-08/市公安局.yaml',
    );
    rmSync(path.join(repo.dir, 'reports/2020-08/市公安局.yaml'));
    write(repo, august, 'in/市公安局.yaml');
    await expect(
      merge({ root: repo.dir, paths: ['in/市公安局.yaml'], asOf: '2020-08-20', received: '2020-08-21' }),
    ).rejects.toThrow(/晚于/);
    await expect(
      merge({ root: repo.dir, paths: ['in/市公安局.yaml'], asOf: '2020-10-20', received: '2020-10-01' }),
    ).rejects.toThrow(/不在 2020-08-01 至 2020-09 月底之间/);
    const ok = await merge({ root: repo.dir, paths: ['in/市公安局.yaml'], asOf: '2020-08-20', received: '2020-08-18' });
    expect(ok.written).toContain('decisions/市审批局/2020-08/2020-08-18-收件-2020-08-市公安局.yaml');
    rmSync(path.join(repo.dir, 'in'), { recursive: true });
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: '2020-08-20' }))).toEqual([]);
  });

  it('refuses a measure born 已完成 and an extension that ends before the deadline it extends', async () => {
    const repo = await repoWithCompletions();
    const born =
      '      - id: "1.1.9"\n        title: 新增措施\n        text: 新增措施。\n        deadline: 2020年底前\n' +
      '        units: [市公安局]\n        status: 已完成\n        progress: 已办结\n        remark: ""\n';
    write(repo, edit(read(repo), /\n {2}- id: "1\.2"/, `\n${born}  - id: "1.2"`));
    expect(errors(await check({ root: repo.dir, base: 'main', asOf: AS_OF }))).toContain('check/new-measure-completed');
    repo.git('checkout', '-q', '--', '.');
    const early =
      'unit: 市公安局\nmonth: 2020-08\nentries:\n  - id: 1.1.1\n    status: 推进中\n    progress: 推进\n' +
      '    extension: { until: 2020-05-31, reason: 提前 }\n';
    write(repo, early, 'reports/2020-08/市公安局.yaml');
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['report/extension-before-deadline']);
  });

  it('counts a report as arriving when it lands on the first-parent line, never before the commit under it', async () => {
    const repo = tempGitRepo();
    repo.commit(
      '导入台账',
      { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
      { date: '2020-07-01T09:00:00+08:00' },
    );
    repo.commit('合并 7 月', { 'README.md': '7\n' }, { date: '2020-07-25T10:00:00+08:00' });
    // Committed on a branch "on the 10th", merged on the 28th: late.
    repo.git('checkout', '-q', '-b', 'late');
    repo.commit('报送', { 'reports/2020-07/市公安局.yaml': done('市公安局') }, { date: '2020-07-10T10:00:00+08:00' });
    repo.git('checkout', '-q', 'main');
    repo.git('-c', 'user.name=牵头单位', 'merge', '-q', '--no-ff', 'late', '-m', '合并报送');
    // A commit straight on main dated before its parent: no earlier than the parent.
    repo.commit('补报', { 'reports/2020-07/市审批局.yaml': done('市审批局') }, { date: '2020-07-05T10:00:00+08:00' });
    const { ledger } = loadLedger(repo.dir);
    const counts = await gatherReportCounts(repo.dir, ledger, '2020-07');
    const state = (unit: string) => counts.rows.find((r) => r.unit === unit)?.state;
    expect(state('市公安局')).toBe('late');
    expect(state('市审批局')).toBe('late');
  });

  it('lets a later report move a reported completion date only with a reason, and flags it', async () => {
    const repo = await repoWithCompletions();
    const moved = (reason = '') =>
      `${done('市公安局', '2020-08').replace('completed_on: 2020-08-15', 'completed_on: 2020-06-20')}${reason}`;
    write(repo, moved(), 'reports/2020-08/市公安局.yaml');
    const refused = await merge({ root: repo.dir, paths: ['reports/2020-08'], asOf: AS_OF });
    expect(refused.written).toEqual([]);
    expect(refused.diagnostics.map((d) => [d.code, d.severity])).toEqual([['report/completion-redated', 'error']]);
    expect(refused.diagnostics[0]!.message).toContain('已于 2020-07 报送完成日期 2020-07-15，本次改成了 2020-06-20');
    write(repo, moved('    completed_on_reason: 原报日期有误，以办结通知为准\n'), 'reports/2020-08/市公安局.yaml');
    const merged = await merge({ root: repo.dir, paths: ['reports/2020-08'], asOf: AS_OF });
    expect(merged.diagnostics.map((d) => [d.code, d.severity])).toEqual([['report/completion-redated', 'warning']]);
    expect(read(repo)).toContain('completed_on_reason: 原报日期有误，以办结通知为准');
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toContain('check/completion-redated');
  });

  it('names each commit in history by kind and by the unit that acted', async () => {
    const repo = await repoWithCompletions();
    await verify({ root: repo.dir, id: '1.1.2', unit: '市公安局', date: '2020-08-20' });
    repo.commit('核验销号');
    await verify({
      root: repo.dir,
      id: '1.1.2',
      unit: '市审批局',
      date: '2020-08-21',
      reject: true,
      reason: '材料不全',
    });
    repo.commit('退回');
    await notice({ root: repo.dir, asOf: '2020-08-22', issue: true });
    repo.commit('督办');
    const text = renderHistory(await history({ root: repo.dir, id: '1.1.2' }), 'text');
    expect(text).toMatch(/市公安局、市审批局报送，\S+合并 {2}\w{7} {2}合并 2020-07 报送/);
    expect(text).toMatch(/核验销号：市审批局→市公安局（\S+） {2}\w{7} {2}核验销号/);
    expect(text).toMatch(/退回：市发改委→市审批局（\S+） {2}\w{7} {2}退回/);
    expect(text).toMatch(/督办：市政府督查室→市审批局（\S+） {2}\w{7} {2}督办/);
  });

  it('refuses a 督办单 from an office that may not issue one, and a decision name that is a path', async () => {
    const repo = tempGitRepo();
    repo.commit('台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA });
    const before = read(repo);
    await expect(notice({ root: repo.dir, asOf: '2020-07-25', issue: true, by: '市公安局' })).rejects.toThrow(
      /市公安局 不能发出督办单/,
    );
    await expect(notice({ root: repo.dir, asOf: '2020-07-25', issue: true, by: '../x' })).rejects.toThrow(
      /不能发出督办单/,
    );
    expect(read(repo)).toBe(before);
    expect(decisionFiles(repo)).toEqual([]);
  });
});
