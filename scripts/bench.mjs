#!/usr/bin/env node
// npm run bench: whole-process timings and peak memory of the built CLI, commands as users type them, against
// `node -e 0`; printed as a table and written to BENCHMARKS.md. What runs where: scripts/bench/plan.mjs. Options:
//   --work DIR        where fixtures go; the dated repositories built there are reused by later runs while their
//                     recipe is unchanged (default: a temp folder, removed afterwards)
//   --sizes 1000,2000 synthetic ledgers (information rows; a size and its double give the scaling check;
//                     --sizes "" for none, --sizes 50000,100000 for the large ones)
//   --quick           a trial: a small province-sized stand-in, no synthetic ledgers, one round per group (this
//                     checkout's start-up group keeps its rounds)
//   --only WORD       run only the groups whose name contains WORD (repeatable); the others' targets stay 未测
//   --out FILE        (default BENCHMARKS.md; --out - writes nothing)
//   --no-profile      skip the CPU profiles of missed targets
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlan, evaluateTargets } from './bench/plan.mjs';
import { formatSummary, summariseProfile } from './bench/cpu-profile-summary.mjs';
import { cleanupProbe, median, memoryProbe, runOnce } from './bench/measure.mjs';
import { checkOutputs } from './bench/outputs.mjs';
import { benchmarksMarkdown, scalingChecks, textTable } from './bench/report.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin/ledger');

function parseArgs(argv) {
  const options = {
    sizes: undefined,
    out: path.join(REPO, 'BENCHMARKS.md'),
    work: undefined,
    profile: true,
    quick: false,
    only: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--sizes') options.sizes = argv[++i].split(',').filter(Boolean).map(Number);
    else if (flag === '--out') options.out = argv[++i] === '-' ? undefined : path.resolve(argv[i]);
    else if (flag === '--work') options.work = path.resolve(argv[++i]);
    else if (flag === '--no-profile') options.profile = false;
    else if (flag === '--quick') options.quick = true;
    else if (flag === '--only') options.only.push(argv[++i]);
    else throw new Error(`未知选项 ${flag}`);
  }
  options.sizes ??= options.quick ? [] : [1000, 2000];
  return options;
}

function machine() {
  const cpus = os.cpus();
  return {
    CPU: `${cpus[0]?.model ?? '未知'}，${cpus.length} 核`,
    内存: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    Node: process.version,
    系统: `${os.type()} ${os.release()} ${os.arch()}`,
    峰值内存的测量: memoryProbe,
    当时的负载: `1 / 5 / 15 分钟平均 ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}（开始时）`,
  };
}

/**
 * The subcommands the built CLI lists in `ledger --help` (other issues may not have landed theirs yet);
 * retried, as dist/ may be mid-rebuild while others work in the same tree.
 */
function listedCommands() {
  let stderr = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    if (result.status === 0)
      return { commands: new Set([...result.stdout.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((m) => m[1])) };
    stderr = result.stderr ?? '';
  }
  return { error: `ledger --help 失败：${stderr.trim().split('\n')[0] ?? ''}` };
}

function commandState(name, listed) {
  if (listed.error) return { state: 'failed', error: listed.error };
  return listed.commands.has(name) ? { state: 'ok' } : { state: 'unavailable' };
}

/**
 * Runs a group's rows interleaved, round after round, until `rounds` or the group's time budget; a `warm`
 * command runs once untimed first. Each row's first run keeps its standard output for checkOutputs.
 */
function runGroup(group, log) {
  const listed = listedCommands();
  const live = group.rows.filter((row) => {
    Object.assign(row, row.command ? commandState(row.command, listed) : { state: 'ok' });
    row.ms = [];
    row.cpu = [];
    row.rss = [];
    return row.state === 'ok';
  });
  // Caches do not depend on the machine's zone: one untimed run per command warms them for both zones' rows.
  const warmed = new Set();
  for (const row of live.filter((r) => r.warm && !warmed.has(r.output ?? r.id))) {
    warmed.add(row.output ?? row.id);
    runRow(row, group, false);
  }
  const start = Date.now();
  for (let round = 0; round < group.rounds; round++) {
    for (const row of live.filter((r) => r.state === 'ok')) runRow(row, group, true);
    log(`  ${group.name}：第 ${round + 1} 轮完成（${((Date.now() - start) / 1000).toFixed(1)} s）`);
    if (round + 1 >= (group.minRounds ?? 1) && Date.now() - start > group.budgetMs) break;
  }
  for (const row of group.rows.filter((r) => r.state === 'ok' && r.ms.length > 0)) {
    Object.assign(row, {
      median: median(row.ms),
      cpuMedian: row.cpu.length ? median(row.cpu) : undefined,
      min: row.ms.reduce((a, b) => Math.min(a, b)),
      max: row.ms.reduce((a, b) => Math.max(a, b)),
      peakKB: row.rss.length ? row.rss.reduce((a, b) => Math.max(a, b)) : undefined,
    });
  }
}

function runRow(row, group, timed) {
  row.before?.();
  const capture = row.output !== undefined && row.stdout === undefined;
  const run = runOnce(row.argv, { cwd: row.cwd ?? group.cwd, env: row.env, capture });
  if (run.code !== (row.expectCode ?? 0)) {
    row.state = 'failed';
    row.error = `退出码 ${run.code}：${run.stderr.trim().split('\n')[0] ?? ''}`.slice(0, 160);
    return;
  }
  if (capture) row.stdout = run.stdout;
  if (!timed) return;
  row.ms.push(run.ms);
  if (run.cpuMs !== undefined) row.cpu.push(run.cpuMs);
  if (run.rssKB !== undefined) row.rss.push(run.rssKB);
}

function attachFloors(rows) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const floor = row.floor && byId.get(row.floor);
    if (!floor || floor.state !== 'ok') continue;
    row.floorLabel = floor.label;
    row.floorMedian = floor.median;
    row.floorCpuMedian = floor.cpuMedian;
    if (row.state === 'ok') row.ratio = row.median / floor.median;
  }
}

/** One CPU profile of each missed target's command, summarised. */
function profileMisses(targets, rows, work) {
  const out = [];
  for (const target of targets.filter((t) => t.met === false && t.profile)) {
    const row = rows.find((r) => r.id === target.profile);
    if (!row) continue;
    const dir = mkdtempSync(path.join(work, 'prof-'));
    // As timed: a warm row's caches are made first (a later group may have removed them).
    if (row.warm) runOnce(row.argv, { cwd: row.cwd, env: row.env });
    row.before?.();
    const [node, ...args] = row.argv;
    spawnSync(node, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...args], {
      cwd: row.cwd,
      stdio: 'ignore',
      env: { ...process.env, NO_COLOR: '1', ...row.env },
    });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (file)
      out.push({
        title: `${row.label}（${row.size}）`,
        summary: formatSummary(summariseProfile(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), 12)),
      });
  }
  return out;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  // The run's one instant: LEDGER_NOW of the rows on this repository's own checkout (the dated repositories have their own).
  const now = startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const work = options.work ?? mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  mkdirSync(work, { recursive: true });
  const log = (line) => process.stderr.write(`${line}\n`);
  const info = machine();
  log(`准备测试数据于 ${work} …`);
  const { groups, repos, fixtures } = buildPlan({
    repo: REPO,
    bin: BIN,
    work,
    sizes: options.sizes,
    quick: options.quick,
    now,
    log,
  });
  // A trial keeps the rounds of this checkout's start-up group only: its ratio is the acceptance figure.
  if (options.quick)
    for (const group of groups) if (!group.keepRounds) Object.assign(group, { rounds: 1, minRounds: 1 });
  const prepared = Date.now();
  const chosen =
    options.only.length > 0 ? groups.filter((g) => options.only.some((word) => g.name.includes(word))) : groups;
  for (const group of chosen) {
    log(`运行 ${group.name} …`);
    runGroup(group, log);
  }
  const rows = chosen.flatMap((g) => g.rows.map((r) => Object.assign(r, { cwd: r.cwd ?? g.cwd })));
  const outputs = checkOutputs(rows);
  attachFloors(rows);
  const targets = evaluateTargets(rows);
  const profiles = options.profile ? profileMisses(targets, rows, work) : [];
  const totalMs = Date.now() - startedAt.getTime();
  info.当时的负载 += `；结束时 ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`;
  const scaling = scalingChecks(rows);
  console.log(textTable(rows));
  console.log('');
  for (const t of targets)
    console.log(
      `${t.met === undefined ? '· 未测' : t.met ? '✓ 达标' : '✗ 未达标'}  ${t.name}：${t.measured ?? '—'}（要求 ${t.limit}）${t.met === false ? ` —— ${t.miss}` : ''}`,
    );
  for (const o of outputs.filter((check) => !check.same)) console.log(`✗ 输出不同：${o.detail}`);
  for (const s of scaling)
    console.log(
      `${s.flagged ? '✗ 超过 2.3×' : '✓'}  规模翻倍 ${s.label}：${s.from} → ${s.to}，时间 ${s.ratio.toFixed(2)}×`,
    );
  console.log(
    `\n总用时 ${(totalMs / 1000).toFixed(1)} s（其中准备测试数据 ${((prepared - startedAt.getTime()) / 1000).toFixed(1)} s）`,
  );
  if (options.out) {
    const stamp = startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    writeFileSync(
      options.out,
      benchmarksMarkdown({
        machine: info,
        startedAt: stamp,
        totalMs,
        prepareMs: prepared - startedAt.getTime(),
        now,
        quick: options.quick,
        rows,
        targets,
        repos,
        outputs,
        fixtures,
        profiles,
        scaling,
        file: options.out,
      }),
    );
    console.log(`已写入 ${path.relative(process.cwd(), options.out) || options.out}`);
  }
  if (!options.work) rmSync(work, { recursive: true, force: true });
  cleanupProbe();
}

main();
