import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { salvageArea } from '../../src/core/reports/salvage-area.js';
import { SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

describe('salvageArea', () => {
  it('drops only the measure with the bad value', () => {
    const { data: area, origin } = salvageArea(parse(replaceOrThrow(SMALL_AREA, 'status: 未启动', 'status: 完成了')))!;
    expect(area.tasks.flatMap((t) => t.measures.map((m) => m.id))).toEqual(['1.1.2', '1.2.1', '1.2.2', '1.2.3']);
    // 1.1.2 stays measure 1 of task 0 in the file, though it is now the first kept one.
    expect(origin).toEqual([
      { index: 0, measures: [1] },
      { index: 1, measures: [0, 1, 2] },
    ]);
  });

  it('drops a task whose own fields are bad, with its measures', () => {
    const { data: area, origin } = salvageArea(parse(replaceOrThrow(SMALL_AREA, 'id: "1.2"', 'id: 一点二')))!;
    expect(area.tasks.map((t) => t.id)).toEqual(['1.1']);
    expect(origin).toEqual([{ index: 0, measures: [0, 1] }]);
  });

  it('gives nothing when the area itself is unusable', () => {
    expect(salvageArea(parse(replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 一')))).toBeUndefined();
    expect(salvageArea('just text')).toBeUndefined();
  });
});
