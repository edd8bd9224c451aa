import type { Plan } from './plan.js';
import { looksLikeAttachment, readAttachment } from './read-attachment.js';
import { readNumberedText } from './read-numbered-text.js';

/** A plan in plain text, by its layout: the flattened attachment (工作台账), or numbered items. */
export function readPlanText(text: string, file: string): Plan {
  const source = text.replace(/^\uFEFF/, '');
  if (looksLikeAttachment(source)) return readAttachment(source, file);
  return readNumberedText(source.split(/\r?\n/), 'numbered-text');
}
