import { DECISIONS_DIR } from '../../core/model/decision-path.js';
import { decisionLine } from '../shared/decision-line.js';
import { NOTICE_LEVEL_NAMES } from '../../core/rules/notices.js';
import { noticeLetter, noticeTiming } from '../../core/summaries/notice-letter.js';
import type { NoticeDocument } from '../../core/rules/notice-plan.js';
import { escapeCell, escapeInline, markdownTable } from '../../render/markdown.js';
import type { NoticeResult } from './run.js';

type Plan = NonNullable<NoticeResult['plan']>;

const timing = noticeTiming;

/** The terminal list: what would be (or was) issued, one block per 督办单. */
export function renderNoticeText(result: NoticeResult, issue: boolean): string {
  const plan = result.plan!;
  const lines = [`督办单　截至 ${plan.asOf}　发文单位：${plan.issuedBy}`, countLine(plan)];
  if (result.version) lines.splice(1, 0, result.version.label);
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
  const decisions = result.written.filter((file) => file.startsWith(`${DECISIONS_DIR}/`));
  const ledger = result.written.filter((file) => !decisions.includes(file));
  return `已记入台账：${ledger.join('、')}（请连同决定文件一起用 git 提交，提交记录即发文记录）${decisionLine(decisions)}`;
}

/** Each 督办单 as a Markdown document, ready to print or paste into an OA notice. */
export function renderNoticeMarkdown(result: NoticeResult): string {
  const plan = result.plan!;
  if (plan.documents.length === 0) return `# 督办单\n\n截至 ${plan.asOf}，没有需要新发的督办单。\n`;
  return plan.documents.map(noticeMarkdown).join('\n---\n\n');
}

function noticeMarkdown(doc: NoticeDocument): string {
  const letter = noticeLetter(doc);
  return [
    `# ${escapeInline(letter.title)}`,
    '',
    `**${letter.number}**`,
    '',
    escapeInline(letter.addressee),
    '',
    escapeInline(letter.intro),
    '',
    markdownTable(
      letter.header,
      letter.rows.map((row) => row.map(escapeCell)),
    ),
    '',
    escapeInline(letter.request),
    '',
    escapeInline(letter.issuer),
    letter.date,
    '',
  ].join('\n');
}
