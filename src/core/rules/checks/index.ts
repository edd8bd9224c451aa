import type { Check } from './check.js';
import { consistentIds } from './consistent-ids.js';
import { deadlinesParse } from './deadlines-parse.js';
import { uniqueIds } from './unique-ids.js';
import { taskLeadsValid, unitsKnown } from './units-known.js';
import { unitsRegistry } from './units-registry.js';

export { runChecks, type Check } from './check.js';

/** The checks `ledger validate` runs on the ledger, in order. */
export const LEDGER_CHECKS: readonly Check[] = [
  uniqueIds,
  consistentIds,
  deadlinesParse,
  unitsRegistry,
  unitsKnown,
  taskLeadsValid,
];
