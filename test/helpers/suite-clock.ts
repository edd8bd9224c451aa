/**
 * The suite's clock: the whole suite runs at an hour when the UTC date and the +08:00 date differ
 * (16:30 UTC or later on the real day, never earlier than the real instant, so commits made by the
 * tests are never in the future), in the machine's own time zone. A test that needs another instant
 * passes LEDGER_NOW itself. This is how the one-clock rule (src/io/clock.ts) is kept honest: a
 * command that read the machine's local date instead of the ledger's would answer for yesterday.
 */
export function suiteNow(realNow = Date.now()): string {
  const day = new Date(realNow).toISOString().slice(0, 10);
  const evening = Date.parse(`${day}T16:30:00Z`);
  return new Date(Math.max(realNow, evening)).toISOString();
}
