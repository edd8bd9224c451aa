// Used only where GNU time is missing: a node child writes its own peak RSS (KB) on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.LEDGER_BENCH_RSS_OUT, String(process.resourceUsage().maxRSS)));
