/**
 * The few HTML helpers every page uses. Every text from the ledger or a report goes
 * through `esc` (text and attribute values alike); links to outside the site are
 * made only by `evidenceLink`, which accepts http(s) URLs and repository paths.
 */
import type { Light } from '../../core/rules/rollup.js';
import type { Phase } from '../../core/rules/evaluate.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Multi-line text as escaped HTML with line breaks kept. */
export function multiline(text: string): string {
  return esc(text).replace(/\r?\n/g, '<br>');
}

/** A link inside the site: `href` is made by paths.ts (never from raw ledger text). */
export function link(href: string, text: string, className?: string): string {
  return `<a href="${esc(href)}"${className ? ` class="${className}"` : ''}>${esc(text)}</a>`;
}

const LIGHT_CLASS: Record<Light, string> = { 红: 'red', 黄: 'yellow', 绿: 'green' };

/** The traffic light as a badge that carries its word (红/黄/绿), readable without colour. */
export function lightBadge(light: Light): string {
  return `<span class="light light-${LIGHT_CLASS[light]}" title="状态灯：${light}">${light}</span>`;
}

const PHASE_CLASS: Partial<Record<Phase, string>> = {
  严重逾期: 'escalated',
  逾期: 'overdue',
  临期: 'due-soon',
  本月未报进展: 'no-progress',
  已完成: 'done',
};

/** The measure's phase (严重逾期, 逾期, 临期 …) as a labelled badge; `text` adds days. */
export function phaseBadge(phase: Phase, text: string = phase): string {
  return `<span class="phase phase-${PHASE_CLASS[phase] ?? 'open'}">${esc(text)}</span>`;
}

/** A completion bar: HTML and CSS only, with the percentage written beside it. */
export function completionBar(percent: number): string {
  const width = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    `<span class="bar" role="img" aria-label="完成率 ${width}%"><span class="bar-fill" style="width:${width}%"></span></span>` +
    `<span class="bar-text">${width}%</span>`
  );
}

/** 较上月: “+3”, “−2”, “持平”; nothing without an earlier figure. */
export function delta(now: number, before: number | undefined, unit = ''): string {
  if (before === undefined) return '';
  const d = now - before;
  const text = d === 0 ? '持平' : `${d > 0 ? '+' : '−'}${Math.abs(d)}${unit}`;
  return `<span class="delta">较上月 ${text}</span>`;
}

/**
 * Evidence (佐证材料) as a link when it is an http(s) URL or a repository path, else as text.
 * A repository path links into the repository only when `repoUrl` (an http(s) base) is given.
 */
export function evidenceLink(evidence: string, repoUrl?: string): string {
  const value = evidence.trim();
  if (/^https?:\/\/[^\s<>"]+$/i.test(value))
    return `<a href="${esc(value)}" rel="noopener noreferrer">${esc(value)}</a>`;
  if (isRepositoryPath(value) && repoUrl && /^https?:\/\//i.test(repoUrl)) {
    const href = `${repoUrl.replace(/\/+$/, '')}/${value.split('/').map(encodeURIComponent).join('/')}`;
    return `<a href="${esc(href)}" rel="noopener noreferrer">${esc(value)}</a>`;
  }
  return isRepositoryPath(value) ? `<code>${esc(value)}</code>` : `<span class="unlinked">${esc(value)}</span>`;
}

/** A relative path inside the repository: no scheme, not absolute, no `..`, no control characters. */
export function isRepositoryPath(value: string): boolean {
  if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') || value.startsWith('\\'))
    return false;
  if (/[\u0000-\u001f<>"|?*\\]/.test(value)) return false;
  return value.split('/').every((step) => step !== '' && step !== '.' && step !== '..');
}
