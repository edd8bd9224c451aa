import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnitsFileSchema } from '../../../src/core/model/schema.js';
import { buildUnitRegistry } from '../../../src/core/model/units.js';
import { planToAreas, type PlanOptions } from '../../../src/core/plan/plan-to-areas.js';
import { readPlanText } from '../../../src/core/plan/read-plan-text.js';
import { REPO_ROOT } from '../../helpers/ledger-fixture.js';

const DISTRICT = buildUnitRegistry(
  UnitsFileSchema.parse({
    units: [
      { name: '区审批局' },
      { name: '区市场监管局' },
      { name: '区政府办公室', aliases: ['区政府办'] },
      { name: '区司法局' },
      { name: '区税务局' },
      { name: '区住建局' },
      { name: '区自然资源局' },
    ],
  }),
);

function plan(name: string, options: Partial<PlanOptions> = {}) {
  const text = readFileSync(path.join(REPO_ROOT, 'test/fixtures/plans', name), 'utf8');
  const read = readPlanText(text, name);
  return { read, ...planToAreas(read, DISTRICT, { file: name, ...options }) };
}

function rows(areas: ReturnType<typeof plan>['areas']) {
  return areas.flatMap((a) =>
    a.tasks.flatMap((t) => t.measures.map((m) => [m.id, m.deadline, m.units, m.related_units])),
  );
}

describe('numbered plan text with a units parenthesis on each item', () => {
  it('（一）/1. under a wrapper 二、重点任务: two levels, labelled units, plan year from the title', () => {
    const result = plan('district-three-levels.txt', { newUnits: true, defaultDeadline: '2021年底前' });
    expect(result.diagnostics).toEqual([]);
    expect(result.read).toMatchObject({ format: 'numbered-text', levels: 2 });
    expect(result.read.skipped).toEqual([
      '总体要求',
      '重点任务',
      '保障措施',
      '加强组织领导。各牵头单位要制定具体方案。',
      '强化督查考核。区政府督查室定期督查。',
    ]);
    expect(result.year).toBe(2021);
    expect(result.areas.map((a) => [a.area, a.title, a.lead, a.tasks.map((t) => [t.id, t.title, t.lead])])).toEqual([
      [1, '深化商事制度改革', ['区审批局', '区市场监管局'], [['1.1', '深化商事制度改革', '区审批局']]],
      [2, '优化政务服务', ['区政府办公室', '区司法局'], [['2.1', '优化政务服务', '区政府办公室']]],
    ]);
    expect(rows(result.areas)).toEqual([
      ['1.1.1', '2021年6月底前', ['区审批局', '区市场监管局'], true],
      ['1.1.2', '2021年10月底前', ['区审批局', '区司法局', '区税务局'], undefined],
      ['2.1.1', '长期', ['区政府办公室', '区司法局'], true],
      ['2.1.2', '2021年底前', ['区政府办公室', '各镇（街道）'], undefined],
    ]);
    expect(result.newUnits).toEqual(['各镇（街道）']);
  });

  it('lists what a person must decide: a measure without deadline, an unknown unit once', () => {
    const result = plan('district-three-levels.txt');
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['import/no-deadline', 14, '具体措施 2.1.2 没有完成时限'],
      ['import/unknown-unit', 14, '单位“各镇（街道）”不在单位名录中（出现 1 次）'],
    ]);
  });

  it('一、/1. with 〔牵头单位:…,责任单位:…〕: one task per area, 年底前 in the plan year', () => {
    const result = plan('district-two-levels.txt', { defaultDeadline: '2020年底前' });
    expect(result.diagnostics).toEqual([]);
    expect(result.read.levels).toBe(2);
    expect(result.defaulted).toEqual(['1.1.2']);
    expect(rows(result.areas)).toEqual([
      ['1.1.1', '2020年8月底前', ['区住建局', '区自然资源局', '区审批局'], undefined],
      ['1.1.2', '2020年底前', ['区审批局'], true],
      ['2.1.1', '2020年底前', ['区市场监管局'], true],
    ]);
  });

  it('without a year in the title or --year, a deadline without a year is one problem to decide', () => {
    const text = '一、提升审批效率\n1.推行容缺受理，6月底完成。（牵头单位：区审批局）\n';
    const result = planToAreas(readPlanText(text, 'p.txt'), DISTRICT, { file: 'p.txt' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['import/no-year']);
    const withYear = planToAreas(readPlanText(text, 'p.txt'), DISTRICT, { file: 'p.txt', year: 2023 });
    expect(rows(withYear.areas)).toEqual([['1.1.1', '2023年6月底前', ['区审批局'], undefined]]);
  });

  it('一、/（一）/1. with “（X牵头，Y按职责分工负责）”: three levels, sub-points kept in their measure', () => {
    const result = plan('county-points.txt', { newUnits: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.read.levels).toBe(3);
    expect(result.areas.map((a) => [a.title, a.lead, a.tasks.map((t) => [t.id, t.title])])).toEqual([
      [
        '持续优化营商环境',
        ['县审批局', '县市场监管局', '县政府办公室'],
        [
          ['1.1', '深化商事制度改革'],
          ['1.2', '提升政务服务水平'],
        ],
      ],
      ['强化法治保障', ['县司法局'], [['2.1', '规范行政执法']]],
    ]);
    expect(rows(result.areas)).toEqual([
      ['1.1.1', '2022年6月底前', ['县审批局'], true],
      ['1.1.2', '长期', ['县市场监管局', '县税务局'], undefined],
      ['1.2.1', '2022年9月底前', ['县政府办公室', '各乡镇'], undefined],
      ['2.1.1', '长期', ['县司法局'], true],
    ]);
    expect(result.areas[0]!.tasks[0]!.measures[1]!.text).toBe(
      '推行企业简易注销。持续推进。（1）公告时间压缩至20天。（2）推行“一网通办”。',
    );
  });

  it('units written on the task heading go to its measures; 1） marks measures', () => {
    const text = [
      '某区2021年营商环境提升行动方案',
      '一、提升审批效率',
      '（一）压缩审批时间（牵头单位：区审批局；责任单位：区住建局）',
      '1）推行并联审批，6月底完成。',
      '2）推行容缺受理，9月底完成。',
      '（二）规范中介服务（区司法局负责）',
      '1）清理中介事项，年底前完成。',
    ].join('\n');
    const result = planToAreas(readPlanText(text, 'p.txt'), DISTRICT, { file: 'p.txt' });
    expect(result.diagnostics).toEqual([]);
    expect(result.areas.map((a) => [a.title, a.lead, a.tasks.map((t) => [t.title, t.lead])])).toEqual([
      [
        '提升审批效率',
        ['区审批局'],
        [
          ['压缩审批时间', undefined],
          ['规范中介服务', undefined],
        ],
      ],
    ]);
    expect(rows(result.areas)).toEqual([
      ['1.1.1', '2021年6月底前', ['区审批局', '区住建局'], undefined],
      ['1.1.2', '2021年9月底前', ['区审批局', '区住建局'], undefined],
      ['1.2.1', '2021年底前', ['区司法局'], undefined],
    ]);
  });
});
