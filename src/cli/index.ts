import type { CommandSpec } from './spec.js';
import { importSpec } from '../commands/import/spec.js';
import { renderSpec } from '../commands/render/spec.js';
import { summarySpec } from '../commands/summary/spec.js';
import { validateSpec } from '../commands/validate/spec.js';
import { templateSpec } from '../commands/template/spec.js';
import { mergeSpec } from '../commands/merge/spec.js';
import { extendSpec } from '../commands/extend/spec.js';
import { missingSpec } from '../commands/missing/spec.js';
import { statusSpec } from '../commands/status/spec.js';
import { overdueSpec } from '../commands/overdue/spec.js';
import { showSpec } from '../commands/show/spec.js';
import { historySpec } from '../commands/history/spec.js';
import { logSpec } from '../commands/log/spec.js';
import { checkSpec } from '../commands/check/spec.js';
import { codeownersSpec } from '../commands/codeowners/spec.js';
import { initSpec } from '../commands/init/spec.js';
import { siteSpec } from '../commands/site/spec.js';
import { noticeSpec } from '../commands/notice/spec.js';
import { verifySpec } from '../commands/verify/spec.js';
import { remindSpec } from '../commands/remind/spec.js';

/** Every command, in the order --help lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  importSpec,
  validateSpec,
  statusSpec,
  overdueSpec,
  showSpec,
  renderSpec,
  summarySpec,
  siteSpec,
  templateSpec,
  mergeSpec,
  extendSpec,
  verifySpec,
  missingSpec,
  remindSpec,
  noticeSpec,
  historySpec,
  logSpec,
  checkSpec,
  codeownersSpec,
  initSpec,
];
