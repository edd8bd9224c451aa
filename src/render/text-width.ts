/** Whether a code point takes two terminal columns (East Asian wide or fullwidth), as string-width counts. */
export function isWideCodePoint(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x3247 && c !== 0x303f) ||
    (c >= 0x3250 && c <= 0xa4c6) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe6b) ||
    (c >= 0xff01 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Terminal columns taken by `text`. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWideCodePoint(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Terminal columns taken by `text`, ignoring colour codes. */
export function visibleWidth(text: string): number {
  return displayWidth(text.replace(ANSI, ''));
}
