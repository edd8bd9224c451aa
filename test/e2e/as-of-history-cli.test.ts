import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';
import { prefetchCli } from '../helpers/run-cli-batch.js';

const VERSION_LINE = /^台账版本：.*$/m;

/** JSON output without the version it names (the one thing that differs between then and now). */
function figures(stdout: string): unknown {
  const { version, ...rest } = JSON.parse(stdout) as { version?: unknown };
  expect(version).toBeDefined();
  return rest;
}

const QUERIES: string[][] = [
  ['status', '--as-of', '2020-07-31', '--format', 'json'],
  ['status', '--as-of', '2020-07-31', '--worktree', '--format', 'json'],
  ['status', '--as-of', '2020-08-25'],
  ['overdue', '--as-of', '2020-08-25', '--format', 'json'],
  ['show', '1.2.1', '--as-of', '2020-08-25'],
  ['status', '--as-of', '2099-01-01'],
  ['status', '--rev', 'HEAD~1', '--format', 'json'],
  ['missing', '--month', '2020-07', '--as-of', '2020-07-20', '--format', 'json'],
  ['missing', '--month', '2020-07', '--format', 'json'],
];

describe('--as-of reads the ledger as committed at the end of the day', () => {
  let history: HistoryRepo;
  beforeAll(async () => {
    const shared = await sharedHistoryRepo();
    // The questions the tests only read answers to, put to one batch process (prefetchCli).
    const queries = [
      ...shared.moments.filter((m) => m.args[0] === 'status').map((m) => [...m.args, '--as-of', m.day]),
      ...shared.moments
        .filter((m) => m.args[0] === 'summary')
        .map((m) => ['summary', '--month', m.day.slice(0, 7), '--format', 'md', '--out', '-']),
      ...QUERIES,
    ];
    history = { ...shared, cli: await prefetchCli(shared.repo.dir, queries) };
  }, 120_000);
  afterAll(() => history.remove());

  it('status --as-of each month end, from the December checkout, equals what status said at that month end', () => {
    const ends = history.moments.filter((m) => m.args[0] === 'status');
    expect(ends.length).toBe(8);
    for (const moment of ends) {
      const now = history.cli(...moment.args, '--as-of', moment.day);
      expect(now.code).toBe(0);
      expect(figures(now.stdout)).toEqual(figures(moment.stdout));
    }
    // And the history matters: July's figures differ from December's.
    const july = figures(history.cli('status', '--as-of', '2020-07-31', '--format', 'json').stdout);
    const today = figures(history.cli('status', '--as-of', '2020-07-31', '--worktree', '--format', 'json').stdout);
    expect(july).not.toEqual(today);
  });

  it('summary --month of an old month is the summary generated in that month, apart from the version line', () => {
    const summaries = history.moments.filter((m) => m.args[0] === 'summary');
    expect(summaries.map((m) => m.day)).toEqual(['2020-07-25', '2020-08-25', '2020-09-25', '2020-10-25']);
    for (const moment of summaries) {
      const now = history.cli('summary', '--month', moment.day.slice(0, 7), '--format', 'md', '--out', '-');
      expect(now.code).toBe(0);
      expect(now.stdout.replace(VERSION_LINE, '')).toBe(moment.stdout.replace(VERSION_LINE, ''));
      expect(now.stdout).toMatch(/台账版本：2020-\d\d-2\d 提交 [0-9a-f]{7}（合并 2020-\d\d 报送）/);
    }
  });

  it('names the version in text and JSON: the commit of the day, or the work tree', () => {
    const text = history.cli('status', '--as-of', '2020-08-25').stdout;
    expect(text).toMatch(/台账版本：2020-08-24 提交 [0-9a-f]{7}（合并 2020-08 报送）/);
    const json = JSON.parse(history.cli('overdue', '--as-of', '2020-08-25', '--format', 'json').stdout) as {
      version: { source: string; date: string; subject: string };
    };
    expect(json.version).toMatchObject({ source: 'commit', date: '2020-08-24', subject: '合并 2020-08 报送' });
    expect(history.cli('show', '1.2.1', '--as-of', '2020-08-25').stdout).toContain('台账版本：2020-08-24 提交');
    expect(history.cli('status', '--as-of', '2099-01-01').stdout).toContain('台账版本：工作区（含未提交的修改）');
    const rev = history.cli('status', '--rev', 'HEAD~1', '--format', 'json');
    expect((JSON.parse(rev.stdout) as { version: { subject: string } }).version.subject).toBe('合并 2020-10 报送');
  });

  it('missing --as-of counts only the reports committed by then, in the ledger of then', () => {
    const before = JSON.parse(
      history.cli('missing', '--month', '2020-07', '--as-of', '2020-07-20', '--format', 'json').stdout,
    ) as { received: number; late: number; version: { date: string } };
    expect(before).toMatchObject({ received: 2, late: 0, version: { date: '2020-07-18' } });
    const after = JSON.parse(history.cli('missing', '--month', '2020-07', '--format', 'json').stdout) as {
      received: number;
      late: number;
    };
    expect(after).toMatchObject({ received: 3, late: 1 });
  });
});
