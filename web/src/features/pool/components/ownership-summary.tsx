import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { Customer, PoolRulesState } from '@crm/contracts';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDate, formatDateTime, fromNow } from '../../../shared/format/format';
import { usePoolRules } from '../../settings';


export interface PoolReturn {
  at: dayjs.Dayjs;
  reason: 'noFollowUp' | 'noDeal';
  days: number;
}

function later(a: string | null | undefined, b: string | null | undefined): dayjs.Dayjs | null {
  const dates = [a, b].filter((v): v is string => Boolean(v)).map((v) => dayjs(v));
  if (dates.length === 0) return null;
  return dates.reduce((x, y) => (y.isAfter(x) ? y : x));
}

/**
 * When the rules will put the customer back in the pool, as the server computes it: follow-up
 * clock from max(owner since, last follow-up), deal clock from max(owner since, last deal).
 */
export function poolReturnOf(customer: Customer, rules: PoolRulesState | undefined): PoolReturn | null {
  if (!rules || !rules.enabled || customer.ownerId === null) return null;
  if (rules.exemptStatuses.includes(customer.status)) return null;
  const candidates: PoolReturn[] = [];
  const followBase = later(customer.ownerSince, customer.lastFollowUpAt);
  if (rules.noFollowUpDays !== null && followBase) {
    candidates.push({ at: followBase.add(rules.noFollowUpDays, 'day'), reason: 'noFollowUp', days: rules.noFollowUpDays });
  }
  const dealBase = later(customer.ownerSince, customer.lastDealAt);
  if (rules.noDealDays !== null && dealBase) {
    candidates.push({ at: dealBase.add(rules.noDealDays, 'day'), reason: 'noDeal', days: rules.noDealDays });
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((x, y) => (y.at.isBefore(x.at) ? y : x));
}

/** Owner since, last follow-up and, when the rules are on, when the customer returns to the pool. */
export function OwnershipSummary({ customer }: { customer: Customer }) {
  const t = useT();
  const rules = usePoolRules(true);
  const c = customer;
  const back = poolReturnOf(c, rules.data);
  const soon = back !== null && rules.data !== undefined && back.at.diff(dayjs(), 'day', true) <= Math.max(rules.data.warnDaysBefore, 0);

  const parts = [
    c.ownerId !== null && c.ownerSince ? (
      <span key="since" data-testid="owner-since">
        {t('pool.ownerSince')}: <span title={formatDateTime(c.ownerSince)}>{formatDate(c.ownerSince)}</span>
      </span>
    ) : null,
    <span key="follow" data-testid="last-follow-up">
      {t('pool.lastFollowUp')}:{' '}
      {c.lastFollowUpAt ? <span title={formatDateTime(c.lastFollowUpAt)}>{fromNow(c.lastFollowUpAt)}</span> : t('pool.never')}
    </span>,
  ].filter(Boolean);

  return (
    <Flex wrap gap={12} align="center" style={{ fontSize: 13 }} data-testid="ownership-summary">
      {parts.map((part, index) => (
        <Typography.Text type="secondary" key={index}>
          {part}
        </Typography.Text>
      ))}
      {back ? (
        <Tooltip title={t(back.reason === 'noFollowUp' ? 'pool.returnNoFollowUp' : 'pool.returnNoDeal', { days: back.days })}>
          <Tag icon={<ClockCircleOutlined />} color={soon ? 'orange' : 'default'} data-testid="pool-return-at">
            {back.at.isBefore(dayjs())
              ? t('pool.returnsNextRun')
              : t('pool.returnsOn', { date: formatDate(back.at.toISOString()) })}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
