/** A record's province, city and district in one line; 市辖区 (a municipality's "districts") is left out. */
export function regionText(record: { province: string | null; city: string | null; district: string | null }): string {
  return [record.province, record.city === '市辖区' ? null : record.city, record.district]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}
