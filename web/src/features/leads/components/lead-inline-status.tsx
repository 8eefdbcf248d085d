import { App, Button } from 'antd';
import type { Lead, LeadStatus } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { InlineEdit, InlineSelect } from '../../../shared/form/inline-edit';
import { useInlineUpdateLead } from '../api';
import { LeadStatusTag, useStatusOptions } from './lead-bits';

/** The statuses set by hand; converted and disqualified have their own actions. */
const workingStatuses = ['new', 'contacting', 'qualified'] as const satisfies readonly LeadStatus[];
type WorkingStatus = (typeof workingStatuses)[number];
const isWorking = (status: LeadStatus): status is WorkingStatus => (workingStatuses as readonly LeadStatus[]).includes(status);

/** A lead's status in the list, changed in place (new / contacting / qualified) with an undo notice. */
export function LeadInlineStatus({ lead }: { lead: Lead }) {
  const t = useT();
  const { message } = App.useApp();
  const update = useInlineUpdateLead();
  const options = useStatusOptions(workingStatuses);
  const label = t('lead.f.status');
  const fail = (error: unknown) =>
    void message.error({ content: isApiError(error) && error.status === 409 ? t('lead.changedMeanwhile') : errorMessage(error, t), duration: 6 });
  const save = (status: WorkingStatus) => {
    const before = lead.status;
    update.mutate({ lead, change: { status } }, {
      onError: fail,
      onSuccess: (saved) => {
        const key = `inline-lead-${lead.id}`;
        const undo = () => {
          message.destroy(key);
          if (isWorking(before)) update.mutate({ lead: saved, change: { status: before } }, { onError: fail, onSuccess: () => void message.success(t('inline.undone')) });
        };
        void message.success({
          key,
          duration: 10,
          content: (
            <span>
              {t('lead.statusSaved', { status: t(`lead.status.${status}`) })}{' '}
              <Button type="link" size="small" onClick={undo} data-testid="inline-undo" style={{ paddingInline: 4 }}>
                {t('inline.undo')}
              </Button>
            </span>
          ),
        });
      },
    });
  };
  return (
    <InlineEdit
      label={label}
      display={<LeadStatusTag status={lead.status} />}
      editable={lead.can.edit && isWorking(lead.status)}
      testId="inline-lead-status"
      editor={(close) => (
        <InlineSelect<WorkingStatus>
          label={label}
          value={isWorking(lead.status) ? lead.status : null}
          options={options as Array<{ value: WorkingStatus; label: string }>}
          onSave={(status) => {
            close();
            save(status);
          }}
          onCancel={close}
        />
      )}
    />
  );
}
