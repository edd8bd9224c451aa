/**
 * Where decision files live and what their names say (decision.ts has the format). No zod here:
 * `ledger status` reads arrivals from receipt names on every run.
 */
import type { Decision } from './decision.js';

export const DECISIONS_DIR = 'decisions';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** decisions/<by>/<YYYY-MM>/<on>-<kind>-<subject>.yaml: the folder names the author, the name sorts by day. */
export function decisionPath(decision: Decision): string {
  return `${DECISIONS_DIR}/${decision.by}/${decision.on.slice(0, 7)}/${decision.on}-${decision.decision}-${subjectOf(decision)}.yaml`;
}

function subjectOf(decision: Decision): string {
  switch (decision.decision) {
    case '督办':
      return `${decision.number.replace(/\D+/g, '-').replace(/^-|-$/g, '')}号-${decision.unit}`;
    case '收件':
      return decision.report
        .split('/')
        .slice(1)
        .join('-')
        .replace(/\.yaml$/, '');
    default:
      return `${decision.measure}-${decision.unit}`;
  }
}

export type DecisionPathShape = { kind: 'decision'; by: string; month: string } | { kind: 'stray'; reason: string };

/** What a path under decisions/ is: a decision file of `by` in `month`, or something else. */
export function classifyDecisionPath(file: string): DecisionPathShape {
  const parts = file.split('/');
  if (parts[0] !== DECISIONS_DIR) return { kind: 'stray', reason: `不在 ${DECISIONS_DIR}/ 中` };
  if (parts.length !== 4) return { kind: 'stray', reason: `应为 ${DECISIONS_DIR}/单位/YYYY-MM/文件名.yaml` };
  const [, by = '', month = '', name = ''] = parts;
  if (!MONTH.test(month)) return { kind: 'stray', reason: `月份文件夹 ${month} 应写作 YYYY-MM` };
  if (!name.endsWith('.yaml')) return { kind: 'stray', reason: '决定文件应为 .yaml' };
  return { kind: 'decision', by, month };
}

/** The unit a decision is about: the unit verified, decided or noticed; for a receipt, the report's unit. */
export function decidedAbout(decision: Decision): string {
  return decision.decision === '收件' ? (decision.report.split('/')[2] ?? '').replace(/\.[^.]+$/, '') : decision.unit;
}

/**
 * The receipt a decision file's name records (decisions/<by>/<M>/<on>-收件-<month>-<unit>.yaml):
 * the stored report and the day. Validate and check hold every name to its content (decisionPath),
 * so the views, which run on every `ledger status`, read arrivals without parsing.
 */
export function receiptOfPath(file: string): { report: string; on: string } | undefined {
  const match = /^decisions\/[^/]+\/\d{4}-\d{2}\/(\d{4}-\d{2}-\d{2})-收件-(\d{4}-\d{2})-(.+)\.yaml$/.exec(file);
  return match ? { on: match[1]!, report: `reports/${match[2]}/${match[3]}.yaml` } : undefined;
}
