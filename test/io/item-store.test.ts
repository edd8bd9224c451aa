import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { cutAreaItems } from '../../src/io/area-items.js';
import { openItemStore, type ItemStore } from '../../src/io/item-store.js';
import { LedgerRevisions } from '../../src/io/ledger-revisions.js';
import { walkMeasureChanges } from '../../src/io/measure-versions.js';
import { areaItemMemo } from '../../src/io/yaml-source.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const CACHE = '.git/ledger/history-cache.json';
const VERSIONS = [
  SMALL_AREA,
  replaceOrThrow(SMALL_AREA, 'status: 未启动', 'status: 推进中'),
  replaceOrThrow(SMALL_AREA, 'progress: ""', 'progress: "已完成 80%。"'),
];

function history() {
  const repo = tempGitRepo();
  const commits = VERSIONS.map((text, k) =>
    repo.commit(`第 ${k + 1} 版`, { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: text }),
  );
  return { repo, commits };
}

/** The store, counting the texts it did not have. */
function counted(store: ItemStore): ItemStore & { misses: number } {
  const out = { ...store, misses: 0, get: (text: string) => store.get(text) ?? void out.misses++ };
  return out;
}

afterEach(() => {
  delete process.env.LEDGER_CACHE;
});

describe('history cache (.git/ledger/history-cache.json): item parses kept by blob id', () => {
  it('a walk for `ledger log` keeps what a later walk over revisions needs: nothing is parsed again', async () => {
    const { repo, commits } = history();
    await walkMeasureChanges(repo.dir, { summary: true });
    expect(existsSync(path.join(repo.dir, CACHE))).toBe(true);
    const store = counted(openItemStore(repo.dir));
    const memo = areaItemMemo(store);
    for (const text of VERSIONS) {
      expect(memo.parse(text)).toStrictEqual(parseDocument(text).toJS());
    }
    expect(store.misses).toBe(0);
    const revisions = new LedgerRevisions(repo.dir);
    try {
      const loaded = await revisions.load(commits[1]!);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.ledger.areas[0]!.data.tasks[0]!.measures[0]!.status).toBe('推进中');
    } finally {
      revisions.close();
    }
  });

  it('keys every entry on the Git blob id of its text', async () => {
    const { repo } = history();
    await walkMeasureChanges(repo.dir);
    const stored = JSON.parse(readFileSync(path.join(repo.dir, CACHE), 'utf8')) as { entries: [string, unknown][] };
    const ids = new Set(stored.entries.map(([id]) => id));
    const cut = cutAreaItems(VERSIONS[1]!)!;
    for (const text of [cut.frame, ...cut.items]) {
      expect(ids.has(execFileSync('git', ['hash-object', '--stdin'], { input: text, encoding: 'utf8' }).trim())).toBe(
        true,
      );
    }
  });

  it('ignores a cache of another version, an entry not named by a blob id, and is off with LEDGER_CACHE=off', async () => {
    const { repo } = history();
    await walkMeasureChanges(repo.dir);
    const file = path.join(repo.dir, CACHE);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^\{"key":"\d+ /, '{"key":"0 '));
    expect(counted(openItemStore(repo.dir)).get(SMALL_AREA)).toBeUndefined();
    const cut = cutAreaItems(SMALL_AREA)!;
    writeFileSync(file, text.replace(/\["[0-9a-f]{40}",/g, '["not-an-id",'));
    const store = counted(openItemStore(repo.dir));
    for (const item of cut.items) store.get(item);
    expect(store.misses).toBe(cut.items.length);
    process.env.LEDGER_CACHE = 'off';
    const other = history();
    await walkMeasureChanges(other.repo.dir);
    expect(existsSync(path.join(other.repo.dir, CACHE))).toBe(false);
  });
});
