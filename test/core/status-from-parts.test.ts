import { describe, expect, it } from 'vitest';
import { measureRefs } from '../../src/core/model/ledger.js';
import { planMerge } from '../../src/core/reports/merge-plan.js';
import type { ReportSource } from '../../src/core/reports/report-checks.js';
import { statusFromParts } from '../../src/core/rules/status.js';
import { memoryLedger } from '../helpers/memory-ledger.js';

function report(unit: string, status: string): ReportSource {
  const data = { unit, month: '2020-07', entries: [{ id: '1.1.1', status, progress: '' }] };
  return { file: `reports/2020-07/${unit}.yaml`, data, locate: () => ({ file: '', line: 1, col: 1 }) } as never;
}

const statusAfter = (reports: ReportSource[]) =>
  planMerge(memoryLedger(), reports)
    .measures.find((m) => m.id === '1.1.1')
    ?.fields.find((f) => f.field === 'status')?.after ?? '未启动';

// Issue 26, item 1: 1.1.1 with 4 of its 5 parts 已完成 was stored 未启动 (least advanced part, an
// unreported unit counting as 未启动).
describe('a measure’s status from its parts', () => {
  it('is 已完成 when every part is done, 未启动 when none has started, else 推进中', () => {
    expect(statusFromParts([])).toBe('未启动');
    expect(statusFromParts(['未启动', '未启动'])).toBe('未启动');
    expect(statusFromParts(['已完成', '已完成'])).toBe('已完成');
    expect(statusFromParts(['已完成', '未启动'])).toBe('推进中');
    expect(statusFromParts(['推进中', '已完成'])).toBe('推进中');
  });

  it('merges 4 of 5 parts 已完成 as 推进中, and all 5 as 已完成', () => {
    expect(measureRefs(memoryLedger()).find((r) => r.measure.id === '1.1.1')?.measure.units).toEqual([
      '市审批局',
      '市公安局',
      '各县区',
    ]);
    const four = ['市审批局', '市公安局', '大武口区', '惠农区'].map((u) => report(u, '已完成'));
    expect(statusAfter(four)).toBe('推进中');
    expect(statusAfter([...four, report('平罗县', '已完成')])).toBe('已完成');
    expect(statusAfter([report('平罗县', '未启动')])).toBe('未启动');
  });
});
