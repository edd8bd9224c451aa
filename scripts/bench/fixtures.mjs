// The synthetic ledgers of --sizes (information rows): a generated ledger of n measures committed on the 1st
// of REPORT_MONTH and every unit's report committed on the 15th, so that commands run as typed; a clone of it
// for `ledger merge` to rewrite, put back before each run.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateLedger, writeFiles } from '../generate-ledger.mjs';
import { git, gitInit, importCommits } from './git.mjs';

export const REPORT_MONTH = '2020-07';
/** The synthetic ledgers' today: the lead's merge day of REPORT_MONTH. */
export const SYNTHETIC_NOW = `${REPORT_MONTH}-24T10:00:00+08:00`;
const LEAD = { name: '王芳', email: 'wangfang@example.gov.cn' };

/** Writes and commits the ledger of `measures` under work/synthetic-<measures>, and its clone for merge. */
export function prepareLedger(work, measures, seed = 1) {
  const dir = path.join(work, `synthetic-${measures}`);
  const files = generateLedger({ measures, seed, month: REPORT_MONTH, reports: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFiles(dir, files);
  gitInit(dir);
  const part = (prefix) => Object.entries(files).filter(([file]) => file.startsWith(prefix));
  importCommits(dir, [
    { message: '导入台账', who: LEAD, when: `${REPORT_MONTH}-01T09:00:00+08:00`, files: part('ledger/') },
    { message: `${REPORT_MONTH} 报送`, who: LEAD, when: `${REPORT_MONTH}-15T16:00:00+08:00`, files: part('reports/') },
  ]);
  const mergeDir = `${dir}-merge`;
  rmSync(mergeDir, { recursive: true, force: true });
  git(work, ['clone', '-q', dir, mergeDir]);
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return { dir, mergeDir, files: Object.keys(files).length, bytes };
}

/** Puts the merge clone's work tree back to its commit. */
export function restoreMergeCopy({ mergeDir }) {
  git(mergeDir, ['reset', '-q', '--hard']);
  git(mergeDir, ['clean', '-fdxq']);
}
