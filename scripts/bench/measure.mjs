// Whole-process measurements: wall time from spawn to exit, peak RSS of the child.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-preload.cjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-rss-'));
const rssFile = path.join(scratch, 'rss');

/** GNU time's -f/-o (Linux); elsewhere node children report their own peak RSS through a preload. */
export const memoryProbe = (() => {
  if (!existsSync(GNU_TIME)) return 'process.resourceUsage().maxRSS（预加载）';
  const probe = spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, 'true'], { stdio: 'ignore' });
  return probe.status === 0
    ? 'GNU time（/usr/bin/time -f "%M %U %S"：峰值内存与 CPU 时间）'
    : 'process.resourceUsage().maxRSS（预加载；CPU 时间未测）';
})();
const useGnuTime = memoryProbe.startsWith('GNU');

/**
 * Runs `argv` once with stdout discarded (or, with `capture`, returned). Returns wall milliseconds, CPU
 * milliseconds (user + system of the child, undefined when unknown), peak RSS in KB (undefined when
 * unknown), the exit code and stderr. The machine's zone is whatever `env` says (TZ), else this process's.
 */
export function runOnce(argv, { cwd, env = {}, capture = false }) {
  rmSync(rssFile, { force: true });
  const fullEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (!useGnuTime) {
    fullEnv.NODE_OPTIONS = `${fullEnv.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim();
    fullEnv.LEDGER_BENCH_RSS_OUT = rssFile;
  }
  const [file, ...args] = useGnuTime ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd,
    env: fullEnv,
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const probed = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop() : '';
  const [rssText = '', user, system] = (probed ?? '').split(' ');
  const rssKB = /^\d+$/.test(rssText) ? Number(rssText) : undefined;
  const cpuMs = user !== undefined && system !== undefined ? (Number(user) + Number(system)) * 1000 : undefined;
  return {
    ms,
    cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined,
    rssKB,
    code: result.status ?? -1,
    stdout: capture ? String(result.stdout ?? '') : undefined,
    stderr: String(result.stderr ?? ''),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function cleanupProbe() {
  rmSync(scratch, { recursive: true, force: true });
}
