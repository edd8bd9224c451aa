import type { CommandSpec } from './spec.js';
import { importSpec } from './import.js';
import { renderSpec } from './render.js';
import { summarySpec } from './summary.js';
import { validateSpec } from './validate.js';
import { templateSpec } from './template.js';
import { mergeSpec } from './merge.js';
import { extendSpec } from './extend.js';
import { missingSpec } from './missing.js';
import { statusSpec } from './status.js';
import { overdueSpec } from './overdue.js';
import { showSpec } from './show.js';
import { historySpec } from './history.js';
import { logSpec } from './log.js';
import { checkSpec } from './check.js';
import { codeownersSpec } from './codeowners.js';
import { initSpec } from './init.js';

/** Every command, in the order --help lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [importSpec, validateSpec, statusSpec, overdueSpec, showSpec, renderSpec, summarySpec, templateSpec, mergeSpec, extendSpec, missingSpec, historySpec, logSpec, checkSpec, codeownersSpec, initSpec];
