import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';
import { displayWidth } from '../../src/render/text-width.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { AREA_FILE } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

interface Row {
  key: string;
  measures: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  escalated: number;
  newlyDone: number;
  reportsDue: number;
  reportsOnTime: number;
  reportRate: number | null;
}
interface Trend {
  from: string;
  to: string;
  months: { month: string; day: string; version: { label: string }; problems: number; rows: Row[] }[];
}

const FIGURES = ['measures', 'done', 'inProgress', 'notStarted', 'overdue', 'escalated'] as const;

describe('ledger trend', () => {
  let history: HistoryRepo;
  beforeAll(async () => {
    history = await sharedHistoryRepo();
  }, 120_000);
  afterAll(() => history.remove());

  it('gives each month the figures status gave at that month end, from one late checkout', () => {
    const run = history.cli('trend', '--as-of', '2020-10-31', '--format', 'json');
    expect(run.code).toBe(0);
    const trend = JSON.parse(run.stdout) as Trend;
    expect(trend.months.map((m) => m.month)).toEqual(['2020-07', '2020-08', '2020-09', '2020-10']);
    const ends = history.moments.filter((m) => m.args.join(' ') === 'status --format json');
    expect(ends.map((m) => m.day)).toEqual(trend.months.map((m) => m.day));
    for (const [i, moment] of ends.entries()) {
      const then = (JSON.parse(moment.stdout) as { total: Record<string, number> }).total;
      const row = trend.months[i]!.rows[0]!;
      for (const key of FIGURES) expect(row[key], `${moment.day} ${key}`).toBe(then[key]);
    }
    // 1.1.2 was completed in July, 1.2.1 in October; July's late 大武口区 is not on time.
    expect(trend.months.map((m) => m.rows[0]!.newlyDone)).toEqual([1, 0, 0, 1]);
    const july = trend.months[0]!.rows[0]!;
    expect(july.reportsOnTime).toBe(2);
    expect(july.reportRate).toBe(Math.round((2 * 100) / july.reportsDue));
  });

  it('per unit, the rows equal status --by unit at each month end', () => {
    const trend = JSON.parse(
      history.cli('trend', '--as-of', '2020-10-31', '--by', 'unit', '--format', 'json').stdout,
    ) as Trend;
    const ends = history.moments.filter((m) => m.args.join(' ') === 'status --by unit --format json');
    for (const [i, moment] of ends.entries()) {
      const then = (JSON.parse(moment.stdout) as { rows: (Record<string, number> & { unit: string })[] }).rows;
      for (const row of trend.months[i]!.rows) {
        const unit = then.find((r) => r.unit === row.key)!;
        for (const key of FIGURES) expect(row[key], `${moment.day} ${row.key} ${key}`).toBe(unit[key]);
      }
    }
  });

  it('prints a table with a bar per month that fits 80 columns, and per area sparklines', () => {
    const text = history.cli('trend', '--as-of', '2020-10-31').stdout;
    expect(text).toContain('月度走势 2020-07 至 2020-10');
    expect(text).toMatch(/│ 2020-10 │.*│ [█·]{6} │/);
    expect(Math.max(...text.trimEnd().split('\n').map(displayWidth))).toBeLessThanOrEqual(80);
    const byArea = history.cli('trend', '--as-of', '2020-10-31', '--by', 'area').stdout;
    expect(byArea).toMatch(/1\. 持续深化商事制度改革.*[▁▂▃▄▅▆▇█]{4}/);
    const md = history.cli('trend', '--as-of', '2020-10-31', '--format', 'md').stdout;
    expect(md).toContain('| 月份 | 已完成 | 推进中 | 未启动 | 逾期 | 严重逾期 | 新完成 | 报送率 |');
    expect(md).toMatch(/- 2020-08（2020-08-31）：台账版本：2020-08-26 提交 [0-9a-f]{7}（批准 1\.2\.1 延期）/);
  });

  it('filters by unit and refuses a --from before the first commit', () => {
    const police = JSON.parse(
      history.cli('trend', '--as-of', '2020-10-31', '--unit', '公安局', '--format', 'json').stdout,
    ) as Trend & { filter: { unit: string } };
    expect(police.filter.unit).toBe('市公安局');
    expect(police.months[0]!.rows[0]!.measures).toBe(2);
    const early = history.cli('trend', '--from', '2020-05', '--to', '2020-08');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('台账还没有提交到仓库');
  });

  it('says which month read a version with errors, and leaves the broken measure out of that month only', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('建立台账', {}, { date: '2020-07-01T10:00:00+08:00' });
    const broken = replaceOrThrow(SMALL_AREA, /(id: "1\.1\.1"[\s\S]*?status: )\S+/, '$1办结了');
    const bad = repo.commit('改坏', { [AREA_FILE]: broken }, { date: '2020-08-02T10:00:00+08:00' });
    const args = ['trend', '--from', '2020-07', '--to', '2020-08', '--as-of', '2020-08-31'];
    const json = JSON.parse(runCli([...args, '--format', 'json'], repo.dir).stdout) as Trend;
    expect(json.months.map((m) => m.problems)).toEqual([0, 1]);
    const [july, august] = json.months.map((m) => m.rows[0]!.measures);
    expect(august).toBe(july! - 1);
    const text = runCli(args, repo.dir);
    expect(text.code).toBe(0);
    // Wrapped to 80 columns like the rest of the text.
    expect(text.stdout.replace(/\n/g, '')).toMatch(
      new RegExp(`注意：2020-08 的台账版本中有 1 处错误，出错的措施未计入该月数字；用 git show\\s*${bad.slice(0, 7)}`),
    );
    expect(text.stdout).not.toContain('2020-07 的台账版本');
    expect(runCli([...args, '--format', 'md'], repo.dir).stdout).toContain('注意：2020-08 的台账版本中有 1 处错误');
  });
});
