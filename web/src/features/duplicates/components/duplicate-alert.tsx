import { Alert, Button, Flex, Tag, Typography } from 'antd';
import type { DuplicateMatch } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';

/**
 * Likely duplicates of the customer being typed. Visible ones link to the record; the others only
 * say that they exist and who owns them, so that two people do not chase the same customer.
 */
export function DuplicateAlert({
  matches,
  onOpen,
  onCreateAnyway,
}: {
  matches: DuplicateMatch[];
  /** Called when the user follows a link to an existing record (e.g. to close the drawer). */
  onOpen?: () => void;
  /** Offered on create: save although matches exist. */
  onCreateAnyway?: () => void;
}) {
  const t = useT();
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="duplicate-alert"
      title={t('duplicate.found', { count: matches.length })}
      description={
        <Flex vertical gap={8}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {matches.map((match, index) => (
              <li key={match.id ?? `hidden-${index}`} data-testid="duplicate-match">
                <Flex wrap gap={6} align="center">
                  {match.visible && match.id ? (
                    <Link to={`/customers/${match.id}`} onClick={onOpen} data-testid="duplicate-open">
                      {match.name}
                    </Link>
                  ) : (
                    <Typography.Text strong>{match.name ?? t('duplicate.hiddenExists')}</Typography.Text>
                  )}
                  {match.archiveNo ? <Typography.Text type="secondary">{match.archiveNo}</Typography.Text> : null}
                  {match.matchedOn.map((on) => (
                    <Tag key={on} color="orange" style={{ marginInlineEnd: 0 }}>
                      {t(`duplicate.on.${on}`)}
                    </Tag>
                  ))}
                  <Typography.Text type="secondary">
                    {match.visible
                      ? match.ownerName
                        ? t('duplicate.ownedBy', { name: match.ownerName })
                        : t('customer.publicPool')
                      : t('duplicate.hiddenOwnedBy', { name: match.ownerName ?? t('customer.publicPool') })}
                  </Typography.Text>
                </Flex>
              </li>
            ))}
          </ul>
          {onCreateAnyway ? (
            <Flex gap={8} wrap>
              <Typography.Text type="secondary">{t('duplicate.hint')}</Typography.Text>
              <Button size="small" onClick={onCreateAnyway} data-testid="duplicate-create-anyway">
                {t('duplicate.createAnyway')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      }
    />
  );
}
