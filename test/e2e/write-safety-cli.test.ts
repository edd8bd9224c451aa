import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWriteSession, writeRepoFiles } from '../../src/io/repo-write.js';
import { tempFolder } from '../../src/io/write-journal.js';
import { acquireWriteLock, lockPath } from '../../src/io/write-lock.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { AREAS, crashMerge, ledgerWithReports } from '../helpers/crashed-repo.js';
import { BUNDLED_UNITS, REPO_ROOT, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/temp-dir.js';
import type { Measure } from '../../src/core/model/schema.js';

/** Issue 10, cases 4 and 5: writes are serialised and survive a crash between renames. */

function runCliAsync(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/ledger'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
  });
}

const unitReport = (file: string) => loadLedger(file).ledger;

describe('writes are serialised', { timeout: 600_000 }, () => {
  it('two merges at once on different months touching the same file never lose an update (20 runs)', async () => {
    for (let run = 0; run < 20; run++) {
      const repo = tempGitRepo({
        'ledger/units.yaml': BUNDLED_UNITS,
        [AREA_FILE]: SMALL_AREA,
        'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '七月进展')),
        'reports/2020-08/市司法局.yaml': reportYaml('市司法局', '2020-08', entry('1.2.1', '推进中', '八月进展')),
      });
      repo.commit('台账');
      const [july, august] = await Promise.all([
        runCliAsync(['merge', 'reports/2020-07', '--as-of', '2020-08-25'], repo.dir),
        runCliAsync(['merge', 'reports/2020-08', '--as-of', '2020-08-25'], repo.dir),
      ]);
      expect([july.code, august.code], `${july.stderr}${august.stderr}`).toEqual([0, 0]);
      const measures = unitReport(repo.dir).areas[0]!.data.tasks.flatMap((t) => t.measures);
      const byId = new Map(measures.map((m) => [m.id, m]));
      expect(byId.get('1.1.2')!.unit_reports?.['市审批局']?.month, `run ${run}`).toBe('2020-07');
      expect(byId.get('1.2.1')!.unit_reports?.['市司法局']?.month, `run ${run}`).toBe('2020-08');
      expect(existsSync(lockPath(repo.dir))).toBe(false);
    }
  });

  it('two notice --issue at once never share a number nor lose a notice (20 runs)', async () => {
    for (let run = 0; run < 20; run++) {
      const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
      repo.commit('台账');
      const issue = (unit: string) =>
        runCliAsync(['notice', '--as-of', '2020-07-25', '--unit', unit, '--issue'], repo.dir);
      const [police, approval] = await Promise.all([issue('市公安局'), issue('市审批局')]);
      expect([police.code, approval.code], `${police.stderr}${approval.stderr}`).toEqual([0, 0]);
      const notices = unitReport(repo.dir).areas[0]!.data.tasks.flatMap((t) =>
        t.measures.flatMap((m) => m.notices ?? []),
      );
      expect(new Set(notices.map((n) => n.unit)), `run ${run}`).toEqual(new Set(['市公安局', '市审批局']));
      expect(new Set(notices.map((n) => n.number)).size, `run ${run}`).toBe(2);
    }
  });

  it('a verify and a merge at once never lose a write (20 runs)', async () => {
    await writerBesideMerge({
      july: entry('1.1.2', '已完成', '已完成', 'completed_on: 2020-06-20'),
      writer: ['verify', '1.1.2', '--unit', '市公安局', '--date', '2020-08-01'],
      kept: (m) => m.unit_reports?.['市公安局']?.verification?.state,
      expected: '已核验',
    });
  });

  it('an extend and a merge at once never lose a write (20 runs)', async () => {
    await writerBesideMerge({
      july: entry('1.1.2', '推进中', '改造中', 'extension: { until: 2020-12-31, reason: 系统改造需跨年度实施 }'),
      writer: ['extend', '1.1.2', '--approve', '--date', '2020-08-01'],
      kept: (m) => m.extensions?.[0]?.state,
      expected: '已批准',
    });
  });

  it('a held lock makes a writer wait, then stop with the holder named and the ledger unchanged', () => {
    const repo = tempGitRepo({
      'ledger/units.yaml': BUNDLED_UNITS,
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '七月进展')),
    });
    const release = acquireWriteLock(repo.dir, 'ledger merge reports/2020-06');
    try {
      const before = snapshotTree(repo.dir);
      const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-25'], repo.dir, {
        LEDGER_LOCK_WAIT_MS: '200',
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`台账正被另一个命令修改：ledger merge reports/2020-06（进程 ${process.pid}`);
      expect(run.stderr).toContain('.git/ledger/write.lock');
      expect(snapshotTree(repo.dir)).toEqual(before);
    } finally {
      release();
    }
  });

  it('a stale lock (its process is gone) is taken over', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '七月进展')),
    });
    mkdirSync(path.dirname(lockPath(root)));
    writeFileSync(
      lockPath(root),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: 'ledger merge', started: '2020-01-01', host: '' }),
    );
    const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-25'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it('a file changed after it was read is not overwritten', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const file = path.join(root, AREA_FILE);
    withWriteSession(root, 'test', (session) => {
      writeFileSync(file, `${SMALL_AREA}# 编辑器里的修改\n`);
      expect(() => writeRepoFiles(session, [{ path: file, content: 'x' }], [], '台账未作任何修改')).toThrow(
        `${AREA_FILE} 在本命令读取之后被修改或新建了`,
      );
    });
    expect(readFileSync(file, 'utf8')).toBe(`${SMALL_AREA}# 编辑器里的修改\n`);
  });
});

describe('multi-file writes survive a crash', { timeout: 600_000 }, () => {
  it('killed after a random rename, the next command leaves every file old or every file new', () => {
    const reference = ledgerWithReports();
    expect(runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-25'], reference.dir).code).toBe(0);
    const after = snapshotTree(reference.dir);
    for (const crashAfter of [1, 1 + Math.floor(Math.random() * AREAS.length), AREAS.length]) {
      const repo = ledgerWithReports();
      const before = snapshotTree(repo.dir);
      expect(crashMerge(repo, crashAfter), `crash after ${crashAfter}`).toBe(-1);
      const midway = snapshotTree(repo.dir);
      const changed = AREAS.filter((a) => midway[a.file] !== before[a.file]).length;
      expect(changed).toBe(crashAfter);
      expect(readdirSync(path.join(repo.dir, 'ledger')).some((name) => /tmp|new/.test(name))).toBe(false);
      const next = runCli(['validate', '--as-of', '2020-08-25'], repo.dir);
      expect(next.code, next.stdout).toBe(0);
      expect(snapshotTree(repo.dir)).toEqual(after);
      expect(readdirSync(path.dirname(tempFolder(repo.dir)))).not.toContain('tmp');
      expect(repo.git('status', '--porcelain', '--untracked-files=all', 'ledger')).not.toMatch(/tmp|\.new/);
    }
  });

  it('a reader served from the ledger cache also finishes an interrupted write first (status)', () => {
    const reference = ledgerWithReports();
    expect(runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-25'], reference.dir).code).toBe(0);
    const after = snapshotTree(reference.dir);
    const repo = ledgerWithReports();
    const status = ['status', '--worktree', '--as-of', '2020-08-25'];
    expect(runCli(status, repo.dir).code).toBe(0);
    expect(crashMerge(repo, 1)).toBe(-1);
    expect(runCli(status, repo.dir).code).toBe(0);
    expect(snapshotTree(repo.dir)).toEqual(after);
  });

  it('killed before the journal is written, every file stays old and the temporaries are removed', () => {
    const repo = ledgerWithReports();
    const before = snapshotTree(repo.dir);
    const folder = tempFolder(repo.dir);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '999-0.new'), 'half a file');
    const next = runCli(['validate', '--as-of', '2020-08-25'], repo.dir);
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(existsSync(path.join(folder, '999-0.new'))).toBe(false);
    expect(snapshotTree(repo.dir)).toEqual(before);
  });
});

/**
 * 20 runs of a writer on 1.1.2 (after 市公安局's July report `july` is merged) at the same time as the
 * August merge: both exit 0, the writer's change to 1.1.2 (`kept`) and the merged August report both remain.
 */
async function writerBesideMerge(run: {
  july: string;
  writer: string[];
  kept: (measure: Measure) => unknown;
  expected: string;
}): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const repo = tempGitRepo({
      'ledger/units.yaml': BUNDLED_UNITS,
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', run.july),
      'reports/2020-08/市司法局.yaml': reportYaml('市司法局', '2020-08', entry('1.2.1', '推进中', '八月进展')),
    });
    expect(runCli(['merge', 'reports/2020-07', '--as-of', '2020-07-25'], repo.dir).code).toBe(0);
    repo.commit('台账');
    const [written, merged] = await Promise.all([
      runCliAsync(run.writer, repo.dir),
      runCliAsync(['merge', 'reports/2020-08', '--as-of', '2020-08-25'], repo.dir),
    ]);
    expect([written.code, merged.code], `${written.stderr}${merged.stderr}`).toEqual([0, 0]);
    const byId = new Map(
      unitReport(repo.dir)
        .areas[0]!.data.tasks.flatMap((t) => t.measures)
        .map((m) => [m.id, m] as const),
    );
    expect(run.kept(byId.get('1.1.2')!), `run ${round}`).toBe(run.expected);
    expect(byId.get('1.2.1')!.unit_reports?.['市司法局']?.month, `run ${round}`).toBe('2020-08');
  }
}
