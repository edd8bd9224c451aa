/** Paragraph texts and table rows (cells) of a docx body (word/document.xml), in order. */
export function docxText(xml: string): { paragraphs: string[]; rows: string[][] } {
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replaceAll('\u2011', '-');
  const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0])),
  );
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...body.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => text(p[0])).filter(Boolean);
  return { paragraphs, rows };
}
