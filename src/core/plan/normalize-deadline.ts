/**
 * Repairs the scars of the flattened text in a written 完成时限 and returns the
 * form the document means: a lost “年” is restored (“20206月底前” → “2020年6月底前”)
 * and a dated deadline always ends in “前” (“2020年底” → “2020年底前”).
 */
export function normalizeDeadline(written: string): string {
  const form = written.replace(/\s+/g, '').replace(/^(\d{4})(?=\d{1,2}月)/, '$1年');
  if (form === '长期' || form === '适时' || form.endsWith('前')) return form;
  return /底$/.test(form) ? `${form}前` : form;
}
