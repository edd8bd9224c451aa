#!/usr/bin/env node
// Summarises a .cpuprofile (from `node --cpu-prof`): self time by package/module and the top functions.
//   node scripts/bench/cpu-profile-summary.mjs PROFILE.cpuprofile [top=15]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function summariseProfile(profile, top = 15) {
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = dt.reduce((s, d) => s + d, 0) / 1000;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    self.set(node, (self.get(node) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const groups = new Map();
  const fns = new Map();
  for (const [node, ms] of self) {
    const { url, functionName, lineNumber } = node.callFrame;
    const group = moduleGroup(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, groups: sorted(groups), functions: sorted(fns).slice(0, top) };
}

function moduleGroup(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const dist = /\/dist\/(.+)$/.exec(url);
  return dist ? `ledger ${dist[1]}` : url;
}

/** The summary as text: self time per module, then the top functions. */
export function formatSummary({ total, groups, functions }, modules = 10) {
  const pct = (ms) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  return [
    `总计 ${total.toFixed(0)} ms（采样）`,
    '-- 按模块的自身时间',
    ...groups.slice(0, modules).map(([name, ms]) => `${pct(ms)}  ${name}`),
    '-- 自身时间最多的函数',
    ...functions.map(([name, ms]) => `${pct(ms)}  ${name}`),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  console.log(formatSummary(summariseProfile(profile, Number(process.argv[3] ?? 15)), 12));
}
