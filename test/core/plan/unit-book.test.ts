import { describe, expect, it } from 'vitest';
import { UnitsFileSchema } from '../../../src/core/model/schema.js';
import { buildUnitRegistry } from '../../../src/core/model/units.js';
import { planToAreas } from '../../../src/core/plan/plan-to-areas.js';
import { readPlanText } from '../../../src/core/plan/read-plan-text.js';
import { segmentUnits } from '../../../src/core/plan/unit-segmenter.js';

const CITY = buildUnitRegistry(UnitsFileSchema.parse({ units: [{ name: '市审批局' }, { name: '市发改委' }] }));
const DISTRICT = buildUnitRegistry(UnitsFileSchema.parse({ units: [{ name: '区司法局' }, { name: '县审批局' }] }));

describe('unit names', () => {
  it('a name the document writes without its 市, 区 or 县 is the registered one', () => {
    expect(segmentUnits(DISTRICT, '司法局、审批局')).toMatchObject({ units: ['区司法局', '县审批局'], unknown: [] });
    expect(segmentUnits(CITY, '审批局')).toMatchObject({ units: ['市审批局'], unknown: [] });
  });

  it('a known name glued to an unknown one splits only when the rest reads as a name', () => {
    expect(segmentUnits(CITY, '发改委财政局')).toMatchObject({ units: ['市发改委'], unknown: ['财政局'] });
    expect(segmentUnits(CITY, '区审批局')).toMatchObject({ units: [], unknown: ['区审批局'] });
  });

  it('“有关部门”-like phrases are not units but mark related units', () => {
    expect(segmentUnits(CITY, '市审批局、市级各有关部门')).toEqual({ units: ['市审批局'], related: true, unknown: [] });
    expect(segmentUnits(CITY, '县级各执法部门')).toEqual({ units: [], related: true, unknown: [] });
  });

  it('--new-units: each new unit once; bare names take their cell’s 市; glued pairs split on the new names', () => {
    const text = [
      '某市2021年工作方案',
      '一、优化审批（市审批局、市人社局分别牵头）',
      '（一）压缩时间',
      '1.推行网办，年底前完成。（牵头单位：市审批局；责任单位：人社局、市住建局）',
      '（二）提升服务',
      '1.推行帮办，长期坚持。（牵头单位：市人社局；责任单位：石嘴山供电公司市住建局）',
    ].join('\n');
    const without = planToAreas(readPlanText(text, 'p.txt'), CITY, { file: 'p.txt' });
    expect(without.diagnostics.map((d) => d.message)).toEqual([
      '单位“人社局”不在单位名录中（出现 1 次）',
      '单位“市住建局”不在单位名录中（出现 1 次）',
      '单位“市人社局”不在单位名录中（出现 2 次）',
      '单位“石嘴山供电公司市住建局”不在单位名录中（出现 1 次）',
    ]);
    const result = planToAreas(readPlanText(text, 'p.txt'), CITY, { file: 'p.txt', newUnits: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.newUnits).toEqual(['市住建局', '市人社局', '石嘴山供电公司']);
    const area = result.areas[0]!;
    expect([area.lead, area.tasks.map((t) => t.lead)]).toEqual([
      ['市审批局', '市人社局'],
      ['市审批局', '市人社局'],
    ]);
    expect(area.tasks.map((t) => t.measures[0]!.units)).toEqual([
      ['市审批局', '市人社局', '市住建局'],
      ['市人社局', '石嘴山供电公司', '市住建局'],
    ]);
  });
});
