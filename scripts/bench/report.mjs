// Turns benchmark results into a terminal table and BENCHMARKS.md (keeping its hand-written part).
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

const CACHE = { warm: '有（warm）', cold: '无（cold）', edited: '部分（改过一个文件）' };

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
  rows,
  targets,
  fixtures,
  profiles,
  scaling = [],
  file,
}) {
  const notes = existsSync(file) ? readFileSync(file, 'utf8').split(NOTES_MARKER)[1] : undefined;
  const lines = [
    '# 性能基准',
    '',
    `由 \`npm run bench\`（scripts/bench.mjs）于 ${startedAt} 生成，整个基准用时 ${seconds(totalMs)}。`,
    '每个数字都是**整个进程**从启动到退出的墙钟时间（多次运行取中位数）、同一批运行的 CPU 时间（用户态 + 内核态，中位数）和峰值常驻内存（RSS，各次运行的最大值）。',
    '“缓存”一列说明这一行运行时台账缓存（.git/ledger/ledger-cache.json）的状态：有（warm）= 读缓存；无（cold）= 解析全部 YAML（没有缓存、缓存已删除或 LEDGER_CACHE=off）；部分 = 改过一个主要指标文件，只有它重新解析，其余文件的解析结果取自缓存；— = 与缓存无关。',
    '同一组内的命令与其基准（floor）交替运行，倍数 = 命令中位数 ÷ 基准中位数，因此机器的快慢和负载对倍数影响较小。',
    '',
    '## 机器',
    '',
    ...Object.entries(machine).map(([k, v]) => `- ${k}：${v}`),
    '',
    '## 目标',
    '',
    markdownTable(['目标', '实测', '要求', '结论'], targets.map(targetCells)),
    '',
    '## 全部结果',
    '',
    markdownTable(HEADERS, rows.map(rowCells)),
    '',
    `## 规模翻倍（台账翻倍时耗时超过 ${SCALING_LIMIT} 倍即标出：说明有比线性更快增长的部分）`,
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
    '基准：`node -e 0` 是 Node 本身的启动时间；“YAML 解析”是用 `yaml` 包在一个进程里读取并解析同一批 YAML 文件（ledger/ 与 reports/，scripts/bench/yaml-floor.mjs），什么也不保留。',
    '',
    '## 测试数据',
    '',
    ...fixtures.map((f) => `- ${f}`),
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
