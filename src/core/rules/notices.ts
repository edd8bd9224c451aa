/**
 * 督办单: which parts call for a notice on a day, at which level, and the
 * number a new notice gets. Pure: the day and the ledger are given.
 *
 * Rules (docs/supervision.md):
 * - Only unfinished parts (the unit's own status is not 已完成) are candidates.
 * - 蓝: not started (未启动 or never reported) and due within notice_blue_days.
 * - 黄: overdue.
 * - 红: overdue by more than notice_red_overdue_days, or still overdue
 *   notice_red_after_days after a 黄 notice to that unit on that measure.
 * - Levels only go up: a part that already has a notice of the level it calls
 *   for, or a higher one, gets none (so issuing twice on a day writes nothing).
 * - One 督办单 per unit and level on a day; numbers run per year of issue:
 *   督办〔2020〕1号, 2号 …, continuing after the highest number in the ledger.
 */
import type { MeasureState } from './evaluate.js';
import type { Config, Notice, NoticeLevel } from '../model/schema.js';
import type { Status } from './status.js';
import { daysBetween } from '../model/calendar.js';

export const NOTICE_RANK: Record<NoticeLevel, number> = { 蓝: 1, 黄: 2, 红: 3 };

export const NOTICE_LEVEL_NAMES: Record<NoticeLevel, string> = {
  蓝: '蓝色督办（临期提醒）',
  黄: '黄色督办（逾期催办）',
  红: '红色督办（挂牌督办）',
};

export type NoticeConfig = Pick<Config, 'notice_blue_days' | 'notice_red_after_days' | 'notice_red_overdue_days'>;

export interface PartForNotice {
  unit: string;
  /** The unit's own status; 未启动 when it never reported. */
  status: Status;
  state: MeasureState;
  /** Notices already issued to this unit on this measure. */
  notices: readonly Notice[];
}

/** The level a part calls for on `asOf`, or undefined. */
export function noticeLevelFor(part: PartForNotice, asOf: string, config: NoticeConfig): NoticeLevel | undefined {
  if (part.status === '已完成') return undefined;
  const { state } = part;
  if (state.overdue) {
    if (state.daysOverdue > config.notice_red_overdue_days) return '红';
    const yellow = part.notices.filter((n) => n.level === '黄').at(0);
    if (yellow && daysBetween(yellow.issued_on, asOf) >= config.notice_red_after_days) return '红';
    return '黄';
  }
  const dueWithin = state.daysLeft !== undefined && state.daysLeft <= config.notice_blue_days;
  return part.status === '未启动' && dueWithin ? '蓝' : undefined;
}

/** The highest level already issued, or undefined. */
export function issuedLevel(notices: readonly Notice[]): NoticeLevel | undefined {
  let top: NoticeLevel | undefined;
  for (const notice of notices) if (!top || NOTICE_RANK[notice.level] > NOTICE_RANK[top]) top = notice.level;
  return top;
}

/** The level to issue now: the level called for, when higher than any issued. */
export function noticeDue(part: PartForNotice, asOf: string, config: NoticeConfig): NoticeLevel | undefined {
  const level = noticeLevelFor(part, asOf, config);
  const issued = issuedLevel(part.notices);
  return level && (!issued || NOTICE_RANK[level] > NOTICE_RANK[issued]) ? level : undefined;
}

const NUMBER = /^督办〔(\d{4})〕(\d+)号$/;

/** The first free number of `year` after those in `notices`. */
export function nextNoticeNumber(notices: Iterable<Notice>, year: string): number {
  let highest = 0;
  for (const notice of notices) {
    const match = NUMBER.exec(notice.number);
    if (match && match[1] === year) highest = Math.max(highest, Number(match[2]));
  }
  return highest + 1;
}

export function noticeNumber(year: string, n: number): string {
  return `督办〔${year}〕${n}号`;
}
