/**
 * The cell texts of the 台账 as the document's attachment writes them:
 * “一、持续深化商事制度改革（市审批局牵头）”, “1.不断提升企业开办效率。深化……”,
 * “1）优化企业开办线上服务。改造……（完成时限：2020年底前）”, “市审批局、市公安局等相关部门”.
 */
import type { Area, Measure, Task } from './schema.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 99 → 九十九; larger numbers stay Arabic. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export function leadsLabel(leads: readonly string[]): string {
  return `${leads.join('、')}${leads.length > 1 ? '分别' : ''}牵头`;
}

/** 主要指标 cell: “一、持续深化商事制度改革（市审批局牵头）”. */
export function areaLabel(area: Area): string {
  return `${chineseNumeral(area.area)}、${area.title}（${leadsLabel(area.lead)}）`;
}

/** 目标任务 cell: “1.不断提升企业开办效率。深化……”, with the task's own lead when it has one. */
export function taskLabel(task: Task): string {
  const number = task.id.split('.')[1];
  const lead = task.lead ? `（${task.lead}牵头）` : '';
  return `${number}.${titled(task.title, task.text)}${lead}`;
}

/** 具体措施及完成时限 cell: “1）优化企业开办线上服务。改造……（完成时限：2020年底前）”. */
export function measureLabel(measure: Measure): string {
  const number = measure.id.split('.')[2];
  return `${number}）${titled(measure.title, measure.text)}（完成时限：${measure.deadline}）`;
}

/** 责任部门 cell: “市审批局、市公安局、各县区等相关部门”. */
export function unitsLabel(measure: Measure): string {
  return `${measure.units.join('、')}${measure.related_units ? '等相关部门' : ''}`;
}

/** The imported text starts with its title (its first sentence); hand-written text may not. */
function titled(title: string, text: string): string {
  if (text.startsWith(title)) return text;
  return /[。！？；.!?;：:]$/.test(title) ? `${title}${text}` : `${title}。${text}`;
}
