import { esc } from './html.js';
import { relativeHref, SITE_PAGES } from './paths.js';

export interface PageShell {
  /** Site-relative path of the page (decides the relative links). */
  path: string;
  /** The page's own title (the site's title is added). */
  title: string;
  siteTitle: string;
  asOf: string;
  /** 台账版本：… shown in the footer. */
  version?: string;
  /** Escaped HTML. */
  body: string;
  /** Print this page on landscape A4 (wide tables, the 总览). */
  landscape?: boolean;
  /** A class on <body>, for page-specific print rules. */
  bodyClass?: string;
}

const NAV: [keyof typeof SITE_PAGES, string][] = [
  ['overview', '总览'],
  ['areas', '主要指标'],
  ['leads', '牵头单位'],
  ['units', '责任单位'],
  ['overdue', '逾期清单'],
  ['reporting', '报送情况'],
  ['search', '搜索'],
];

/**
 * The HTML around every page: Chinese, no external resources, a search form that works
 * without JavaScript (a GET to search.html), and the site's own CSS and script.
 */
export function pageHtml(shell: PageShell): string {
  const to = (page: string) => relativeHref(shell.path, page);
  const nav = NAV.map(([key, label]) => {
    const current = SITE_PAGES[key] === shell.path ? ' aria-current="page"' : '';
    return `<a href="${to(SITE_PAGES[key])}"${current}>${label}</a>`;
  }).join('');
  const landscape = shell.landscape ? '<style>@page { size: A4 landscape; }</style>\n' : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ledger site">
<title>${esc(shell.title)} · ${esc(shell.siteTitle)}</title>
<link rel="stylesheet" href="${to(SITE_PAGES.css)}">
${landscape}</head>
<body${shell.bodyClass ? ` class="${shell.bodyClass}"` : ''}>
<header class="site-header">
<div class="site-title"><a href="${to(SITE_PAGES.overview)}">${esc(shell.siteTitle)}</a><span class="as-of">截至 ${esc(shell.asOf)}</span></div>
<nav class="site-nav" aria-label="栏目">${nav}</nav>
<form class="site-search" action="${to(SITE_PAGES.search)}" method="get" role="search">
<input type="search" name="q" placeholder="编号、措施标题或单位" aria-label="搜索措施编号、标题或单位">
<button type="submit">搜索</button>
</form>
</header>
<main>
${shell.body}
</main>
<footer class="site-footer">由 ledger site 根据台账文件生成，数据截至 ${esc(shell.asOf)}。${shell.version ? esc(shell.version) : ''}</footer>
<script src="${to(SITE_PAGES.js)}" defer></script>
</body>
</html>
`;
}
