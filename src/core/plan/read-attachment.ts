import type { Diagnostic, DiagnosticInput } from '../model/diagnostic.js';
import { parseChineseNumeral } from './numbering.js';
import type { Plan, PlanArea, PlanMeasure, PlanPlace, PlanTask } from './plan.js';

/**
 * Reads the document's attachment (工作台账), flattened to text, into the plan model. Pure: text
 * in, plan out. Copes with the scars of the flattening: page breaks repeat area and task headings,
 * unit cells are split across lines, and some “年” and parentheses were lost (repaired later by
 * normalizeDeadline and segmentUnits).
 */
interface Line {
  text: string;
  line: number;
}

const AREA_HEADING = /^([一二三四五六七八九十]+)、(.+)$/;
const TASK_HEADING = /^(\d+)[.．]\s*(.+)$/;
const MEASURE_LINE = /^(\d+)[)）]?\s*(.+)$/;
const ATTACHMENT_START = /工作台账$/;
const ATTACHMENT_END = /^附件下载/;
const HEADER = new Set(['主要指标', '目标任务', '具体措施及完成时限', '责任部门', '工作完成情况', '备注']);

/** Whether the text is laid out as the flattened attachment: its title line, then measures with （完成时限：…）. */
export function looksLikeAttachment(source: string): boolean {
  const lines = source.split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => ATTACHMENT_START.test(l) && !l.startsWith('附件'));
  return start >= 0 && lines.slice(start).some((l) => MEASURE_LINE.test(l) && l.includes('完成时限'));
}

export function readAttachment(source: string, file: string): Plan {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, input: DiagnosticInput) =>
    diagnostics.push({ severity: 'error', ...input, file, line, col: 1 });
  const areas: PlanArea[] = [];
  let area: PlanArea | undefined;
  let task: PlanTask | undefined;
  let open: { measure: PlanMeasure; unitLines: Line[] } | undefined;
  const at = (line: number): PlanPlace => ({ line, col: 1 });

  const closeMeasure = () => {
    if (!open || !task) return;
    const { measure, unitLines } = open;
    measure.units = unitLines.map((l) => l.text).join('');
    measure.unitsAt = at(unitLines[0]?.line ?? measure.at.line);
    task.measures.push(measure);
    open = undefined;
  };

  for (const { text, line } of attachmentLines(source)) {
    const areaMatch = AREA_HEADING.exec(text);
    if (areaMatch) {
      closeMeasure();
      const number = parseChineseNumeral(areaMatch[1]!);
      if (area?.number === number) continue;
      area = { heading: areaMatch[2]!, number, tasks: [], at: at(line) };
      areas.push(area);
      task = undefined;
      continue;
    }
    const taskMatch = TASK_HEADING.exec(text);
    if (taskMatch && area && !text.includes('完成时限')) {
      closeMeasure();
      const number = Number(taskMatch[1]);
      if (task?.number === number) continue;
      task = { text: taskMatch[2]!.trim(), number, measures: [], at: at(line) };
      area.tasks.push(task);
      continue;
    }
    const measureMatch = MEASURE_LINE.exec(text);
    if (measureMatch && task && text.includes('完成时限')) {
      closeMeasure();
      open = { measure: readMeasure(Number(measureMatch[1]), measureMatch[2]!, at(line)), unitLines: [] };
      continue;
    }
    if (open) open.unitLines.push({ text, line });
    else if (area)
      report(line, {
        code: 'import/unexpected-line',
        message: `无法归类的一行：“${text.slice(0, 30)}”`,
        severity: 'warning',
      });
  }
  closeMeasure();
  return { format: 'attachment', title: titleOf(source), levels: 3, areas, skipped: [], diagnostics };
}

function attachmentLines(source: string): Line[] {
  const all = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }));
  const start = all.findIndex((l) => ATTACHMENT_START.test(l.text) && !l.text.startsWith('附件'));
  const end = all.findIndex((l, i) => i > start && ATTACHMENT_END.test(l.text));
  const body = all.slice(start < 0 ? 0 : start + 1, end < 0 ? all.length : end);
  return body.filter((l) => l.text !== '' && !HEADER.has(l.text));
}

/** The attachment's title line (石嘴山市……工作台账), or the first line; with the line naming the 文号 (its year). */
function titleOf(source: string): string | undefined {
  const lines = source.split(/\r?\n/).map((l) => l.trim());
  const title = lines.find((l) => ATTACHMENT_START.test(l) && !l.startsWith('附件')) ?? lines.find((l) => l !== '');
  const number = lines.find((l) => /[〔﹝[［](20\d{2})[〕﹞\]］]\s*\d+\s*号/.test(l));
  return [title, number].filter(Boolean).join(' ') || undefined;
}

function readMeasure(number: number, rest: string, at: PlanPlace): PlanMeasure {
  return { ...splitDeadlineNote(rest), number, at };
}

/** “…内容。(完成时限:2020年底前)” → the text and the deadline as written (parentheses may be lost). */
export function splitDeadlineNote(rest: string): { text: string; deadline: string } {
  const cut = rest.lastIndexOf('完成时限');
  const text = rest
    .slice(0, cut)
    .replace(/[(（]\s*$/, '')
    .trim();
  const deadline = rest
    .slice(cut + '完成时限'.length)
    .replace(/^[:：]/, '')
    .replace(/[)）]\s*$/, '')
    .trim();
  return { text, deadline };
}
