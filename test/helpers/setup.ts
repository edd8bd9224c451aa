// Runs in every test file before its tests (vitest setupFiles), also when files share a worker
// (isolate: false), where a hook registered by a helper module on import would only reach the first file.
import { afterEach } from 'vitest';
import { suiteNow } from './suite-clock.js';
import { removeTempDirs } from './temp-dir.js';

process.env.LEDGER_NOW ??= suiteNow();

afterEach(removeTempDirs);
