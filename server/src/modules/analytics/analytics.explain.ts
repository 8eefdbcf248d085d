import type { AnalyticsSettingsValue, CustomerAnalytics, CustomerAnalyticsRow, Locale } from '@crm/contracts';
import { lifetimeFactorBp, windowsOf } from './analytics.compute.js';

type Explanation = CustomerAnalytics['explanations'][number];
interface Stored {
  abc_value: number;
  abc_cumulative: number;
  abc_total: number;
  previous_monetary: number;
  window_profit: number;
  customers: number;
  quadrant_value_cut: number;
  quadrant_potential_cut: number;
}

const quadrantNames = {
  'zh-CN': { platinum: '白金 IV', gold: '黄金 III', iron: '钢铁 II', lead: '铅 I' },
  en: { platinum: 'platinum IV', gold: 'gold III', iron: 'iron II', lead: 'lead I' },
} as const;

const n = (v: number) => Number(v).toLocaleString('en-US');
const yuan = (fen: number) => `¥${(Number(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (bp: number) => `${(Number(bp) / 100).toFixed(2)} %`;
const ceilShare = (count: number, percent: number) => Math.floor((count * percent + 99) / 100);

/**
 * Each classification of one customer with the figures it was computed from and the rule, in the
 * reader's language: the same rules as the SQL of analytics.compute.ts, with the run's settings.
 */
export function explainCustomer(r: CustomerAnalyticsRow, s: Stored, settings: AnalyticsSettingsValue, asOf: string, locale: Locale): Explanation[] {
  const zh = locale === 'zh-CN';
  const out: Explanation[] = [];
  const count = s.customers;
  const basisName = settings.abcBasis === 'gross_profit' ? (zh ? '毛利' : 'gross profit') : (zh ? '收入' : 'revenue');
  const abcRule = r.abcRank === 1 ? (zh ? '排名第一 → A' : 'first in rank → A')
    : r.abcClass === 'A' ? `${pct(r.abcCumulativeBp)} ≤ ${settings.abcAPercent} % → A`
    : r.abcClass === 'B' ? `${pct(r.abcCumulativeBp)} > ${settings.abcAPercent} %, ≤ ${settings.abcBPercent} % → B`
    : `${pct(r.abcCumulativeBp)} > ${settings.abcBPercent} % → C`;
  out.push({
    key: 'abc', value: r.abcClass,
    inputs: { basis: settings.abcBasis, value: Number(s.abc_value), rank: r.abcRank, customers: count, cumulative: Number(s.abc_cumulative), total: Number(s.abc_total), cumulativeSharePercent: r.abcCumulativeBp / 100, aPercent: settings.abcAPercent, bPercent: settings.abcBPercent },
    formula: zh
      ? `${basisName}排名第 ${n(r.abcRank)} / ${n(count)}，累计占比 ${yuan(s.abc_cumulative)} / ${yuan(s.abc_total)} = ${abcRule}`
      : `${basisName} rank ${n(r.abcRank)} of ${n(count)}, cumulative share ${yuan(s.abc_cumulative)} / ${yuan(s.abc_total)} = ${abcRule}`,
  });
  const key = ceilShare(count, settings.keyTopPercent);
  const major = ceilShare(count, settings.majorTopPercent);
  const maintenance = ceilShare(count, settings.maintenanceTopPercent);
  out.push({
    key: 'valueClass', value: r.valueClass,
    inputs: { revenue: r.revenue, rank: r.valueRank, customers: count, keyUpTo: key, majorUpTo: major, maintenanceUpTo: maintenance },
    formula: zh
      ? `收入排名第 ${n(r.valueRank)} / ${n(count)}；前 ${settings.keyTopPercent} %（第 1-${key} 名）关键客户，前 ${settings.majorTopPercent} %（至第 ${major} 名）大客户，前 ${settings.maintenanceTopPercent} %（至第 ${maintenance} 名）维持客户，其余机会客户 → ${r.valueClass}`
      : `revenue rank ${n(r.valueRank)} of ${n(count)}; top ${settings.keyTopPercent} % (ranks 1-${key}) key, top ${settings.majorTopPercent} % (to ${major}) major, top ${settings.maintenanceTopPercent} % (to ${maintenance}) maintenance, the rest opportunity → ${r.valueClass}`,
  });
  const { windowStart, previousStart, tenureBefore } = windowsOf(asOf, settings);
  out.push({
    key: 'rfm', value: `${r.rScore}${r.fScore}${r.mScore} ${r.rfmSegment}`,
    inputs: { recencyDays: r.recencyDays, frequency: r.frequency, monetary: r.monetary, windowFrom: windowStart, windowTo: asOf, r: r.rScore, f: r.fScore, m: r.mScore, segment: r.rfmSegment },
    formula: zh
      ? `最近一次购买距今 ${r.recencyDays} 天 → R=${r.rScore}；${windowStart} 之后 ${r.frequency} 次 → F=${r.fScore}；金额 ${yuan(r.monetary)} → M=${r.mScore}（各为全部客户的五分位，1-5）→ ${r.rfmSegment}`
      : `last purchase ${r.recencyDays} days ago → R=${r.rScore}; ${r.frequency} purchases after ${windowStart} → F=${r.fScore}; spend ${yuan(r.monetary)} → M=${r.mScore} (quintiles of all customers, 1-5) → ${r.rfmSegment}`,
  });
  out.push({
    key: 'historicalValue', value: String(r.historicalValue),
    inputs: { revenue: r.revenue, grossProfit: r.grossProfit, defaultMarginPercent: settings.defaultMarginPercent },
    formula: zh
      ? `已实现毛利 = Σ(金额 − 成本；成本未知时金额 × ${settings.defaultMarginPercent} %) = ${yuan(r.historicalValue)}`
      : `realised gross profit = Σ(amount − cost; amount × ${settings.defaultMarginPercent} % where the cost is unknown) = ${yuan(r.historicalValue)}`,
  });
  out.push({
    key: 'currentValue', value: String(r.currentValue),
    inputs: { windowProfit: Number(s.window_profit), windowMonths: settings.rfmWindowMonths, windowFrom: windowStart },
    formula: zh
      ? `近 ${settings.rfmWindowMonths} 个月毛利 ${yuan(s.window_profit)} × 12 / ${settings.rfmWindowMonths} = 未来 12 个月 ${yuan(r.currentValue)}`
      : `gross profit of the last ${settings.rfmWindowMonths} months ${yuan(s.window_profit)} × 12 / ${settings.rfmWindowMonths} = next 12 months ${yuan(r.currentValue)}`,
  });
  const factor = lifetimeFactorBp(settings.discountRatePercent, settings.horizonYears);
  out.push({
    key: 'lifetimeValue', value: String(r.lifetimeValue),
    inputs: { currentValue: r.currentValue, retentionCostPerYear: settings.retentionCostPerYear, discountRatePercent: settings.discountRatePercent, horizonYears: settings.horizonYears, annuityFactor: factor / 10_000, acquisitionCost: settings.acquisitionCost },
    formula: zh
      ? `(${yuan(r.currentValue)} − 保持成本 ${yuan(settings.retentionCostPerYear)}) × Σ1/(1+${settings.discountRatePercent} %)^t (t=1..${settings.horizonYears}) = ${(factor / 10_000).toFixed(4)}，− 获取成本 ${yuan(settings.acquisitionCost)} = ${yuan(r.lifetimeValue)}`
      : `(${yuan(r.currentValue)} − retention ${yuan(settings.retentionCostPerYear)}) × Σ1/(1+${settings.discountRatePercent} %)^t (t=1..${settings.horizonYears}) = ${(factor / 10_000).toFixed(4)}, − acquisition ${yuan(settings.acquisitionCost)} = ${yuan(r.lifetimeValue)}`,
  });
  const interval = r.averageIntervalDays;
  const stretched = interval !== null && r.recencyDays > settings.churnFactor * interval;
  const falling = s.previous_monetary > 0 && r.monetary * 100 <= Number(s.previous_monetary) * (100 - settings.spendDropPercent);
  const lost = r.recencyDays > settings.lostAfterDays;
  out.push({
    key: 'churnRisk', value: String(r.churnRisk),
    inputs: { recencyDays: r.recencyDays, averageIntervalDays: interval, churnFactor: settings.churnFactor, monetary: r.monetary, previousMonetary: Number(s.previous_monetary), previousFrom: previousStart, spendDropPercent: settings.spendDropPercent, lost },
    formula: zh
      ? `距上次购买 ${r.recencyDays} 天 ${stretched ? '>' : '≤'} ${settings.churnFactor} × 平均间隔 ${interval ?? '—'} 天；本期金额 ${yuan(r.monetary)} ${falling ? '≤' : '>'} 上期 ${yuan(s.previous_monetary)} × (1 − ${settings.spendDropPercent} %)${lost ? '；已流失' : ''} → ${r.churnRisk ? '有流失风险' : '无流失风险'}`
      : `${r.recencyDays} days since the last purchase ${stretched ? '>' : '≤'} ${settings.churnFactor} × usual interval ${interval ?? '—'} days; window spend ${yuan(r.monetary)} ${falling ? '≤' : '>'} previous ${yuan(s.previous_monetary)} × (1 − ${settings.spendDropPercent} %)${lost ? '; already lost' : ''} → ${r.churnRisk ? 'at risk' : 'not at risk'}`,
  });
  out.push({
    key: 'status', value: r.status,
    inputs: { recencyDays: r.recencyDays, lostAfterDays: settings.lostAfterDays, purchases: r.purchases, loyalMinPurchases: settings.loyalMinPurchases },
    formula: zh
      ? `超过 ${settings.lostAfterDays} 天未购买 → 流失；否则 1 次 → 首次购买，≥ ${settings.loyalMinPurchases} 次 → 忠诚，其余 → 重复购买（${r.recencyDays} 天，${r.purchases} 次）→ ${r.status}`
      : `no purchase for more than ${settings.lostAfterDays} days → lost; else 1 purchase → first purchase, ≥ ${settings.loyalMinPurchases} → loyal, otherwise repeat (${r.recencyDays} days, ${r.purchases} purchases) → ${r.status}`,
  });
  out.push({
    key: 'lifecycleStage', value: r.lifecycleStage,
    inputs: { lost, churnRisk: r.churnRisk, purchases: r.purchases, firstOn: r.firstOn, tenureBefore, loyalMinPurchases: settings.loyalMinPurchases, stabilityMinMonths: settings.stabilityMinMonths },
    formula: zh
      ? `流失或有流失风险 → 退化期；1 次购买 → 考察期；≥ ${settings.loyalMinPurchases} 次且首次购买不晚于 ${tenureBefore}（${settings.stabilityMinMonths} 个月）→ 稳定期；其余 → 形成期 → ${r.lifecycleStage}`
      : `lost or at risk → decline; 1 purchase → exploration; ≥ ${settings.loyalMinPurchases} purchases and first on or before ${tenureBefore} (${settings.stabilityMinMonths} months) → stability; otherwise formation → ${r.lifecycleStage}`,
  });
  out.push(...explainPotential(r, s, settings, locale));
  return out;
}

/** Potential value, the quadrant and the four scores (the rules of classifyCustomers and assessQuadrants). */
function explainPotential(r: CustomerAnalyticsRow, s: Stored, settings: AnalyticsSettingsValue, locale: Locale): Explanation[] {
  const zh = locale === 'zh-CN';
  const out: Explanation[] = [];
  const counted = r.peerCount >= settings.potentialMinPeers;
  const gap = counted ? Math.max(0, r.peerMedian - r.currentValue) : 0;
  const referralPart = r.referrals * settings.referralValue;
  out.push({
    key: 'potentialValue', value: String(r.potentialValue),
    inputs: { peerCount: r.peerCount, potentialMinPeers: settings.potentialMinPeers, peerMedian: r.peerMedian, currentValue: r.currentValue, gap, referrals: r.referrals, referralValue: settings.referralValue },
    formula: zh
      ? `同行业同类别客户 ${n(r.peerCount)} 个（含本客户），当前价值中位数 ${yuan(r.peerMedian)}；${counted ? `交叉/追加销售差距 max(0, ${yuan(r.peerMedian)} − ${yuan(r.currentValue)}) = ${yuan(gap)}` : `同类客户少于 ${settings.potentialMinPeers} 个，不计差距 = ${yuan(0)}`}；+ 推荐 ${n(r.referrals)} 条线索 × ${yuan(settings.referralValue)} = ${yuan(referralPart)}；潜在价值 = ${yuan(r.potentialValue)}`
      : `${n(r.peerCount)} customers of the same industry and category (this one included), median current value ${yuan(r.peerMedian)}; ${counted ? `cross-sell / up-sell gap max(0, ${yuan(r.peerMedian)} − ${yuan(r.currentValue)}) = ${yuan(gap)}` : `fewer than ${settings.potentialMinPeers} peers, no gap counted = ${yuan(0)}`}; + ${n(r.referrals)} referred leads × ${yuan(settings.referralValue)} = ${yuan(referralPart)}; potential value = ${yuan(r.potentialValue)}`,
  });
  const vcut = Number(s.quadrant_value_cut);
  const pcut = Number(s.quadrant_potential_cut);
  const high = r.currentValue >= vcut;
  const growing = r.potentialValue > pcut;
  const names = quadrantNames[zh ? 'zh-CN' : 'en'];
  out.push({
    key: 'quadrant', value: r.quadrant,
    inputs: { currentValue: r.currentValue, valueCut: vcut, valueTopPercent: settings.quadrantValueTopPercent, potentialValue: r.potentialValue, potentialCut: pcut, potentialPercentile: settings.quadrantPotentialPercentile, highValue: high, highPotential: growing },
    formula: zh
      ? `当前价值 ${yuan(r.currentValue)} ${high ? '≥' : '<'} 前 ${settings.quadrantValueTopPercent} % 分界 ${yuan(vcut)} → ${high ? '高' : '低'}价值；潜在价值 ${yuan(r.potentialValue)} ${growing ? '>' : '≤'} 第 ${settings.quadrantPotentialPercentile} 百分位 ${yuan(pcut)} → ${growing ? '高' : '低'}潜力；高/高 白金 IV，高/低 黄金 III，低/高 钢铁 II，低/低 铅 I → ${names[r.quadrant]}`
      : `current value ${yuan(r.currentValue)} ${high ? '≥' : '<'} the top-${settings.quadrantValueTopPercent} % cut ${yuan(vcut)} → ${high ? 'high' : 'low'} value; potential ${yuan(r.potentialValue)} ${growing ? '>' : '≤'} the ${settings.quadrantPotentialPercentile}th percentile ${yuan(pcut)} → ${growing ? 'high' : 'low'} potential; high/high platinum IV, high/low gold III, low/high iron II, low/low lead I → ${names[r.quadrant]}`,
  });
  out.push({
    key: 'profitScore', value: String(r.profitScore),
    inputs: { grossProfit: r.grossProfit, customers: s.customers },
    formula: zh
      ? `毛利 ${yuan(r.grossProfit)} 在全部 ${n(s.customers)} 个客户中的五分位（低到高 1-5）→ ${r.profitScore}`
      : `gross profit ${yuan(r.grossProfit)}: its quintile among all ${n(s.customers)} customers (low to high, 1-5) → ${r.profitScore}`,
  });
  out.push({
    key: 'influenceScore', value: String(r.influenceScore),
    inputs: { referrals: r.referrals },
    formula: zh
      ? `1 + 推荐的线索 ${n(r.referrals)} 条，最高 5 → ${r.influenceScore}`
      : `1 + ${n(r.referrals)} referred leads, at most 5 → ${r.influenceScore}`,
  });
  const repeatPercent = r.purchases > 0 ? Math.floor(((r.purchases - 1) * 10_000) / r.purchases) / 100 : 0;
  const years = (r.tenureDays / 365).toFixed(1);
  out.push({
    key: 'loyaltyScore', value: String(r.loyaltyScore),
    inputs: { tenureDays: r.tenureDays, firstOn: r.firstOn, purchases: r.purchases, repeatRatePercent: repeatPercent },
    formula: zh
      ? `1 + 合作时长 ${n(r.tenureDays)} 天（约 ${years} 年）≥ 365 天 +1、≥ 1,095 天 +1 + 重复购买率 (${r.purchases} − 1) / ${r.purchases} = ${repeatPercent} % ≥ 50 % +1、≥ 80 % +1 → ${r.loyaltyScore}`
      : `1 + tenure ${n(r.tenureDays)} days (about ${years} years): ≥ 365 days +1, ≥ 1,095 days +1; + repeat rate (${r.purchases} − 1) / ${r.purchases} = ${repeatPercent} %: ≥ 50 % +1, ≥ 80 % +1 → ${r.loyaltyScore}`,
  });
  out.push({
    key: 'potentialScore', value: String(r.potentialScore),
    inputs: { potentialValue: r.potentialValue, customers: s.customers },
    formula: zh
      ? `潜在价值 ${yuan(r.potentialValue)}${r.potentialValue > 0 ? ` 在全部 ${n(s.customers)} 个客户中的五分位（低到高 1-5）` : ' 为 0 → 1'} → ${r.potentialScore}`
      : `potential value ${yuan(r.potentialValue)}${r.potentialValue > 0 ? `: its quintile among all ${n(s.customers)} customers (low to high, 1-5)` : ' is nil → 1'} → ${r.potentialScore}`,
  });
  return out;
}
