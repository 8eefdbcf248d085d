/**
 * One spelling of a region for every writer (web cascader, API, imports, leads), so that one city
 * never splits in two in the filters. The four municipalities (直辖市) have no city level of their
 * own: the canonical form is province = city = the municipality (北京市 / 北京市 / 朝阳区), where
 * the national division data writes 北京市 / 市辖区 / 朝阳区 (and 重庆市 / 县 / 城口县).
 */
export const municipalities = ['北京市', '天津市', '上海市', '重庆市'] as const;

/** The placeholder city names of the division data under a municipality. */
export const municipalityPlaceholderCities = ['市辖区', '县'] as const;

/** Hong Kong, Macau and Taiwan, which the national division data leaves out. */
export const specialRegions = ['香港特别行政区', '澳门特别行政区', '台湾省'] as const;

const shortNames = new Map<string, string>(municipalities.map((m) => [m.slice(0, -1), m]));

/** 北京 -> 北京市 (the municipalities only); anything else as given. */
function municipalityOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if ((municipalities as readonly string[]).includes(v)) return v;
  return shortNames.get(v) ?? null;
}

export interface RegionParts {
  province?: string | null;
  city?: string | null;
  district?: string | null;
}

/**
 * The canonical form of a province / city / district triple: under a municipality the city is
 * the municipality (市辖区, 县, an empty city, a short name or another municipality become it; a
 * district written as the city, 北京市 / 朝阳区, moves to the district when that is empty). A
 * municipality given as the city alone also becomes the province. Other regions stay as given.
 */
export function canonicalRegion<T extends RegionParts>(parts: T): T {
  const province = municipalityOf(parts.province);
  const city = municipalityOf(parts.city);
  const municipality = province ?? (parts.province ? null : city);
  if (!municipality) return parts;
  const cityText = (parts.city ?? '').trim();
  const placeholder = cityText === '' || (municipalityPlaceholderCities as readonly string[]).includes(cityText) || city !== null;
  if (placeholder) return { ...parts, province: municipality, city: municipality };
  // The city column holds something below the municipality (朝阳区): it is the district.
  if (!parts.district) return { ...parts, province: municipality, city: municipality, district: cityText };
  return { ...parts, province: municipality }; // both filled in: nothing is overwritten
}

/** A list filter's province and city in canonical form (市辖区 or 北京 under a municipality find its rows). */
export function canonicalRegionFilter(province: string | undefined, city: string | undefined): { province: string | undefined; city: string | undefined } {
  const p = municipalityOf(province) ?? province;
  if (city === undefined) return { province: p, city };
  const canonical = canonicalRegion({ province: p ?? null, city });
  return { province: p, city: canonical.city ?? city };
}

export type RegionColumns = { province: string | null; city: string | null; district: string | null };

/**
 * The region columns `changes` sets, in canonical form (北京市 / 市辖区 -> 北京市 / 北京市) with the
 * stored ones they complete; `changes` as given when it sets none of them.
 */
export function withCanonicalRegion<C extends Partial<RegionColumns>>(stored: RegionColumns, changes: C): C {
  if (changes.province === undefined && changes.city === undefined && changes.district === undefined) return changes;
  const next = canonicalRegion({
    province: changes.province !== undefined ? changes.province : stored.province,
    city: changes.city !== undefined ? changes.city : stored.city,
    district: changes.district !== undefined ? changes.district : stored.district,
  });
  const out: C = { ...changes };
  for (const key of ['province', 'city', 'district'] as const) {
    if (changes[key] !== undefined || next[key] !== stored[key]) out[key] = next[key] ?? null;
  }
  return out;
}
