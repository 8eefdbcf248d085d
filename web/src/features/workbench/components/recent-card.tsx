import { Flex, Tag, Typography } from 'antd';
import type { Workbench, WorkbenchRecent } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { WorkbenchCard } from './workbench-card';

const paths: Record<WorkbenchRecent['type'], string> = { customer: '/customers', lead: '/leads', opportunity: '/opportunities' };

/** 最近记录: the customers, leads and deals I created or changed last, with what I did. */
export function RecentCard({ recent }: { recent: Workbench['recent'] | undefined }) {
  const t = useT();
  const section = recent ? { items: recent.items, total: recent.items.length } : undefined;
  return (
    <WorkbenchCard<WorkbenchRecent>
      title={t('workbench.recent.title')}
      testId="workbench-recent"
      section={section}
      rowKey={(r) => `${r.type}:${r.id}`}
      empty={t('workbench.recent.empty')}
      renderItem={(r) => {
        const action = `history.action.${r.action}`;
        return (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex gap={6} align="center" style={{ minWidth: 0 }}>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`workbench.recent.type.${r.type}`)}</Tag>
              <Link to={`${paths[r.type]}/${r.id}`} style={{ overflowWrap: 'anywhere' }}>{r.name}</Link>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }} title={formatDateTime(r.at)}>
              {isMessageKey(action) ? t(action) : r.action} · {fromNow(r.at)}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
