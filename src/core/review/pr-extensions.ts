import { pushAll } from '../model/arrays.js';
import { diagnosticAt, type Diagnostic, type SourcePosition } from '../model/diagnostic.js';
import { extensionDeciders } from '../rules/extension-rules.js';
import type { Ledger } from '../model/ledger.js';
import type { ChangedMeasure } from './ledger-delta.js';
import { reportUnit, type ReportSource } from '../reports/report-checks.js';
import { classifyReportPath } from '../reports/report-path.js';
import { sameValue } from '../model/same-value.js';
import type { Extension } from '../model/schema.js';
import { resolveUnit } from '../model/units.js';

export interface ExtensionReviewInput {
  base: Ledger;
  changed: readonly ChangedMeasure[];
  /** Every report at the head that passed the schema: requests come only from these. */
  headReports: readonly ReportSource[];
  /** Units whose report files the pull request adds or changes. */
  reportingUnits: ReadonlySet<string>;
}

const key = (e: Pick<Extension, 'requested_by' | 'requested_in'>) => `${e.requested_by}\u0000${e.requested_in}`;
const verb = (state: Extension['state']) => (state === '已批准' ? '批准' : state === '已驳回' ? '驳回' : '记录');

/**
 * Extension items (申请延期 and their decisions) a pull request adds, changes
 * or removes. A request must be what a report asked for (the unit's report of
 * that month, with the same date and reason); a decision must be signed
 * (decided_by, decided_on) by a unit allowed to decide (extensionDeciders) and
 * must not ride in the same pull request as the requesting unit's own report;
 * a decided item never changes again and no item is ever removed.
 */
export function extensionChanges(input: ExtensionReviewInput): Diagnostic[] {
  return input.changed
    .filter((change) => change.progress.includes('extensions'))
    .flatMap((change) => reviewMeasure(input, change));
}

function reviewMeasure(input: ExtensionReviewInput, { base, head }: ChangedMeasure): Diagnostic[] {
  const before = new Map((base.measure.extensions ?? []).map((e) => [key(e), e]));
  const after = head.measure.extensions ?? [];
  const id = head.measure.id;
  const at = (index: number, field?: string) =>
    head.locate([...head.path, 'extensions', index, ...(field ? [field] : [])], field ? 'key' : 'value');
  const out: Diagnostic[] = [];
  for (const [k, old] of before) {
    if (after.some((e) => key(e) === k)) continue;
    out.push(
      diagnosticAt(head.locate([...head.path, 'extensions'], 'key'), {
        code: 'check/extension-removed',
        message: `删除了具体措施 ${id} 中 ${old.requested_by} ${old.requested_in} 的延期申请（延期至 ${old.until}，${old.state}）；延期记录是审计记录，不能删除`,
        hint: `恢复这一项：git checkout <基准分支> -- '${head.file}'，再重新运行 ledger merge / ledger extend`,
      }),
    );
  }
  after.forEach((item, index) => {
    const old = before.get(key(item));
    if (old && sameValue(old, item)) return;
    if (old && old.state !== '待审批') {
      out.push(decidedChanged(id, old, item, at(index, changedField(old, item))));
      return;
    }
    const requestChanged = !old || old.until !== item.until || old.reason !== item.reason;
    if (requestChanged) {
      const problem = unbackedRequest(input, id, item, at(index, old ? changedField(old, item) : undefined));
      if (problem) {
        out.push(problem);
        return;
      }
    }
    if (item.state !== '待审批') pushAll(out, [...decisionProblems(input, head, item, at(index, 'state'))]);
  });
  return out;
}

function changedField(old: Extension, item: Extension): string {
  const fields = Object.keys({ ...old, ...item }) as (keyof Extension)[];
  return fields.find((f) => !sameValue(old[f], item[f])) ?? 'state';
}

function decidedChanged(id: string, old: Extension, item: Extension, at: SourcePosition): Diagnostic {
  const field = changedField(old, item) as keyof Extension;
  return diagnosticAt(at, {
    code: 'check/extension-decided-changed',
    message: `具体措施 ${id} 中 ${old.requested_by} ${old.requested_in} 的延期申请已${old.decided_on ? `于 ${old.decided_on} ` : ''}由 ${old.decided_by || '（未注明）'} ${verb(old.state)}，不能再改（${field}：${String(old[field] ?? '（无）')} → ${String(item[field] ?? '（无）')}）`,
    hint: '恢复原样；需要再次延期时，由责任单位在下个月的报送中重新申请（extension），合并后再审批',
  });
}

/** The request as the unit's report of that month wrote it, or a diagnostic when there is none or it differs. */
function unbackedRequest(
  { base, headReports }: ExtensionReviewInput,
  id: string,
  item: Extension,
  at: SourcePosition,
): Diagnostic | undefined {
  const report = headReports.find(
    (r) => r.data.month === item.requested_in && reportUnit(base, r.data) === item.requested_by,
  );
  const asked = report?.data.entries.find((e) => e.id === id)?.extension;
  if (asked && asked.until === item.until && asked.reason.trim() === item.reason.trim()) return undefined;
  const where = report?.file ?? `reports/${item.requested_in}/${item.requested_by}.yaml`;
  const what = asked
    ? `与报送 ${where} 中的申请（延期至 ${asked.until}）不符`
    : `没有对应的报送：${where} ${report ? `中没有 ${id} 的 extension` : '不存在'}`;
  return diagnosticAt(at, {
    code: 'check/unbacked-extension',
    message: `具体措施 ${id} 的延期申请（${item.requested_by} ${item.requested_in}，延期至 ${item.until}，${item.state}）${what}`,
    hint: '延期申请只能由责任单位在月度报送中填写 extension，经 ledger merge 记为待审批，再由可审批的单位用 ledger extend 批准或驳回；撤销对 extensions 的手工修改',
  });
}

function decisionProblems(
  { base, reportingUnits }: ExtensionReviewInput,
  head: ChangedMeasure['head'],
  item: Extension,
  at: SourcePosition,
): Diagnostic[] {
  const id = head.measure.id;
  const deciders = extensionDeciders(item.requested_by, head.leads, base.config.supervisors);
  const named = namedUnits(base, item.decided_by ?? '');
  const request = `具体措施 ${id} 中 ${item.requested_by} ${item.requested_in} 的延期申请（延期至 ${item.until}）`;
  const hint = `由 ${deciders.join(' 或 ')} 运行 ledger extend ${id} --approve（或 --reject）--unit ${item.requested_by} --by ${deciders[0] ?? '审批单位'}，单独提交合并请求`;
  if (named.includes(item.requested_by)) {
    return [
      diagnosticAt(at, {
        code: 'check/extension-self-decided',
        message: `${request}由申请单位 ${item.requested_by} 自己${verb(item.state)}；申请单位不能审批自己的延期`,
        hint,
      }),
    ];
  }
  const out: Diagnostic[] = [];
  if (!item.decided_on || !named.some((unit) => deciders.includes(unit))) {
    const who = item.decided_by?.trim() ? `“${item.decided_by.trim()}”` : '（未注明）';
    out.push(
      diagnosticAt(at, {
        code: 'check/extension-decider',
        message: `${request}被标为“${item.state}”，但审批人 ${who}${item.decided_on ? '' : '、审批日期（未注明）'}不符合规定：能审批它的是 ${deciders.join('、')}`,
        hint,
      }),
    );
  }
  if (reportingUnits.has(item.requested_by)) {
    out.push(
      diagnosticAt(at, {
        code: 'check/extension-decided-with-report',
        message: `${request}在含有 ${item.requested_by} 本单位报送的合并请求中被${verb(item.state)}；审批必须与申请单位的报送分开提交`,
        hint: `先合并报送（延期记为待审批），再由 ${deciders.join(' 或 ')} 用 ledger extend 审批，另提合并请求`,
      }),
    );
  }
  return out;
}

/** Registered units named in a decided_by value such as “市审批局” or “市审批局 王主任”. */
function namedUnits(ledger: Ledger, decidedBy: string): string[] {
  return decidedBy
    .split(/[、，,；;\s]+/)
    .map((token) => resolveUnit(ledger.units, token))
    .filter((unit): unit is string => unit !== undefined);
}

/** Units whose report files (added, modified, renamed or copied) the pull request touches. */
export function unitsReportingIn(paths: readonly string[], ledger: Ledger): Set<string> {
  const out = new Set<string>();
  for (const file of paths) {
    const shape = classifyReportPath(file);
    if (shape.kind !== 'report') continue;
    out.add(resolveUnit(ledger.units, shape.unitName) ?? shape.unitName);
  }
  return out;
}
