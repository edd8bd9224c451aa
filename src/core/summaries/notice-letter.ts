/**
 * The wording of one 督办单, shared by its Markdown and Word forms: title,
 * number, addressee, the parts as table rows, the answer deadline, issuer and
 * date. Pure.
 */
import { NOTICE_LEVEL_NAMES } from '../rules/notices.js';
import type { NoticeDocument, NoticeItem } from '../rules/notice-plan.js';
import { daysAfter } from '../model/calendar.js';

/** Days the unit has to answer: 7 for 蓝/黄, 3 for 红. */
export const ANSWER_DAYS = { 蓝: 7, 黄: 7, 红: 3 } as const;

const INTRO = {
  蓝: '以下工作任务临近完成时限，尚未启动',
  黄: '以下工作任务已超过完成时限，仍未完成',
  红: '以下工作任务逾期时间较长或经黄色督办后仍未完成，现予挂牌督办',
} as const;

export interface NoticeLetter {
  title: string;
  number: string;
  addressee: string;
  intro: string;
  header: readonly string[];
  rows: string[][];
  request: string;
  issuer: string;
  date: string;
}

export function noticeTiming(item: NoticeItem): string {
  if (item.state.overdue) return `逾期 ${item.state.daysOverdue} 天`;
  return item.state.daysLeft === undefined ? '' : `距完成时限 ${item.state.daysLeft} 天`;
}

export function noticeLetter(doc: NoticeDocument): NoticeLetter {
  const answerBy = addDays(doc.issuedOn, ANSWER_DAYS[doc.level]);
  return {
    title: `${NOTICE_LEVEL_NAMES[doc.level]}单`,
    number: doc.number,
    addressee: `${doc.unit}：`,
    intro: `经核查，你单位承担的${INTRO[doc.level]}：`,
    header: ['编号', '具体措施', '完成时限', '情况', '牵头单位'],
    rows: doc.items.map((i) => [i.id, i.title, i.deadline, noticeTiming(i), i.leads.join('、')]),
    request: `请于 ${answerBy} 前向牵头单位和${doc.issuedBy}书面反馈整改措施和完成时限；完成后在月度报送中报“已完成”，经牵头单位核验后销号。`,
    issuer: doc.issuedBy,
    date: doc.issuedOn,
  };
}

function addDays(date: string, days: number): string {
  return daysAfter(date, days);
}
