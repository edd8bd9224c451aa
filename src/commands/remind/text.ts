import type { ReminderPart } from '../../core/rules/reminders.js';
import { escapeInline } from '../../render/markdown.js';
import type { RemindResult } from './run.js';

type Reminder = RemindResult['reminders'][number];

function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Plain sentences, one item a line: fits a phone screen and pastes into any message. */
function sentences(reminder: Reminder): string[] {
  const out: string[] = [];
  const report = reminder.missingReport;
  if (report) {
    const when = reminder.daysLate
      ? `应于 ${report.due} 前报送，已过 ${reminder.daysLate} 天`
      : `请于 ${report.due} 前报送`;
    out.push(`${monthLabel(report.month)}的工作进展尚未报送牵头单位（${when}）。`);
  }
  if (reminder.overdue.length > 0) out.push(`逾期未完成 ${reminder.overdue.length} 项，请抓紧办理：`);
  for (const part of reminder.overdue) out.push(`  · ${partLine(part, `已逾期 ${part.days} 天`)}`);
  if (reminder.dueSoon.length > 0) out.push(`即将到期 ${reminder.dueSoon.length} 项：`);
  for (const part of reminder.dueSoon)
    out.push(`  · ${partLine(part, part.days === 0 ? '今天到期' : `还有 ${part.days} 天`)}`);
  return out;
}

function partLine(part: ReminderPart, when: string): string {
  return `${part.id} ${part.title}（${part.deadline}，${when}）`;
}

function title(result: RemindResult): string {
  const scope = result.lead ? `${result.lead}牵头任务的` : '';
  return `${scope}工作提醒　截至 ${result.asOf}（报送月份 ${monthLabel(result.month)}）`;
}

/** The title, and the version of the ledger the reminders were computed from. */
function heading(result: RemindResult): string {
  return result.version ? `${title(result)}\n${result.version.label}` : title(result);
}

export function renderRemindText(result: RemindResult): string {
  if (result.reminders.length === 0) return `${heading(result)}\n没有需要提醒的单位。`;
  const blocks = result.reminders.map((r) => [`【${r.unit}】`, ...sentences(r)].join('\n'));
  return [heading(result), `需要提醒的单位 ${result.reminders.length} 个。`, ...blocks].join('\n\n');
}

export function renderRemindMarkdown(result: RemindResult): string {
  const lines = [`# ${escapeInline(title(result))}`, ''];
  if (result.version) lines.push(escapeInline(result.version.label), '');
  if (result.reminders.length === 0) lines.push('没有需要提醒的单位。', '');
  for (const reminder of result.reminders) {
    lines.push(`## ${escapeInline(reminder.unit)}`, '');
    for (const sentence of sentences(reminder)) {
      const item = sentence.startsWith('  · ')
        ? `  - ${escapeInline(sentence.slice(4))}`
        : `- ${escapeInline(sentence)}`;
      lines.push(item);
    }
    lines.push('');
  }
  return lines.join('\n');
}
