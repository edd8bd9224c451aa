// The targets of issue 23 (point 7 and "Done when"), each judged in both machine zones: met only when every
// zone's row meets it; a row that failed (exit code, or output differing between zones) misses it.
import { ZONES } from './zones.mjs';

const MB = 1024;
const PROVINCE = '省级规模，10,000 项，60 次合并';

const duration = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const megabytes = (kb) => `${(kb / MB).toFixed(0)} MB`;

/** The targets, each with what was measured and, when missed, by how much. */
export function evaluateTargets(rows) {
  const targets = [
    ratioTarget(
      '`ledger status`（本仓库的检出，有缓存）≤ 2.0 × `node -e 0`（争取 1.5×）',
      zoneRows(rows, 'status-own'),
      2.0,
      1.5,
    ),
    ratioTarget('`ledger --version` ≤ 1.3 × `node -e 0`', zoneRows(rows, 'version'), 1.3),
    ratioTarget(
      '`ledger status`（自带台账 24 次月度合并，有缓存）≤ 2.0 × `node -e 0`',
      zoneRows(rows, 'status-bundled'),
      2.0,
    ),
    ratioTarget(
      `\`ledger status\`（${PROVINCE}，有缓存）≤ 2.5 × \`node -e 0\``,
      zoneRows(rows, 'status-province'),
      2.5,
    ),
  ];
  for (const [id, what] of [
    ['log-first-province', '`ledger log`（首次：无缓存）'],
    ['trend-province', '`ledger trend`'],
    ['site-province', '`ledger site`'],
    ['summary-province', '`ledger summary --month`（最后合并的月份）'],
  ]) {
    const zoned = zoneRows(rows, id);
    targets.push(
      limitTarget(`${what}（${PROVINCE}）≤ 15 s`, zoned, (row) => row.median, 15_000, duration),
      limitTarget(`${what}（${PROVINCE}）峰值内存 < 1 GB`, zoned, (row) => row.peakKB, 1024 * MB, megabytes, true),
    );
  }
  return targets;
}

/** The rows of one command in each zone (`<id>-utc`, `<id>-sh`) that ran, with their zone's name. */
function zoneRows(rows, id) {
  return ZONES.flatMap(({ key, tz }) => {
    const row = rows.find((r) => r.id === `${id}-${key}` && (r.state === 'ok' || r.state === 'failed'));
    return row ? [{ ...row, zoneName: tz }] : [];
  });
}

/** A failed row's verdict, or undefined when every row ran. */
function failure(zoned) {
  const failed = zoned.find((row) => row.state === 'failed');
  return failed && `TZ=${failed.zoneName} 的运行失败：${failed.error}`;
}

function ratioTarget(name, zoned, limit, aim) {
  const target = { name, limit: `≤ ${limit}×`, profile: zoned[0]?.id };
  const failed = failure(zoned);
  if (failed) return { ...target, measured: '—', met: false, miss: failed };
  const measured = zoned.filter((row) => row.ratio !== undefined);
  if (measured.length === 0) return target;
  const worst = measured.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const met = worst.ratio <= limit;
  const aimNote = aim === undefined ? '' : `；${worst.ratio <= aim ? '也达到' : '未达到'}争取的 ${aim}×`;
  return {
    ...target,
    measured: measured.map((row) => `TZ=${row.zoneName} ${ratioText(row)}`).join('；') + aimNote,
    met,
    profile: worst.id,
    miss: met
      ? undefined
      : `超出 ${((worst.ratio / limit - 1) * 100).toFixed(0)}%（TZ=${worst.zoneName} 多 ${duration(worst.median - limit * worst.floorMedian)}）`,
  };
}

function ratioText(row) {
  const cpu =
    row.cpuMedian !== undefined && row.floorCpuMedian
      ? `，CPU ${(row.cpuMedian / row.floorCpuMedian).toFixed(2)}×`
      : '';
  return `${row.ratio.toFixed(2)}×（${duration(row.median)} 对 ${duration(row.floorMedian)}${cpu}）`;
}

/** `value` of every zone's row ≤ `limit` (< with `strict`). */
function limitTarget(name, zoned, value, limit, show, strict = false) {
  const target = { name, limit: `${strict ? '<' : '≤'} ${show(limit)}`, profile: zoned[0]?.id };
  const failed = failure(zoned);
  if (failed) return { ...target, measured: '—', met: false, miss: failed };
  const measured = zoned.filter((row) => value(row) !== undefined);
  if (measured.length === 0) return target;
  const worst = measured.reduce((a, b) => (value(b) > value(a) ? b : a));
  const met = strict ? value(worst) < limit : value(worst) <= limit;
  return {
    ...target,
    measured: measured.map((row) => `TZ=${row.zoneName} ${show(value(row))}`).join('；'),
    met,
    profile: worst.id,
    miss: met ? undefined : `超出 ${((value(worst) / limit - 1) * 100).toFixed(0)}%（TZ=${worst.zoneName}）`,
  };
}
