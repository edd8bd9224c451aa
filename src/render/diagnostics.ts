import type { Diagnostic, SourceLineLookup } from '../core/model/diagnostic.js';
import type { ValidateResult } from '../core/model/validate-result.js';
import { foldText } from './fold.js';
import { MAX_VALUE_CHARS, safeExcerpt, safeMessage, safeText } from './safe-text.js';
import { displayWidth } from './text-width.js';

export type DiagnosticsFormat = 'text' | 'json' | 'github';

const SEVERITY_LABELS = { error: '错误', warning: '警告' } as const;

/** `width` (terminal columns) folds the text format's lines; the json and github formats are never folded. */
export function renderDiagnostics(
  result: ValidateResult,
  format: DiagnosticsFormat,
  sourceLine?: SourceLineLookup,
  width?: number,
): string {
  return format === 'text' ? renderText(result, sourceLine, width) : RENDERERS[format](result, sourceLine);
}

const RENDERERS: Record<DiagnosticsFormat, (result: ValidateResult, sourceLine?: SourceLineLookup) => string> = {
  text: (result, sourceLine) => renderText(result, sourceLine),
  json: renderJson,
  github: (result, sourceLine) =>
    `${boundDiagnostics(result.diagnostics).map(githubAnnotation).join('\n')}\n${renderText(result, sourceLine)}`,
};

export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'col'>): string {
  const file = safeText(d.file, { max: MAX_VALUE_CHARS * 2 });
  return d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
}

/** One line per diagnostic, its hint below, and with `sourceLine` an excerpt of the source with a caret under the column. */
export function renderDiagnosticLines(
  diagnostics: readonly Diagnostic[],
  sourceLine?: SourceLineLookup,
  width?: number,
): string[] {
  const fold = (line: string, indent: string) => (width === undefined ? line : foldText(line, width, { indent }));
  return boundDiagnostics(diagnostics).flatMap((d) => [
    fold(`${formatLocation(d)}: ${SEVERITY_LABELS[d.severity]} [${d.code}] ${safeMessage(d.message)}`, '    '),
    ...excerpt(d, sourceLine).map((line) => (width === undefined ? line : clip(line, width))),
    ...(d.hint ? [fold(`    → ${safeMessage(d.hint)}`, '      ')] : []),
  ]);
}

/** A source excerpt is cut at the width, not folded, so that the caret stays under its column. */
function clip(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  let out = '';
  for (const ch of line) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Why an export wrote nothing: the ledger's errors, then one line saying so (`what`: 未导出, 未生成汇总). */
export function renderLedgerErrors(diagnostics: readonly Diagnostic[], what: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.code !== 'write/refused').length;
  return `${[...renderDiagnosticLines(diagnostics), `台账有 ${errors} 个错误，${what}。修正后再运行（ledger validate 可查看详情）。`].join('\n')}\n`;
}

function excerpt(d: Diagnostic, sourceLine?: SourceLineLookup): string[] {
  const text = d.line > 0 ? sourceLine?.(d.file, d.line) : undefined;
  if (text === undefined || text.trim() === '') return [];
  const gutter = String(d.line);
  const shown = safeExcerpt(text, d.col);
  const caretAt = displayWidth(shown.before);
  return [`  ${gutter} | ${shown.text}`, `  ${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`];
}

function renderText(result: ValidateResult, sourceLine?: SourceLineLookup, width?: number): string {
  const { errors, warnings, files, measures } = result.summary;
  const scope = `检查了 ${files} 个文件、${measures} 项具体措施`;
  const verdict =
    errors + warnings === 0 ? `✓ 没有发现问题（${scope}）` : `共 ${errors} 个错误、${warnings} 个警告（${scope}）`;
  return [
    ...renderDiagnosticLines(result.diagnostics, sourceLine, width),
    ...(result.diagnostics.length ? [''] : []),
    width === undefined ? verdict : foldText(verdict, width, { indent: '  ' }),
  ].join('\n');
}

/** The stable JSON format documented in docs/diagnostics.md (version 1). */
function renderJson(result: ValidateResult): string {
  return JSON.stringify(
    {
      version: 1,
      ok: result.summary.errors === 0,
      summary: result.summary,
      diagnostics: boundDiagnostics(result.diagnostics).map(diagnosticJson),
    },
    null,
    2,
  );
}

/** One diagnostic in the JSON formats (validate, check): every field present, a missing hint as null. */
export function diagnosticJson({ code, severity, file, line, col, message, hint }: Diagnostic) {
  return {
    code,
    severity,
    file: safeText(file),
    line,
    col,
    message: safeMessage(message),
    hint: hint === undefined ? null : safeMessage(hint),
  };
}

export function githubAnnotation(d: Diagnostic): string {
  const file = escapeProperty(safeText(d.file));
  const where = d.line > 0 ? `file=${file},line=${d.line},col=${d.col}` : `file=${file}`;
  const text = d.hint ? `${safeMessage(d.message)}\n${safeMessage(d.hint)}` : safeMessage(d.message);
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${where},title=${escapeProperty(d.code)}::${escapeData(text)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** How many findings of one code in one file are listed; the rest are counted in one line. */
export const MAX_DIAGNOSTICS_PER_CODE = 20;

/**
 * Codes listed whole: each finding is already one distinct thing to act on (import lists each unknown
 * unit once, with its count), so the list is what the user needs, and it is as long as the plan's units.
 */
const LISTED_WHOLE = new Set(['import/unknown-unit']);

/**
 * Bounded diagnostics, for every output format: at most `max` per file and code, in the given
 * order; each group over it gets one more finding of the same code (at the first one left out),
 * placed after the ones listed, saying how many more there are. A report of thousands of duplicate
 * entries prints a few lines, not megabytes. Summaries keep counting the full list.
 */
export function boundDiagnostics(diagnostics: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_CODE): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics.slice();
  const groups = new Map<string, { count: number; more?: Diagnostic }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (LISTED_WHOLE.has(d.code)) {
      kept.push(d);
      continue;
    }
    const key = `${d.file}\u0000${d.code}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { count: 0 }));
    group.count += 1;
    if (group.count <= max) kept.push(d);
    else if (group.count === max + 1) {
      group.more = { code: d.code, severity: d.severity, file: d.file, line: d.line, col: d.col, message: '' };
      kept.push(group.more);
    }
  }
  for (const group of groups.values()) {
    if (!group.more) continue;
    group.more.message = `另有 ${group.count - max} 处同类问题（${group.more.code}），未逐一列出`;
    group.more.hint = '修正上面列出的问题后重新运行，即可看到其余的';
  }
  return kept;
}
