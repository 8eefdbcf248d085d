import { CommentOutlined, EnvironmentOutlined, FileTextOutlined, MailOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Avatar, Radio, Tag } from 'antd';
import { followUpKinds, type FollowUpKind, type TaskPriority } from '@crm/contracts';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';

const kindLook: Record<FollowUpKind, { icon: ReactNode; color: string }> = {
  call: { icon: <PhoneOutlined />, color: '#1664ff' },
  visit: { icon: <EnvironmentOutlined />, color: '#237804' },
  meeting: { icon: <TeamOutlined />, color: '#531dab' },
  email: { icon: <MailOutlined />, color: '#ad4e00' },
  message: { icon: <CommentOutlined />, color: '#006d75' },
  note: { icon: <FileTextOutlined />, color: '#595959' },
};

/** The round icon a follow-up shows on the list, by its kind. */
export function KindAvatar({ kind }: { kind: FollowUpKind }) {
  const t = useT();
  const look = kindLook[kind];
  return (
    <span role="img" aria-label={t(`activity.kind.${kind}`)} style={{ flex: 'none' }}>
      <Avatar size={32} icon={look.icon} style={{ background: look.color }} aria-hidden />
    </span>
  );
}

/** 电话 / 拜访 / 会议 / 邮件 / 消息 / 备注 as one row of buttons (arrow keys move between them); they wrap on a phone. */
export function KindChoice({ id, value, onChange }: { id?: string; value?: FollowUpKind; onChange?: (kind: FollowUpKind) => void }) {
  const t = useT();
  return (
    <Radio.Group
      id={id}
      optionType="button"
      buttonStyle="solid"
      value={value}
      onChange={(event) => onChange?.(event.target.value as FollowUpKind)}
      options={followUpKinds.map((kind) => ({
        value: kind,
        label: (
          <span data-testid={`kind-${kind}`}>
            {kindLook[kind].icon} {t(`activity.kind.${kind}`)}
          </span>
        ),
      }))}
      style={{ display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
    />
  );
}

const priorityColors: Record<TaskPriority, string | undefined> = { urgent: 'red', high: 'orange', normal: undefined, low: 'default' };

export function PriorityTag({ priority }: { priority: TaskPriority }) {
  const t = useT();
  return (
    <Tag color={priorityColors[priority]} style={{ marginInlineEnd: 0 }} data-testid="task-priority">
      {t(`task.priority.${priority}`)}
    </Tag>
  );
}
