import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `remind --as-of D` and `notice --as-of D` answer from the ledger as committed by the end of D, so
 * asking again months later gives what they printed that day — the record 督查 relies on.
 */
describe('remind and notice for a past day read that day’s ledger', () => {
  it('print the same in December as they printed on 22 July, and name the version', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('建立台账', {}, { date: '2020-06-01T02:00:00Z' });
    const onTheDay = { LEDGER_NOW: '2020-07-22T04:00:00Z' };
    const ask = (env: NodeJS.ProcessEnv) => ({
      remind: runCli(['remind', '--as-of', '2020-07-22'], repo.dir, env),
      notice: runCli(['notice', '--as-of', '2020-07-22', '--format', 'json'], repo.dir, env),
    });
    const then = ask(onTheDay);
    expect(then.remind.code).toBe(0);
    expect(then.remind.stdout).toContain('1.1.2');
    expect(JSON.parse(then.notice.stdout).documents.length).toBeGreaterThan(0);

    // Later: the deadline of 1.1.2 is moved and July's reports come in after the 22nd.
    const moved = replaceOrThrow(SMALL_AREA, '2020年6月底前', '2020年12月底前');
    repo.commit('调整完成时限', { [AREA_FILE]: moved }, { date: '2020-08-03T02:00:00Z' });
    const report = reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', '系统改造中'));
    repo.commit('报送', { 'reports/2020-07/市公安局.yaml': report }, { date: '2020-08-10T02:00:00Z' });

    // On the day the (clean) work tree was the ledger; months later it is the commit it held.
    const later = ask({ LEDGER_NOW: '2020-12-07T04:00:00Z' });
    expect(withoutVersion(later.remind.stdout)).toBe(withoutVersion(then.remind.stdout));
    expect(then.remind.stdout).toContain('台账版本：工作区');
    expect(later.remind.stdout).toMatch(/台账版本：2020-06-01 提交 [0-9a-f]{7}（建立台账）/);
    const [thenNotice, laterNotice] = [then.notice, later.notice].map((run) => JSON.parse(run.stdout));
    expect({ ...laterNotice, version: undefined }).toEqual({ ...thenNotice, version: undefined });
    expect(laterNotice.version.commit).toMatch(/^[0-9a-f]{40}$/);

    // Today's reminders do follow the later ledger: 1.1.2 is no longer overdue.
    const today = runCli(['remind', '--as-of', '2020-08-20'], repo.dir, { LEDGER_NOW: '2020-12-07T04:00:00Z' });
    expect(today.stdout).not.toContain('1.1.2 优化企业开办线下服务（2020年6月底前');
  });
});

function withoutVersion(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('台账版本：'))
    .join('\n');
}
