import { describe, expect, it } from 'vitest';
import { mergedProgress, planMerge } from '../../src/core/reports/merge-plan.js';
import { entry, loadedLedger, report, reportYaml } from '../helpers/report-fixture.js';

const MEASURE_111 = ['tasks', 0, 'measures', 0];

describe('planMerge', () => {
  it('records the unit report and derives the status from the parts: one part done of five is 推进中', () => {
    const { ledger } = loadedLedger();
    const plan = planMerge(ledger, [report(reportYaml('市公安局', '2020-07', entry('1.1.1', '已完成', '已上线')))]);
    expect(plan.diagnostics).toEqual([]);
    const changes = plan.files[0]!.changes;
    expect(
      changes.find((c) => c.path.join('/') === [...MEASURE_111, 'unit_reports', '市公安局'].join('/'))?.after,
    ).toEqual({ month: '2020-07', status: '已完成', progress: '已上线' });
    // 市审批局 and the members of 各县区 have not reported, but one part is done: the measure has started.
    expect(changes.find((c) => c.path[c.path.length - 1] === 'status')).toMatchObject({
      before: '未启动',
      after: '推进中',
    });
    expect(changes.find((c) => c.path[c.path.length - 1] === 'progress')?.after).toBe('市公安局：已上线');
  });

  it('moves the measure to 推进中 once every reporting unit (group members too) has started', () => {
    const units = ['市审批局', '市公安局', '大武口区', '惠农区', '平罗县'];
    const { ledger } = loadedLedger();
    const reports = units.map((unit, i) =>
      report(reportYaml(unit, '2020-07', entry('1.1.1', i === 0 ? '推进中' : '已完成', `${unit}进展`))),
    );
    const plan = planMerge(ledger, reports);
    const status = plan.files[0]!.changes.find((c) => c.path.join('/') === [...MEASURE_111, 'status'].join('/'));
    expect(status).toMatchObject({ before: '未启动', after: '推进中' });
    expect(plan.measures[0]).toMatchObject({ id: '1.1.1', units });
  });

  it('is idempotent: a ledger that holds the merged reports gets an empty plan', () => {
    const merged = `        unit_reports:\n          市司法局:\n            month: 2020-07\n            status: 推进中\n            progress: 已梳理清单\n`;
    const area = SMALL_AREA_WITH(merged).replace(
      'related_units: true\n        status: 未启动\n        progress: ""',
      'related_units: true\n        status: 推进中\n        progress: 市司法局：已梳理清单',
    );
    const { ledger } = loadedLedger({}, area);
    const plan = planMerge(ledger, [report(reportYaml('市司法局', '2020-07', entry('1.2.1', '推进中', '已梳理清单')))]);
    expect(plan).toEqual({ files: [], measures: [], diagnostics: [] });
  });

  it('refuses a report older than the one merged for that unit (report/stale) but not a same-month correction', () => {
    const merged = `        unit_reports:\n          市司法局:\n            month: 2020-07\n            status: 推进中\n            progress: 已梳理清单\n`;
    const { ledger } = loadedLedger({}, SMALL_AREA_WITH(merged));
    const stale = planMerge(ledger, [
      report(reportYaml('市司法局', '2020-06', entry('1.2.1', '推进中', '旧')), 'reports/2020-06/市司法局.yaml'),
    ]);
    expect(stale.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['report/stale', 'reports/2020-06/市司法局.yaml', 2],
    ]);
    const correction = planMerge(ledger, [report(reportYaml('市司法局', '2020-07', entry('1.2.1', '推进中', '更正')))]);
    expect(correction.diagnostics).toEqual([]);
    expect(correction.measures).toHaveLength(1);
  });

  it('takes the latest month when several months of one unit are merged together', () => {
    const { ledger } = loadedLedger();
    const plan = planMerge(ledger, [
      report(reportYaml('市司法局', '2020-07', entry('1.2.1', '推进中', '七月'))),
      report(reportYaml('市司法局', '2020-06', entry('1.2.1', '未启动', '六月'))),
    ]);
    expect(plan.diagnostics).toEqual([]);
    const change = plan.files[0]!.changes.find((c) => String(c.path[c.path.length - 1]) === '市司法局');
    expect(change?.after).toMatchObject({ month: '2020-07', progress: '七月' });
  });

  it('counts milestones met for a two-milestone measure and records an extension request as 待审批', () => {
    const { ledger } = loadedLedger();
    const plan = planMerge(ledger, [
      report(
        reportYaml(
          '市司法局',
          '2020-07',
          entry(
            '1.2.1',
            '推进中',
            '一',
            'milestones_met: 1',
            'extension: { until: 2020-09-30, reason: 清单待省级确认 }',
          ),
        ),
      ),
      report(reportYaml('市审批局', '2020-07', entry('1.2.1', '已完成', '二'))),
    ]);
    const byField = (field: string) => plan.files[0]!.changes.find((c) => c.path[c.path.length - 1] === field)?.after;
    expect(byField('milestones_met')).toBe(1);
    expect(byField('status')).toBe('推进中');
    expect(byField('extensions')).toEqual([
      {
        requested_by: '市司法局',
        requested_in: '2020-07',
        until: '2020-09-30',
        reason: '清单待省级确认',
        state: '待审批',
      },
    ]);
  });
});

describe('mergedProgress', () => {
  it('writes one paragraph per unit in 责任部门 order and marks older months', () => {
    const text = mergedProgress(['市审批局', '市公安局', '市司法局'], {
      市公安局: { month: '2020-07', status: '推进中', progress: '第一行\n第二行' },
      市审批局: { month: '2020-06', status: '推进中', progress: '六月进展' },
      市司法局: { month: '2020-07', status: '未启动', progress: '' },
    });
    expect(text).toBe('市审批局（2020-06）：六月进展\n市公安局：第一行\n　　第二行');
  });
});

import { SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';
/** SMALL_AREA with `lines` added to measure 1.2.1 (after its remark). */
function SMALL_AREA_WITH(lines: string): string {
  const anchor = '        related_units: true\n        status: 未启动\n        progress: ""\n        remark: ""\n';
  return replaceOrThrow(SMALL_AREA, anchor, anchor + lines);
}
