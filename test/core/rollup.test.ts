import { describe, expect, it } from 'vitest';
import {
  countItems,
  evaluateLedger,
  obligatedUnits,
  rollupByArea,
  rollupByLead,
  rollupByUnit,
  rollupForLead,
  trafficLight,
  unitObligations,
} from '../../src/core/rules/rollup.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { SMALL_AREA } from '../helpers/ledger-fixture.js';

const TAX_AREA = `area: 2
title: 优化纳税服务
lead: [市税务局, 市发改委]
tasks:
  - id: "2.1"
    title: 压减纳税时间
    text: 压减纳税时间。
    lead: 市税务局
    measures:
      - id: "2.1.1"
        title: 推行电子税务局
        text: 推行电子税务局。
        deadline: 2020年9月底前
        units: [市税务局]
        status: 已完成
  - id: "2.2"
    title: 信用修复
    text: 信用修复。
    lead: 市发改委
    measures:
      - id: "2.2.1"
        title: 信用修复机制
        text: 建立信用修复机制。
        deadline: 2020年11月底前
        units: [市发改委, 平罗县]
        status: 推进中
`;

const ledger = memoryLedger([SMALL_AREA, TAX_AREA]);

describe('rollupByArea', () => {
  it('counts statuses, overdue, due soon and 长期/适时 per area with a total', () => {
    const { rows, total } = rollupByArea(ledger, '2020-07-15');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      area: 1,
      measures: 5,
      done: 0,
      notStarted: 5,
      overdue: 2,
      dueSoon: 0,
      ongoing: 2,
      completionPercent: 0,
      light: '红',
    });
    expect(rows[1]).toMatchObject({
      area: 2,
      measures: 2,
      done: 1,
      inProgress: 1,
      overdue: 0,
      dueSoon: 0,
      completionPercent: 50,
      light: '绿',
    });
    expect(total).toMatchObject({
      measures: 7,
      done: 1,
      inProgress: 1,
      notStarted: 5,
      overdue: 2,
      ongoing: 2,
      completionPercent: 14,
      light: '红',
    });
  });

  it('turns yellow when something is due soon and nothing overdue', () => {
    const { rows } = rollupByArea(ledger, '2020-11-10');
    expect(rows[1]).toMatchObject({ dueSoon: 1, overdue: 0, light: '黄' });
  });

  it('uses the due-soon override', () => {
    expect(rollupByArea(ledger, '2020-07-15', { dueSoonDays: 200 }).rows[1]!.dueSoon).toBe(1);
  });

  it('has statuses that add up to the number of measures', () => {
    const { total } = rollupByArea(ledger, '2021-01-05');
    expect(total.done + total.inProgress + total.notStarted).toBe(total.measures);
    expect(total.overdue).toBe(4);
    expect(total.escalated).toBe(3);
  });
});

describe('per-unit views', () => {
  it('makes a measure for 各县区 an obligation of each member county', () => {
    for (const county of ['大武口区', '惠农区', '平罗县']) {
      expect(unitObligations(ledger, '2020-07-15', county).map((i) => i.id)).toContain('1.1.1');
    }
    // neither is due soon: the earlier deadline (2020年11月底) comes first
    expect(unitObligations(ledger, '2020-07-15', '平罗县').map((i) => i.id)).toEqual(['2.2.1', '1.1.1']);
  });

  it('lists obligations most urgent first', () => {
    const ids = unitObligations(ledger, '2020-08-15', '市审批局').map((i) => i.id);
    expect(ids).toEqual(['1.1.2', '1.2.1', '1.1.1']);
  });

  it('gives one row per reporting unit and no row for the group itself', () => {
    const { rows } = rollupByUnit(ledger, '2020-07-15');
    const names = rows.map((r) => r.unit);
    expect(names).not.toContain('各县区');
    expect(names).toEqual(obligatedUnits(ledger));
    expect(rows.find((r) => r.unit === '市审批局')).toMatchObject({ measures: 3, overdue: 2, light: '红' });
    expect(rows.find((r) => r.unit === '平罗县')).toMatchObject({ measures: 2, overdue: 0 });
  });
});

describe('per-lead views', () => {
  it('rolls up per lead, following task leads', () => {
    const { rows } = rollupByLead(ledger, '2020-07-15');
    expect(rows.map((r) => r.lead)).toEqual(['市审批局', '市税务局', '市发改委']);
    expect(rows[0]).toMatchObject({ measures: 5, tasks: 2, areas: [1] });
    expect(rows[1]).toMatchObject({ measures: 1, done: 1, tasks: 1, areas: [2] });
  });

  it('rolls up the tasks of one lead', () => {
    const { rows, total } = rollupForLead(ledger, '2020-07-15', '市审批局');
    expect(rows.map((r) => [r.taskId, r.measures, r.overdue])).toEqual([
      ['1.1', 2, 1],
      ['1.2', 3, 1],
    ]);
    expect(total.measures).toBe(5);
  });
});

describe('traffic light', () => {
  it('is red on any overdue, yellow on due soon or missing progress, else green', () => {
    expect(trafficLight({ overdue: 1, dueSoon: 0, noProgress: 0 })).toBe('红');
    expect(trafficLight({ overdue: 0, dueSoon: 0, noProgress: 1 })).toBe('黄');
    expect(trafficLight({ overdue: 0, dueSoon: 0, noProgress: 0 })).toBe('绿');
    expect(countItems([]).light).toBe('绿');
  });

  it('evaluates every measure once', () => {
    expect(evaluateLedger(ledger, '2020-07-15').map((i) => i.id)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.2.1',
      '1.2.2',
      '1.2.3',
      '2.1.1',
      '2.2.1',
    ]);
  });
});
