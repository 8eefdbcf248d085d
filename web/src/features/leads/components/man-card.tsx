import { Alert, App, Card, Flex, Segmented, Typography } from 'antd';
import { manGradeOf, type Lead } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { leadKeys, useUpdateLead } from '../api';
import { GradeTag, manAdvice } from './lead-bits';

type Answer = 'yes' | 'no' | 'unknown';
type ManField = 'manMoney' | 'manAuthority' | 'manNeed';

const questions: { field: ManField; letter: string; testId: string }[] = [
  { field: 'manMoney', letter: 'M', testId: 'man-money' },
  { field: 'manAuthority', letter: 'A', testId: 'man-authority' },
  { field: 'manNeed', letter: 'N', testId: 'man-need' },
];

function toAnswer(value: boolean | null): Answer {
  if (value === null) return 'unknown';
  return value ? 'yes' : 'no';
}

function fromAnswer(answer: Answer): boolean | null {
  if (answer === 'unknown') return null;
  return answer === 'yes';
}

/**
 * MAN qualification (DOMAIN.md section 3): Money, Authority and Need answered yes / no / not
 * known; each answer saves at once (with the version) and the grade and its advice follow.
 */
export function ManCard({ lead }: { lead: Lead }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const update = useUpdateLead(lead.id);
  const [conflict, setConflict] = useState(false);
  const editable = lead.can.edit && lead.status !== 'converted';
  // The grade shown while a save is on its way: the answers as the user just set them.
  const pending = update.isPending ? update.variables : undefined;
  const answers = {
    manMoney: pending && 'manMoney' in pending ? (pending.manMoney ?? null) : lead.manMoney,
    manAuthority: pending && 'manAuthority' in pending ? (pending.manAuthority ?? null) : lead.manAuthority,
    manNeed: pending && 'manNeed' in pending ? (pending.manNeed ?? null) : lead.manNeed,
  };
  const grade = manGradeOf(answers.manMoney, answers.manAuthority, answers.manNeed);

  const answer = (field: ManField, value: Answer) => {
    setConflict(false);
    update.mutate(
      { [field]: fromAnswer(value), version: lead.version },
      {
        onSuccess: () => void message.success(t('man.saved')),
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT') {
            // Someone changed the lead meanwhile: show their version, let the user answer again.
            if (error.current) queryClient.setQueryData(leadKeys.detail(lead.id), error.current);
            else void queryClient.invalidateQueries({ queryKey: leadKeys.detail(lead.id) });
            setConflict(true);
            return;
          }
          void message.error(errorMessage(error, t));
        },
      },
    );
  };

  const options: { value: Answer; label: string }[] = [
    { value: 'yes', label: t('man.yes') },
    { value: 'no', label: t('man.no') },
    { value: 'unknown', label: t('man.unknown') },
  ];

  return (
    <Card title={t('man.title')} size="small" data-testid="man-card">
      <Flex vertical gap={12}>
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            title={t('man.conflict')}
            closable={{ onClose: () => setConflict(false) }}
            data-testid="man-conflict"
          />
        ) : null}
        {questions.map(({ field, letter, testId }) => (
          <Flex key={field} justify="space-between" align="center" wrap gap={8}>
            <Flex vertical style={{ minWidth: 0, flex: '1 1 180px' }}>
              <Typography.Text strong>
                <span style={{ fontFamily: 'monospace' }}>{letter}</span> · {t(`man.q.${field}`)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`man.hint.${field}`)}
              </Typography.Text>
            </Flex>
            <Segmented<Answer>
              options={options}
              value={toAnswer(answers[field])}
              disabled={!editable || update.isPending}
              onChange={(value) => answer(field, value)}
              aria-label={t(`man.q.${field}`)}
              data-testid={testId}
            />
          </Flex>
        ))}
        <Flex align="center" gap={12} wrap style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <GradeTag grade={grade} large />
          <Typography.Text data-testid="man-advice" style={{ flex: '1 1 200px' }}>
            {grade ? manAdvice(t, grade) : t('man.notGradedHint')}
          </Typography.Text>
        </Flex>
        {!editable && lead.can.edit ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('man.lockedConverted')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
