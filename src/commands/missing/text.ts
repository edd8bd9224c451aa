import type { MissingResult } from './run.js';
import type { ReportState } from '../../core/reports/report-counts.js';

const STATE_LABELS: Record<ReportState, string> = {
  missing: '未报送',
  late: '迟报',
  uncommitted: '已有文件、尚未提交',
  received: '已报送',
  'on-time': '按时报送',
};

/** ledger missing: one line per unit that has not reported, then the late ones. */
export function renderMissingText(result: MissingResult): string {
  const lines = [
    `${result.month} 月度报送（截止 ${result.due}）：应报 ${result.owing} 个单位，已报 ${result.received}，未报 ${result.missing}，迟报 ${result.late}`,
  ];
  const shown = result.rows.filter((row) => row.state !== 'on-time' && row.state !== 'received');
  for (const row of shown) {
    const when = row.received
      ? `，收到于 ${row.received}`
      : row.committed
        ? `，首次提交于 ${row.committed.slice(0, 16).replace('T', ' ')}`
        : '';
    lines.push(`  ${STATE_LABELS[row.state]}  ${row.unit}${row.file ? `（${row.file}${when}）` : ''}`);
  }
  if (shown.length === 0) lines.push('  全部按时报送。');
  if (!result.tracked) lines.push('', '注意：台账不在 Git 仓库中，无法判断是否迟报。');
  if ((result.problems ?? 0) > 0)
    lines.push('', `注意：台账中有 ${result.problems} 处错误，出错的措施未计入；运行 ledger validate 查看。`);
  if (result.version) lines.push(result.version.label);
  return lines.join('\n');
}

export function renderMissingJson(result: MissingResult): string {
  return JSON.stringify(result, null, 2);
}
