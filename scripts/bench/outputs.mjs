// One command must print the same whatever the machine's zone and whether its caches were there: rows that
// share an `output` key (plan.mjs) are compared on the standard output of their first run.

/**
 * Compares the kept outputs; when those of a key differ, every row of the key fails with the first
 * differing line. Drops the kept outputs. Returns one check per key: {key (its label), labels, same, detail}.
 */
export function checkOutputs(rows) {
  const byKey = new Map();
  for (const row of rows) {
    if (row.output === undefined || row.stdout === undefined) continue;
    if (!byKey.has(row.output)) byKey.set(row.output, []);
    byKey.get(row.output).push(row);
  }
  const checks = [];
  for (const [key, list] of byKey) {
    const [first] = list;
    const other = list.find((row) => row.stdout !== first.stdout);
    const labels = list.map((row) => `${row.label}${row.cache === 'first' ? '（首次）' : ''}`);
    const name = first.outputLabel ?? key;
    if (!other) {
      checks.push({ key: name, labels, same: true });
      continue;
    }
    const detail = `${first.label} 与 ${other.label}（${other.size}）${firstDifference(first.stdout, other.stdout)}`;
    for (const row of list.filter((r) => r.state === 'ok'))
      Object.assign(row, { state: 'failed', error: `输出不同：${detail}`.slice(0, 300) });
    checks.push({ key: name, labels, same: false, detail });
  }
  for (const row of rows) delete row.stdout;
  return checks;
}

function firstDifference(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  const at = left.findIndex((line, i) => line !== right[i]);
  const n = at === -1 ? left.length : at;
  const clip = (line) => (line === undefined ? '（无）' : `“${line.slice(0, 80)}”`);
  return `第 ${n + 1} 行：${clip(left[n])} / ${clip(right[n])}`;
}
