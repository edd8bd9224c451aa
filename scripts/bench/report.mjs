// Turns benchmark results into a terminal table and BENCHMARKS.md (keeping its hand-written part): how the
// rows are run, the repositories, what each row is, the targets met or missed, the output checks, every row.
import { existsSync, readFileSync } from 'node:fs';

export const NOTES_MARKER = '<!-- 以下为手写分析：npm run bench 重新生成上面的部分，保留这一行以下的内容 -->';

const seconds = (ms) =>
  ms === undefined
    ? '—'
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : ms >= 1000
        ? `${(ms / 1000).toFixed(2)} s`
        : `${ms.toFixed(0)} ms`;
const megabytes = (kb) => (kb === undefined ? '—' : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (r) => (r === undefined ? '—' : `${r.toFixed(2)}×`);

const CACHE = { warm: '有（先运行一次）', first: '无（删除 .git/ledger/）' };

/** One display row per measured command. */
export function rowCells(row) {
  const cache = CACHE[row.cache] ?? '—';
  if (row.state !== 'ok') {
    return [
      row.label,
      row.size,
      cache,
      row.state === 'unavailable' ? '不可用（命令尚未实现）' : `失败：${row.error.slice(0, 60)}`,
      '',
      '',
      '',
      '',
      row.floorLabel ?? '',
      '',
      '',
    ];
  }
  return [
    row.label,
    row.size,
    cache,
    seconds(row.median),
    seconds(row.cpuMedian),
    `${seconds(row.min)} – ${seconds(row.max)}`,
    String(row.ms.length),
    megabytes(row.peakKB),
    row.floorLabel ?? '',
    seconds(row.floorMedian),
    ratio(row.ratio),
  ];
}

export const HEADERS = [
  '命令',
  '规模',
  '缓存',
  '中位数',
  'CPU 中位数',
  '最快 – 最慢',
  '次数',
  '峰值内存',
  '基准（floor）',
  '基准中位数',
  '倍数',
];

export function textTable(rows) {
  const cells = [HEADERS, ...rows.map(rowCells)];
  const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = HEADERS.map((_, i) => cells.reduce((w, r) => Math.max(w, width(r[i])), 0));
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(widths[i] - width(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function markdownTable(headers, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function targetCells(target) {
  const verdict =
    target.met === undefined ? '未测（命令不可用或未运行）' : target.met ? '达标' : `未达标：${target.miss}`;
  return [target.name, target.measured ?? '—', target.limit, verdict];
}

/** Beyond this, doubling the ledger more than doubles the time: something grows faster than linearly. */
export const SCALING_LIMIT = 2.3;

/**
 * Each command measured at a size and at twice that size (rows with the same `scale` key): the
 * ratio of their median times, flagged above SCALING_LIMIT. A report, not a test.
 */
export function scalingChecks(rows) {
  const out = [];
  for (const row of rows) {
    if (row.state !== 'ok' || !row.scale) continue;
    const half = rows.find(
      (r) => r.state === 'ok' && r.scale && r.scale.key === row.scale.key && r.scale.n * 2 === row.scale.n,
    );
    if (!half) continue;
    const ratio = row.median / half.median;
    out.push({ label: row.label, from: half.size, to: row.size, ratio, flagged: ratio > SCALING_LIMIT });
  }
  return out;
}

/** BENCHMARKS.md: generated part, then whatever was below NOTES_MARKER in the old file. */
export function benchmarksMarkdown({
  machine,
  startedAt,
  totalMs,
  prepareMs,
  now,
  quick = false,
  rows,
  targets,
  repos = [],
  outputs = [],
  fixtures,
  profiles,
  scaling = [],
  file,
}) {
  const notes = existsSync(file) ? readFileSync(file, 'utf8').split(NOTES_MARKER)[1] : undefined;
  const met = targets.filter((t) => t.met === true).length;
  const missed = targets.filter((t) => t.met === false).length;
  const lines = [
    '# 性能基准',
    '',
    `由 \`npm run bench\`（scripts/bench.mjs）于 ${startedAt} 生成，整个基准用时 ${seconds(totalMs)}` +
      (prepareMs === undefined ? '。' : `（其中准备测试数据 ${seconds(prepareMs)}）。`),
    ...(quick ? ['', '**这是试运行（`--quick`）：省级规模换成了缩小版，每组只跑一轮，数字不能作为结论。**'] : []),
    '',
    `目标 ${targets.length} 项：达标 ${met}，未达标 ${missed}，未测 ${targets.length - met - missed}（见“目标”）。`,
    '',
    ...METHOD(now),
    '',
    '## 仓库',
    '',
    ...repoSection(repos),
    '',
    '## 各行是什么',
    '',
    ...ROWS,
    '',
    '## 机器',
    '',
    ...Object.entries(machine).map(([k, v]) => `- ${k}：${v}`),
    '',
    '## 目标',
    '',
    markdownTable(['目标', '实测', '要求', '结论'], targets.map(targetCells)),
    '',
    '## 输出一致性',
    '',
    outputs.length > 0
      ? markdownTable(
          ['命令与仓库', '比较的行', '结论'],
          outputs.map((o) => [o.key, o.labels.join('；'), o.same ? '✓ 逐字节相同' : `✗ 不同：${o.detail}`]),
        )
      : '（本次没有比较）',
    '',
    '## 全部结果',
    '',
    markdownTable(HEADERS, rows.map(rowCells)),
    '',
    `## 规模翻倍（合成台账翻倍时耗时超过 ${SCALING_LIMIT} 倍即标出：说明有比线性更快增长的部分）`,
    '',
    scaling.length > 0
      ? markdownTable(
          ['命令', '从', '到', '时间之比（中位数）', '结论'],
          scaling.map((s) => [
            s.label,
            s.from,
            s.to,
            `${s.ratio.toFixed(2)}×`,
            s.flagged ? `✗ 超过 ${SCALING_LIMIT}×` : '✓ 近似线性',
          ]),
        )
      : '（本次没有成对的规模，未检查）',
    '',
    '## 合成台账（只作参考，无目标）',
    '',
    ...(fixtures.length > 0 ? fixtures.map((f) => `- ${f}`) : ['（本次未运行：`--sizes` 为空）']),
    '',
  ];
  if (profiles.length > 0) {
    lines.push('## 未达标项的 CPU 剖析（自动生成，`node --cpu-prof`）', '');
    for (const p of profiles) lines.push(`### ${p.title}`, '', '```', p.summary.trimEnd(), '```', '');
  }
  lines.push(
    NOTES_MARKER,
    notes === undefined ? '\n## 分析\n\n（在此写下对未达标项的分析。）\n' : `\n${notes.replace(/^\n+/, '')}`,
  );
  return lines.join('\n').replace(/\n*$/, '\n');
}

const METHOD = (now) => [
  '## 怎样测',
  '',
  '- **命令照用户的敲法**：每一行是一条在终端里敲的命令（`TZ=… ledger …`），不加用户不会加的选项，在带历史的日期仓库或本仓库自己的检出中运行。' +
    '数字是**整个进程**从启动到退出的墙钟时间（多次运行的中位数）、同一批运行的 CPU 时间（用户态 + 内核态，中位数）和峰值常驻内存（RSS，各次运行的最大值）。',
  '- **时钟**：每次运行的“今天”由环境变量 `LEDGER_NOW` 固定——带时区的 ISO 时刻，工具唯一的时钟；“今天”是这一时刻在台账时区（+08:00）的日期。' +
    '日期仓库用各自的时刻（见“仓库”：北京时间早上 7:30，此时 UTC 还是前一天，两种机器时区的日期不同）；' +
    `本仓库的检出用基准开始的时刻（本次 \`LEDGER_NOW=${now ?? '—'}\`）。`,
  '- **机器时区**：每条命令在 `TZ=UTC`（CI 的机器）和 `TZ=Asia/Shanghai` 下各跑一行。同一条命令在同一仓库里的输出——两种时区、首次与有缓存——必须逐字节相同：' +
    '每行的第一次运行留下标准输出，全部跑完后比较，不同的行判为失败（见“输出一致性”）。',
  '- **缓存**：“有”= 计时前先运行一次，状态文件夹 `.git/ledger/` 里有这条命令留下的缓存（日常使用的情形）；' +
    '“无”= 每次运行前删除整个 `.git/ledger/`（克隆后第一次运行），只作参考，除 `ledger log` 外没有目标；“—”= 与缓存无关。',
  '- **成对**：同一组的各行轮流运行（一轮中每行一次，直到轮数或该组的时间预算用完），倍数 = 该行中位数 ÷ 同组 `node -e 0` 的中位数，' +
    '所以机器的快慢和负载对倍数影响较小；墙钟时间在负载高时偏长，CPU 时间受影响较小。',
];

const ROWS = [
  '- `ledger status`（本仓库的检出）：在本仓库自己的检出（当前目录 = 仓库根目录）不加选项运行：读工作区，状态灯回看 Git 历史中的各月末。issue 23 的验收数字。',
  '- `ledger --version`：只有启动。',
  '- 日期仓库，有缓存：不加选项的 `ledger status`（工作区“今天”的状态和状态灯）、`ledger overdue`（逾期清单）、`ledger show 1.1.1`（一项措施）、`ledger log`（状态变化时间线）。',
  '- 日期仓库，首次运行（无缓存）：`ledger status` 和 `ledger log`，每次运行前删除 `.git/ledger/`，即克隆后的第一次。',
  '- 日期仓库，走势、网站、月度汇总（绝对时间，不与 `node -e 0` 相比）：`ledger trend`（默认范围：从第一份报送或第一个完成时限所在月到今天）、' +
    '`ledger site --out site-<仓库>`（输出到仓库以外的文件夹，每次运行前删除）、`ledger summary --month <最后合并的月份>`（默认 xlsx，写入仓库根目录的“月度汇总-月份.xlsx”，`.gitignore` 已忽略）。',
  '- 合成台账（`--sizes`，只作参考）：`ledger validate`、`ledger status`、`ledger merge reports/2020-07/`（每次运行前把克隆的工作区恢复原状）、`ledger summary --month 2020-07`；基准为用 `yaml` 包解析同一批文件（scripts/bench/yaml-floor.mjs）。',
  '- （参考）行：只加载一个依赖包、只用 `yaml` 包解析本仓库的台账，用来看启动时间花在哪里；没有目标。',
];

function repoSection(repos) {
  if (repos.length === 0) return ['（本次没有日期仓库）'];
  return [
    markdownTable(
      ['仓库', '措施', '主要指标', '提交', '月度合并', '每月', '报送文件', '今天（LEDGER_NOW）', '生成'],
      repos.map((r) => [
        r.label,
        r.measures.toLocaleString('en-US'),
        String(r.areas),
        r.commits.toLocaleString('en-US'),
        `${r.merges}（${r.first} 至 ${r.lastMerged}）`,
        `${r.reporters} 份报送（${r.units} 个单位轮流）${r.edits ? `，${r.edits} 次日常提交` : ''}，1 次合并`,
        String(r.reports),
        r.now,
        r.reused ? `沿用 --work 中已生成的（当时用时 ${seconds(r.buildMs)}）` : `本次生成，用时 ${seconds(r.buildMs)}`,
      ]),
    ),
    '',
    '两个仓库按人的做法逐日生成（scripts/bench/dated-repo.mjs，固定的日期、身份和随机种子，不签名，同样的输入得到同样的历史）：' +
      '第一个月 1 日提交台账（自带台账：本仓库的 ledger/ 和 source/；省级规模：`scripts/generate-ledger.mjs --seed 1` 生成的台账，措施数见上表；都有 `ledger init` 写的 .gitignore）；' +
      '之后每月几个单位（报送单位轮流）在 2–19 日各自提交报送表 reports/<月份>/<单位>.yaml——第一次用 `ledger template --unit … --month …` 生成，' +
      '以后复制自己上一次的报送表改月份——每项措施的状态只进不退、填写工作完成情况、完成日期和时间节点；' +
      '有日常提交的仓库，其余的提交是单位修改本月已交的报送表中一到三项的工作完成情况，或督查室在某个主要指标文件里给一项措施写备注；' +
      '24 日牵头单位在 `LEDGER_NOW` 为当天 10:00 时运行 `ledger merge reports/<月份>`，当天提交。合并完最后一个月后，今天所在的月只有今天以前的提交。' +
      '人手写的提交用 git fast-import 写入（与 `git commit` 相同的树、日期和作者，只是更快），模板和合并是真正的命令行；最后 `git repack -a -d`，没有 .git/ledger/，与克隆相同。',
  ];
}
