import { pushAll } from '../core/model/arrays.js';
import { DecisionSchema, type Decision, type DecisionSource } from '../core/model/decision.js';
import { classifyDecisionPath, DECISIONS_DIR, decisionPath } from '../core/model/decision-path.js';
import { diagnosticAt, fileDiagnostic, type Diagnostic } from '../core/model/diagnostic.js';
import { zodIssuesToDiagnostics } from '../core/model/zod-issues.js';
import { renderDecisionYaml } from '../render/decision-yaml.js';
import { isSafeFileName } from '../core/reports/report-path.js';
import { UsageError } from '../errors.js';
import type { ExtraWrite } from './apply-merge.js';
import { listFilesUnder } from './list-reports.js';
import { LINK_HINT, linkProblem, readRepoFile, repoFolder } from './repo-path.js';
import { parseYamlSource } from './yaml-source.js';

export interface LoadedDecisions {
  decisions: DecisionSource[];
  diagnostics: Diagnostic[];
}

/** Every decision file in the work tree, oldest first (by day, then path). */
export function loadDecisions(root: string): LoadedDecisions {
  if (repoFolder(root, DECISIONS_DIR) === 'absent') return { decisions: [], diagnostics: [] };
  return readDecisions(root, listFilesUnder(root, DECISIONS_DIR));
}

/** The given decision files of the work tree, parsed and checked against their place; oldest first. */
export function readDecisions(root: string, files: readonly string[]): LoadedDecisions {
  const out: LoadedDecisions = { decisions: [], diagnostics: [] };
  for (const file of files) {
    const link = linkProblem(root, file);
    if (link) {
      out.diagnostics.push(
        fileDiagnostic(file, { code: 'file/symlink', message: `拒绝读取 ${file}：${link}`, hint: LINK_HINT }),
      );
      continue;
    }
    const decision = parseDecision(readRepoFile(root, file), file, out.diagnostics);
    if (decision) out.decisions.push(decision);
  }
  out.decisions.sort((a, b) => a.data.on.localeCompare(b.data.on) || a.file.localeCompare(b.file));
  return out;
}

/** One decision file: YAML, the schema, and a place that matches its author and day. */
export function parseDecision(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): DecisionSource | undefined {
  const shape = classifyDecisionPath(file);
  if (shape.kind === 'stray') {
    diagnostics.push(
      fileDiagnostic(file, {
        code: 'decision/place',
        message: `${file} 不是决定文件：${shape.reason}`,
        hint: `决定文件由 ledger verify、extend、notice --issue、receive 写入 ${DECISIONS_DIR}/决定单位/YYYY-MM/ 中；其他文件请移出 ${DECISIONS_DIR}/`,
      }),
    );
    return undefined;
  }
  const parsed = parseYamlSource(bytes, file);
  pushAll(diagnostics, parsed.diagnostics);
  if (parsed.diagnostics.length > 0) return undefined;
  const result = DecisionSchema.safeParse(parsed.source.value);
  if (!result.success) {
    pushAll(diagnostics, zodIssuesToDiagnostics(result.error.issues, parsed.source.locate, parsed.source.value));
    return undefined;
  }
  const data = result.data;
  const misplaced =
    data.by !== shape.by
      ? { path: ['by'], what: `决定单位 ${data.by} 与所在文件夹 ${shape.by} 不符` }
      : data.on.slice(0, 7) !== shape.month
        ? { path: ['on'], what: `决定日期 ${data.on} 不在所在的月份文件夹 ${shape.month} 中` }
        : file !== decisionPath(data)
          ? { path: ['decision'], what: `文件名与决定的内容不符` }
          : undefined;
  if (misplaced) {
    diagnostics.push(
      diagnosticAt(parsed.source.locate(misplaced.path), {
        code: 'decision/place',
        message: `${file}：${misplaced.what}；文件夹决定由谁审核（CODEOWNERS），两者必须一致`,
        hint: `决定文件应在 ${decisionPath(data)}`,
      }),
    );
    return undefined;
  }
  return { file, data };
}

/** The decision as a file to write beside the ledger edits it makes; a name that is not a plain file name is refused. */
export function decisionWrite(decision: Decision): ExtraWrite {
  const file = decisionPath(decision);
  const unsafe = file.split('/').find((part) => !isSafeFileName(part));
  if (unsafe !== undefined)
    throw new UsageError(
      `决定文件名“${unsafe}”含有路径字符（/、\\、..），不能写入`,
      '单位名称只用单位名录中登记的名称',
    );
  return { file, content: renderDecisionYaml(decision) };
}
