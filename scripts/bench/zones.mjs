// The machine zones every command row runs in: a UTC machine (every CI runner) and one in the ledger's zone.
// Row ids end in the zone's key (status-own-utc, status-own-sh).
export const ZONES = [
  { key: 'utc', tz: 'UTC' },
  { key: 'sh', tz: 'Asia/Shanghai' },
];
