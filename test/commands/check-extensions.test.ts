import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { extend } from '../../src/commands/extend/run.js';
import { merge } from '../../src/commands/merge/run.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AS_OF = '2020-08-25';

/** 1.1.2 (units 市审批局, 市公安局; lead 市审批局): `unit` reports 推进中 and asks to move the deadline. */
const request = (unit: string, month = '2020-07', until = '2020-12-31') =>
  `unit: ${unit}\nmonth: ${month}\nentries:\n  - id: 1.1.2\n    status: 推进中\n    progress: 流程再造进行中\n` +
  `    extension: { until: ${until}, reason: 系统改造需跨年度实施 }\n`;
const plainReport = (unit: string, month: string) =>
  `unit: ${unit}\nmonth: ${month}\nentries:\n  - id: 1.1.2\n    status: 推进中\n    progress: 继续推进\n`;

const read = (repo: GitRepo, file = AREA) => readFileSync(path.join(repo.dir, file), 'utf8');
const write = (repo: GitRepo, text: string, file = AREA) => writeFileSync(path.join(repo.dir, file), text);
const errors = (result: { diagnostics: { code: string; severity: string }[] }) =>
  result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

/** Replaces `from` with `to`, failing loudly when the fixture text is not there. */
function edit(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return next;
}

/** main: the ledger with `unit`'s 2020-07 request on 1.1.2 merged (待审批), optionally decided; work tree on branch pr. */
async function repoWithRequest(unit = '市公安局', decide?: { by: string }): Promise<GitRepo> {
  const repo = tempGitRepo();
  repo.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' });
  repo.commit('报送', { [`reports/2020-07/${unit}.yaml`]: request(unit) });
  await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: AS_OF });
  repo.commit('合并 2020-07 报送');
  if (decide) {
    await extend({ root: repo.dir, id: '1.1.2', decision: 'approve', date: '2020-07-25', by: decide.by });
    repo.commit('批准延期');
  }
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

describe('ledger check: extensions', () => {
  it('passes a merged request and a decision by the lead in its own pull request', async () => {
    const repo = await repoWithRequest();
    expect(read(repo)).toContain('state: 待审批');
    await extend({ root: repo.dir, id: '1.1.2', decision: 'approve', date: '2020-07-25', by: '市审批局' });
    repo.commit('批准 1.1.2 延期');
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual([]);
    expect(result.kind).toBe('merge');
  });

  it('passes a request arriving with its report and merged in the same pull request (待审批)', async () => {
    const repo = tempGitRepo();
    repo.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' });
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit('报送', { 'reports/2020-07/市公安局.yaml': request('市公安局') });
    await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: AS_OF });
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual([]);
    expect(read(repo)).toContain('state: 待审批');
  });

  it('refuses a hand-written approved extension that no report asked for (end to end)', async () => {
    const repo = await repoWithRequest();
    const forged =
      '        remark: ""\n        extensions:\n          - requested_by: 市审批局\n            requested_in: 2020-07\n' +
      '            until: 2030-12-31\n            reason: 需要时间\n            state: 已批准\n      - id: "1.1.2"';
    write(repo, edit(read(repo), / {8}remark: ""\n {6}- id: "1\.1\.2"/, forged));
    const run = runCli(['check', '--base', 'main', '--as-of', AS_OF], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /01-持续深化商事制度改革\.yaml:\d+:\d+: 错误 \[check\/unbacked-extension\] 具体措施 1\.1\.1/,
    );
    expect(run.stdout).toContain('2030-12-31');
    expect(run.stdout).toContain('reports/2020-07/市审批局.yaml 不存在');
    expect(run.stdout).toContain('✗ 检查未通过');
  });

  it('refuses a request whose date differs from what the report asked for', async () => {
    const repo = await repoWithRequest();
    write(repo, edit(read(repo), 'until: 2020-12-31', 'until: 2023-12-31'));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/unbacked-extension']);
    expect(result.diagnostics[0]!.message).toContain(
      '与报送 reports/2020-07/市公安局.yaml 中的申请（延期至 2020-12-31）不符',
    );
  });

  it('refuses flipping 待审批 → 已批准 in the requesting unit’s own pull request, even signed with the lead’s name', async () => {
    const repo = await repoWithRequest();
    repo.commit('市公安局 8 月报送', { 'reports/2020-08/市公安局.yaml': plainReport('市公安局', '2020-08') });
    write(
      repo,
      edit(
        read(repo),
        'state: 待审批',
        'state: 已批准\n            decided_on: 2020-08-10\n            decided_by: 市审批局',
      ),
    );
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toContain('check/extension-decided-with-report');
    const diagnostic = result.diagnostics.find((d) => d.code === 'check/extension-decided-with-report')!;
    expect(diagnostic.file).toBe(AREA);
    expect(read(repo).split('\n')[diagnostic.line - 1]).toContain('state: 已批准');
    expect(diagnostic.message).toContain('1.1.2');
    expect(diagnostic.message).toContain('市公安局');
  });

  it('refuses a flip with no signature, and one signed by the requester itself', async () => {
    const repo = await repoWithRequest();
    const pending = read(repo);
    write(repo, edit(pending, 'state: 待审批', 'state: 已批准'));
    let result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result).sort()).toEqual(['check/extension-decider', 'check/unbacked-decision']);
    expect(result.diagnostics[0]!.message).toContain('能审批它的是 市审批局');
    write(
      repo,
      edit(
        pending,
        'state: 待审批',
        'state: 已批准\n            decided_on: 2020-08-10\n            decided_by: 市公安局',
      ),
    );
    result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result).sort()).toEqual(['check/extension-self-decided', 'check/unbacked-decision']);
  });

  it('refuses a lead approving its own request; the supervisors may', async () => {
    const repo = await repoWithRequest('市审批局');
    const pending = read(repo);
    const decided = (by: string) =>
      edit(
        pending,
        'state: 待审批',
        `state: 已批准\n            decided_on: 2020-08-10\n            decided_by: ${by}`,
      );
    write(repo, decided('市审批局'));
    let result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result).sort()).toEqual(['check/extension-self-decided', 'check/unbacked-decision']);
    expect(result.diagnostics.find((d) => d.code === 'check/extension-self-decided')!.hint).toContain(
      '由 市发改委 运行 ledger extend',
    );
    // The right decider's name typed by hand is not a decision: only the decision file it owns is.
    write(repo, decided('市发改委 王主任'));
    result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/unbacked-decision']);
    write(repo, pending);
    await extend({ root: repo.dir, id: '1.1.2', decision: 'approve', date: '2020-08-10', by: '市发改委' });
    expect(read(repo)).toContain('decided_by: 市发改委');
    result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual([]);
  });

  it('refuses moving an approved date by years, and removing a decided request', async () => {
    const repo = await repoWithRequest('市公安局', { by: '市审批局' });
    const approved = read(repo);
    expect(approved).toContain('state: 已批准');
    write(repo, edit(approved, 'until: 2020-12-31', 'until: 2024-12-31'));
    let result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/extension-decided-changed']);
    expect(result.diagnostics[0]!.message).toContain('until：2020-12-31 → 2024-12-31');
    write(repo, edit(approved, /\n {8}extensions:\n(?: {10}.*\n)+/, '\n'));
    result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/extension-removed']);
  });

  it('refuses milestones_met set by hand', async () => {
    const repo = await repoWithRequest();
    write(repo, edit(read(repo), /(id: "1\.2\.1"[\s\S]*?remark: "")/, '$1\n        milestones_met: 1'));
    const result = await check({ root: repo.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/unbacked-progress']);
    expect(result.diagnostics[0]!.message).toContain('1.2.1');
  });
});
