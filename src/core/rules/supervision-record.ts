/**
 * The 考评 record of supervision: how many 督办单 of each level each unit
 * received in a period, and which parts wait for the lead's verification
 * (待核验). Pure: read from the ledger's `notices` and unit reports.
 */
import { measureRefs, type Ledger } from '../model/ledger.js';
import type { NoticeLevel } from '../model/schema.js';
import { NOTICE_LEVELS } from './status.js';
import { verificationState } from './verification.js';

export type NoticeCounts = Record<NoticeLevel, number>;

export function emptyNoticeCounts(): NoticeCounts {
  return { 蓝: 0, 黄: 0, 红: 0 };
}

/** Per unit, notices issued from `from` to `to` (YYYY-MM-DD, both included); one per part and level. */
export function noticeCountsByUnit(ledger: Pick<Ledger, 'areas'>, from: string, to: string): Map<string, NoticeCounts> {
  const counts = new Map<string, NoticeCounts>();
  for (const { measure } of measureRefs(ledger)) {
    for (const notice of measure.notices ?? []) {
      if (notice.issued_on < from || notice.issued_on > to) continue;
      const unit = counts.get(notice.unit) ?? counts.set(notice.unit, emptyNoticeCounts()).get(notice.unit)!;
      unit[notice.level]++;
    }
  }
  return counts;
}

export interface PendingVerification {
  id: string;
  unit: string;
  leads: readonly string[];
}

/** Parts reported 已完成 that wait for the lead's verification; none unless config.require_verification. */
export function pendingVerifications(ledger: Pick<Ledger, 'areas' | 'config'>): PendingVerification[] {
  if (!ledger.config.require_verification) return [];
  const out: PendingVerification[] = [];
  for (const { measure, leads } of measureRefs(ledger)) {
    for (const [unit, report] of Object.entries(measure.unit_reports ?? {})) {
      if (verificationState(report, true) === '待核验') out.push({ id: measure.id, unit, leads });
    }
  }
  return out;
}

export function noticeCountsText(counts: NoticeCounts | undefined): string {
  if (!counts) return '';
  return NOTICE_LEVELS.filter((level) => counts[level] > 0)
    .map((level) => `${level}${counts[level]}`)
    .join(' ');
}
