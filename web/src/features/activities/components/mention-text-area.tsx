import type { MentionCandidate } from '@crm/contracts';
import { Mentions, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { useMentionCandidates } from '../api';
import { mentionMatches } from './mention-model';

interface Props {
  customerId: number;
  value?: string;
  onChange?: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  autoFocus?: boolean;
  'data-testid'?: string;
}

/**
 * The follow-up text with "@" autocomplete: typing @ offers the colleagues a mention reaches
 * (matched by name, pinyin or initials; arrows and Enter choose) and inserts "@name ", the form
 * the server reads as a mention. The list is fetched on the first @.
 */
export function MentionTextArea({ customerId, value, onChange, maxLength, placeholder, autoFocus, 'data-testid': testId }: Props) {
  const t = useT();
  const [wanted, setWanted] = useState(false);
  const candidates = useMentionCandidates(customerId, wanted);
  const byName = useMemo(() => new Map((candidates.data?.items ?? []).map((c) => [c.name, c] as const)), [candidates.data]);
  const options = useMemo(
    () => (candidates.data?.items ?? []).map((c: MentionCandidate) => ({ key: String(c.id), value: c.name, label: c.name })),
    [candidates.data],
  );
  return (
    <Mentions
      value={value}
      onChange={onChange}
      onSearch={() => setWanted(true)}
      options={options}
      filterOption={(input, option) => {
        const candidate = byName.get(String(option.value ?? ''));
        return candidate ? mentionMatches(input, candidate) : false;
      }}
      loading={wanted && candidates.isPending}
      notFoundContent={wanted && candidates.isPending ? <Spin size="small" /> : t('activity.mentionNone')}
      autoSize={{ minRows: 3, maxRows: 10 }}
      maxLength={maxLength}
      placeholder={placeholder}
      autoFocus={autoFocus}
      data-testid={testId}
      aria-label={t('activity.f.content')}
    />
  );
}
