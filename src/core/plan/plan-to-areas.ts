import { pushAll } from '../model/arrays.js';
import { diagnosticAt, sortDiagnostics, type Diagnostic, type DiagnosticInput } from '../model/diagnostic.js';
import type { Area, Measure, Task } from '../model/schema.js';
import type { UnitRegistry } from '../model/units.js';
import { inlineDeadline, readWrittenDeadline } from './inline-deadline.js';
import { checkNumbering } from './check-numbering.js';
import { firstSentence } from './numbering.js';
import type { Plan, PlanArea, PlanMeasure, PlanPlace, PlanTask } from './plan.js';
import { trailingUnits } from './unit-parenthesis.js';
import { UnitBook } from './unit-book.js';

export interface PlanOptions {
  /** The source file, relative to the root, for diagnostics. */
  file: string;
  /** The plan's year (--year); else read from its title. */
  year?: number;
  /** 完成时限 for measures that give none (--default-deadline), already checked by parseDeadline. */
  defaultDeadline?: string;
  /** Take unknown unit names as new units (--new-units). */
  newUnits?: boolean;
}

export interface LedgerFromPlan {
  areas: Area[];
  diagnostics: Diagnostic[];
  /** Units to add to units.yaml, each once (with newUnits). */
  newUnits: string[];
  /** Names not in the registry, each once, with how often they appear. */
  unknownUnits: { name: string; count: number }[];
  year?: number;
  /** Measures that took the default deadline. */
  defaulted: string[];
}

interface Step {
  book: UnitBook;
  year?: number;
  options: PlanOptions;
  report: (at: PlanPlace, input: DiagnosticInput) => void;
  noYear: string[];
  defaulted: string[];
}

/**
 * The one step from a plan, whatever document it came from, to the ledger's areas: ids, titles,
 * leads, units read against the registry, deadlines in the document's forms. Pure.
 */
export function planToAreas(plan: Plan, registry: UnitRegistry, options: PlanOptions): LedgerFromPlan {
  const first = buildAreas(plan, registry, options);
  if (!options.newUnits || first.book.unknownCounts().length === 0) return first.result;
  // --new-units: read again with the unknown names registered, so that headings and glued cells
  // split on them too.
  const { registry: extended, added } = first.book.extended();
  const second = buildAreas(plan, extended, options).result;
  const used = new Set(
    second.areas.flatMap((a) => [...a.lead, ...a.tasks.flatMap((t) => t.measures.flatMap((m) => m.units))]),
  );
  return { ...second, newUnits: added.filter((n) => used.has(n)), unknownUnits: first.result.unknownUnits };
}

function buildAreas(
  plan: Plan,
  registry: UnitRegistry,
  options: PlanOptions,
): { result: LedgerFromPlan; book: UnitBook } {
  const diagnostics = [...plan.diagnostics];
  const year = options.year ?? planYear(plan.title);
  const step: Step = {
    book: new UnitBook(registry),
    ...(year !== undefined ? { year } : {}),
    options,
    report: (at, input) => diagnostics.push(diagnosticAt({ file: options.file, ...at }, input)),
    noYear: [],
    defaulted: [],
  };
  const areas = plan.areas.map((area, i) => buildArea(area, i, step));
  pushAll(diagnostics, step.book.diagnostics(options.file));
  if (step.noYear.length > 0)
    diagnostics.push(
      diagnosticAt(
        { file: options.file, line: 0, col: 0 },
        {
          code: 'import/no-year',
          message: `${step.noYear.length} 项具体措施的完成时限没有写年份（如“6月底”），方案标题中也没有年份：${step.noYear.join('、')}`,
          hint: '用 --year 指定方案的年份，例如 --year 2021',
        },
      ),
    );
  checkNumbering(areas, step.report);
  const result = {
    areas,
    diagnostics: [...plan.diagnostics, ...sortDiagnostics(diagnostics.slice(plan.diagnostics.length))],
    newUnits: [],
    unknownUnits: step.book.unknownCounts(),
    ...(year !== undefined ? { year } : {}),
    defaulted: step.defaulted,
  };
  return { result, book: step.book };
}

/** 2021 from “2021年…工作要点” or “…〔2020〕5号”. */
export function planYear(title: string | undefined): number | undefined {
  const match = /(20\d{2})\s*年/.exec(title ?? '') ?? /[〔﹝[［（(](20\d{2})[〕﹞\]］）)]/.exec(title ?? '');
  return match ? Number(match[1]) : undefined;
}

function buildArea(plan: PlanArea, index: number, step: Step): Area {
  const number = plan.number ?? index + 1;
  const tasks = plan.tasks.map((task, t) => buildTask(task, `${number}.${task.number ?? t + 1}`, plan, step));
  const heading = readHeading(plan, step);
  let lead = heading.leads;
  if (lead.length === 0) lead = [...new Set(tasks.flatMap((t) => t.leads))];
  // Leads written but not in the registry are already listed as unknown units.
  const unknownLeads = tasks.some((t) => t.unknownLeads);
  if (lead.length === 0 && !unknownLeads)
    step.report(plan.at, {
      code: 'import/area-lead',
      message: `无法从“${plan.heading}”中识别牵头单位`,
      hint: '在标题后写明（××牵头），或在各项措施后写明（牵头单位：……）',
    });
  if (tasks.length === 0)
    step.report(plan.at, { code: 'import/empty-area', message: `“${heading.title}”下没有具体措施` });
  tasks.forEach(({ task, leads }, t) => {
    if (heading.separately) {
      const own = lead[t];
      if (own) task.lead = own;
      else if (!heading.unknown)
        step.report(plan.tasks[t]!.at, {
          code: 'import/task-lead',
          message: `“分别牵头”的牵头单位少于目标任务数，目标任务 ${task.id} 没有对应的牵头单位`,
        });
    } else if (lead.length > 1) task.lead = leads.find((l) => lead.includes(l)) ?? lead[0]!;
  });
  return { area: number, title: heading.title, lead, tasks: tasks.map((t) => t.task) };
}

interface Heading {
  title: string;
  leads: string[];
  separately: boolean;
  /** Some lead written in the heading is not in the registry (listed already). */
  unknown: boolean;
}

function readHeading(plan: PlanArea, step: Step): Heading {
  const read = (title: string, text: string, separately: boolean): Heading => {
    const { units, unknown } = step.book.read(text, plan.at);
    return { title, leads: units, separately, unknown: unknown.length > 0 };
  };
  if (plan.leads) return read(plan.heading, plan.leads, false);
  const paren = trailingUnits(plan.heading);
  if (paren?.leads) return read(paren.text, paren.leads, paren.separately);
  const none = { title: plan.heading, leads: [], separately: false, unknown: false };
  let body = plan.heading.replace(/[)）]\s*$/, '').trim();
  if (!body.endsWith('牵头')) return none;
  body = body.slice(0, -2);
  const separately = body.endsWith('分别');
  const split = step.book.splitTrailing(separately ? body.slice(0, -2) : body);
  return split ? { title: split.head.trim(), leads: split.units, separately, unknown: false } : none;
}

function buildTask(
  plan: PlanTask,
  id: string,
  area: PlanArea,
  step: Step,
): { task: Task; leads: string[]; unknownLeads: boolean } {
  const task: Task = { id, title: firstSentence(plan.text), text: plan.text, measures: [] };
  const leads: string[] = [];
  let unknownLeads = false;
  plan.measures.forEach((measure, m) => {
    const built = buildMeasure(measure, `${id}.${measure.number ?? m + 1}`, plan, area, step);
    task.measures.push(built.measure);
    for (const lead of built.leads) if (!leads.includes(lead)) leads.push(lead);
    unknownLeads ||= built.unknownLeads;
  });
  return { task, leads, unknownLeads };
}

function buildMeasure(
  plan: PlanMeasure,
  id: string,
  task: PlanTask,
  area: PlanArea,
  step: Step,
): { measure: Measure; leads: string[]; unknownLeads: boolean } {
  const own = plan.leads !== undefined || plan.units !== undefined;
  const source = own ? plan : task.leads !== undefined || task.units !== undefined ? task : area;
  const at = (own && plan.unitsAt) || (own ? plan.at : source.at);
  const leads = step.book.read(source.leads, at);
  const units = step.book.read(source.units, at);
  const all = [...new Set([...leads.units, ...units.units])];
  if (all.length === 0 && leads.unknown.length + units.unknown.length === 0)
    step.report(plan.at, { code: 'import/no-units', message: `具体措施 ${id} 没有责任部门` });
  const related = leads.related || units.related ? { related_units: true } : {};
  const measure: Measure = {
    id,
    title: firstSentence(plan.text),
    text: plan.text,
    deadline: measureDeadline(plan, id, step),
    units: all,
    ...related,
    status: '未启动',
    progress: plan.progress ?? '',
    remark: plan.remark ?? '',
  };
  return { measure, leads: leads.units, unknownLeads: leads.unknown.length > 0 };
}

function measureDeadline(plan: PlanMeasure, id: string, step: Step): string {
  const reading =
    plan.deadline !== undefined ? readWrittenDeadline(plan.deadline, step.year) : inlineDeadline(plan.text, step.year);
  if ('deadline' in reading) return reading.deadline;
  if (reading.problem === 'none' && step.options.defaultDeadline) {
    step.defaulted.push(id);
    return step.options.defaultDeadline;
  }
  if (reading.problem === 'no-year') step.noYear.push(id);
  else if (reading.problem === 'unreadable')
    step.report(plan.at, { code: 'import/deadline', message: `具体措施 ${id} 的完成时限“${plan.deadline}”无法识别` });
  else
    step.report(plan.at, {
      code: 'import/no-deadline',
      message: `具体措施 ${id} 没有完成时限`,
      hint: '在方案中写明，或用 --default-deadline 给没有时限的措施统一指定，例如 --default-deadline 2021年底前',
    });
  return plan.deadline?.trim() || '未定';
}
