import type { Diagnostic } from '../model/diagnostic.js';
import { parseChineseNumeral } from './numbering.js';
import type { Plan, PlanArea, PlanMeasure, PlanTask } from './plan.js';
import { trailingUnits, type UnitParenthesis } from './unit-parenthesis.js';

/**
 * Reads plan text whose items are numbered (一、 / （一） / 1. / （1） / 1） / ①) and end with a
 * parenthesis naming their units. The level whose items carry the units is the measure level; the
 * two levels above it are area and task (one level above: one task per area). Prose between items,
 * sections without units (总体要求, 保障措施) and levels above those two are left out and listed.
 */
const MARKS: readonly { pattern: RegExp; number: (m: RegExpExecArray) => number }[] = [
  { pattern: /^([一二三四五六七八九十]+)\s*[、.．]\s*/, number: (m) => parseChineseNumeral(m[1]!) },
  { pattern: /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*/, number: (m) => parseChineseNumeral(m[1]!) },
  { pattern: /^(\d{1,3})\s*[.．、](?!\d)\s*/, number: (m) => Number(m[1]) },
  { pattern: /^[（(]\s*(\d{1,3})\s*[）)]\s*/, number: (m) => Number(m[1]) },
  { pattern: /^(\d{1,3})\s*[)）]\s*/, number: (m) => Number(m[1]) },
  { pattern: /^([①-⑳])\s*/, number: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
];

interface Node {
  /** Index into MARKS: smaller is higher. */
  kind: number;
  number: number;
  /** The line without its mark; `raw` with it. */
  text: string;
  raw: string;
  /** Unmarked lines after it (the rest of its paragraph, or prose under a heading). */
  extra: string;
  line: number;
  /** The units parenthesis its text (with extra) ends with; headings use `ownParen`, of their line alone. */
  paren?: UnitParenthesis;
  ownParen?: UnitParenthesis;
  parent?: Node;
}

export function readNumberedText(lines: readonly string[], format: Plan['format']): Plan {
  const { nodes, title } = readNodes(lines);
  const diagnostics: Diagnostic[] = [];
  const skipped: string[] = [];
  const measureKind = chooseMeasureKind(nodes);
  if (measureKind === undefined)
    return { format, ...(title ? { title } : {}), levels: 3, areas: [], skipped, diagnostics };
  const headingKinds = [...new Set(nodes.filter((n) => n.kind < measureKind).map((n) => n.kind))].sort();
  const used = usedHeadingKinds(nodes, headingKinds, measureKind);
  const [areaKind, taskKind] = used.length >= 2 ? used.slice(-2) : [used[0], undefined];
  const areas: PlanArea[] = [];
  let area: PlanArea | undefined;
  let task: PlanTask | undefined;
  let measure: PlanMeasure | undefined;
  for (const node of nodes) {
    if (node.kind === areaKind) {
      area = { ...headingParts(node), number: node.number, tasks: [], at: { line: node.line, col: 1 } };
      areas.push(area);
      task = undefined;
      measure = undefined;
    } else if (node.kind === taskKind && area) {
      task = { ...taskParts(node), number: node.number, measures: [], at: { line: node.line, col: 1 } };
      area.tasks.push(task);
      measure = undefined;
    } else if (node.kind === measureKind && (area || areaKind === undefined)) {
      if (!area) {
        area = { heading: title ?? '工作任务', tasks: [], at: { line: node.line, col: 1 } };
        areas.push(area);
      }
      if (!task) {
        task = { text: area.heading, measures: [], at: area.at };
        area.tasks.push(task);
      }
      measure = measureOf(node);
      task.measures.push(measure);
    } else if (node.kind > measureKind && measure) measure.text += node.raw + node.extra;
    else if (node.kind < measureKind && node.kind !== areaKind && node.kind !== taskKind) skipped.push(node.text);
  }
  const named = (x: { leads?: string; units?: string }) => x.leads !== undefined || x.units !== undefined;
  const kept = areas.filter((a) => named(a) || a.tasks.some((t) => named(t) || t.measures.some(named)));
  for (const a of areas) if (!kept.includes(a)) skipped.push(a.heading);
  for (const a of kept) a.tasks = a.tasks.filter((t) => t.measures.length > 0);
  const levels = taskKind === undefined ? 2 : 3;
  return { format, ...(title ? { title } : {}), levels, areas: kept, skipped, diagnostics };
}

function readNodes(lines: readonly string[]): { nodes: Node[]; title?: string } {
  const nodes: Node[] = [];
  const preamble: string[] = [];
  const open: Node[] = [];
  lines.forEach((raw, i) => {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '') return;
    const mark = MARKS.map((m, kind) => ({ kind, m: m.pattern.exec(text), number: m.number })).find((x) => x.m);
    if (!mark) {
      const last = nodes.at(-1);
      if (last) last.extra += text;
      else preamble.push(text);
      return;
    }
    while (open.length > 0 && open.at(-1)!.kind >= mark.kind) open.pop();
    const node: Node = {
      kind: mark.kind,
      number: mark.number(mark.m!),
      text: text.slice(mark.m![0].length),
      raw: text,
      extra: '',
      line: i + 1,
    };
    if (open.length > 0) node.parent = open.at(-1)!;
    open.push(node);
    nodes.push(node);
  });
  for (const node of nodes) {
    const paren = unitParenthesis(node.text + node.extra);
    if (paren) node.paren = paren;
    const own = unitParenthesis(node.text);
    if (own) node.ownParen = own;
  }
  const title = preamble.slice(0, 3).join(' ');
  return { nodes, ...(title ? { title } : {}) };
}

function unitParenthesis(text: string): UnitParenthesis | undefined {
  const paren = trailingUnits(text);
  return paren && (paren.leads || paren.units) ? paren : undefined;
}

/** The kind most items with units have; when those items mostly have numbered children, the children's. */
function chooseMeasureKind(nodes: readonly Node[]): number | undefined {
  const kind = mostCommon(nodes.filter((n) => n.paren).map((n) => n.kind));
  if (kind === undefined) return undefined;
  const withUnits = nodes.filter((n) => n.kind === kind && n.paren);
  const children = nodes.filter((n) => n.parent && withUnits.includes(n.parent));
  const parents = new Set(children.map((n) => n.parent));
  return parents.size * 2 > withUnits.length ? mostCommon(children.map((n) => n.kind)) : kind;
}

/** Heading kinds that stand above measures, without a wrapper on top (the one section with measures). */
function usedHeadingKinds(nodes: readonly Node[], kinds: readonly number[], measureKind: number): number[] {
  const above = kinds.filter((kind) =>
    nodes.some((n) => n.kind === measureKind && ancestors(n).some((a) => a.kind === kind)),
  );
  if (above.length >= 2) {
    const tops = nodes.filter((n) => n.kind === above[0]);
    const top = tops.filter((n) => nodes.some((m) => m.kind === measureKind && ancestors(m).includes(n)));
    // “二、重点任务” among “一、总体要求” and “三、保障措施”: the only section with measures, naming no units.
    if (top.length === 1 && tops.length > 1 && !top[0]!.ownParen) return above.slice(1);
  }
  return above;
}

function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let at = node.parent; at; at = at.parent) out.push(at);
  return out;
}

function headingParts(node: Node): Pick<PlanArea, 'heading' | 'leads' | 'units'> {
  if (!node.ownParen || node.ownParen.separately) return { heading: node.text };
  return { heading: node.ownParen.text, ...unitsOf(node.ownParen) };
}

function taskParts(node: Node): Pick<PlanTask, 'text' | 'leads' | 'units'> {
  return node.ownParen ? { text: node.ownParen.text, ...unitsOf(node.ownParen) } : { text: node.text };
}

function measureOf(node: Node): PlanMeasure {
  const at = { line: node.line, col: 1 };
  if (!node.paren) return { text: node.text + node.extra, number: node.number, at };
  const deadline = node.paren.deadline !== undefined ? { deadline: node.paren.deadline } : {};
  return { text: node.paren.text, ...unitsOf(node.paren), ...deadline, number: node.number, at };
}

function unitsOf(paren: UnitParenthesis): { leads?: string; units?: string } {
  return { ...(paren.leads ? { leads: paren.leads } : {}), ...(paren.units ? { units: paren.units } : {}) };
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
