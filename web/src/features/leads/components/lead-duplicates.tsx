import { Alert, Flex, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeadDuplicateCheck } from '@crm/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { checkLeadDuplicates } from '../api';

/** What the duplicate check looks at, as typed. */
export interface DuplicateInput {
  company?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
}

/**
 * The request worth sending: only values long enough to mean something (a phone with at least
 * 6 digits, an email with an @, a company of 2+ characters), so that typing does not flood the
 * server with checks that match everything.
 */
function checkBody(input: DuplicateInput, excludeLeadId: number | undefined): LeadDuplicateCheck | null {
  const body: LeadDuplicateCheck = {};
  const company = input.company?.trim();
  const mobile = input.mobile?.trim();
  const phone = input.phone?.trim();
  const email = input.email?.trim();
  if (company && company.length >= 2) body.company = company.slice(0, 120);
  if (mobile && mobile.replace(/\D/g, '').length >= 6) body.mobile = mobile.slice(0, 30);
  if (phone && phone.replace(/\D/g, '').length >= 6) body.phone = phone.slice(0, 30);
  if (email && /.@./.test(email)) body.email = email.slice(0, 254);
  if (Object.keys(body).length === 0) return null;
  if (excludeLeadId) body.excludeLeadId = excludeLeadId;
  return body;
}

/** Checks for existing leads and customers with the same phone, email or company, 500 ms after typing stops. */
export function useLeadDuplicateCheck(input: DuplicateInput, excludeLeadId?: number) {
  const body = checkBody(input, excludeLeadId);
  const key = JSON.stringify(body);
  const [debounced, setDebounced] = useState(key);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(key), 500);
    return () => window.clearTimeout(timer);
  }, [key]);
  const enabled = debounced !== 'null';
  const query = useQuery({
    queryKey: ['leads', 'duplicate-check', debounced],
    queryFn: ({ signal }) => checkLeadDuplicates(JSON.parse(debounced) as LeadDuplicateCheck, signal),
    enabled,
    staleTime: 30_000,
    retry: false,
    // While the next check runs, the last answer stays on screen instead of flickering away.
    placeholderData: keepPreviousData,
  });
  return body && enabled && query.data ? query.data.matches : [];
}

/** Possible duplicates of the lead being typed. Records the user may not see say only that they exist and who owns them. */
export function LeadDuplicateAlert({ matches, onOpen }: { matches: ReturnType<typeof useLeadDuplicateCheck>; onOpen?: () => void }) {
  const t = useT();
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="lead-duplicate-alert"
      title={t('lead.dup.found', { count: matches.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {matches.map((match, index) => (
            <li key={`${match.type}-${match.id ?? `hidden-${index}`}`} data-testid="lead-duplicate-match">
              <Flex wrap gap={6} align="center">
                <Tag color={match.type === 'lead' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
                  {match.type === 'lead' ? t('lead.single') : t('customer.single')}
                </Tag>
                {match.visible && match.id ? (
                  <Link
                    to={match.type === 'lead' ? `/leads/${match.id}` : `/customers/${match.id}`}
                    onClick={onOpen}
                    data-testid="lead-duplicate-open"
                  >
                    {match.name}
                  </Link>
                ) : (
                  <Typography.Text strong>{t('lead.dup.hidden')}</Typography.Text>
                )}
                {match.matchedOn.map((on) => {
                  const key = `lead.dup.on.${on}`;
                  return (
                    <Tag key={on} color="orange" style={{ marginInlineEnd: 0 }}>
                      {isMessageKey(key) ? t(key) : on}
                    </Tag>
                  );
                })}
                <Typography.Text type="secondary">
                  {match.ownerName ? t('lead.dup.ownedBy', { name: match.ownerName }) : t('lead.dup.noOwner')}
                </Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
      }
    />
  );
}
