import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { usePipelines } from '../api';
import { PipelineEditor } from '../components/pipeline-editor';

/** 销售流程: the pipelines and their stages (settings.edit to change them). */
export function PipelinesPage() {
  const t = useT();
  useDocumentTitle(t('pipeline.title'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const editable = can('settings.edit');
  const pipelines = usePipelines();
  // A number: that pipeline; 'new': the form for a new one; null: the default pipeline.
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const [reloads, setReloads] = useState(0);

  let body;
  if (pipelines.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (pipelines.isError) body = <QueryErrorResult error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  else {
    const list = pipelines.data;
    const current =
      selected === 'new' ? null : (list.find((p) => p.id === selected) ?? list.find((p) => p.isDefault) ?? list[0] ?? null);
    body = (
      <Flex vertical gap={16}>
        <Flex gap={8} wrap align="center">
          <Select
            value={selected === 'new' ? 'new' : current?.id}
            onChange={(value: number | 'new') => setSelected(value)}
            style={{ width: isMobile ? '100%' : 320 }}
            aria-label={t('pipeline.choose')}
            options={[
              ...list.map((p) => ({
                value: p.id,
                label: (
                  <Flex gap={6} align="center">
                    {p.isDefault ? <StarFilled style={{ color: '#faad14' }} /> : null}
                    {p.name}
                    {p.active ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('common.inactive')}</Tag>}
                  </Flex>
                ),
              })),
              ...(selected === 'new' ? [{ value: 'new' as const, label: t('pipeline.newName') }] : []),
            ]}
            data-testid="pipeline-select"
          />
          {editable && selected !== 'new' ? (
            <Button icon={<PlusOutlined />} onClick={() => setSelected('new')} data-testid="pipeline-create">
              {t('pipeline.create')}
            </Button>
          ) : null}
        </Flex>
        {current || selected === 'new' ? (
          <PipelineEditor
            key={selected === 'new' ? `new-${reloads}` : `${current?.id}-${current?.version}-${reloads}`}
            pipeline={current}
            editable={editable}
            onSaved={(saved) => setSelected(saved.id)}
            onReload={() => void pipelines.refetch().then(() => setReloads((n) => n + 1))}
          />
        ) : (
          <Empty description={t('pipeline.empty')} />
        )}
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title={t('pipeline.title')} subTitle={t('pipeline.subtitle')} />
      {body}
    </>
  );
}
