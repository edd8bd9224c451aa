import type { CommandSpec } from './spec.js';
import { importSpec } from './import.js';
import { renderSpec } from './render.js';
import { validateSpec } from './validate.js';
import { statusSpec } from './status.js';
import { overdueSpec } from './overdue.js';
import { showSpec } from './show.js';
import { templateSpec } from './template.js';
import { mergeSpec } from './merge.js';
import { extendSpec } from './extend.js';
import { missingSpec } from './missing.js';

/** Every command, in the order --help lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [importSpec, validateSpec, statusSpec, overdueSpec, showSpec, renderSpec, templateSpec, mergeSpec, extendSpec, missingSpec];
