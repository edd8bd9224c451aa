const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十四 → 14, 二十 → 20, 二十三 → 23: the inverse of chineseNumeral in ledger-labels.ts. */
export function parseChineseNumeral(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const tensValue = text.includes('十') ? (tens ? DIGITS[tens]! : 1) * 10 : 0;
  return tensValue + (ones ? DIGITS[ones]! : 0);
}

/** A title from a full text: its first sentence. */
export function firstSentence(text: string): string {
  const end = text.indexOf('。');
  return end > 0 ? text.slice(0, end) : text.replace(/[。；;]$/, '');
}
