import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/core/model/calendar.js';
import { dueReportMonth, evaluateMeasure } from '../../src/core/rules/evaluate.js';
import { ConfigSchema, MeasureSchema, type Measure } from '../../src/core/model/schema.js';

const CONFIG = ConfigSchema.parse({});

function measure(fields: Partial<Measure> & { deadline: string }): Measure {
  return MeasureSchema.parse({ id: '1.1.1', title: '措施', text: '内容。', units: ['市审批局'], ...fields });
}

const on = (deadline: string, asOf: string, fields: Partial<Measure> = {}) =>
  evaluateMeasure(measure({ deadline, ...fields }), asOf, CONFIG);

describe('evaluateMeasure: month ends and year ends', () => {
  it('counts 6月底 as due through 30 June, overdue from 1 July', () => {
    expect(on('2020年6月底前', '2020-06-30')).toMatchObject({
      overdue: false,
      dueSoon: true,
      daysLeft: 0,
      phase: '临期',
      effectiveDue: '2020-06-30',
    });
    expect(on('2020年6月底前', '2020-07-01')).toMatchObject({ overdue: true, daysOverdue: 1, phase: '逾期' });
  });

  it('knows February of a leap year ends on the 29th', () => {
    expect(on('2024年2月底前', '2024-02-29')).toMatchObject({ overdue: false, effectiveDue: '2024-02-29' });
    expect(on('2024年2月底前', '2024-03-01')).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(on('2023年2月底前', '2023-03-01')).toMatchObject({ overdue: true, effectiveDue: '2023-02-28' });
  });

  it('reads 年底 as 31 December, never as the start of the year', () => {
    expect(on('2020年底前', '2020-01-02')).toMatchObject({ overdue: false, phase: '未启动', daysLeft: 364 });
    expect(on('2020年底前', '2020-12-31')).toMatchObject({ overdue: false, phase: '临期' });
    expect(on('2020年底前', '2021-01-01')).toMatchObject({ overdue: true, daysOverdue: 1, phase: '逾期' });
  });

  it('escalates to 严重逾期 only past escalation_days', () => {
    expect(on('2020年6月底前', '2020-07-30')).toMatchObject({ daysOverdue: 30, escalated: false, phase: '逾期' });
    expect(on('2020年6月底前', '2020-07-31')).toMatchObject({ daysOverdue: 31, escalated: true, phase: '严重逾期' });
  });

  it('marks due soon within the window, overridable', () => {
    expect(on('2020年底前', '2020-12-01', { status: '推进中' })).toMatchObject({
      dueSoon: true,
      daysLeft: 30,
      phase: '临期',
    });
    expect(on('2020年底前', '2020-11-30', { status: '推进中' })).toMatchObject({ dueSoon: false, phase: '推进中' });
    const within = evaluateMeasure(measure({ deadline: '2020年底前' }), '2020-11-01', CONFIG, { dueSoonDays: 60 });
    expect(within).toMatchObject({ dueSoon: true, daysLeft: 60 });
  });
});

describe('evaluateMeasure: milestones, completion, extensions', () => {
  const two = '2020年6月底、7月底前';

  it('shows the first milestone until it is met, then the next', () => {
    expect(on(two, '2020-07-15')).toMatchObject({
      overdue: true,
      daysOverdue: 15,
      milestoneNumber: 1,
      milestoneCount: 2,
    });
    const met = on(two, '2020-07-15', { milestones_met: 1, status: '推进中' });
    expect(met).toMatchObject({
      overdue: false,
      milestoneNumber: 2,
      effectiveDue: '2020-07-31',
      daysLeft: 16,
      phase: '临期',
    });
    expect(met.currentMilestone?.label).toBe('2020年7月底');
    expect(on(two, '2020-08-01', { milestones_met: 1 })).toMatchObject({ overdue: true, daysOverdue: 1 });
  });

  it('is not overdue when every milestone is met', () => {
    expect(on(two, '2020-09-01', { milestones_met: 2, status: '推进中' })).toMatchObject({
      overdue: false,
      phase: '推进中',
    });
  });

  it('never counts 已完成 as overdue, even when finished after the deadline', () => {
    expect(on('2020年6月底前', '2021-01-05', { status: '已完成' })).toMatchObject({
      overdue: false,
      escalated: false,
      phase: '已完成',
    });
  });

  it('moves the deadline with an approved extension and keeps the written date', () => {
    const ext = { requested_by: '市审批局', requested_in: '2020-06', reason: '系统改造', until: '2020-09-30' };
    const approved = on('2020年6月底前', '2020-08-15', {
      extensions: [{ ...ext, state: '已批准', decided_on: '2020-06-20' }],
    });
    expect(approved).toMatchObject({
      overdue: false,
      extended: true,
      effectiveDue: '2020-09-30',
      writtenDue: '2020-06-30',
      daysLeft: 46,
    });
    const pending = on('2020年6月底前', '2020-08-15', { extensions: [{ ...ext, state: '待审批' }] });
    expect(pending).toMatchObject({ overdue: true, extended: false, effectiveDue: '2020-06-30' });
    const latest = on('2020年6月底前', '2020-10-15', {
      extensions: [
        { ...ext, state: '已批准', decided_on: '2020-06-20' },
        { ...ext, until: '2020-11-30', state: '已批准', decided_on: '2020-09-25' },
      ],
    });
    expect(latest).toMatchObject({ overdue: false, effectiveDue: '2020-11-30' });
  });
});

describe('evaluateMeasure: 长期 and 适时', () => {
  const report = (month: string) => ({ 市审批局: { month, status: '推进中' as const, progress: '推进' } });

  it('is never overdue and shows as ongoing before any report', () => {
    expect(on('长期', '2030-01-01')).toMatchObject({ kind: 'ongoing', overdue: false, dueSoon: false, phase: '长期' });
    expect(on('适时', '2030-01-01')).toMatchObject({ kind: 'when-appropriate', overdue: false, phase: '适时' });
  });

  it('is flagged when reports exist but none for the month due', () => {
    expect(on('长期', '2020-07-21', { unit_reports: report('2020-06') })).toMatchObject({
      phase: '本月未报进展',
      noProgressThisMonth: true,
      reportMonth: '2020-07',
    });
    expect(on('长期', '2020-07-21', { unit_reports: report('2020-07') })).toMatchObject({
      phase: '长期',
      noProgressThisMonth: false,
    });
    expect(on('适时', '2020-07-10', { unit_reports: report('2020-06') })).toMatchObject({
      phase: '适时',
      reportMonth: '2020-06',
    });
    expect(on('适时', '2020-07-10', { unit_reports: report('2020-05') })).toMatchObject({
      phase: '本月未报进展',
      overdue: false,
    });
  });

  it('falls back to the stored status for an unreadable deadline', () => {
    expect(on('尽快', '2030-01-01', { status: '推进中' })).toMatchObject({
      kind: 'unknown',
      phase: '推进中',
      overdue: false,
    });
  });
});

describe('date helpers', () => {
  it('counts calendar days across a leap day and the year end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2020-12-31', '2021-01-01')).toBe(1);
    expect(daysBetween('2021-01-05', '2020-12-31')).toBe(-5);
  });

  it('picks the report month by the report day', () => {
    expect(dueReportMonth('2021-01-05', 20)).toBe('2020-12');
    expect(dueReportMonth('2021-01-20', 20)).toBe('2020-12');
    expect(dueReportMonth('2021-01-21', 20)).toBe('2021-01');
  });
});
