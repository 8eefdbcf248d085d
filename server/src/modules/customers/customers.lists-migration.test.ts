import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrate } from '../../platform/db/migrate.js';
import { freshDatabase } from '../../test/harness.js';

/** Migration 0010: municipalities in one canonical form; free-text industries and sources onto the managed lists. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
const at = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  fresh = await freshDatabase();
  const before = migrations.findIndex((m) => m.name === '20261204-0010-regions-lists');
  await migrate(fresh.database, migrations.slice(0, before));
});
afterAll(() => fresh.drop());

describe('migration 0010', () => {
  it('rewrites regions of customers and leads, and maps industries and sources without losing a value', async () => {
    const db = fresh.database.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    const base = { kind: 'organization', category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration', tags: '[]', person: '{}', organization: '{}', search_key: '', version: 1, created_at: at, updated_at: at };
    const rows: Array<Record<string, unknown>> = [
      { archive_no: 'KH00000001', name: '甲', province: '北京市', city: '市辖区', district: '朝阳区', industry: '制造业', source: '展会' },
      { archive_no: 'KH00000002', name: '乙', province: '北京市', city: '北京市', district: '海淀区', industry: 'Finance', source: 'Web form' },
      { archive_no: 'KH00000003', name: '丙', province: '重庆市', city: '县', district: '城口县', industry: '软件', source: '老朋友介绍' },
      { archive_no: 'KH00000004', name: '丁', province: '北京', city: null, district: null, industry: '金融业', source: 'exhibition' },
      { archive_no: 'KH00000005', name: '戊', province: '浙江省', city: '杭州市', district: '西湖区', industry: null, source: null },
    ];
    for (const row of rows) await db.insertInto('customers').values({ ...base, ...row }).execute();
    await db.insertInto('leads').values({ kind: 'person', name: '线索', source: 'exhibition', status: 'new', province: '上海市', city: '市辖区', district: '浦东新区', search: '', version: 1, created_at: at, updated_at: at }).execute();

    await migrate(fresh.database);

    const stored = (await sql<{ name: string; province: string | null; city: string | null; district: string | null; industry: string | null; source: string | null }>`
      select name, province, city, district, industry, source from customers order by archive_no`.execute(fresh.database.db)).rows;
    expect(stored.map((r) => [r.name, r.province, r.city, r.district])).toEqual([
      ['甲', '北京市', '北京市', '朝阳区'],
      ['乙', '北京市', '北京市', '海淀区'],
      ['丙', '重庆市', '重庆市', '城口县'],
      ['丁', '北京市', '北京市', null],
      ['戊', '浙江省', '杭州市', '西湖区'],
    ]);
    expect(stored.map((r) => r.industry)).toEqual(['manufacturing', 'finance', 'former_industry_1', 'finance', null]);
    expect(stored.map((r) => r.source)).toEqual(['exhibition', 'web_form', 'former_source_1', 'exhibition', null]);
    const lead = (await sql<{ province: string; city: string }>`select province, city from leads`.execute(fresh.database.db)).rows[0];
    expect(lead).toEqual({ province: '上海市', city: '上海市' });

    // The old texts are inactive items labelled with the text itself; the defaults come first.
    const setting = async (key: string) => {
      const row = (await sql<{ value: string }>`select value from settings where ${sql.ref('key')} = ${key}`.execute(fresh.database.db)).rows[0];
      return (JSON.parse(row?.value ?? '{}') as { items: Array<{ key: string; labelZh: string; labelEn: string; active: boolean }> }).items;
    };
    const industries = await setting('customer_industries');
    expect(industries).toHaveLength(21);
    expect(industries[0]).toEqual({ key: 'agriculture', labelZh: '农、林、牧、渔业', labelEn: 'Agriculture, forestry, animal husbandry and fishery', active: true });
    expect(industries.at(-1)).toEqual({ key: 'former_industry_1', labelZh: '软件', labelEn: '软件', active: false });
    const sources = await setting('lead_sources');
    expect(sources).toHaveLength(20);
    expect(sources.at(-1)).toEqual({ key: 'former_source_1', labelZh: '老朋友介绍', labelEn: '老朋友介绍', active: false });
  });
});
