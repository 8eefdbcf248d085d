import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  MoreOutlined,
  StopOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, type MenuProps } from 'antd';
import type { Lead } from '@crm/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useRestoreItem } from '../../recycle-bin';
import { useClaimLead, useDeleteLead, useReleaseLead } from '../api';
import { AssignModal } from './assign-modal';
import { ConvertModal } from './convert-modal';
import { DisqualifyModal } from './disqualify-modal';
import { LeadFormDrawer } from './lead-form-drawer';

/** Whether the lead is still being worked (not converted, not disqualified). */
export function isOpen(lead: Pick<Lead, 'status'>): boolean {
  return lead.status !== 'converted' && lead.status !== 'disqualified';
}

/** The actions the user may take on a lead, by the record's `can` flags; others are not shown. */
export function LeadActions({ lead }: { lead: Lead }) {
  const t = useT();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { modal, message, notification } = App.useApp();
  const { can, me } = usePermissions();
  const claim = useClaimLead();
  const release = useReleaseLead();
  const remove = useDeleteLead();
  const restore = useRestoreItem();
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [disqualifying, setDisqualifying] = useState(false);
  const [converting, setConverting] = useState(false);

  const open = isOpen(lead);
  const mayRelease = lead.ownerId !== null && (lead.ownerId === me?.user.id || lead.can.assign);

  const confirmClaim = () =>
    void modal.confirm({
      title: t('lead.claimConfirm', { name: lead.name }),
      okText: t('lead.claim'),
      okButtonProps: testId('lead-claim-confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        claim.mutateAsync(lead.id).then(
          () => void message.success(t('lead.claimed', { name: lead.name })),
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });

  const confirmRelease = () =>
    void modal.confirm({
      title: t('lead.releaseConfirm', { name: lead.name }),
      content: t('lead.releaseText'),
      okText: t('lead.release'),
      okButtonProps: testId('lead-release-confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        release.mutateAsync({ id: lead.id }).then(
          () => void message.success(t('lead.released', { name: lead.name })),
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });

  const confirmDelete = () =>
    void modal.confirm({
      title: t('lead.deleteConfirm', { name: lead.name }),
      content: t('lead.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('lead-delete-confirm') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(lead.id).then(
          () => {
            void navigate('/leads');
            const key = `lead-deleted-${lead.id}`;
            notification.success({
              key,
              title: t('lead.deleted', { name: lead.name }),
              duration: 8,
              actions: can('recycle_bin.restore') ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid="lead-undo-delete"
                  onClick={() => {
                    notification.destroy(key);
                    restore.mutateAsync({ type: 'lead', id: lead.id }).then(
                      () => void navigate(`/leads/${lead.id}`),
                      (error: unknown) => void message.error(errorMessage(error, t)),
                    );
                  }}
                >
                  {t('common.undo')}
                </Button>
              ) : undefined,
            });
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });

  const primary = (
    <>
      {lead.can.convert && open ? (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setConverting(true)} data-testid="lead-convert">
          {t('lead.convert.button')}
        </Button>
      ) : null}
      {lead.can.claim && lead.ownerId === null ? (
        <Button icon={<UserAddOutlined />} onClick={confirmClaim} loading={claim.isPending} data-testid="lead-claim">
          {t('lead.claim')}
        </Button>
      ) : null}
      {lead.can.edit ? (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="lead-edit">
          {t('common.edit')}
        </Button>
      ) : null}
    </>
  );

  const more: NonNullable<MenuProps['items']> = [
    ...(lead.can.assign ? [{ key: 'assign', icon: <SwapOutlined />, label: <span data-testid="lead-action-assign">{t('lead.assign')}</span> }] : []),
    ...(mayRelease && open ? [{ key: 'release', icon: <ExportOutlined />, label: <span data-testid="lead-action-release">{t('lead.releaseToPool')}</span> }] : []),
    ...(lead.can.edit && open ? [{ key: 'disqualify', icon: <StopOutlined />, label: <span data-testid="lead-action-disqualify">{t('lead.disqualify')}</span> }] : []),
    ...(lead.can.delete ? [{ type: 'divider' as const }, { key: 'delete', icon: <DeleteOutlined />, label: <span data-testid="lead-action-delete">{t('common.delete')}</span>, danger: true }] : []),
  ];
  const onMore: MenuProps['onClick'] = ({ key }) => {
    if (key === 'assign') setAssigning(true);
    else if (key === 'release') confirmRelease();
    else if (key === 'disqualify') setDisqualifying(true);
    else if (key === 'delete') confirmDelete();
  };

  return (
    <>
      <Flex gap={8} wrap>
        {primary}
        {more.length > 0 ? (
          <Dropdown menu={{ items: more, onClick: onMore }} trigger={['click']}>
            <Button icon={<MoreOutlined />} data-testid="lead-more" aria-label={t('lead.moreActions')}>
              {isMobile ? null : t('lead.moreActions')}
            </Button>
          </Dropdown>
        ) : null}
      </Flex>
      <LeadFormDrawer open={editing} lead={lead} onClose={() => setEditing(false)} />
      <AssignModal
        open={assigning}
        leadIds={[lead.id]}
        name={lead.name}
        currentOwnerId={lead.ownerId}
        onClose={() => setAssigning(false)}
      />
      <DisqualifyModal open={disqualifying} lead={lead} onClose={() => setDisqualifying(false)} />
      <ConvertModal open={converting} lead={lead} onClose={() => setConverting(false)} />
    </>
  );
}
