import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { summary } from '../../src/commands/summary/run.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

const at = (day: string) => ({ date: `${day}T17:00:00+08:00` });

function report(unit: string, month: string, status: string, extra = ''): string {
  const line = extra ? `\n    ${extra}` : '';
  return `unit: ${unit}\nmonth: ${month}\nentries:\n  - id: 1.1.2\n    status: ${status}\n    progress: 办理中${line}\n`;
}

async function mergeAndCommit(repo: ReturnType<typeof tempGitRepo>, month: string, day: string) {
  const merged = await merge({ root: repo.dir, paths: [`reports/${month}`], asOf: day });
  expect(merged.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  repo.commit(`合并 ${month} 报送`, {}, at(day));
}

const monthly = async (root: string, month: string) =>
  (await summary({ root, month, format: 'json', out: '-' })).summary!;

// Issue 26, item 3: a part completed after last month's 通报 and reported the next month is listed
// in exactly one month's 本月完成, and 新完成 − 退回 is the rise in 已完成.
describe('本月完成 is what became 已完成 since last month’s 通报', () => {
  it('lists 1.1.2 in August although its last part was completed on 27 July, and a reversal in September', async () => {
    const repo = tempGitRepo();
    repo.commit(
      '台账',
      { 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA },
      at('2020-07-01'),
    );
    repo.commit(
      '7月报送',
      { 'reports/2020-07/市审批局.yaml': report('市审批局', '2020-07', '已完成', 'completed_on: 2020-07-10') },
      at('2020-07-18'),
    );
    await mergeAndCommit(repo, '2020-07', '2020-07-24');
    repo.commit(
      '8月报送',
      { 'reports/2020-08/市公安局.yaml': report('市公安局', '2020-08', '已完成', 'completed_on: 2020-07-27') },
      at('2020-08-18'),
    );
    await mergeAndCommit(repo, '2020-08', '2020-08-24');
    repo.commit(
      '9月报送',
      { 'reports/2020-09/市公安局.yaml': report('市公安局', '2020-09', '推进中') },
      at('2020-09-18'),
    );
    await mergeAndCommit(repo, '2020-09', '2020-09-24');

    const july = await monthly(repo.dir, '2020-07');
    const august = await monthly(repo.dir, '2020-08');
    const september = await monthly(repo.dir, '2020-09');
    expect(july.completed.map((i) => i.id)).toEqual([]);
    expect(august.completed.map((i) => [i.id, i.completedOn])).toEqual([['1.1.2', '2020-07-27']]);
    expect(august.change?.headline.done).toBe(1);
    expect(september.completed).toEqual([]);
    expect(september.reopened.map((i) => i.id)).toEqual(['1.1.2']);
    for (const s of [august, september]) {
      expect(s.completed.length - s.reopened.length).toBe(s.change?.headline.done);
    }
    const text = (await summary({ root: repo.dir, month: '2020-08', format: 'md', out: '-' })).text ?? '';
    expect(text).toContain('2020年8月新完成1项，累计完成1项');
    const septemberText = (await summary({ root: repo.dir, month: '2020-09', format: 'md', out: '-' })).text ?? '';
    expect(septemberText).toContain('新完成0项、由已完成退回1项（1.1.2）');
  });
});
