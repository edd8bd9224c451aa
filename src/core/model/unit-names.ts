/**
 * The one rule for unit names and aliases (units.yaml): Chinese characters, Latin letters, digits
 * and the punctuation real names use (（）() · - —). A name is used as a file name
 * (reports/YYYY-MM/<unit>.yaml) and a page name, so `/`, `..` and invisible characters never get
 * in; compatibility ideographs (U+F900–U+FAFF: 社 U+FA4C looks like 社 U+793E) are refused, and
 * names are compared by their look (unitKey) so that look-alikes are duplicates.
 */

/** `U+FFFE`: a character as its code point, the way messages name an invisible one. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const ALLOWED = /^[\p{Script=Han}A-Za-z0-9（）()·\-—]$/u;
const COMPATIBILITY_IDEOGRAPH = /^[\uF900-\uFAFF\u{2F800}-\u{2FA1F}]$/u;
const INVISIBLE = /^[\p{Cf}\p{Z}\p{Cc}\u3164\u115F\u1160\uFFA0]$/u;

/** A character as messages name it: the code point, and what kind of character it is. */
export function describeChar(char: string): string {
  if (INVISIBLE.test(char)) return `${codePoint(char)}（看不见的字符）`;
  if (COMPATIBILITY_IDEOGRAPH.test(char))
    return `${codePoint(char)}（兼容汉字，看起来与 ${char.normalize('NFKC')} ${codePoint(char.normalize('NFKC'))} 一样）`;
  return `“${char}” ${codePoint(char)}`;
}

/** Why `name` may not be a unit name or alias, or undefined. */
export function unitNameProblem(name: string): string | undefined {
  const chars = [...name];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!ALLOWED.test(char) || COMPATIBILITY_IDEOGRAPH.test(char))
      return `第 ${i + 1} 个字符 ${describeChar(char)} 不能用在单位名称中`;
  }
  if (name.startsWith('-')) return '不能以 - 开头（会被当作命令行选项）';
  return undefined;
}

/** What a name looks like: NFKC, invisible characters and spaces removed. Look-alikes share it. */
export function unitKey(name: string): string {
  return name.normalize('NFKC').replace(/[\p{Cf}\p{Z}\p{Cc}\u3164\u115F\u1160\uFFA0]/gu, '');
}

/** The characters of `typed` that `registered` does not have (the invisible or compatibility ones), described. */
export function lookAlikeDifference(typed: string, registered: string): string {
  const own = new Set(registered);
  const odd = [...new Set(typed)].filter((char) => !own.has(char));
  return odd.length > 0 ? `含有 ${odd.map(describeChar).join('、')}` : '字符不同';
}
