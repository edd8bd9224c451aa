import { describe, expect, it } from 'vitest';
import { statusLog } from '../../src/core/review/status-log.js';
import { walkMeasureChanges } from '../../src/io/measure-versions.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

/** The area with measure `id`'s status line replaced (and, with `tail`, lines added after it). */
function withStatus(text: string, id: string, status: string, tail = ''): string {
  const at = text.indexOf(`id: "${id}"`);
  const line = text.indexOf('status: ', at);
  const end = text.indexOf('\n', line);
  return `${text.slice(0, line)}status: ${status}${tail}${text.slice(end)}`;
}

describe('ledger log reads only what it shows of each measure (walkMeasureChanges summary)', () => {
  it('gives the status log a full parse gives, through standard and odd layouts', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA });
    repo.commit('导入台账', {}, { date: '2020-07-01T10:00:00+08:00' });
    let text = SMALL_AREA;
    const steps: [string, string, string][] = [
      ['1.1.1', '推进中', ''],
      [
        '1.1.2',
        '已完成',
        '\n        unit_reports:\n          市审批局:\n            month: 2020-07\n            status: 推进中',
      ],
      ['1.2.1', '"推进中" # 引号和注释', ''],
      ['1.1.1', '已完成', ''],
      ['1.2.2', '>-\n          推进中', ''],
      ['1.1.2', '推进中', ''],
    ];
    steps.forEach(([id, status, tail], i) => {
      text = withStatus(text, id, status, tail);
      repo.commit(
        `合并第 ${i + 1} 次`,
        { [AREA]: text },
        { date: `2020-07-${String(i + 2).padStart(2, '0')}T10:00:00+08:00` },
      );
    });
    const full = statusLog((await walkMeasureChanges(repo.dir)).events, '+08:00');
    const quick = statusLog((await walkMeasureChanges(repo.dir, { summary: true })).events, '+08:00');
    expect(full.map((c) => `${c.id} ${c.from} → ${c.to}`)).toEqual([
      '1.1.2 已完成 → 推进中',
      '1.2.2 未启动 → 推进中',
      '1.1.1 推进中 → 已完成',
      '1.2.1 未启动 → 推进中',
      '1.1.2 未启动 → 已完成',
      '1.1.1 未启动 → 推进中',
    ]);
    expect(quick).toEqual(full);
  });
});
