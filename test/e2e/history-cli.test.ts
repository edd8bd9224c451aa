import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

function repo() {
  const r = tempGitRepo();
  r.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
    { date: '2020-06-01T09:00:00+08:00', author: { name: '王芳', email: 'w@example.com' } },
  );
  const progressed = replaceOrThrow(
    SMALL_AREA,
    /(id: "1\.2\.2"[\s\S]*?status: )未启动(\s+progress: )""/,
    '$1已完成$2"已建立快速审理机制，简单案件平均审理周期缩短三分之一，相关制度已经印发并在全市执行。"',
  );
  r.commit(
    '合并 2020-08 报送',
    { [AREA]: progressed },
    { date: '2020-08-25T10:00:00+08:00', author: { name: '李明', email: 'l@example.com' } },
  );
  return r;
}

describe('ledger history and ledger log (end to end)', () => {
  it('prints a measure’s history as text, short values inline and long ones as 前/后', () => {
    const run = runCli(['history', '1.2.2'], repo().dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`具体措施 1.2.2 建立破产案件快速审理机制（${AREA}）：2 次提交修改过，最早的在前`);
    expect(lines).toContain('  状态：未启动 → 已完成');
    expect(lines).toContain('    前：（空）');
    expect(lines).toContain(
      '    后：已建立快速审理机制，简单案件平均审理周期缩短三分之一，相关制度已经印发并在全市执行。',
    );
    expect(run.stdout).toMatch(/^2020-08-25 {2}李明 {2}[0-9a-f]{7} {2}合并 2020-08 报送$/m);
  });

  it('prints the status timeline as JSON', () => {
    const run = runCli(['log', '--format', 'json', '--since', '2020-08-01'], repo().dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.changes).toMatchObject([
      { id: '1.2.2', from: '未启动', to: '已完成', author: '李明', date: '2020-08-25T10:00:00+08:00' },
    ]);
  });

  it('exits 2 with a Chinese message outside a Git repository or for a bad date', () => {
    const plain = runCli(['history', '1.1.1'], tempLedger());
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('不在 Git 仓库中');
    const bad = runCli(['log', '--since', '2020-13-01'], repo().dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since');
  });
});
