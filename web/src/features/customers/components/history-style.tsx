import {
  AuditOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  DeleteOutlined,
  DisconnectOutlined,
  EditOutlined,
  ExportOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  MergeOutlined,
  MessageOutlined,
  PaperClipOutlined,
  PlusCircleOutlined,
  RollbackOutlined,
  SwapOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { HistoryAction } from '@crm/contracts';
import type { ReactNode } from 'react';

/** Each kind of event's colour and icon on the timeline. */
export const actionStyle: Record<HistoryAction, { color: string; icon: ReactNode }> = {
  create: { color: 'green', icon: <PlusCircleOutlined /> },
  update: { color: 'blue', icon: <EditOutlined /> },
  delete: { color: 'red', icon: <DeleteOutlined /> },
  restore: { color: 'gray', icon: <UndoOutlined /> },
  assign: { color: 'purple', icon: <SwapOutlined /> },
  claim: { color: 'cyan', icon: <UserAddOutlined /> },
  release: { color: 'orange', icon: <ExportOutlined /> },
  pool_return: { color: 'orange', icon: <RollbackOutlined /> },
  merge: { color: 'magenta', icon: <MergeCellsOutlined /> },
  merged: { color: 'magenta', icon: <MergeOutlined /> },
  import: { color: 'geekblue', icon: <ImportOutlined /> },
  follow_up: { color: 'lime', icon: <MessageOutlined /> },
  confirm: { color: 'green', icon: <CheckCircleOutlined /> },
  attach: { color: 'gold', icon: <PaperClipOutlined /> },
  detach: { color: 'volcano', icon: <DisconnectOutlined /> },
  convert: { color: 'green', icon: <SwapOutlined /> },
  disqualify: { color: 'gray', icon: <DeleteOutlined /> },
  stage_change: { color: 'blue', icon: <RollbackOutlined /> },
  won: { color: 'green', icon: <CheckCircleOutlined /> },
  lost: { color: 'red', icon: <DisconnectOutlined /> },
  reopen: { color: 'orange', icon: <UndoOutlined /> },
  status_change: { color: 'blue', icon: <SwapOutlined /> },
  approval_submit: { color: 'gold', icon: <AuditOutlined /> },
  approval_approve: { color: 'green', icon: <CheckCircleOutlined /> },
  approval_reject: { color: 'red', icon: <CloseCircleOutlined /> },
  approval_withdraw: { color: 'gray', icon: <UndoOutlined /> },
  keep_record: { color: 'cyan', icon: <CheckCircleOutlined /> },
};

/** The timeline's filter: kinds of event, each a set of actions (sent as `actions=`). */
export const actionGroups = {
  changes: ['create', 'update', 'delete', 'restore', 'confirm', 'keep_record'],
  ownership: ['assign', 'claim', 'release', 'pool_return'],
  follow_up: ['follow_up'],
  files: ['attach', 'detach'],
  sales: ['convert', 'disqualify', 'stage_change', 'won', 'lost', 'reopen', 'status_change', 'approval_submit', 'approval_approve', 'approval_reject', 'approval_withdraw'],
  merges: ['merge', 'merged', 'import'],
} as const satisfies Record<string, readonly HistoryAction[]>;
export type ActionGroup = keyof typeof actionGroups;
export const groupKeys = Object.keys(actionGroups) as ActionGroup[];
