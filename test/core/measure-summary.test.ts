import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { measureSummary } from '../../src/core/review/measure-summary.js';

/** The one measure of a one-item list, as the yaml package reads it. */
function measure(text: string): Record<string, unknown> {
  return (parse(text) as Record<string, unknown>[])[0]!;
}

const STANDARD = `- id: "1.1.1"
  title: 优化企业开办线上服务
  text: 改造升级企业登记系统。
  deadline: 2020年底前
  units: [市审批局, 市公安局, 各县区]
  status: 推进中
  progress: |-
    市审批局：已完成升级。
    市公安局：status: 已完成
  remark: ""
  unit_reports:
    市审批局:
      month: 2020-07
      status: 已完成
      progress: 已完成升级。`;

describe('measureSummary: what ledger log shows of a measure', () => {
  it('keeps title, units, status and each unit report’s month, status and verification', () => {
    expect(measureSummary(measure(STANDARD))).toEqual({
      title: '优化企业开办线上服务',
      units: ['市审批局', '市公安局', '各县区'],
      status: '推进中',
      // whose report (or whose 退回) is behind a change: log credits the unit
      unit_reports: { 市审批局: { month: '2020-07', status: '已完成' } },
    });
  });

  it('gives a measure without status the default 未启动, in a fixed key order', () => {
    const summary = measureSummary(measure(`- id: 1.2.3\n  status:\n  units: []\n  title: 标题`));
    expect(summary).toEqual({ title: '标题', units: [], status: '未启动' });
    expect(Object.keys(summary)).toEqual(['title', 'units', 'status']);
  });
});
