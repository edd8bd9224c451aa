import { NOTICE_LEVEL_NAMES } from '../../core/notices.js';
import type { NoticeDocument, NoticeItem } from '../../core/notice-plan.js';
import { escapeCell, escapeInline, markdownTable } from '../../render/markdown.js';
import type { NoticeResult } from './run.js';

type Plan = NonNullable<NoticeResult['plan']>;

const DUE_TEXT: Record<string, string> = {
  蓝: '以下工作任务临近完成时限，尚未启动',
  黄: '以下工作任务已超过完成时限，仍未完成',
  红: '以下工作任务逾期时间较长或经黄色督办后仍未完成，现予挂牌督办',
};

/** When the unit must answer: 7 days for 蓝/黄, 3 for 红. */
export const ANSWER_DAYS: Record<string, number> = { 蓝: 7, 黄: 7, 红: 3 };

function timing(item: NoticeItem): string {
  if (item.state.overdue) return `逾期 ${item.state.daysOverdue} 天`;
  return item.state.daysLeft === undefined ? '' : `距完成时限 ${item.state.daysLeft} 天`;
}

/** The terminal list: what would be (or was) issued, one block per 督办单. */
export function renderNoticeText(result: NoticeResult, issue: boolean): string {
  const plan = result.plan!;
  const lines = [`督办单　截至 ${plan.asOf}　发文单位：${plan.issuedBy}`, countLine(plan)];
  for (const doc of plan.documents) {
    lines.push('', `${doc.number}　${NOTICE_LEVEL_NAMES[doc.level]} → ${doc.unit}（${doc.items.length} 项）`);
    for (const item of doc.items) lines.push(`  ${item.id} ${item.title}　完成时限 ${item.deadline}，${timing(item)}`);
  }
  if (plan.alreadyIssued.length > 0) {
    lines.push('', `已督办、尚未到升级条件 ${plan.alreadyIssued.length} 项（不重复发出）：`);
    for (const item of plan.alreadyIssued)
      lines.push(`  ${item.id} ${item.unit}：已发${item.issued}色督办，${timing(item)}`);
  }
  lines.push('', footer(result, issue));
  return lines.join('\n');
}

function countLine(plan: Plan): string {
  if (plan.documents.length === 0) return '没有需要新发的督办单。';
  const count = (level: string) => plan.documents.filter((d) => d.level === level).length;
  const parts = plan.documents.reduce((n, d) => n + d.items.length, 0);
  return `新发督办单 ${plan.documents.length} 份（红 ${count('红')}、黄 ${count('黄')}、蓝 ${count('蓝')}），涉及 ${parts} 项责任`;
}

function footer(result: NoticeResult, issue: boolean): string {
  if (result.plan!.documents.length === 0) return issue ? '台账未作修改。' : '';
  if (!issue) return '（未记入台账；确认后加 --issue 发出并记入台账，再用 git 提交）';
  return `已记入台账：${result.written.join('、')}（请用 git 提交，提交记录即发文记录）`;
}

/** Each 督办单 as a Markdown document, ready to print or paste into an OA notice. */
export function renderNoticeMarkdown(result: NoticeResult): string {
  const plan = result.plan!;
  if (plan.documents.length === 0) return `# 督办单\n\n截至 ${plan.asOf}，没有需要新发的督办单。\n`;
  return plan.documents.map(noticeMarkdown).join('\n---\n\n');
}

function noticeMarkdown(doc: NoticeDocument): string {
  const rows = doc.items.map((i) => [i.id, i.title, i.deadline, timing(i), i.leads.join('、')].map(escapeCell));
  const answerBy = addDays(doc.issuedOn, ANSWER_DAYS[doc.level]!);
  return [
    `# ${escapeInline(NOTICE_LEVEL_NAMES[doc.level])}单`,
    '',
    `**${doc.number}**`,
    '',
    `${escapeInline(doc.unit)}：`,
    '',
    `经核查，你单位承担的${DUE_TEXT[doc.level]}：`,
    '',
    markdownTable(['编号', '具体措施', '完成时限', '情况', '牵头单位'], rows),
    '',
    `请于 ${answerBy} 前向牵头单位和${escapeInline(doc.issuedBy)}书面反馈整改措施和完成时限；完成后在月度报送中报“已完成”，经牵头单位核验后销号。`,
    '',
    `${escapeInline(doc.issuedBy)}`,
    `${doc.issuedOn}`,
    '',
  ].join('\n');
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
