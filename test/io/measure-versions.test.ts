import { describe, expect, it } from 'vitest';
import { walkMeasureChanges } from '../../src/io/measure-versions.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

/** SMALL_AREA with measure `id`'s status set to `status` (its first status line after the id). */
function withStatus(text: string, id: string, status: string): string {
  const at = text.indexOf(`id: "${id}"`);
  const line = text.indexOf('status: ', at);
  return `${text.slice(0, line)}status: ${status}${text.slice(text.indexOf('\n', line))}`;
}

describe('the measure walk reads every version with the yaml package alone', () => {
  it('skips, with a warning, a version the yaml package rejects, even for a measure that reads well in it', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA });
    repo.commit('导入台账', {}, { date: '2020-07-01T10:00:00+08:00' });
    // 1.1.1 refers to an anchor that 1.1.2 sets only later: yaml rejects the whole file.
    const broken = replaceOrThrow(
      withStatus(SMALL_AREA, '1.1.2', '&done 已完成'),
      '        remark: ""\n      - id: "1.1.2"',
      '        remark: *done\n      - id: "1.1.2"',
    );
    const bad = repo.commit('锚点', { [AREA]: broken }, { date: '2020-07-02T10:00:00+08:00' });
    repo.commit('修正', { [AREA]: withStatus(SMALL_AREA, '1.1.2', '已完成') }, { date: '2020-07-03T10:00:00+08:00' });
    const walk = await walkMeasureChanges(repo.dir, { id: '1.1.2' });
    expect(walk.warnings).toEqual([`提交 ${bad.slice(0, 7)} 中的 ${AREA} 不是有效的 YAML，这一版本已跳过`]);
    expect(walk.events.map((e) => `${e.commit.subject} ${e.after?.measure.status}`)).toEqual([
      '导入台账 未启动',
      '修正 已完成',
    ]);
  });
});
