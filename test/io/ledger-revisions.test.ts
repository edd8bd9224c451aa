import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/io/ledger-repo.js';
import { readWorkTree } from '../../src/io/ledger-files.js';
import { LedgerRevisions } from '../../src/io/ledger-revisions.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { parseLedger, type LoadResult } from '../../src/io/parse-ledger.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const SECOND = 'ledger/02-第二项.yaml';
const SECOND_AREA = replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2').replace(/"1\./g, '"2.');

/** Data only: locators are functions. */
function plain({ ledger, diagnostics }: LoadResult) {
  return {
    config: ledger.config,
    units: ledger.unitsFile?.data,
    areas: ledger.areas.map(({ file, data }) => ({ file, data })),
    diagnostics,
  };
}

function twoVersions() {
  const repo = tempGitRepo();
  const first = repo.commit('台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, [SECOND]: SECOND_AREA });
  const done = SECOND_AREA.replace('status: 未启动', 'status: 已完成');
  const bad = replaceOrThrow(SMALL_AREA, 'deadline: 2020年6月底前', 'deadline: [oops]');
  const second = repo.commit('进展', { [SECOND]: done, [AREA]: bad });
  return { repo, first, second };
}

function checkout(repoDir: string, commit: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-checkout-'));
  execFileSync('git', ['clone', '-q', repoDir, dir]);
  execFileSync('git', ['checkout', '-q', commit], { cwd: dir });
  return dir;
}

describe('the loader in two steps: files from the work tree or a revision → {ledger, diagnostics}', () => {
  it('a revision read out of Git loads exactly like a checkout of it, diagnostics and positions included', async () => {
    const { repo, first, second } = twoVersions();
    const revisions = new LedgerRevisions(repo.dir);
    try {
      for (const commit of [first, second]) {
        const fromGit = await revisions.load(commit);
        const fromDisk = loadLedger(checkout(repo.dir, commit));
        expect(plain(fromGit)).toEqual(plain(fromDisk));
        expect(fromGit.files.origin).toEqual({ kind: 'revision', commit });
      }
      const bad = await revisions.load(second);
      const problem = bad.diagnostics.find((d) => d.file === AREA && d.severity === 'error');
      expect(problem?.line).toBe(SMALL_AREA.split('\n').findIndex((l) => l.includes('2020年6月底前')) + 1);
      const ref = bad.ledger.areas[0]!;
      expect(ref.locate(['tasks', 1, 'measures', 0]).line).toBe(
        SMALL_AREA.split('\n').findIndex((l) => l.includes('id: "1.2.1"')) + 1,
      );
    } finally {
      revisions.close();
    }
  });

  it('a file unchanged between two revisions is parsed once (same data object), a changed one again', async () => {
    const { repo, first, second } = twoVersions();
    const third = repo.commit('只改第二项', { [SECOND]: SECOND_AREA });
    const revisions = new LedgerRevisions(repo.dir);
    try {
      const a = (await revisions.load(second)).ledger;
      const b = (await revisions.load(third)).ledger;
      expect(b.areas[0]!.data).toBe(a.areas[0]!.data);
      expect(b.areas[1]!.data).not.toBe(a.areas[1]!.data);
      expect(b.unitsFile!.data).toBe(a.unitsFile!.data);
      const c = (await revisions.load(first)).ledger;
      expect(c.areas[1]!.data).toEqual(b.areas[1]!.data);
    } finally {
      revisions.close();
    }
  });

  it('the work tree and HEAD give the same result through the same parse step', async () => {
    const { repo, second } = twoVersions();
    const revisions = new LedgerRevisions(repo.dir);
    try {
      const fromGit = revisions.parse(await revisions.files(second));
      expect(plain(parseLedger(readWorkTree(repo.dir)))).toEqual(plain(fromGit));
    } finally {
      revisions.close();
    }
  });

  it('reads a ledger kept in a sub-folder of the repository, and an empty ledger before it existed', async () => {
    const repo = tempGitRepo();
    const before = repo.commit('其他', { 'README.md': '# x\n' });
    repo.commit('台账', { 'city/ledger/units.yaml': BUNDLED_UNITS, [`city/${AREA}`]: SMALL_AREA });
    const root = path.join(repo.dir, 'city');
    const ledger = await atRevision(root, 'HEAD');
    expect(ledger.areas.map((a) => a.file)).toEqual([AREA]);
    expect(ledger.areas[0]!.data).toEqual(loadLedger(root).ledger.areas[0]!.data);
    expect((await atRevision(root, before)).areas).toEqual([]);
  });

  it('names an unknown revision in Chinese', async () => {
    const { repo } = twoVersions();
    await expect(atRevision(repo.dir, 'no-such-branch')).rejects.toThrow(/找不到版本 no-such-branch/);
  });
});

async function atRevision(root: string, rev: string) {
  const repo = openLedger(root);
  try {
    return await repo.atRevision(rev);
  } finally {
    repo.close();
  }
}
