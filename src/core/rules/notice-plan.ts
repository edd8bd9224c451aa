/**
 * The 督办单 of a day: every part that calls for a notice, grouped into one
 * document per unit and level, numbered; and the ledger changes that record
 * them. Pure: `asOf`, the issuer and the ledger are given.
 */
import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import type { MeasureState } from './evaluate.js';
import type { NoticeDecision } from '../model/decision.js';
import { issuedLevel, nextNoticeNumber, noticeDue, noticeLevelFor, noticeNumber, NOTICE_RANK } from './notices.js';
import { evaluatePart, measureParts } from './parts.js';
import type { NoticeLevel } from '../model/schema.js';
import type { Status } from './status.js';

export interface NoticeItem {
  id: string;
  title: string;
  deadline: string;
  leads: readonly string[];
  unit: string;
  status: Status;
  state: MeasureState;
  level: NoticeLevel;
}

export interface NoticeDocument {
  unit: string;
  level: NoticeLevel;
  number: string;
  issuedOn: string;
  issuedBy: string;
  items: NoticeItem[];
}

export interface NoticePlan {
  asOf: string;
  issuedBy: string;
  /** New 督办单, 红 first, then by unit in ledger order. */
  documents: NoticeDocument[];
  /** Parts that call for a level already issued: no new notice. */
  alreadyIssued: (NoticeItem & { issued: NoticeLevel })[];
}

export interface NoticeFilter {
  unit?: string;
}

export function planNotices(ledger: Ledger, asOf: string, issuedBy: string, filter: NoticeFilter = {}): NoticePlan {
  const fresh: { ref: MeasureRef; item: NoticeItem }[] = [];
  const alreadyIssued: NoticePlan['alreadyIssued'] = [];
  for (const ref of measureRefs(ledger)) {
    for (const part of measureParts(ref.measure, ledger.units)) {
      if (filter.unit !== undefined && part.unit !== filter.unit) continue;
      const state = evaluatePart(ref.measure, part.unit, asOf, ledger.config);
      const notices = (ref.measure.notices ?? []).filter((n) => n.unit === part.unit);
      const forPart = { unit: part.unit, status: part.status, state, notices };
      const level = noticeLevelFor(forPart, asOf, ledger.config);
      if (!level) continue;
      const item = itemOf(ref, part.unit, part.status, state, level);
      if (noticeDue(forPart, asOf, ledger.config)) fresh.push({ ref, item });
      else alreadyIssued.push({ ...item, issued: issuedLevel(notices)! });
    }
  }
  const documents = numberDocuments(ledger, fresh, asOf, issuedBy);
  return { asOf, issuedBy, documents, alreadyIssued };
}

function itemOf(ref: MeasureRef, unit: string, status: Status, state: MeasureState, level: NoticeLevel): NoticeItem {
  const { measure } = ref;
  return {
    id: measure.id,
    title: measure.title,
    deadline: measure.deadline,
    leads: ref.leads,
    unit,
    status,
    state,
    level,
  };
}

function numberDocuments(
  ledger: Ledger,
  fresh: readonly { item: NoticeItem }[],
  asOf: string,
  issuedBy: string,
): NoticeDocument[] {
  const byKey = new Map<string, NoticeItem[]>();
  for (const { item } of fresh) {
    const key = `${item.level}\u0000${item.unit}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(item);
  }
  const year = asOf.slice(0, 4);
  let next = nextNoticeNumber(
    measureRefs(ledger).flatMap((r) => r.measure.notices ?? []),
    year,
  );
  const groups = [...byKey.values()].sort((a, b) => NOTICE_RANK[b[0]!.level] - NOTICE_RANK[a[0]!.level]);
  return groups.map((items) => ({
    unit: items[0]!.unit,
    level: items[0]!.level,
    number: noticeNumber(year, next++),
    issuedOn: asOf,
    issuedBy,
    items,
  }));
}

/** The decisions that issue the plan's 督办单 (`notice --issue` writes one file each). */
export function noticeDecisions(plan: Pick<NoticePlan, 'documents'>): NoticeDecision[] {
  return plan.documents.map((doc) => ({
    decision: '督办',
    number: doc.number,
    level: doc.level,
    unit: doc.unit,
    measures: [...new Set(doc.items.map((item) => item.id))],
    by: doc.issuedBy,
    on: doc.issuedOn,
  }));
}
