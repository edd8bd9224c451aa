import { parseDeadline } from '../../model/deadline.js';
import type { Diagnostic, DiagnosticInput } from '../../model/diagnostic.js';
import type { Area, Measure, Task } from '../../model/schema.js';
import type { UnitRegistry } from '../../model/units.js';
import { segmentUnits, splitTrailingUnits } from './unit-segmenter.js';
import { normalizeDeadline } from './normalize-deadline.js';

/**
 * Parses the document's attachment (工作台账), flattened to text, into area
 * data. Pure: text in, areas and diagnostics out. Copes with the scars of the
 * flattening: page breaks repeat area and task headings, unit cells are split
 * across lines, and some “年” and parentheses were lost.
 */
export interface ImportResult {
  areas: Area[];
  diagnostics: Diagnostic[];
}

interface Line {
  text: string;
  line: number;
}

interface OpenMeasure {
  measure: Measure;
  line: number;
  unitLines: Line[];
}

const AREA_HEADING = /^([一二三四五六七八九十]+)、(.+)$/;
const TASK_HEADING = /^(\d+)[.．]\s*(.+)$/;
const MEASURE_LINE = /^(\d+)[)）]?\s*(.+)$/;
const ATTACHMENT_START = /工作台账$/;
const ATTACHMENT_END = /^附件下载/;

export function parseAttachment(source: string, file: string, registry: UnitRegistry): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, input: DiagnosticInput) =>
    diagnostics.push({ severity: 'error', ...input, file, line, col: 1 });
  const areas: Area[] = [];
  let area: Area | undefined;
  let task: Task | undefined;
  let open: OpenMeasure | undefined;
  let separateLeads = false;

  const closeMeasure = () => {
    if (!open || !task) return;
    const cell = open.unitLines.map((l) => l.text).join('');
    const segmented = segmentUnits(registry, cell);
    for (const piece of segmented.unknown) {
      report(open.unitLines[0]?.line ?? open.line, {
        code: 'import/unknown-unit',
        message: `具体措施 ${open.measure.id} 的责任部门中有无法识别的单位“${piece}”`,
        hint: '在 ledger/units.yaml 中登记这个单位或它的别称，再重新导入',
      });
    }
    if (segmented.units.length === 0)
      report(open.line, { code: 'import/no-units', message: `具体措施 ${open.measure.id} 没有责任部门` });
    const { id, title, text, deadline, units: _none, ...progress } = open.measure;
    const related = segmented.related ? { related_units: true } : {};
    task.measures.push({ id, title, text, deadline, units: segmented.units, ...related, ...progress });
    open = undefined;
  };

  for (const { text, line } of attachmentLines(source)) {
    const areaMatch = AREA_HEADING.exec(text);
    if (areaMatch) {
      closeMeasure();
      const number = parseChineseNumeral(areaMatch[1]!);
      if (area?.area === number) continue;
      const heading = parseAreaHeading(areaMatch[2]!, registry);
      if (!heading) report(line, { code: 'import/area-lead', message: `无法从“${text}”中识别牵头单位` });
      area = { area: number, title: heading?.title ?? areaMatch[2]!, lead: heading?.leads ?? [], tasks: [] };
      separateLeads = heading?.separately ?? false;
      areas.push(area);
      task = undefined;
      continue;
    }
    const taskMatch = TASK_HEADING.exec(text);
    if (taskMatch && area && !text.includes('完成时限')) {
      closeMeasure();
      const id = `${area.area}.${taskMatch[1]}`;
      if (task?.id === id) continue;
      const full = taskMatch[2]!.trim();
      task = { id, title: firstSentence(full), text: full, measures: [] };
      if (separateLeads) {
        const lead = area.lead[area.tasks.length];
        if (lead) task.lead = lead;
        else
          report(line, {
            code: 'import/task-lead',
            message: `“分别牵头”的牵头单位少于目标任务数，目标任务 ${id} 没有对应的牵头单位`,
          });
      }
      area.tasks.push(task);
      continue;
    }
    const measureMatch = MEASURE_LINE.exec(text);
    if (measureMatch && task && text.includes('完成时限')) {
      closeMeasure();
      open = {
        measure: parseMeasure(task, Number(measureMatch[1]), measureMatch[2]!, line, report),
        line,
        unitLines: [],
      };
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
  checkNumbering(areas, report);
  return { areas, diagnostics };
}

function attachmentLines(source: string): Line[] {
  const all = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }));
  const start = all.findIndex((l) => ATTACHMENT_START.test(l.text) && !l.text.startsWith('附件'));
  const end = all.findIndex((l, i) => i > start && ATTACHMENT_END.test(l.text));
  const body = all.slice(start < 0 ? 0 : start + 1, end < 0 ? all.length : end);
  const header = new Set(['主要指标', '目标任务', '具体措施及完成时限', '责任部门', '工作完成情况', '备注']);
  return body.filter((l) => l.text !== '' && !header.has(l.text));
}

function parseAreaHeading(
  rest: string,
  registry: UnitRegistry,
): { title: string; leads: string[]; separately: boolean } | undefined {
  let body = rest.replace(/[)）]\s*$/, '').trim();
  if (!body.endsWith('牵头')) return undefined;
  body = body.slice(0, -2);
  const separately = body.endsWith('分别');
  if (separately) body = body.slice(0, -2);
  const paren = body.search(/[(（]/);
  if (paren >= 0) {
    const segmented = segmentUnits(registry, body.slice(paren + 1));
    if (segmented.unknown.length > 0) return undefined;
    return { title: body.slice(0, paren).trim(), leads: segmented.units, separately };
  }
  const split = splitTrailingUnits(registry, body);
  return split ? { title: split.head.trim(), leads: split.units, separately } : undefined;
}

function parseMeasure(
  task: Task,
  number: number,
  rest: string,
  line: number,
  report: (line: number, d: DiagnosticInput) => void,
): Measure {
  const id = `${task.id}.${number}`;
  const at = rest.lastIndexOf('完成时限');
  const text = rest
    .slice(0, at)
    .replace(/[(（]\s*$/, '')
    .trim();
  const written = rest
    .slice(at + '完成时限'.length)
    .replace(/^[:：]/, '')
    .replace(/[)）]\s*$/, '')
    .trim();
  const deadline = normalizeDeadline(written);
  if (!parseDeadline(deadline))
    report(line, { code: 'import/deadline', message: `具体措施 ${id} 的完成时限“${written}”无法识别` });
  return { id, title: firstSentence(text), text, deadline, units: [], status: '未启动', progress: '', remark: '' };
}

function firstSentence(text: string): string {
  const end = text.indexOf('。');
  return end > 0 ? text.slice(0, end) : text.replace(/[。；;]$/, '');
}

function checkNumbering(areas: readonly Area[], report: (line: number, d: DiagnosticInput) => void): void {
  areas.forEach((area, i) => {
    if (area.area !== i + 1)
      report(0, {
        code: 'import/numbering',
        message: `主要指标序号不连续：第 ${i + 1} 个是 ${area.area}`,
        severity: 'warning',
      });
    area.tasks.forEach((task, t) => {
      if (task.id !== `${area.area}.${t + 1}`)
        report(0, { code: 'import/numbering', message: `目标任务编号不连续：${task.id}`, severity: 'warning' });
      task.measures.forEach((measure, m) => {
        if (measure.id !== `${task.id}.${m + 1}`)
          report(0, { code: 'import/numbering', message: `具体措施编号不连续：${measure.id}`, severity: 'warning' });
      });
    });
  });
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十四 → 14, 二十 → 20: the inverse of chineseNumeral in ledger-labels.ts. */
function parseChineseNumeral(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const tensValue = text.includes('十') ? (tens ? DIGITS[tens]! : 1) * 10 : 0;
  return tensValue + (ones ? DIGITS[ones]! : 0);
}
