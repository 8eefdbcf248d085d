import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { checkInCreate, maxLengthOf, type FollowUpKind } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { coordinatesText, mapHref, type CheckInDraft } from './check-in-model';
import { useLocate } from './use-locate';

const addressLimit = maxLengthOf(checkInCreate, 'address');

/** The position found: coordinates and accuracy (linked to the map), and the address the user types or confirms. */
function CheckInDraftView({ value, onChange }: { value: CheckInDraft; onChange: (value: CheckInDraft) => void }) {
  const t = useT();
  const coordinates = coordinatesText(value.latitude, value.longitude);
  return (
    <Flex vertical gap={6} style={{ minWidth: 0 }}>
      <Typography.Text style={{ fontSize: 13, overflowWrap: 'anywhere' }} data-testid="check-in-position">
        <EnvironmentOutlined aria-hidden />{' '}
        <a href={mapHref(value.latitude, value.longitude)} target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>
          {t('visit.position', { coordinates })}
        </a>{' '}
        · {t('visit.accuracyLong', { n: value.accuracyMeters })}
      </Typography.Text>
      <Input
        value={value.address}
        onChange={(event) => onChange({ ...value, address: event.target.value })}
        maxLength={addressLimit}
        placeholder={t('visit.addressPlaceholder')}
        aria-label={t('visit.address')}
        autoComplete="street-address"
        data-testid="check-in-address"
      />
    </Flex>
  );
}

/** 签到: asks the browser for the position when pressed (the consent); a refusal or failure is said in words, and the visit still saves without it. */
export function CheckInControl({ id, value, onChange }: { id?: string; value?: CheckInDraft | null; onChange?: (value: CheckInDraft | null) => void }) {
  const t = useT();
  const { state, locate } = useLocate();
  const located = value ?? null;
  return (
    <Flex vertical gap={8} data-testid="check-in">
      <Flex gap={8} wrap align="center">
        <Button
          id={id}
          icon={<AimOutlined />}
          loading={state.status === 'locating'}
          onClick={() => locate((draft) => onChange?.({ ...draft, address: located?.address ?? '' }))}
          data-testid="check-in-button"
        >
          {located ? t('visit.locateAgain') : t('visit.checkIn')}
        </Button>
        {located ? (
          <Button type="link" onClick={() => onChange?.(null)} data-testid="check-in-clear">
            {t('visit.clearCheckIn')}
          </Button>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('visit.checkInHint')}
          </Typography.Text>
        )}
      </Flex>
      <div role="status" aria-live="polite">
        {state.status === 'locating' ? <Typography.Text type="secondary">{t('visit.locating')}</Typography.Text> : null}
        {state.status === 'failed' ? <Alert type="warning" showIcon title={t(`visit.problem.${state.problem}`)} data-testid="check-in-problem" /> : null}
      </div>
      {located ? <CheckInDraftView value={located} onChange={(next) => onChange?.(next)} /> : null}
    </Flex>
  );
}

/** The composer's check-in: only while the kind is 拜访 (a visit). */
export function VisitCheckInField() {
  const t = useT();
  const kind = Form.useWatch<FollowUpKind | undefined>('kind');
  if (kind !== 'visit') return null;
  return (
    <Form.Item name="checkIn" label={t('visit.checkInLabel')} style={{ marginBottom: 12 }}>
      <CheckInControl />
    </Form.Item>
  );
}
