/** Machine-readable output: the command's result as indented JSON, keys as in the result types. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
