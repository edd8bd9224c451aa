import { parseDeadline } from '../model/deadline.js';
import { normalizeDeadline } from './normalize-deadline.js';

/**
 * 完成时限 in the document's own forms, from what a plan writes: a cell or parenthesis
 * (“2020年底前”, “6月底”, “长期”) or a sentence of the item (“6月底完成”, “2022年10月底前”,
 * “长期坚持”). A year the text leaves out is the plan's year.
 */
export type DeadlineReading = { deadline: string } | { problem: 'no-year' | 'unreadable' | 'none' };

interface Milestone {
  year: number;
  /** 12 for 年底. */
  month: number;
  yearEnd: boolean;
}

/** 2020年底, 2020年年底, 2020年末, 2021年内, 2021年完成; 年底前, 年内 (the plan's year). */
const YEAR_END = /(?:(\d{4})\s*年\s*)?(?:年底|年末|年内)|(\d{4})\s*年\s*(?:底|末|内|完成)/g;
/** 2020年6月底, 6月末, 10月底前, 6月份完成, 6月完成. */
const MONTH_END = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:份)?(?:底|末|完成)/g;
const ONGOING = /长期坚持|长期推进|持续推进|长期执行|常态化推进|常态化|长期/;

/** A written 完成时限 (a cell, a parenthesis) in the document's form. */
export function readWrittenDeadline(written: string, year: number | undefined): DeadlineReading {
  const form = normalizeDeadline(written);
  if (parseDeadline(form)) return { deadline: form };
  const found = inlineDeadline(written, year);
  return 'problem' in found && found.problem === 'none' ? { problem: 'unreadable' } : found;
}

/** The deadline a sentence sets: its dated milestones in order, else 长期/适时 when it says so. */
export function inlineDeadline(text: string, year: number | undefined): DeadlineReading {
  const milestones: Milestone[] = [];
  let needsYear = false;
  const add = (written: string | undefined, month: number, yearEnd: boolean) => {
    const y = written ? Number(written) : year;
    if (y === undefined) needsYear = true;
    else if (month >= 1 && month <= 12) milestones.push({ year: y, month, yearEnd });
  };
  for (const m of text.matchAll(YEAR_END)) add(m[1] ?? m[2], 12, true);
  for (const m of text.matchAll(MONTH_END)) add(m[1], Number(m[2]), false);
  if (milestones.length > 0) return { deadline: writeMilestones(milestones) };
  if (needsYear) return { problem: 'no-year' };
  if (/适时/.test(text)) return { deadline: '适时' };
  if (ONGOING.test(text)) return { deadline: '长期' };
  return { problem: 'none' };
}

/** “2020年6月底、10月底前”: ascending, each once; a month's year written when it changes, a year end's always. */
function writeMilestones(milestones: readonly Milestone[]): string {
  const key = (m: Milestone) => m.year * 100 + m.month;
  const sorted = [...new Map(milestones.map((m) => [key(m), m])).values()].sort((a, b) => key(a) - key(b));
  let year: number | undefined;
  const parts = sorted.map((m) => {
    const part = m.yearEnd ? `${m.year}年底` : `${m.year === year ? '' : `${m.year}年`}${m.month}月底`;
    year = m.year;
    return part;
  });
  return `${parts.join('、')}前`;
}
