import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { merge } from '../../src/commands/merge/run.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AS_OF = '2020-08-15';
const COURT = { name: '赵法官', email: 'court@example.com' };
const 已建立 = '已建立破产案件快速审理机制';

const courtReport = (month: string, status: string, progress: string) =>
  `unit: 市中级人民法院\nmonth: ${month}\nentries:\n  - id: 1.2.2\n    status: ${status}\n    progress: ${progress}\n` +
  (status === '已完成' ? `    completed_on: ${month}-10\n` : '');
const justiceReport = `unit: 市司法局\nmonth: 2020-07\nentries:\n  - id: 1.2.1\n    status: 推进中\n    progress: 已公布证明事项清单\n`;

/** main holds the imported ledger; the work tree is on branch pr. */
function repoOnBranch(setup?: (repo: GitRepo) => Promise<void> | void): Promise<GitRepo> | GitRepo {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' },
    { date: '2020-06-01T09:00:00+08:00' },
  );
  const done = setup?.(repo);
  const branch = () => {
    repo.git('checkout', '-q', '-b', 'pr');
    return repo;
  };
  return done instanceof Promise ? done.then(branch) : branch();
}

const read = (repo: GitRepo, file: string) => readFileSync(path.join(repo.dir, file), 'utf8');
const write = (repo: GitRepo, file: string, text: string) => writeFileSync(path.join(repo.dir, file), text);
const codes = (result: { diagnostics: { code: string; severity: string }[] }) =>
  result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('ledger check --base', () => {
  it('passes a clean report pull request and summarises it', async () => {
    const repo = await repoOnBranch();
    repo.commit(
      '市中院、市司法局 7 月报送',
      {
        'reports/2020-07/市中级人民法院.yaml': courtReport('2020-07', '已完成', 已建立),
        'reports/2020-07/市司法局.yaml': justiceReport,
      },
      { author: COURT },
    );
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual([]);
    expect(result.kind).toBe('report');
    expect(result.reports.map((r) => [r.unit, r.month, r.change, r.measures])).toEqual([
      ['市中级人民法院', '2020-07', 'added', 1],
      ['市司法局', '2020-07', 'added', 1],
    ]);
    expect(result.completes).toEqual([{ id: '1.2.2', title: '建立破产案件快速审理机制', when: 'after-merge' }]);
  });

  it('passes a merge whose progress fields are exactly what ledger merge writes', async () => {
    const repo = await repoOnBranch();
    repo.commit('报送', { 'reports/2020-07/市中级人民法院.yaml': courtReport('2020-07', '已完成', 已建立) });
    const merged = await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: AS_OF });
    expect(merged.written).toContain(AREA);
    repo.commit('合并 2020-07 报送');
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual([]);
    expect(result.kind).toBe('merge');
    expect(result.completes).toEqual([{ id: '1.2.2', title: '建立破产案件快速审理机制', when: 'merged' }]);
    expect(result.merged).toEqual([{ unit: '市中级人民法院', measures: 1 }]);
  });

  it('passes a merge of some of the month’s reports, the others left for later', async () => {
    const approvals = justiceReport
      .replace('unit: 市司法局', 'unit: 市审批局')
      .replace('已公布证明事项清单', '已完成告知承诺制事项梳理');
    const repo = await repoOnBranch(
      (r) =>
        void r.commit('报送', {
          'reports/2020-07/市司法局.yaml': justiceReport,
          'reports/2020-07/市审批局.yaml': approvals,
        }),
    );
    await merge({ root: repo.dir, paths: ['reports/2020-07/市司法局.yaml'], asOf: AS_OF });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual([]);
    expect(result.merged).toEqual([{ unit: '市司法局', measures: 1 }]);
  });

  it('refuses a status marked 已完成 by hand', async () => {
    const repo = await repoOnBranch();
    const area = read(repo, AREA);
    write(repo, AREA, area.replace(/(id: "1\.2\.3"[\s\S]*?status: )未启动/, '$1已完成'));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual(['check/unbacked-progress']);
    const diagnostic = result.diagnostics.find((d) => d.code === 'check/unbacked-progress')!;
    expect(diagnostic.file).toBe(AREA);
    expect(read(repo, AREA).split('\n')[diagnostic.line - 1]).toContain('status: 已完成');
    expect(diagnostic.message).toContain('1.2.3');
  });

  it('refuses progress that differs from what the reports in the pull request say', async () => {
    const repo = await repoOnBranch();
    repo.commit('报送', { 'reports/2020-07/市中级人民法院.yaml': courtReport('2020-07', '推进中', 已建立) });
    await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: AS_OF });
    write(repo, AREA, read(repo, AREA).replace(/(id: "1\.2\.2"[\s\S]*?status: )推进中/, '$1已完成'));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual(['check/unbacked-progress']);
    expect(result.diagnostics[0]!.message).toContain('按报送合并应为“推进中”');
  });

  it('refuses deleting or renumbering a measure', async () => {
    const repo = await repoOnBranch();
    const area = read(repo, AREA);
    write(repo, AREA, area.replace('id: "1.1.2"', 'id: "1.1.3"').replace(/ {6}- id: "1\.2\.3"[\s\S]*$/, ''));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result).sort()).toEqual(['check/measure-removed', 'check/measure-renumbered']);
    expect(result.kind).toBe('definition');
  });

  it('refuses editing or deleting a report that is already merged', async () => {
    const repo = await repoOnBranch(async (r) => {
      r.commit('报送', { 'reports/2020-07/市中级人民法院.yaml': courtReport('2020-07', '推进中', 已建立) });
      await merge({ root: r.dir, paths: ['reports/2020-07'], asOf: AS_OF });
      r.commit('合并 2020-07 报送');
    });
    write(repo, 'reports/2020-07/市中级人民法院.yaml', courtReport('2020-07', '已完成', '改成已完成'));
    let result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual(['check/merged-report-edited']);
    rmSync(path.join(repo.dir, 'reports/2020-07/市中级人民法院.yaml'));
    result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual(['check/merged-report-edited']);
    expect(result.diagnostics[0]!.message).toContain('删除');
  });

  it('lets a unit correct its report while it is not merged yet', async () => {
    const repo = await repoOnBranch(
      (r) => void r.commit('报送', { 'reports/2020-07/市中级人民法院.yaml': courtReport('2020-07', '推进中', 已建立) }),
    );
    write(repo, 'reports/2020-07/市中级人民法院.yaml', courtReport('2020-07', '推进中', '已建立机制，正在试行'));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual([]);
    expect(result.reports[0]!.change).toBe('modified');
  });

  it('refuses mixing a definition change with reports, saying how to split', async () => {
    const repo = await repoOnBranch();
    write(repo, AREA, read(repo, AREA).replace('deadline: 适时', 'deadline: 2020年底前'));
    repo.commit('改时限并报送', { 'reports/2020-07/市司法局.yaml': justiceReport });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(result.kind).toBe('mixed');
    expect(codes(result)).toEqual(['check/mixed-kinds']);
    expect(result.diagnostics[0]!.message).toContain('1.2.3 的 deadline');
    expect(result.diagnostics[0]!.hint).toContain('拆成两个合并请求');
  });

  it('passes a definition change alone, including the units registry', async () => {
    const repo = await repoOnBranch();
    write(repo, AREA, read(repo, AREA).replace('deadline: 适时', 'deadline: 2020年底前'));
    write(repo, 'ledger/units.yaml', `${read(repo, 'ledger/units.yaml').trimEnd()}\n  - name: 市测试局\n`);
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual([]);
    expect(result.kind).toBe('definition');
  });

  it('refuses a report entry for a measure the unit is not responsible for', async () => {
    const repo = await repoOnBranch();
    repo.commit('报送了别人的措施', {
      'reports/2020-07/市司法局.yaml': justiceReport.replace('id: 1.2.1', 'id: 1.2.3'),
    });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(codes(result)).toEqual(['report/not-responsible']);
  });
});

describe('ledger check on a new repository', () => {
  it('treats the pull request that creates the ledger as a definition change', async () => {
    const repo = tempGitRepo();
    repo.commit('README', { 'README.md': '台账' });
    repo.git('checkout', '-q', '-b', 'pr');
    const area = replaceOrThrow(SMALL_AREA, /(id: "1\.2\.3"[\s\S]*?status: )未启动/, '$1推进中');
    repo.commit('建立台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: area });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(result.kind).toBe('definition');
    expect(codes(result)).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['check/new-measure-progress']);
  });
});

describe('ledger check (end to end)', () => {
  it('exits 1 with GitHub annotations, and writes a markdown summary', async () => {
    const repo = await repoOnBranch();
    write(repo, AREA, read(repo, AREA).replace(/(id: "1\.2\.3"[\s\S]*?status: )未启动/, '$1已完成'));
    const github = runCli(['check', '--base', 'main', '--format', 'github', '--as-of', AS_OF], repo.dir);
    expect(github.stderr).toBe('');
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(
      /^::error file=ledger\/01-持续深化商事制度改革\.yaml,line=\d+,col=\d+,title=check\/unbacked-progress::/m,
    );
    expect(github.stdout).toContain('✗ 检查未通过');
    const markdown = runCli(['check', '--base', 'main', '--format', 'markdown', '--as-of', AS_OF], repo.dir);
    expect(markdown.stdout).toContain('### ❌ 台账检查未通过');
    expect(runCli(['check', '--base', 'no-such-branch'], repo.dir).code).toBe(2);
  });

  it('exits 0 on a clean report pull request', async () => {
    const repo = await repoOnBranch();
    repo.commit('报送', { 'reports/2020-07/市司法局.yaml': justiceReport });
    const run = runCli(['check', '--base', 'main', '--as-of', AS_OF, '--format', 'markdown'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('### ✅ 台账检查通过');
    expect(run.stdout).toContain('| 市司法局 | 2020-07 | 1 | 新增 |');
  });
});
