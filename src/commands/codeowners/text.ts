import path from 'node:path';
import type { CodeownersResult } from './run.js';
import { renderDiagnosticLines } from '../../render/diagnostics.js';

export function renderCodeowners(result: CodeownersResult, root: string, check: boolean): string {
  if (result.diagnostics.length > 0)
    return [...renderDiagnosticLines(result.diagnostics), '', '单位名录有错误，未生成 CODEOWNERS'].join('\n');
  const file = path.relative(root, result.file) || result.file;
  if (check && result.changed && result.empty) {
    return [`✗ ${file} 需要更新，但还没有任何单位填写 owner，也没有台账负责人`, `  → ${result.ownerHint ?? ''}`].join(
      '\n',
    );
  }
  const head = check
    ? result.changed
      ? `✗ ${file} 需要更新：运行 ledger codeowners`
      : `✓ ${file} 已是最新`
    : result.written
      ? `已写入 ${file}：${result.owned.length} 个单位的报送有负责人`
      : `${file} 已是最新，未改动`;
  const owner = result.ledgerOwner
    ? [
        `台账负责人（ledger/ 与未设 owner 单位的报送）：${result.ledgerOwner.handles}${result.ledgerOwner.from === 'file' ? `（沿用 ${file} 中的设置）` : ''}`,
      ]
    : [];
  const missing = result.missing.length
    ? [
        `未设置 owner 的单位（${result.missing.length} 个）：${result.missing.join('、')}`,
        '  → 在 ledger/units.yaml 中为它们加上 owner: "@账号或团队"',
      ]
    : [];
  return [head, ...owner, ...missing].join('\n');
}
