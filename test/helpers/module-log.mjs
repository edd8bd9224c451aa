// `node --import ./test/helpers/module-log.mjs …` with LEDGER_MODULE_LOG=FILE appends to FILE the URL
// of every ES module the process loads (a loader hook) and, at exit, every CommonJS file in require.cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.LEDGER_MODULE_LOG;
if (log && !process.env.LEDGER_MODULE_LOG_HOOKED) {
  process.env.LEDGER_MODULE_LOG_HOOKED = '1';
  register(import.meta.url);
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const files = Object.keys(require.cache).map((file) => pathToFileURL(file).href);
    if (files.length > 0) appendFileSync(log, `${files.join('\n')}\n`);
  });
}

/** The loader hook (runs on the hooks thread). */
export async function load(url, context, next) {
  if (log) appendFileSync(log, `${url}\n`);
  return next(url, context);
}
