import { describe, expect, it } from 'vitest';
import { evaluateMeasure } from '../../src/core/rules/evaluate.js';
import { areaLabel, chineseNumeral, measureLabel, taskLabel, unitsLabel } from '../../src/core/model/ledger-labels.js';
import { progressLabel, remarkLabel } from '../../src/core/summaries/ledger-cells.js';
import { ConfigSchema, MeasureSchema, type Area, type Task } from '../../src/core/model/schema.js';

const config = ConfigSchema.parse({});
const measure = (fields: Record<string, unknown>) =>
  MeasureSchema.parse({
    id: '3.2.4',
    title: '优化接入流程',
    text: '优化接入流程。压缩时间。',
    deadline: '2020年6月底前',
    units: ['市住建局'],
    ...fields,
  });

describe('the 台账 cell texts', () => {
  it('writes numbers as the document does', () => {
    expect([1, 9, 10, 11, 14, 20, 99, 100].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十四',
      '二十',
      '九十九',
      '100',
    ]);
  });

  it('labels areas, tasks, measures and units', () => {
    const area = {
      area: 3,
      title: '优化市政设施接入服务',
      lead: ['石嘴山供电公司', '市住建局'],
      tasks: [],
    } as unknown as Area;
    expect(areaLabel(area)).toBe('三、优化市政设施接入服务（石嘴山供电公司、市住建局分别牵头）');
    const task = {
      id: '3.2',
      title: '压缩报装时间',
      text: '压缩报装时间。实现……',
      lead: '市住建局',
      measures: [],
    } as unknown as Task;
    expect(taskLabel(task)).toBe('2.压缩报装时间。实现……（市住建局牵头）');
    // Imported texts start with their title; hand-written ones may not.
    expect(measureLabel(measure({}))).toBe('4）优化接入流程。压缩时间。（完成时限：2020年6月底前）');
    expect(measureLabel(measure({ text: '压缩时间。' }))).toBe(
      '4）优化接入流程。压缩时间。（完成时限：2020年6月底前）',
    );
    expect(unitsLabel(measure({ units: ['市住建局', '各县区'], related_units: true }))).toBe(
      '市住建局、各县区等相关部门',
    );
  });

  it('says how late a measure is on its own line and keeps the progress text below it', () => {
    const m = measure({ status: '推进中', progress: '已完成设计。' });
    expect(progressLabel(m, evaluateMeasure(m, '2020-07-25', config))).toBe('推进中（逾期 25 天）\n已完成设计。');
    expect(progressLabel(m, evaluateMeasure(m, '2020-08-15', config))).toBe('推进中（严重逾期 46 天）\n已完成设计。');
    expect(progressLabel(m, evaluateMeasure(m, '2020-06-01', config))).toBe('推进中\n已完成设计。');
  });

  it('notes approved and pending extensions in 备注, keeping the written deadline', () => {
    const extension = {
      requested_by: '市住建局',
      requested_in: '2020-06',
      reason: '设备到货延迟',
      until: '2020-09-30',
    };
    const m = measure({
      remark: '需协调供电公司',
      extensions: [
        { ...extension, state: '已批准', decided_on: '2020-06-28' },
        { ...extension, until: '2020-12-31', state: '待审批' },
      ],
    });
    const state = evaluateMeasure(m, '2020-07-25', config);
    expect(state.overdue).toBe(false);
    expect(remarkLabel(m, state)).toBe(
      '需协调供电公司\n市住建局已批准延期至 2020-09-30\n市住建局申请延期至 2020-12-31（待审批）',
    );
    expect(measureLabel(m)).toContain('（完成时限：2020年6月底前）');
  });
});
