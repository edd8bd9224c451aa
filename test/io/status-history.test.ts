import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusLog } from '../../src/core/review/status-log.js';
import { walkMeasureChanges } from '../../src/io/measure-versions.js';
import { statusHistory } from '../../src/io/status-history.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const CACHE = '.git/ledger/log-cache.json';

function setStatus(text: string, id: string, status: string): string {
  const at = text.indexOf(`id: "${id}"`);
  const line = text.indexOf('status: ', at);
  return `${text.slice(0, line)}status: ${status}${text.slice(text.indexOf('\n', line))}`;
}

function history(steps: [string, string][]): { repo: GitRepo; text: string } {
  const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA });
  repo.commit('导入台账', {}, { date: '2020-07-01T10:00:00+08:00' });
  let text = SMALL_AREA;
  steps.forEach(([id, status], i) => {
    text = setStatus(text, id, status);
    repo.commit(
      `合并第 ${i + 1} 次`,
      { [AREA]: text },
      { date: `2020-07-${String(i + 2).padStart(2, '0')}T10:00:00+08:00` },
    );
  });
  return { repo, text };
}

/** What a full walk without any cache gives. */
async function uncached(root: string) {
  return statusLog((await walkMeasureChanges(root, { summary: true })).events, '+08:00');
}

describe('the status history cache (.git/ledger/log-cache.json)', () => {
  it('walks only the commits added since the cached run, and gives what a full walk gives', async () => {
    const { repo, text } = history([
      ['1.1.1', '推进中'],
      ['1.1.2', '已完成'],
    ]);
    const first = await statusHistory(repo.dir);
    expect(first.changes.map((c) => `${c.id} ${c.from}→${c.to}`)).toEqual([
      '1.1.2 未启动→已完成',
      '1.1.1 未启动→推进中',
    ]);
    expect(first.changes).toEqual(await uncached(repo.dir));
    // Mark the cached title: a resumed walk keeps what the cache holds for old commits.
    const cacheFile = path.join(repo.dir, CACHE);
    writeFileSync(
      cacheFile,
      replaceOrThrow(readFileSync(cacheFile, 'utf8'), '"title":"优化企业开办线上服务"', '"title":"（缓存）"'),
    );
    repo.commit('合并第 3 次', { [AREA]: setStatus(text, '1.2.1', '推进中') }, { date: '2020-07-09T10:00:00+08:00' });
    const resumed = await statusHistory(repo.dir);
    expect(resumed.changes.map((c) => `${c.id} ${c.title}`)).toEqual([
      '1.2.1 深化减证便民行动',
      '1.1.2 优化企业开办线下服务',
      '1.1.1 （缓存）',
    ]);
    // Without the cache, or once history is rewritten, everything is walked again.
    expect((await statusHistory(repo.dir, { LEDGER_CACHE: 'off' })).changes).toEqual(await uncached(repo.dir));
    repo.git('commit', '-q', '--amend', '-m', '合并第 3 次（改）');
    const rewritten = await statusHistory(repo.dir);
    expect(rewritten.changes).toEqual(await uncached(repo.dir));
    expect(rewritten.changes.map((c) => c.title)).not.toContain('（缓存）');
  });

  it('ignores a cache it cannot read', async () => {
    const { repo } = history([['1.1.1', '推进中']]);
    mkdirSync(path.dirname(path.join(repo.dir, CACHE)));
    writeFileSync(path.join(repo.dir, CACHE), '{"key":');
    expect((await statusHistory(repo.dir)).changes).toEqual(await uncached(repo.dir));
    expect(JSON.parse(readFileSync(path.join(repo.dir, CACHE), 'utf8')).data.commits).toHaveLength(2);
  });
});
