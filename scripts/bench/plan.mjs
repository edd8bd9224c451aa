// What `npm run bench` measures, against which floor, and the targets from issue 7.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  prepareBundledCopy,
  prepareHistoryRepo,
  prepareLedger,
  prepareMergeHistoryRepo,
  REPORT_MONTH,
  restoreMergeCopy,
} from './fixtures.mjs';
import { bundledFiles, generatedFiles, prepareTrendRepo } from './history-fixtures.mjs';

// --worktree: the fixtures' ledgers are not committed, and a past --as-of would otherwise ask Git first.
const AS_OF = '2020-07-25';
const MB = 1024;
const fmt = (n) => n.toLocaleString('en-US');
const duration = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** Groups of rows; the rows of a group run interleaved, round after round, in the group's folder. */
export function buildPlan({ repo, bin, work, sizes, log }) {
  const node = process.execPath;
  const ledger = (...args) => [node, bin, ...args];
  const bundled = prepareBundledCopy(work, repo);
  const groups = [
    {
      name: '启动（自带台账）',
      cwd: repo,
      rounds: 10,
      minRounds: 5,
      budgetMs: 25_000,
      rows: [
        { id: 'node0', label: 'node -e 0', size: '—', argv: [node, '-e', '0'] },
        { id: 'version', label: 'ledger --version', size: '—', argv: ledger('--version'), floor: 'node0' },
        ...statusRows('bundled', '自带台账', bundled, ledger, 'node0'),
        {
          id: 'status-json-bundled',
          label: 'ledger status --format json',
          size: '自带台账',
          cache: 'warm',
          argv: ledger('status', '--worktree', '--as-of', AS_OF, '--format', 'json'),
          command: 'status',
          floor: 'node0',
        },
        {
          id: 'yaml-floor-bundled',
          label: '（参考）只用 yaml 包读出并解析自带台账（无缓存时 status 至少要做的事）',
          size: '自带台账',
          argv: [node, path.join(repo, 'scripts/bench/yaml-floor.mjs'), repo],
          floor: 'node0',
        },
        ...['zod', 'yaml', 'commander', 'chalk', 'cli-table3'].map((pkg) => ({
          id: `import-${pkg}`,
          label: `（参考）只加载 ${pkg}`,
          size: '—',
          argv: [node, '--input-type=module', '-e', `import '${pkg}'`],
          floor: 'node0',
        })),
      ],
    },
  ];
  // The ledger cache lives in the git dir (src/io/state-dir.ts): status runs on a copy in its own repository.
  for (const row of groups[0].rows) if (row.id.includes('bundled')) row.cwd = bundled;
  groups.push({
    name: '网站（自带台账）',
    cwd: bundled,
    rounds: 3,
    minRounds: 1,
    budgetMs: 30_000,
    rows: [siteRow('bundled', '自带台账', ledger, work)],
  });
  const fixtures = [];
  for (const n of sizes) {
    const fixture = prepareLedger(work, n);
    const size = `${fmt(n)} 项`;
    log(`  ${size}：${fixture.files} 个文件，${(fixture.bytes / 1024 / 1024).toFixed(1)} MB`);
    fixtures.push(
      `${size}：\`node scripts/generate-ledger.mjs --measures ${n} --seed 1 --month ${REPORT_MONTH} --reports\`，${fixture.files} 个 YAML 文件（含 reports/${REPORT_MONTH}/ 下各单位的报送），共 ${(fixture.bytes / 1024 / 1024).toFixed(1)} MB`,
    );
    const restore = () => restoreMergeCopy(fixture);
    const cold = { LEDGER_CACHE: 'off' };
    const scale = (key) => ({ key, n });
    const rows = [
      {
        id: `floor-${n}`,
        label: 'YAML 解析（基准）',
        size,
        argv: [node, path.join(repo, 'scripts/bench/yaml-floor.mjs'), fixture.dir],
        scale: scale('floor'),
      },
      {
        id: `validate-${n}`,
        label: 'ledger validate',
        size,
        cache: 'cold',
        argv: ledger('validate'),
        env: cold,
        command: 'validate',
        floor: `floor-${n}`,
        scale: scale('validate'),
      },
      ...statusRows(n, size, fixture.dir, ledger, `floor-${n}`).map((row) => ({
        ...row,
        scale: scale(row.id.replace(/-\d+$/, '')),
      })),
    ];
    rows.push({
      id: `merge-${n}`,
      label: `ledger merge reports/${REPORT_MONTH}/`,
      size,
      cache: 'cold',
      cwd: fixture.mergeDir,
      argv: ledger('merge', `reports/${REPORT_MONTH}/`, '--as-of', AS_OF),
      env: cold,
      command: 'merge',
      floor: `floor-${n}`,
      before: restore,
      scale: scale('merge'),
    });
    rows.push({
      id: `summary-xlsx-${n}`,
      label: `ledger summary --format xlsx --month ${REPORT_MONTH}`,
      size,
      cache: 'cold',
      argv: ledger(
        'summary',
        '--worktree',
        '--format',
        'xlsx',
        '--month',
        REPORT_MONTH,
        '--as-of',
        AS_OF,
        '--out',
        path.join(work, `summary-${n}.xlsx`),
      ),
      env: cold,
      command: 'summary',
      floor: `floor-${n}`,
      scale: scale('summary-xlsx'),
    });
    if (n <= 10_000) {
      rows.push({
        id: `render-${n}`,
        label: 'ledger render --format xlsx',
        size,
        cache: 'cold',
        argv: ledger(
          'render',
          '--worktree',
          '--format',
          'xlsx',
          '--as-of',
          AS_OF,
          '--out',
          path.join(work, `render-${n}.xlsx`),
        ),
        env: cold,
        command: 'render',
        floor: `floor-${n}`,
      });
    }
    if (n <= 10_000) rows.push(siteRow(n, size, ledger, work, `floor-${n}`));
    const big = n >= 100_000;
    groups.push({
      name: `${size}`,
      cwd: fixture.dir,
      // Three paired rounds at 100,000 (min – median – max); one at the half size that only serves the scaling check.
      rounds: n <= 1000 ? 5 : n >= 50_000 && !big ? 1 : 3,
      minRounds: big ? 3 : 1,
      budgetMs: big ? 90_000 : n <= 1000 ? 40_000 : 80_000,
      rows,
    });
  }
  const history = prepareHistoryRepo(work, { commits: 1000 });
  const merges = prepareMergeHistoryRepo(work, repo, { commits: 500 });
  fixtures.push(
    `Git 历史：${fmt(history.commits)} 次提交（git fast-import 生成），台账与自带台账同样大小（180 项措施），其中 ${history.hotCommits} 次提交修改措施 ${history.hotId}`,
    `月度合并历史：自带台账的 ${fmt(merges.commits)} 次月度合并（git fast-import 生成），每次改写约 60% 的措施（状态、多行进展、各单位的 unit_reports），其中约四分之一改变状态`,
  );
  const trendSmall = prepareTrendRepo(work, 'trend-bundled', bundledFiles(repo), { months: 12 });
  const trendLarge = prepareTrendRepo(work, 'trend-10000', generatedFiles(10_000), { months: 24 });
  fixtures.push(
    `走势历史：自带台账 12 个月、10,000 项台账 24 个月（git fast-import 生成），每月 25 次提交：24 次各改一项措施的进展，1 次月度合并改写约 60% 措施的状态和进展（其中约四分之一状态前进）`,
  );
  const logCache = path.join(merges.dir, '.git', 'ledger', 'log-cache.json');
  groups.push({
    name: 'Git 历史',
    cwd: history.dir,
    rounds: 5,
    minRounds: 3,
    budgetMs: 30_000,
    rows: [
      {
        id: 'history',
        label: `ledger history ${history.hotId}`,
        size: `${fmt(history.commits)} 次提交`,
        argv: ledger('history', history.hotId),
        command: 'history',
        floor: 'node0',
      },
      {
        id: 'log-merges-first',
        label: 'ledger log（首次）',
        size: `${fmt(merges.commits)} 次月度合并`,
        cache: 'cold',
        cwd: merges.dir,
        argv: ledger('log'),
        before: () => rmSync(logCache, { force: true }),
        command: 'log',
        floor: 'node0',
      },
      {
        id: 'log-merges',
        label: 'ledger log',
        size: `${fmt(merges.commits)} 次月度合并`,
        cache: 'warm',
        cwd: merges.dir,
        argv: ledger('log'),
        command: 'log',
        floor: 'node0',
      },
      trendRow('trend-bundled', '自带台账', trendSmall, ledger),
    ],
  });
  groups.push({
    name: '走势（10,000 项）',
    cwd: trendLarge.dir,
    rounds: 3,
    minRounds: 1,
    budgetMs: 60_000,
    rows: [trendRow('trend-10000', '10,000 项', trendLarge, ledger)],
  });
  return { groups, fixtures };
}

/**
 * `ledger status` twice per round: first with the ledger cache (.git/ledger/ledger-cache.json) removed, as after
 * any edit of ledger/ (it parses every file and writes the cache), then again (it reads the cache).
 */
function statusRows(id, size, dir, ledger, floor) {
  const argv = ledger('status', '--worktree', '--as-of', AS_OF);
  // A repository made by the bench has .git as a folder; its cache sits in .git/ledger/.
  const clear = () => {
    if (statSync(path.join(dir, '.git'), { throwIfNoEntry: false })?.isDirectory())
      rmSync(path.join(dir, '.git', 'ledger', 'ledger-cache.json'), { force: true });
  };
  return [
    {
      id: `status-first-${id}`,
      label: 'ledger status（首次）',
      size,
      cache: 'cold',
      argv,
      before: clear,
      command: 'status',
      floor,
    },
    { id: `status-${id}`, label: 'ledger status', size, cache: 'warm', argv, command: 'status', floor },
    {
      id: `status-edited-${id}`,
      label: 'ledger status（改过一个主要指标文件后）',
      size,
      cache: 'edited',
      argv,
      before: () => editOneArea(dir),
      command: 'status',
      floor,
    },
  ];
}

const EDIT_MARK = '# 基准：改动\n';

/**
 * Changes the first area file's content (a leading comment comes and goes), as a user's edit saved
 * ten seconds earlier would (a file changed in the last two seconds would make later rows hash it).
 */
function editOneArea(dir) {
  const ledgerDir = path.join(dir, 'ledger');
  const name = readdirSync(ledgerDir)
    .filter((n) => /^\d+-.*\.yaml$/.test(n))
    .sort()[0];
  const file = path.join(ledgerDir, name);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.startsWith(EDIT_MARK) ? text.slice(EDIT_MARK.length) : EDIT_MARK + text);
  const saved = new Date(Date.now() - 10_000);
  utimesSync(file, saved, saved);
}

/** `ledger trend` over every month of a trend repository (prepareTrendRepo). */
function trendRow(id, what, fixture, ledger) {
  const months = monthsBetween(fixture.from, fixture.to);
  return {
    id,
    label: 'ledger trend',
    size: `${what} ${months} 个月 × 25 次提交`,
    cwd: fixture.dir,
    argv: ledger('trend', '--from', fixture.from, '--to', fixture.to, '--as-of', `${fixture.to}-28`),
    command: 'trend',
    floor: 'node0',
  };
}

function monthsBetween(from, to) {
  const [a, b] = [from, to].map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)));
  return b - a + 1;
}

/** `ledger site` into a fresh folder per run (a rebuild also removes the previous site's files). */
function siteRow(id, size, ledger, work, floor = 'node0') {
  const out = path.join(work, `site-${id}`);
  return {
    id: `site-${id}`,
    label: 'ledger site',
    size,
    argv: ledger('site', '--worktree', '--as-of', AS_OF, '--out', out),
    before: () => rmSync(out, { recursive: true, force: true }),
    command: 'site',
    floor,
  };
}

/** The targets of issue 7, each with what was measured and, when missed, by how much. */
export function evaluateTargets(rows) {
  const get = (id) => rows.find((r) => r.id === id && r.state === 'ok');
  const targets = [];
  targets.push(
    ratioTarget('`ledger status`（自带台账，有缓存）≤ 2 × `node -e 0`', get('status-bundled'), 2, 'status-bundled'),
  );
  targets.push(
    ratioTarget(
      '`ledger status`（自带台账，首次：无缓存）≤ 3 × `node -e 0`',
      get('status-first-bundled'),
      3,
      'status-first-bundled',
    ),
  );
  targets.push(
    ratioTarget(
      '（补充）`ledger status`（自带台账，改过一个主要指标文件后：只重新解析这个文件）≤ 3 × `node -e 0`',
      get('status-edited-bundled'),
      3,
      'status-edited-bundled',
    ),
  );
  const validate = get('validate-100000');
  targets.push(
    ratioTarget('`ledger validate`（100,000 项，无缓存）≤ 2 × YAML 解析基准', validate, 2, 'validate-100000'),
  );
  targets.push(
    limitTarget(
      '`ledger validate`（100,000 项）峰值内存 < 1 GB',
      validate?.peakKB,
      1024 * MB,
      (kb) => `${(kb / MB).toFixed(0)} MB`,
      'validate-100000',
    ),
  );
  const merge = get('merge-100000');
  targets.push(
    ratioTarget(
      '`ledger merge`（100,000 项）≤ 1.5 × `ledger validate`',
      merge &&
        validate && {
          ...merge,
          floorMedian: validate.median,
          floorCpuMedian: validate.cpuMedian,
          ratio: merge.median / validate.median,
        },
      1.5,
      'merge-100000',
    ),
  );
  targets.push(
    limitTarget(
      '`ledger merge`（100,000 项）峰值内存 < 1 GB',
      merge?.peakKB,
      1024 * MB,
      (kb) => `${(kb / MB).toFixed(0)} MB`,
      'merge-100000',
    ),
  );
  const summary = get('summary-xlsx-100000');
  const summaryHalf = get('summary-xlsx-50000');
  targets.push(
    ratioTarget(
      '`ledger summary --format xlsx`（100,000 项）线性：≤ 2.3 × 50,000 项',
      summary &&
        summaryHalf && { ...summary, floorMedian: summaryHalf.median, ratio: summary.median / summaryHalf.median },
      2.3,
      'summary-xlsx-100000',
    ),
  );
  for (const [id, when] of [
    ['log-merges', '有缓存'],
    ['log-merges-first', '首次：无缓存'],
  ]) {
    const log = get(id);
    const logTarget = limitTarget(
      `\`ledger log\`（自带台账 500 次月度合并，${when}）≤ 3 s`,
      log?.median,
      3000.5,
      (ms) => `${(ms / 1000).toFixed(1)} s`,
      id,
    );
    if (logTarget.measured && log.cpuMedian !== undefined)
      logTarget.measured += `（CPU 时间 ${(log.cpuMedian / 1000).toFixed(1)} s）`;
    targets.push(logTarget);
  }
  for (const [id, what, limit] of [
    ['trend-bundled', '自带台账 12 个月', 2_000],
    ['trend-10000', '10,000 项 24 个月', 30_000],
  ]) {
    const row = get(id);
    const target = limitTarget(
      `\`ledger trend\`（${what}，每月 25 次提交）< ${limit / 1000} s`,
      row?.median,
      limit,
      duration,
      id,
    );
    if (target.measured && row.cpuMedian !== undefined) target.measured += `（CPU 时间 ${duration(row.cpuMedian)}）`;
    targets.push(target);
  }
  const render = get('render-10000');
  targets.push(
    limitTarget(
      '`ledger render --format xlsx`（10,000 项，无缓存）< 15 s',
      render?.median,
      15_000,
      (ms) => `${(ms / 1000).toFixed(1)} s`,
      'render-10000',
    ),
  );
  targets.push(
    limitTarget(
      '`ledger render --format xlsx`（10,000 项）内存有界：峰值 < 512 MB',
      render?.peakKB,
      512 * MB,
      (kb) => `${(kb / MB).toFixed(0)} MB`,
      'render-10000',
    ),
  );
  targets.push(
    limitTarget('`ledger site`（自带台账）< 3 s', get('site-bundled')?.median, 3_000, duration, 'site-bundled'),
  );
  const site = get('site-10000');
  targets.push(limitTarget('`ledger site`（10,000 项）< 60 s', site?.median, 60_000, duration, 'site-10000'));
  targets.push(
    limitTarget(
      '`ledger site`（10,000 项）内存有界：峰值 < 512 MB',
      site?.peakKB,
      512 * MB,
      (kb) => `${(kb / MB).toFixed(0)} MB`,
      'site-10000',
    ),
  );
  return targets;
}

function ratioTarget(name, row, limit, profile) {
  if (!row || row.ratio === undefined) return { name, limit: `≤ ${limit}×` };
  const cpu =
    row.cpuMedian !== undefined && row.floorCpuMedian
      ? `；CPU 时间 ${(row.cpuMedian / row.floorCpuMedian).toFixed(2)}×（${duration(row.cpuMedian)} 对 ${duration(row.floorCpuMedian)}）`
      : '';
  const measured = `${row.ratio.toFixed(2)}×（${duration(row.median)} 对 ${duration(row.floorMedian)}）${cpu}`;
  const met = row.ratio <= limit;
  return {
    name,
    limit: `≤ ${limit}×`,
    measured,
    met,
    profile,
    miss: met
      ? undefined
      : `超出 ${((row.ratio / limit - 1) * 100).toFixed(0)}%（多 ${duration(row.median - limit * row.floorMedian)}）`,
  };
}

function limitTarget(name, value, limit, show, profile) {
  if (value === undefined) return { name, limit: `< ${show(limit)}` };
  const met = value < limit;
  return {
    name,
    limit: `< ${show(limit)}`,
    measured: show(value),
    met,
    profile,
    miss: met ? undefined : `超出 ${((value / limit - 1) * 100).toFixed(0)}%`,
  };
}
