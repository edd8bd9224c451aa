import path from 'node:path';
import type { SiteResult } from './run.js';
import { pushAll } from '../../core/model/arrays.js';

export function renderSiteResult(result: SiteResult, format: 'text' | 'json'): string {
  if (format === 'json') {
    return JSON.stringify(
      {
        version: 1,
        ledger_version: result.version,
        out: result.out,
        index: path.join(result.out!, 'index.html'),
        files: result.files,
        measures: result.measures,
        total: result.total,
        history: result.history,
        report_months: result.reportMonths,
        trend_months: result.trendMonths,
        warnings: result.warnings,
      },
      null,
      2,
    );
  }
  const t = result.total!;
  const lines = [
    `已生成网站：${result.files} 个文件（${result.measures} 项具体措施，已完成 ${t.done}，逾期 ${t.overdue}，其中严重逾期 ${t.escalated}）`,
    `用浏览器打开 ${path.join(result.out!, 'index.html')}`,
  ];
  if (result.version) lines.push(result.version);
  if (!result.history) lines.push('台账不在 Git 仓库中（或还没有提交）：措施页没有修改历史。');
  pushAll(
    lines,
    result.warnings.map((w) => `警告：${w}`),
  );
  return lines.join('\n');
}
