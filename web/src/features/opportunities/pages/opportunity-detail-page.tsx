import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Dropdown, Flex, Row, Skeleton, Typography } from 'antd';
import type { Opportunity, Stage } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { DealQuotes } from '../../quotes';
import { DealContracts, WonDealContractOffer } from '../../contracts';
import { useRestoreItem } from '../../recycle-bin';
import { useDeleteOpportunity, useMoveOpportunity, useOpportunity, usePipelines } from '../api';
import { CloseDealModal, type MoveOutcome } from '../components/close-deal-modal';
import { BigDealTag, DealStatusTag, OverdueTag, StageTag } from '../components/deal-bits';
import { DealContacts, DealFacts, DealNotes } from '../components/deal-facts';
import { DealFormDrawer } from '../components/deal-form-drawer';
import { stageName } from '../components/deal-format';
import { formatMoney } from '../../../shared/format/format';
import { DealTransferModal } from '../components/deal-transfer-modal';
import { StageHistory } from '../components/stage-history';
import { StageSteps } from '../components/stage-steps';

function useDeleteFlow() {
  const { t } = useI18n();
  const { modal, message, notification } = App.useApp();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const remove = useDeleteOpportunity();
  const restore = useRestoreItem();

  return (deal: Opportunity) => {
    void modal.confirm({
      title: t('opp.deleteConfirm', { name: deal.name }),
      content: t('opp.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(deal).then(
          () => {
            void navigate('/opportunities');
            const key = `deal-deleted-${deal.id}`;
            notification.success({
              key,
              title: t('opp.deleted', { name: deal.name }),
              description: t('opp.deletedRestorable'),
              duration: 8,
              actions: can('recycle_bin.restore') ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid="undo-delete"
                  onClick={() => {
                    notification.destroy(key);
                    restore.mutateAsync({ type: 'opportunity', id: deal.id }).then(
                      () => {
                        void message.success(t('opp.restored', { name: deal.name }));
                        void navigate(`/opportunities/${deal.id}`);
                      },
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
  };
}

/** 商机详情: stage steps, the actions the user may take, key facts, contacts, stage history. */
export function OpportunityDetailPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useOpportunity(id);
  const pipelines = usePipelines();
  const move = useMoveOpportunity();
  const confirmDelete = useDeleteFlow();
  const [editing, setEditing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [closing, setClosing] = useState<Stage | null>(null);
  // Just won: offer to make the contract from the deal.
  const [offerContract, setOfferContract] = useState(false);
  const { can } = usePermissions();
  useDocumentTitle(query.data?.name ?? t('opp.single'));

  if (!valid) return <NotFoundResult />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const deal = query.data;
  const pipeline = pipelines.data?.find((p) => p.id === deal.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  const won = pipeline?.stages.find((s) => s.kind === 'won' && s.active);
  const lost = pipeline?.stages.find((s) => s.kind === 'lost' && s.active);
  const openStages = (pipeline?.stages ?? []).filter((s) => s.active && s.kind === 'open' && s.id !== deal.stageId);

  const conflict = () => {
    void message.warning({ content: t('opp.changedElsewhere'), duration: 5 });
    void query.refetch();
  };

  const moveTo = (target: Stage) => {
    if (target.kind !== 'open') {
      setClosing(target);
      return;
    }
    move.mutate(
      { id: deal.id, body: { stageId: target.id, version: deal.version } },
      {
        onSuccess: (saved) => void message.success(t('opp.movedTo', { name: saved.name, stage: stageName(target, locale) })),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) conflict();
          else void message.error({ content: errorMessage(error, t), duration: 6 });
        },
      },
    );
  };

  const settleClose = (outcome: MoveOutcome) => {
    const target = closing;
    setClosing(null);
    if (outcome.kind === 'moved' && target) {
      void message.success(t('opp.movedTo', { name: outcome.deal.name, stage: stageName(target, locale) }));
      if (target.kind === 'won' && can('contracts.create')) setOfferContract(true);
    } else if (outcome.kind === 'conflict') {
      conflict();
    }
  };

  const actions = (
    <Flex gap={8} wrap>
      {deal.can.edit && openStages.length > 0 ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: openStages.map((s) => ({ key: String(s.id), label: `${stageName(s, locale)} · ${s.probability}%` })),
            onClick: ({ key }) => {
              const target = openStages.find((s) => String(s.id) === key);
              if (target) moveTo(target);
            },
          }}
        >
          <Button icon={<SwapOutlined />} loading={move.isPending} data-testid="deal-move">
            {deal.status === 'open' ? t('opp.moveStage') : t('opp.reopen')} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      {deal.can.edit && won && deal.status !== 'won' ? (
        <Button icon={<CheckCircleOutlined />} onClick={() => setClosing(won)} style={{ color: '#237804', borderColor: '#95de64' }} data-testid="deal-mark-won">
          {t('opp.markWon')}
        </Button>
      ) : null}
      {deal.can.edit && lost && deal.status !== 'lost' ? (
        <Button icon={<CloseCircleOutlined />} danger onClick={() => setClosing(lost)} data-testid="deal-mark-lost">
          {t('opp.markLost')}
        </Button>
      ) : null}
      {deal.can.assign ? (
        <Button icon={<UserSwitchOutlined />} onClick={() => setTransferring(true)} data-testid="deal-transfer">
          {t('opp.transfer')}
        </Button>
      ) : null}
      {deal.can.edit ? (
        <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {deal.can.delete ? (
        <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(deal)} data-testid="deal-delete">
          {t('common.delete')}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="start" wrap gap={12}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Link to="/opportunities" style={{ fontSize: 13 }}>
                <ArrowLeftOutlined /> {t('opp.title')}
              </Link>
              <Flex align="center" wrap gap={8}>
                <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }} data-testid="deal-name">
                  {deal.name}
                </Typography.Title>
                <DealStatusTag status={deal.status} />
                <StageTag deal={deal} />
                {deal.overdue ? <OverdueTag /> : null}
                {deal.bigDeal ? <BigDealTag /> : null}
              </Flex>
              <Typography.Text type="secondary">
                <Link to={`/customers/${deal.customerId}`} style={{ textDecoration: 'underline' }} data-testid="deal-customer-link">
                  {deal.customerName}
                </Link>
                {' · '}
                {formatMoney(deal.status === 'won' ? (deal.wonAmount ?? deal.amount) : deal.amount, deal.currency, locale)}
                {' · '}
                {pipeline?.name ?? ''}
              </Typography.Text>
            </Flex>
            {actions}
          </Flex>
          <StageSteps deal={deal} pipeline={pipeline} onPick={deal.can.edit ? moveTo : undefined} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('opp.keyFacts')} size="small">
              <DealFacts deal={deal} />
            </Card>
            <DealQuotes deal={deal} />
            <DealContracts deal={deal} />
            <Card title={t('opp.stageHistory')} size="small">
              <StageHistory opportunityId={deal.id} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {stage?.guidance ? (
              <Alert
                type="info"
                showIcon
                title={t('opp.guidance', { stage: stageName(stage, locale) })}
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{stage.guidance}</span>}
                data-testid="stage-guidance"
              />
            ) : null}
            <Card title={t('opp.f.contacts')} size="small">
              <DealContacts deal={deal} />
            </Card>
            <Card title={t('opp.notes')} size="small">
              <DealNotes deal={deal} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <DealFormDrawer open={editing} deal={deal} onClose={() => setEditing(false)} />
      <DealTransferModal
        open={transferring}
        opportunityIds={[deal.id]}
        name={deal.name}
        currentOwnerId={deal.ownerId}
        onClose={() => setTransferring(false)}
      />
      {closing ? <CloseDealModal deal={deal} stage={closing} onSettled={settleClose} /> : null}
      {offerContract && deal.status === 'won' ? <WonDealContractOffer deal={deal} onClose={() => setOfferContract(false)} /> : null}
    </Flex>
  );
}
