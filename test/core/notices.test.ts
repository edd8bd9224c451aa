import { describe, expect, it } from 'vitest';
import type { MeasureState } from '../../src/core/rules/evaluate.js';
import { nextNoticeNumber, noticeDue, noticeLevelFor, type PartForNotice } from '../../src/core/rules/notices.js';
import type { Notice } from '../../src/core/model/schema.js';
import { carryVerification, verificationState, verifiedReport, verifiers } from '../../src/core/rules/verification.js';

const CONFIG = { notice_blue_days: 15, notice_red_after_days: 30, notice_red_overdue_days: 60 };

function state(over: Partial<MeasureState>): MeasureState {
  return {
    phase: '未启动',
    status: '未启动',
    kind: 'dated',
    overdue: false,
    escalated: false,
    dueSoon: false,
    noProgressThisMonth: false,
    daysOverdue: 0,
    extended: false,
    ...over,
  };
}

const notice = (level: Notice['level'], issued_on: string): Notice => ({
  unit: '市公安局',
  level,
  issued_on,
  issued_by: '市政府督查室',
  number: '督办〔2020〕1号',
});

function part(over: Partial<PartForNotice>): PartForNotice {
  return { unit: '市公安局', status: '未启动', state: state({}), notices: [], ...over };
}

describe('督办单 levels', () => {
  it('蓝 only for a part not started and due within notice_blue_days', () => {
    expect(noticeLevelFor(part({ state: state({ daysLeft: 15 }) }), '2020-06-15', CONFIG)).toBe('蓝');
    expect(noticeLevelFor(part({ state: state({ daysLeft: 16 }) }), '2020-06-14', CONFIG)).toBeUndefined();
    expect(
      noticeLevelFor(part({ status: '推进中', state: state({ daysLeft: 3 }) }), '2020-06-27', CONFIG),
    ).toBeUndefined();
  });

  it('黄 when overdue; 红 past notice_red_overdue_days or notice_red_after_days after a 黄', () => {
    const overdue = (days: number) => state({ overdue: true, daysOverdue: days });
    expect(noticeLevelFor(part({ status: '推进中', state: overdue(1) }), '2020-07-01', CONFIG)).toBe('黄');
    expect(noticeLevelFor(part({ state: overdue(60) }), '2020-08-29', CONFIG)).toBe('黄');
    expect(noticeLevelFor(part({ state: overdue(61) }), '2020-08-30', CONFIG)).toBe('红');
    const yellow = [notice('黄', '2020-07-25')];
    expect(noticeLevelFor(part({ state: overdue(54), notices: yellow }), '2020-08-23', CONFIG)).toBe('黄');
    expect(noticeLevelFor(part({ state: overdue(55), notices: yellow }), '2020-08-24', CONFIG)).toBe('红');
  });

  it('a finished part calls for nothing, whatever its dates', () => {
    expect(
      noticeLevelFor(
        part({ status: '已完成', state: state({ overdue: true, daysOverdue: 99 }) }),
        '2020-10-01',
        CONFIG,
      ),
    ).toBeUndefined();
  });

  it('levels only go up: an issued level or a higher one is not issued again', () => {
    const overdue = state({ overdue: true, daysOverdue: 10 });
    expect(noticeDue(part({ state: overdue, notices: [notice('蓝', '2020-06-20')] }), '2020-07-10', CONFIG)).toBe('黄');
    expect(
      noticeDue(part({ state: overdue, notices: [notice('黄', '2020-07-05')] }), '2020-07-10', CONFIG),
    ).toBeUndefined();
    expect(
      noticeDue(part({ state: state({ daysLeft: 3 }), notices: [notice('红', '2020-05-01')] }), '2020-06-27', CONFIG),
    ).toBeUndefined();
  });

  it('numbers run per year after the highest in the ledger', () => {
    const notices = [notice('黄', '2020-07-25'), { ...notice('红', '2020-08-25'), number: '督办〔2020〕7号' }];
    expect(nextNoticeNumber(notices, '2020')).toBe(8);
    expect(nextNoticeNumber(notices, '2021')).toBe(1);
  });
});

describe('verification (销号)', () => {
  const done = { month: '2020-07', status: '已完成' as const, progress: '已实行', completed_on: '2020-07-10' };

  it('the leads and supervisors verify, never the unit itself', () => {
    expect(verifiers('市公安局', ['市审批局'], ['市发改委', '市审批局'])).toEqual(['市审批局', '市发改委']);
    expect(verifiers('市审批局', ['市审批局'], ['市发改委', '市审批局'])).toEqual(['市发改委']);
  });

  it('待核验 only when required; a rejection is 推进中 without its completion date', () => {
    expect(verificationState(done, false)).toBeUndefined();
    expect(verificationState(done, true)).toBe('待核验');
    const rejected = verifiedReport(done, { state: '已退回', by: '市审批局', on: '2020-07-26', reason: '材料不全' });
    expect(rejected).toMatchObject({ status: '推进中', verification: { state: '已退回' } });
    expect(rejected.completed_on).toBeUndefined();
    expect(verificationState(rejected, true)).toBe('已退回');
  });

  it('a verification stays while the unit keeps reporting 已完成 and goes with any other report', () => {
    const verified = verifiedReport(done, { state: '已核验', by: '市审批局', on: '2020-07-26' });
    const august = { ...done, month: '2020-08' };
    expect(carryVerification(verified, august).verification?.state).toBe('已核验');
    expect(carryVerification(verified, { ...august, status: '推进中' }).verification).toBeUndefined();
  });
});
