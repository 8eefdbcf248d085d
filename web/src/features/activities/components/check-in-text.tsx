import { EnvironmentOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { CheckIn } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { coordinatesText, mapHref } from './check-in-model';

/** Where a visit was checked in: the pin, the check-in time, its accuracy, and the place (address or coordinates) linked to the map. */
export function CheckInText({ checkIn, showAccuracy = true }: { checkIn: CheckIn; showAccuracy?: boolean }) {
  const t = useT();
  const place = checkIn.address ?? coordinatesText(checkIn.latitude, checkIn.longitude);
  return (
    <Typography.Text style={{ fontSize: 13, overflowWrap: 'anywhere' }} data-testid="check-in-text">
      <EnvironmentOutlined aria-hidden style={{ color: '#237804' }} />{' '}
      {t('visit.checkedIn', { time: formatDateTime(checkIn.checkedInAt) })} ·{' '}
      <a href={mapHref(checkIn.latitude, checkIn.longitude)} target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }} aria-label={t('visit.openMap', { place })} data-testid="check-in-map">
        {place}
      </a>
      {showAccuracy ? ` · ${t('visit.accuracy', { n: Math.round(checkIn.accuracyMeters) })}` : ''}
    </Typography.Text>
  );
}
