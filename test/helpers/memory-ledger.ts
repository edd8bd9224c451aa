import { parse } from 'yaml';
import type { Ledger } from '../../src/core/model/ledger.js';
import { AreaSchema, ConfigSchema, UnitsFileSchema, type Config } from '../../src/core/model/schema.js';
import { buildUnitRegistry } from '../../src/core/model/units.js';
import { BUNDLED_UNITS, SMALL_AREA } from './ledger-fixture.js';

/** A ledger built in memory from area YAML texts and the bundled units, for pure core tests. */
export function memoryLedger(areas: readonly string[] = [SMALL_AREA], config: Partial<Config> = {}): Ledger {
  const unitsData = UnitsFileSchema.parse(parse(BUNDLED_UNITS));
  return {
    config: ConfigSchema.parse(config),
    units: buildUnitRegistry(unitsData),
    areas: areas.map((text, i) => {
      const file = `ledger/${String(i + 1).padStart(2, '0')}-area.yaml`;
      return { file, data: AreaSchema.parse(parse(text)), locate: () => ({ file, line: 1, col: 1 }) };
    }),
  };
}
