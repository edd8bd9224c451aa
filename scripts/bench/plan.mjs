// What `npm run bench` measures (issue 23, point 7): commands as users type them — plain `ledger status`,
// `overdue`, `show`, `log`, `trend`, `site`, `summary --month` — in dated repositories with history and on
// this repository's own checkout, each in two machine zones, the clock fixed by LEDGER_NOW; the synthetic
// ledgers of --sizes add validate and merge as information. The targets are in targets.mjs.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { datedRepoSpecs, prepareDatedRepo } from './dated-repos.mjs';
import { prepareLedger, REPORT_MONTH, restoreMergeCopy, SYNTHETIC_NOW } from './fixtures.mjs';
import { ZONES } from './zones.mjs';

export { evaluateTargets } from './targets.mjs';
export { ZONES } from './zones.mjs';

const fmt = (n) => n.toLocaleString('en-US');

/**
 * Groups of rows; the rows of a group run interleaved, round after round, in the group's folder. A row
 * with `warm` runs once untimed first; `before` runs before each timed run; rows with the same `output`
 * must print the same (checked once per row, bench.mjs).
 */
export function buildPlan({ repo, bin, work, sizes, quick = false, now, log }) {
  const node = process.execPath;
  const ledger = (...args) => [node, bin, ...args];
  const floor = (id) => ({ id, label: 'node -e 0', size: '—', argv: [node, '-e', '0'] });
  const groups = [ownGroup({ repo, ledger, floor, node, now })];
  const repos = [];
  for (const spec of datedRepoSpecs({ quick })) {
    const info = prepareDatedRepo(work, spec, { repo, bin, log });
    repos.push({ ...spec, ...info });
    groups.push(...datedGroups(spec, info, { ledger, floor, work }));
  }
  const fixtures = [];
  for (const n of sizes) groups.push(syntheticGroup(n, { repo, work, ledger, node, log, fixtures }));
  return { groups, repos, fixtures };
}

/** Two rows of one command, one per machine zone: `TZ=… ledger …` as typed in a shell. */
function zoned(row) {
  return ZONES.map((zone) => ({
    ...row,
    id: `${row.id}-${zone.key}`,
    label: `TZ=${zone.tz} ${row.label}`,
    zone: zone.tz,
    env: { ...row.env, TZ: zone.tz },
    output: row.output ?? row.id,
    outputLabel: `${row.label}（${row.size}）`,
  }));
}

/** Start-up on this repository's own checkout: the acceptance figure, with `--version` and references. */
function ownGroup({ repo, ledger, floor, node, now }) {
  const own = '本仓库的检出';
  return {
    name: own,
    cwd: repo,
    keepRounds: true,
    rounds: 20,
    minRounds: 10,
    budgetMs: 45_000,
    rows: [
      floor('node0'),
      ...zoned({ id: 'version', label: 'ledger --version', size: '—', argv: ledger('--version'), floor: 'node0' }),
      ...zoned({
        id: 'status-own',
        label: 'ledger status',
        size: own,
        cache: 'warm',
        warm: true,
        argv: ledger('status'),
        env: { LEDGER_NOW: now },
        command: 'status',
        floor: 'node0',
      }),
      {
        id: 'yaml-floor-own',
        label: '（参考）只用 yaml 包读出并解析本仓库的台账',
        size: own,
        argv: [node, path.join(repo, 'scripts/bench/yaml-floor.mjs'), repo],
        floor: 'node0',
      },
      ...['zod', 'yaml', 'commander', 'string-width'].map((pkg) => ({
        id: `import-${pkg}`,
        label: `（参考）只加载 ${pkg}`,
        size: '—',
        argv: [node, '--input-type=module', '-e', `import '${pkg}'`],
        floor: 'node0',
      })),
    ],
  };
}

/**
 * Three groups per dated repository: the quick commands with their caches (against `node -e 0`), the first
 * run after a clone (state folder removed before each run), and the long reports (absolute times).
 */
function datedGroups(spec, info, { ledger, floor, work }) {
  const big = spec.measures >= 10_000;
  const size = spec.label;
  const key = spec.key;
  const env = { LEDGER_NOW: info.now };
  const clearState = () => rmSync(path.join(info.dir, '.git', 'ledger'), { recursive: true, force: true });
  const row = (what, label, args, extra = {}) =>
    zoned({
      id: `${what}-${key}`,
      label,
      size,
      argv: ledger(...args),
      env,
      command: args[0],
      output: `${args.join(' ')}@${key}`,
      ...extra,
    });
  const warm = { cache: 'warm', warm: true, floor: `node0-${key}` };
  const first = { cache: 'first', before: clearState, floor: `node0-${key}-first` };
  const site = path.join(work, `site-${key}`);
  return [
    {
      name: `${size}：有缓存`,
      cwd: info.dir,
      rounds: big ? 6 : 12,
      minRounds: big ? 3 : 6,
      budgetMs: big ? 60_000 : 40_000,
      rows: [
        floor(`node0-${key}`),
        ...row('status', 'ledger status', ['status'], warm),
        ...row('overdue', 'ledger overdue', ['overdue'], warm),
        ...row('show', `ledger show ${spec.showId}`, ['show', spec.showId], warm),
        ...row('log', 'ledger log', ['log'], warm),
      ],
    },
    {
      name: `${size}：首次运行（无缓存）`,
      cwd: info.dir,
      rounds: big ? 3 : 6,
      minRounds: big ? 1 : 3,
      budgetMs: big ? 120_000 : 40_000,
      rows: [
        floor(`node0-${key}-first`),
        ...row('status-first', 'ledger status', ['status'], first),
        ...row('log-first', 'ledger log', ['log'], first),
      ],
    },
    {
      name: `${size}：走势、网站、月度汇总`,
      cwd: info.dir,
      rounds: 3,
      minRounds: big ? 1 : 2,
      budgetMs: big ? 180_000 : 60_000,
      rows: [
        ...row('trend', 'ledger trend', ['trend'], { cache: 'warm', warm: true }),
        ...row('site', `ledger site --out ${path.basename(site)}`, ['site', '--out', site], {
          cache: 'warm',
          warm: true,
          before: () => rmSync(site, { recursive: true, force: true }),
        }),
        ...row('summary', `ledger summary --month ${info.lastMerged}`, ['summary', '--month', info.lastMerged], {
          cache: 'warm',
          warm: true,
        }),
      ],
    },
  ];
}

/** Information only: a synthetic ledger of n measures (one commit, its month's reports), validate / merge / status / summary. */
function syntheticGroup(n, { repo, work, ledger, node, log, fixtures }) {
  const fixture = prepareLedger(work, n);
  const size = `${fmt(n)} 项（合成）`;
  log(`  ${size}：${fixture.files} 个文件，${(fixture.bytes / 1024 / 1024).toFixed(1)} MB`);
  fixtures.push(
    `${size}：\`node scripts/generate-ledger.mjs --measures ${n} --seed 1 --month ${REPORT_MONTH} --reports\`，` +
      `${fixture.files} 个 YAML 文件（含 reports/${REPORT_MONTH}/ 下各单位的报送），共 ${(fixture.bytes / 1024 / 1024).toFixed(1)} MB；` +
      `台账 ${REPORT_MONTH}-01、报送 ${REPORT_MONTH}-15 各提交一次，LEDGER_NOW=${SYNTHETIC_NOW}`,
  );
  const warm = { cache: 'warm', warm: true };
  const scaled = (row) =>
    zoned({ ...row, size, env: { LEDGER_NOW: SYNTHETIC_NOW }, floor: `floor-${n}` }).map((r) => ({
      ...r,
      scale: { key: r.id.replace(`-${n}-`, '-'), n },
    }));
  return {
    name: size,
    cwd: fixture.dir,
    rounds: n <= 1000 ? 5 : 2,
    minRounds: 1,
    budgetMs: n <= 1000 ? 30_000 : 120_000,
    rows: [
      {
        id: `floor-${n}`,
        label: 'YAML 解析（基准）',
        size,
        argv: [node, path.join(repo, 'scripts/bench/yaml-floor.mjs'), fixture.dir],
        scale: { key: 'floor', n },
      },
      ...scaled({ id: `validate-${n}`, label: 'ledger validate', command: 'validate', argv: ledger('validate') }),
      ...scaled({ id: `status-${n}`, label: 'ledger status', command: 'status', argv: ledger('status'), ...warm }),
      ...scaled({
        id: `merge-${n}`,
        label: `ledger merge reports/${REPORT_MONTH}/`,
        command: 'merge',
        cwd: fixture.mergeDir,
        argv: ledger('merge', `reports/${REPORT_MONTH}/`),
        before: () => restoreMergeCopy(fixture),
      }),
      ...scaled({
        id: `summary-${n}`,
        label: `ledger summary --month ${REPORT_MONTH}`,
        command: 'summary',
        argv: ledger('summary', '--month', REPORT_MONTH),
        ...warm,
      }),
    ],
  };
}
