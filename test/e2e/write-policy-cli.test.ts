import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AREA2 = 'ledger/02-提升项目建设审批便利度.yaml';
const PENDING = `        extensions:
          - requested_by: 市公安局
            requested_in: 2020-07
            until: 2020-12-31
            reason: 系统改造需跨年度实施
            state: 待审批
`;
/** Area 2 is valid, with a request 市住建局 made on 2.1.1 (lead 市审批局). */
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
${PENDING.replace('市公安局', '市住建局')}`;

/** Replaces `from` with `to`, failing loudly when the fixture text is not there. */
function edit(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return next;
}

/** Area 1: 1.1.1 has a bad status (an error); 1.1.2 after it has a pending request. */
const BROKEN = edit(
  edit(SMALL_AREA, 'status: 未启动', 'status: 完成了'),
  /(id: "1\.1\.2"[\s\S]*?remark: ""\n)/,
  `$1${PENDING}`,
);
const COURT =
  'unit: 市中级人民法院\nmonth: 2020-07\nentries:\n  - id: 1.2.2\n    status: 推进中\n    progress: 已起草\n';

function brokenLedger(): { root: string; snapshot: () => Record<string, string> } {
  const root = tempLedger({ [AREA]: BROKEN, [AREA2]: AREA2_TEXT, 'reports/2020-07/市中级人民法院.yaml': COURT });
  const snapshot = () => {
    const out: Record<string, string> = {};
    for (const dir of ['ledger', 'reports/2020-07'])
      for (const name of readdirSync(path.join(root, dir)))
        out[`${dir}/${name}`] = readFileSync(path.join(root, dir, name), 'utf8');
    return out;
  };
  return { root, snapshot };
}

const output = (run: { stdout: string; stderr: string }) => run.stdout + run.stderr;

describe('one policy for a ledger with errors', () => {
  it('read-only views show the rest and exit 1', () => {
    const { root } = brokenLedger();
    const views = [
      ['status', '--as-of', '2020-08-01'],
      ['overdue', '--as-of', '2020-08-01'],
      ['show', '1.1.2', '--as-of', '2020-08-01'],
      ['missing', '--month', '2020-07'],
    ];
    for (const args of views) {
      const run = runCli(args, root);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.stdout, args.join(' ')).toContain('处错误');
    }
    expect(runCli(['show', '1.1.2'], root).stdout).toContain('优化企业开办线下服务');
  });

  it('every command that writes refuses, names the file, exits 1 and writes nothing', () => {
    const { root, snapshot } = brokenLedger();
    const before = snapshot();
    const runs = {
      merge: runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-01'], root),
      extend: runCli(['extend', '1.1.2', '--approve', '--by', '市审批局', '--date', '2020-07-25'], root),
      template: runCli(['template', '--unit', '市中级人民法院', '--month', '2020-08'], root),
      render: runCli(['render', '--format', 'md', '--out', 'out.md', '--as-of', '2020-08-01'], root),
      summary: runCli(['summary', '--month', '2020-07', '--format', 'md', '--out', 'sum.md'], root),
      import: runCli(['import', path.join(REPO_ROOT, 'source/石政规发〔2020〕5号.txt')], root),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, name).toBe(1);
      expect(output(run), name).toContain(AREA);
      expect(output(run), name).not.toMatch(/内部错误|at .*\.js:\d+/);
    }
    for (const name of ['merge', 'extend', 'template', 'render', 'summary'] as const)
      expect(output(runs[name]), name).toContain(`${AREA} 有 1 个错误`);
    expect(snapshot()).toEqual(before);
    expect(existsSync(path.join(root, 'out.md'))).toBe(false);
    expect(existsSync(path.join(root, 'sum.md'))).toBe(false);
    expect(existsSync(path.join(root, 'reports/2020-08'))).toBe(false);
  });

  it('extend on a measure in another, valid file goes ahead', () => {
    const { root } = brokenLedger();
    const run = runCli(['extend', '2.1.1', '--approve', '--by', '市审批局', '--date', '2020-07-25'], root);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(root, AREA2), 'utf8')).toContain('state: 已批准');
    expect(readFileSync(path.join(root, AREA), 'utf8')).toBe(BROKEN);
  });
});
