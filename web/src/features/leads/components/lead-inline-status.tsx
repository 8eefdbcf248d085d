import type { Lead, LeadStatus } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { InlineEdit, InlineSelect } from '../../../shared/form/inline-edit';
import { useUndoNotice } from '../../../shared/form/undo-notice';
import { useInlineUpdateLead } from '../api';
import { LeadStatusTag, useStatusOptions } from './lead-bits';

/** The statuses set by hand; converted and disqualified have their own actions. */
const workingStatuses = ['new', 'contacting', 'qualified'] as const satisfies readonly LeadStatus[];
type WorkingStatus = (typeof workingStatuses)[number];
const isWorking = (status: LeadStatus): status is WorkingStatus => (workingStatuses as readonly LeadStatus[]).includes(status);

/** A lead's status in the list, changed in place (new / contacting / qualified) with an undo notice. */
export function LeadInlineStatus({ lead }: { lead: Lead }) {
  const t = useT();
  const update = useInlineUpdateLead();
  const options = useStatusOptions(workingStatuses);
  const label = t('lead.f.status');
  const { fail, offer } = useUndoNotice(t('lead.changedMeanwhile'));
  const save = (status: WorkingStatus) => {
    const before = lead.status;
    update.mutate({ lead, change: { status } }, {
      onError: fail,
      onSuccess: (saved) =>
        offer(`inline-lead-${lead.id}`, t('lead.statusSaved', { status: t(`lead.status.${status}`) }), (done) => {
          if (isWorking(before)) update.mutate({ lead: saved, change: { status: before } }, done);
        }),
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
