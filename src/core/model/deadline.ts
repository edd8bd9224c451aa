/**
 * 完成时限: the written form in the ledger and its meaning.
 * Dates are ISO strings (YYYY-MM-DD) in local calendar terms; no clock is read here.
 */
import { lastDayOf } from './calendar.js';

export interface Milestone {
  /** The milestone as written, e.g. "2020年6月底". */
  label: string;
  /** The last day of its period: 月底 is the month's last day, 年底 is 31 December. */
  due: string;
}

export type Deadline =
  | { kind: 'dated'; written: string; milestones: Milestone[] }
  | { kind: 'ongoing'; written: string }
  | { kind: 'when-appropriate'; written: string };

export type DeadlineKind = Deadline['kind'];

const PART = /^(?:(\d{4})年)?(?:(\d{1,2})月)?底$/;

/** Parses a written 完成时限; returns undefined when it cannot be understood. */
export function parseDeadline(written: string): Deadline | undefined {
  if (parsed.has(written)) return parsed.get(written);
  const deadline = readDeadline(written.trim());
  if (parsed.size >= MEMO_LIMIT) parsed.clear();
  parsed.set(written, deadline && freezeDeadline(deadline));
  return parsed.get(written);
}

/**
 * A ledger writes a handful of distinct deadlines, and status evaluates each measure and part at
 * every remembered month end: each written form is parsed once per process. The results are frozen,
 * so sharing them is safe.
 */
const parsed = new Map<string, Deadline | undefined>();
const MEMO_LIMIT = 10_000;

function freezeDeadline(deadline: Deadline): Deadline {
  if (deadline.kind === 'dated') deadline.milestones.forEach((m) => Object.freeze(m));
  if (deadline.kind === 'dated') Object.freeze(deadline.milestones);
  return Object.freeze(deadline);
}

function readDeadline(form: string): Deadline | undefined {
  if (form === '长期') return { kind: 'ongoing', written: form };
  if (form === '适时') return { kind: 'when-appropriate', written: form };
  const body = form.endsWith('前') ? form.slice(0, -1) : form;
  const milestones: Milestone[] = [];
  let year: number | undefined;
  for (const part of body.split('、')) {
    const match = PART.exec(part);
    if (!match) return undefined;
    year = match[1] ? Number(match[1]) : year;
    if (year === undefined) return undefined;
    const month = match[2] ? Number(match[2]) : 12;
    if (month < 1 || month > 12) return undefined;
    const label = match[2] ? `${year}年${month}月底` : `${year}年底`;
    milestones.push({ label, due: lastDayOf(year, month) });
  }
  if (!isAscending(milestones)) return undefined;
  return { kind: 'dated', written: form, milestones };
}

/** How many 完成时限 a written deadline sets: its milestones when dated, else 1. */
export function milestoneCount(written: string): number {
  const deadline = parseDeadline(written);
  return deadline?.kind === 'dated' ? deadline.milestones.length : 1;
}

function isAscending(milestones: readonly Milestone[]): boolean {
  return milestones.every((m, i) => i === 0 || milestones[i - 1]!.due < m.due);
}
