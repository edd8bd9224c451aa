import type { CommandSpec } from './spec.js';
import { importSpec } from './import.js';
import { renderSpec } from './render.js';
import { validateSpec } from './validate.js';

/** Every command, in the order --help lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [importSpec, validateSpec, renderSpec];
