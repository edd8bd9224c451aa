/**
 * File and page names derived from names in the ledger (unit names, measure ids): never joined raw
 * into a path. Characters outside letters, digits, `.`, `_`, `-` and the CJK brackets become `_`, a
 * leading dot too, the length is bounded, and a name that had to change (or that is reserved, such
 * as `index`, or spelled in Latin capitals, which case-insensitive disks fold) gets a short hash of
 * the original, so two different names never share a file.
 */

const RESERVED = /^(index|con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-（）〔〕]/gu, '_')
    .replace(/^\./, '_')
    .slice(0, 80);
  const plain = cleaned !== '' && cleaned === name && !RESERVED.test(cleaned) && !/[A-Z]/.test(cleaned);
  return plain ? cleaned : `${cleaned || '_'}~${shortHash(name)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
