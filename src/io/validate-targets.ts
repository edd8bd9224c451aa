import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { LEDGER_DIR } from './ledger-root.js';
import { REPORTS_DIR } from '../core/reports/report-path.js';

/** What `ledger validate PATH…` was asked to look at. */
export interface ValidateTargets {
  /** Root-relative prefixes inside ledger/ or reports/ whose diagnostics are shown; empty means all. */
  scopes: string[];
  /** Report forms outside ledger/ and reports/ (e.g. one a unit is about to send), as absolute paths. */
  forms: string[];
}

/** Sorts the paths given on the command line; anything that is neither ledger nor report is a usage error. */
export function validateTargets(root: string, cwd: string, paths: readonly string[]): ValidateTargets {
  const targets: ValidateTargets = { scopes: [], forms: [] };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    if (!existsSync(absolute)) throw new UsageError(`找不到 ${given}`, '检查路径是否正确；不给路径时检查整个台账');
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    const top = relative.split('/')[0];
    if (inside && (relative === '' || top === LEDGER_DIR || top === REPORTS_DIR)) targets.scopes.push(relative);
    else if (statSync(absolute).isFile() && /\.ya?ml$/i.test(absolute)) targets.forms.push(absolute);
    else throw notLedgerFile(given, absolute);
  }
  return targets;
}

function notLedgerFile(given: string, absolute: string): UsageError {
  if (/\.xlsx$/i.test(absolute)) {
    return new UsageError(
      `validate 不读取 xlsx 报送表：${given}`,
      `用 ledger merge '${given}' --dry-run 检查它（只检查，不写入）`,
    );
  }
  return new UsageError(
    `${given} 不是台账文件或报送文件`,
    'validate 检查 ledger/ 下的台账文件、reports/ 下的报送文件，或一份 .yaml 报送表',
  );
}
