import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { salvageArea } from '../../src/core/salvage-area.js';
import { SMALL_AREA } from '../helpers/ledger-fixture.js';

describe('salvageArea', () => {
  it('drops only the measure with the bad value', () => {
    const area = salvageArea(parse(SMALL_AREA.replace('status: 未启动', 'status: 完成了')))!;
    expect(area.tasks.flatMap((t) => t.measures.map((m) => m.id))).toEqual(['1.1.2', '1.2.1', '1.2.2', '1.2.3']);
  });

  it('drops a task whose own fields are bad, with its measures', () => {
    const area = salvageArea(parse(SMALL_AREA.replace('id: "1.2"', 'id: 一点二')))!;
    expect(area.tasks.map((t) => t.id)).toEqual(['1.1']);
  });

  it('gives nothing when the area itself is unusable', () => {
    expect(salvageArea(parse(SMALL_AREA.replace('area: 1', 'area: 一')))).toBeUndefined();
    expect(salvageArea('just text')).toBeUndefined();
  });
});
