import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate/run.js';
import { LedgerRevisions } from '../../src/io/ledger-revisions.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const AREA_FILE = 'ledger/01-持续深化商事制度改革.yaml';
const CACHE = '.git/ledger/ledger-cache.json';

/** A git work tree holding a ledger whose files were last changed a minute ago (not “racy”). */
function settledRepo(area = SMALL_AREA): string {
  const { dir } = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: area });
  settle(dir);
  return dir;
}

function settle(dir: string): void {
  const past = new Date(Date.now() - 60_000);
  for (const name of readdirSync(path.join(dir, 'ledger'))) utimesSync(path.join(dir, 'ledger', name), past, past);
}

function storedCache(root: string): { stats: Record<string, [string, string]> } {
  return JSON.parse(readFileSync(path.join(root, CACHE), 'utf8'));
}

/** Data only: locators are functions. */
function plain(root: string) {
  const { ledger, diagnostics } = loadLedger(root);
  return {
    config: ledger.config,
    units: ledger.unitsFile?.data,
    areas: ledger.areas.map(({ file, data }) => ({ file, data })),
    diagnostics,
  };
}

afterEach(() => {
  delete process.env.LEDGER_CACHE;
});

describe('ledger cache (.git/ledger/ledger-cache.json)', () => {
  it('a second load is served from the cache and equals the first', async () => {
    const root = settledRepo();
    const first = plain(root);
    expect(existsSync(path.join(root, CACHE))).toBe(true);
    const cache = readFileSync(path.join(root, CACHE), 'utf8');
    writeFileSync(path.join(root, CACHE), cache.replace('优化企业开办线上服务', '从缓存读出'));
    const second = plain(root);
    expect(second.areas[0]!.data.tasks[0]!.measures[0]!.title).toBe('从缓存读出');
    expect({ ...second, areas: [] }).toEqual({ ...first, areas: [] });
  });

  it('a changed file is read again, even with its old size and time stamp', async () => {
    const root = settledRepo();
    plain(root);
    const file = path.join(root, AREA_FILE);
    const stat = { atime: new Date(Date.now() - 60_000), mtime: new Date(Date.now() - 60_000) };
    writeFileSync(file, replaceOrThrow(SMALL_AREA, '优化企业开办线上服务', '优化企业开办线下服务'));
    utimesSync(file, stat.atime, stat.mtime);
    expect(plain(root).areas[0]!.data.tasks[0]!.measures[0]!.title).toBe('优化企业开办线下服务');
  });

  it('a new area file is seen', async () => {
    const root = settledRepo();
    plain(root);
    writeFileSync(path.join(root, 'ledger/02-第二.yaml'), replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2'));
    settle(root);
    expect(plain(root).areas.map((a) => a.file)).toEqual([AREA_FILE, 'ledger/02-第二.yaml']);
  });

  it('a file changed in the last seconds keeps no stat: a second change with the same size and time is seen', async () => {
    const { dir } = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    const file = path.join(dir, AREA_FILE);
    const { mtime } = statSync(file);
    plain(dir);
    expect(Object.keys(storedCache(dir).stats)).toEqual([]);
    writeFileSync(file, replaceOrThrow(SMALL_AREA, '优化企业开办线上服务', '优化企业开办线下服务'));
    utimesSync(file, mtime, mtime);
    expect(plain(dir).areas[0]!.data.tasks[0]!.measures[0]!.title).toBe('优化企业开办线下服务');
  });

  it('after an edit only the changed file is parsed: the others come from the cache', async () => {
    const second = 'ledger/02-第二.yaml';
    const { dir } = tempGitRepo({
      'ledger/units.yaml': BUNDLED_UNITS,
      [AREA_FILE]: SMALL_AREA,
      [second]: replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2'),
    });
    settle(dir);
    plain(dir);
    // Marks the stored parses: whatever still shows the mark was not parsed again.
    const cache = path.join(dir, CACHE);
    writeFileSync(cache, readFileSync(cache, 'utf8').replaceAll('优化企业开办线上服务', '从缓存读出'));
    writeFileSync(path.join(dir, second), replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2').replace('线上', '线下'));
    const titles = plain(dir).areas.map((a) => a.data.tasks[0]!.measures[0]!.title);
    expect(titles).toEqual(['从缓存读出', '优化企业开办线下服务']);
  });

  it('a file touched without a change is not parsed again, and its new stat is kept', async () => {
    const root = settledRepo();
    plain(root);
    const cache = path.join(root, CACHE);
    writeFileSync(cache, readFileSync(cache, 'utf8').replace('优化企业开办线上服务', '从缓存读出'));
    const later = new Date(Date.now() - 30_000);
    utimesSync(path.join(root, AREA_FILE), later, later);
    expect(plain(root).areas[0]!.data.tasks[0]!.measures[0]!.title).toBe('从缓存读出');
    const stat = statSync(path.join(root, AREA_FILE), { bigint: true });
    expect(storedCache(root).stats['01-持续深化商事制度改革.yaml']![0]).toContain(`\t${stat.mtimeNs}\t`);
  });

  it('a past version takes the parses of files still in the work tree from the cache', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    const commit = repo.commit('台账');
    settle(repo.dir);
    plain(repo.dir);
    const cache = path.join(repo.dir, CACHE);
    writeFileSync(cache, readFileSync(cache, 'utf8').replace('优化企业开办线上服务', '从缓存读出'));
    const revisions = new LedgerRevisions(repo.dir);
    try {
      const { ledger } = await revisions.load(commit);
      expect(ledger.areas[0]!.data.tasks[0]!.measures[0]!.title).toBe('从缓存读出');
    } finally {
      revisions.close();
    }
  });

  it('a cache that is not a regular file (a link, a folder, a pipe) is ignored, and a link is replaced', async () => {
    const root = settledRepo();
    plain(root);
    const cache = path.join(root, CACHE);
    const elsewhere = path.join(tempDir(), 'cache.json');
    writeFileSync(elsewhere, readFileSync(cache, 'utf8').replace('优化企业开办线上服务', '从链接读出'));
    rmSync(cache);
    symlinkSync(elsewhere, cache);
    expect(plain(root).areas[0]!.data.tasks[0]!.measures[0]!.title).toBe('优化企业开办线上服务');
    expect(lstatSync(cache).isFile()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toContain('从链接读出');
    rmSync(cache);
    execFileSync('mkfifo', [cache]);
    expect(plain(root).areas).toHaveLength(1);
    rmSync(cache);
    mkdirSync(cache);
    expect(plain(root).areas).toHaveLength(1);
  });

  it('a stat record whose blob has no parse under that file is not trusted: the file is hashed again', async () => {
    const root = settledRepo();
    plain(root);
    const cache = path.join(root, CACHE);
    const name = '01-持续深化商事制度改革.yaml';
    const real = storedCache(root).stats[name]![1];
    const wrong = '0'.repeat(40);
    writeFileSync(cache, readFileSync(cache, 'utf8').replace(`"${real}"]`, `"${wrong}"]`));
    expect(storedCache(root).stats[name]![1]).toBe(wrong);
    plain(root);
    expect(storedCache(root).stats[name]![1]).toBe(real);
  });

  it('is not used outside a git work tree, nor with LEDGER_CACHE=off', async () => {
    const plainDir = tempLedger();
    plain(plainDir);
    expect(readdirSync(plainDir)).toEqual(['ledger']);
    const root = settledRepo();
    process.env.LEDGER_CACHE = 'off';
    plain(root);
    expect(existsSync(path.join(root, CACHE))).toBe(false);
  });

  it('diagnostics from a cached load still point at the right line', async () => {
    const root = settledRepo(replaceOrThrow(SMALL_AREA, 'units: [市财政局]', 'units: [市财政厅]'));
    const cold = (await validate({ root, asOf: '2020-12-31' })).diagnostics;
    expect(existsSync(path.join(root, CACHE))).toBe(true);
    const warm = (await validate({ root, asOf: '2020-12-31' })).diagnostics;
    expect(cold).toHaveLength(1);
    expect(cold[0]).toMatchObject({
      code: 'unit/unknown',
      line: SMALL_AREA.slice(0, SMALL_AREA.indexOf('市财政局')).split('\n').length,
    });
    expect(warm).toEqual(cold);
  });
});
