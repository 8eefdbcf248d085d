import type { CreditFactor, Locale } from '@crm/contracts';
import type { CreditResult, ScoredFactor } from './credit.score.js';

const yuan = (fen: unknown) => (typeof fen === 'number' ? `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '—');
const num = (v: unknown) => (typeof v === 'number' ? String(v) : '—');

/** One C's rule applied to its inputs, in the reader's language (the rules: credit.score.ts). */
function formulaOf(f: ScoredFactor, zh: boolean): string {
  const i = f.inputs;
  const s = f.score;
  switch (f.key) {
    case 'character':
      if (i.dueInstalments === 0) return zh ? `尚无到期回款计划，中性分 ${s}` : `no instalment has fallen due yet: neutral ${s}`;
      return zh
        ? `到期 ${num(i.dueInstalments)} 期，按时 ${num(i.onTime)} 期 → 按时率 ${num(i.onTimePercent)}%；平均逾期 ${num(i.averageDaysLate)} 天（最长 ${num(i.maxDaysLate)} 天），扣分 min(30, ${num(i.averageDaysLate)}) = ${num(i.penalty)}；${num(i.onTimePercent)} − ${num(i.penalty)} → ${s}`
        : `${num(i.dueInstalments)} instalments due, ${num(i.onTime)} paid on time → ${num(i.onTimePercent)} % on time; average ${num(i.averageDaysLate)} days late (at most ${num(i.maxDaysLate)}), penalty min(30, ${num(i.averageDaysLate)}) = ${num(i.penalty)}; ${num(i.onTimePercent)} − ${num(i.penalty)} → ${s}`;
    case 'capacity':
      if (i.missing) return zh ? '流动资产、流动负债或存货未填写 → 0' : 'current assets, current liabilities or inventory not given → 0';
      if (i.currentRatio === null) return zh ? `流动负债为 0：有流动资产满分，否则 0 → ${s}` : `no current liabilities: full marks with current assets, else 0 → ${s}`;
      return zh
        ? `流动比率 = ${yuan(i.currentAssets)} / ${yuan(i.currentLiabilities)} = ${num(i.currentRatio)}（约 2 为稳健）；速动比率 = (${yuan(i.currentAssets)} − 存货 ${yuan(i.inventory)}) / ${yuan(i.currentLiabilities)} = ${num(i.quickRatio)}（约 1 为稳健）；50 × min(1, ${num(i.currentRatio)} / 2) + 50 × min(1, ${num(i.quickRatio)}) → ${s}`
        : `current ratio = ${yuan(i.currentAssets)} / ${yuan(i.currentLiabilities)} = ${num(i.currentRatio)} (about 2 is sound); quick ratio = (${yuan(i.currentAssets)} − inventory ${yuan(i.inventory)}) / ${yuan(i.currentLiabilities)} = ${num(i.quickRatio)} (about 1 is sound); 50 × min(1, ${num(i.currentRatio)} / 2) + 50 × min(1, ${num(i.quickRatio)}) → ${s}`;
    case 'capital':
      if (i.missing) return zh ? '资产总额或所有者权益未填写 → 0' : 'total assets or owners’ equity not given → 0';
      return zh
        ? `权益比率 = 所有者权益 ${yuan(i.ownersEquity)} / 资产总额 ${yuan(i.totalAssets)} = ${num(i.equityRatioPercent)}%（资产负债率 ${num(i.debtRatioPercent)}%）；min(100, 2 × ${num(i.equityRatioPercent)}) → ${s}`
        : `equity ratio = owners’ equity ${yuan(i.ownersEquity)} / total assets ${yuan(i.totalAssets)} = ${num(i.equityRatioPercent)} % (debt ratio ${num(i.debtRatioPercent)} %); min(100, 2 × ${num(i.equityRatioPercent)}) → ${s}`;
    case 'collateral':
      if (i.missing) return zh ? '未填写申请额度 → 0' : 'no requested limit given → 0';
      if (i.coveragePercent === null) return zh ? `申请额度为 0，无需担保 → ${s}` : `nothing requested on credit: no collateral needed → ${s}`;
      return zh
        ? `担保覆盖率 = 抵押/担保 ${yuan(i.collateralValue ?? 0)} / 申请额度 ${yuan(i.requestedLimit)} = ${num(i.coveragePercent)}%；min(100, ${num(i.coveragePercent)}) → ${s}`
        : `coverage = collateral ${yuan(i.collateralValue ?? 0)} / requested limit ${yuan(i.requestedLimit)} = ${num(i.coveragePercent)} %; min(100, ${num(i.coveragePercent)}) → ${s}`;
    case 'conditions':
      if (i.missing) return zh ? '未评估行业与经济前景 → 0' : 'industry and economic outlook not judged → 0';
      return zh ? `行业与经济前景 ${num(i.outlook)} / 5；(${num(i.outlook)} − 1) × 25 → ${s}` : `industry and economic outlook ${num(i.outlook)} of 5; (${num(i.outlook)} − 1) × 25 → ${s}`;
    case 'continuity': {
      const years = i.yearsInBusiness === null ? (zh ? `成立年份未填写 → 0` : 'founding year not given → 0') : zh ? `成立于 ${num(i.foundedYear)} 年，经营 ${num(i.yearsInBusiness)} 年；6 × min(${num(i.yearsInBusiness)}, 10) = ${num(i.yearsPart)}` : `founded ${num(i.foundedYear)}, ${num(i.yearsInBusiness)} years in business; 6 × min(${num(i.yearsInBusiness)}, 10) = ${num(i.yearsPart)}`;
      const stability = i.relationshipStability === null ? (zh ? '关系稳定性未填写 → 0' : 'relationship stability not given → 0') : zh ? `关系稳定性 ${num(i.relationshipStability)} / 5；10 × (${num(i.relationshipStability)} − 1) = ${num(i.stabilityPart)}` : `relationship stability ${num(i.relationshipStability)} of 5; 10 × (${num(i.relationshipStability)} − 1) = ${num(i.stabilityPart)}`;
      return zh ? `${years}；${stability}；合计 → ${s}` : `${years}; ${stability}; together → ${s}`;
    }
  }
}

/** Each C with its inputs, weight and rule in words. */
export function explainFactors(result: Pick<CreditResult, 'factors'>, locale: Locale): CreditFactor[] {
  const zh = locale === 'zh-CN';
  return result.factors.map((f) => ({ key: f.key, score: f.score, weight: f.weight, weighted: (f.score * f.weight) / 100, inputs: f.inputs, formula: formulaOf(f, zh) }));
}

/** How the total and the rating came about. */
export function explainTotal(result: Pick<CreditResult, 'factors' | 'weightedSum' | 'total' | 'rating' | 'thresholds'>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const terms = result.factors.map((f) => `${f.score} × ${f.weight}`).join(' + ');
  const t = result.thresholds;
  return zh
    ? `(${terms}) / 100 = ${result.weightedSum / 100} → ${result.total}；A ≥ ${t.a}，B ≥ ${t.b}，C ≥ ${t.c}，其余 D → ${result.rating}`
    : `(${terms}) / 100 = ${result.weightedSum / 100} → ${result.total}; A ≥ ${t.a}, B ≥ ${t.b}, C ≥ ${t.c}, else D → ${result.rating}`;
}
