import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AREA2 = 'ledger/02-提升项目建设审批便利度.yaml';
const AREA2_TEXT = `area: 2
title: 提升项目建设审批便利度
lead: [市审批局]
tasks:
  - id: "2.1"
    title: 深化工程建设项目审批制度改革
    text: 全面推行并联审批。
    measures:
      - id: "2.1.1"
        title: 推行告知承诺制
        text: 对社会投资项目推行告知承诺制。
        deadline: 2020年底前
        units: [市住建局]
        status: 未启动
        progress: ""
        remark: ""
`;
const AS_OF = '2020-08-15';

const read = (repo: GitRepo, file = AREA) => readFileSync(path.join(repo.dir, file), 'utf8');
const write = (repo: GitRepo, text: string, file = AREA) => writeFileSync(path.join(repo.dir, file), text);
const errors = (result: { diagnostics: { code: string; severity: string }[] }) =>
  result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

/** Replaces every `from` by `to`, failing loudly when the fixture text is not there. */
function swap(text: string, a: string, b: string): string {
  if (!text.includes(a) || !text.includes(b)) throw new Error(`fixture edit: ${a} or ${b} not found`);
  return text
    .split(a)
    .map((part) => part.split(b).join(a))
    .join(b);
}

/** main: two area files, 1.1.1 with 市公安局's merged progress; the work tree on branch pr. */
function repo(): GitRepo {
  const r = tempGitRepo();
  const progress = SMALL_AREA.replace(
    /(id: "1\.1\.1"[\s\S]*?)status: 未启动\n {8}progress: ""/,
    '$1status: 推进中\n        progress: 市公安局：已上线',
  );
  r.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: progress, [AREA2]: AREA2_TEXT });
  r.git('checkout', '-q', '-b', 'pr');
  return r;
}

describe('ledger check: renumbering is found by content', () => {
  it('a swap of title, text, deadline and units between 1.1.1 and 1.1.2 (end to end)', () => {
    const r = repo();
    let text = read(r);
    for (const [a, b] of [
      ['title: 优化企业开办线上服务', 'title: 优化企业开办线下服务'],
      ['text: 改造升级企业登记系统。', 'text: 优化和重构企业开办流程。'],
      [
        'deadline: 2020年底前\n        units: [市审批局, 市公安局, 各县区]',
        'deadline: 2020年6月底前\n        units: [市审批局, 市公安局]',
      ],
    ] as const)
      text = swap(text, a, b);
    write(r, text);
    const run = runCli(['check', '--base', 'main', '--as-of', AS_OF, '--format', 'json'], r.dir);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      kind: string;
      definition_changes: string[];
      diagnostics: { code: string; file: string; message: string }[];
    };
    const renumbered = result.diagnostics.filter((d) => d.code === 'check/measure-renumbered');
    expect(renumbered).toHaveLength(2);
    for (const d of renumbered) {
      expect(d.file).toBe(AREA);
      expect(d.message).toContain('1.1.1');
      expect(d.message).toContain('1.1.2');
    }
    expect(result.definition_changes).toEqual(['具体措施 1.1.2 改编号为 1.1.1', '具体措施 1.1.1 改编号为 1.1.2']);
    expect(result.kind).toBe('definition');
    expect(result.definition_changes.join()).not.toContain('title');
  });

  it('a swap of just the ids', async () => {
    const r = repo();
    write(r, swap(read(r), 'id: "1.1.1"', 'id: "1.1.2"'));
    const result = await check({ root: r.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/measure-renumbered', 'check/measure-renumbered']);
    expect(result.diagnostics[0]!.message).toMatch(/具体措施 1\.1\.[12]（.*）的内容现在在编号 1\.1\.[12] 下/);
  });

  it('a moved id with nothing else changed', async () => {
    const r = repo();
    write(r, read(r).replace('id: "1.2.3"', 'id: "1.2.4"'));
    const result = await check({ root: r.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual(['check/measure-renumbered']);
    expect(result.diagnostics[0]!.message).toContain('具体措施 1.2.3（完善破产财税政策）的内容现在在编号 1.2.4 下');
  });

  it('two area files swapped with their numbers and ids made to fit the file names', async () => {
    const r = repo();
    const one = read(r);
    const two = read(r, AREA2);
    const renumber = (text: string, from: string, to: string) =>
      text.replace(/^area: \d+/m, `area: ${to}`).replace(new RegExp(`"${from}\\.`, 'g'), `"${to}.`);
    write(r, renumber(two, '2', '1'), AREA);
    write(r, renumber(one, '1', '2'), AREA2);
    const result = await check({ root: r.dir, base: 'main', asOf: AS_OF });
    const messages = result.diagnostics.filter((d) => d.code === 'check/measure-renumbered').map((d) => d.message);
    expect(messages.some((m) => m.includes('具体措施 2.1.1') && m.includes('编号 1.1.1 下'))).toBe(true);
    expect(messages.some((m) => m.includes('具体措施 1.1.1') && m.includes('编号 2.1.1 下'))).toBe(true);
    expect(result.definitionParts.some((p) => p.includes(' 的 title'))).toBe(false);
  });

  it('two area files swapped by name are refused, naming both files', async () => {
    const r = repo();
    renameSync(path.join(r.dir, AREA), path.join(r.dir, 'tmp.yaml'));
    renameSync(path.join(r.dir, AREA2), path.join(r.dir, AREA));
    renameSync(path.join(r.dir, 'tmp.yaml'), path.join(r.dir, AREA2));
    const run = runCli(['check', '--base', 'main', '--as-of', AS_OF], r.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(AREA);
    expect(run.stdout).toContain(AREA2);
    expect(run.stdout).toContain('id/file-name');
  });

  it('an edited text under the same id stays a definition change', async () => {
    const r = repo();
    write(r, read(r).replace('text: 改造升级企业登记系统。', 'text: 改造升级企业登记系统，实现全程网办。'));
    const result = await check({ root: r.dir, base: 'main', asOf: AS_OF });
    expect(errors(result)).toEqual([]);
    expect(result.definitionParts).toEqual(['1.1.1 的 text']);
  });
});
