import type { LeadSourcesState } from '@crm/contracts';
import { ManagedListForm } from '../../leads';
import { SettingsPage } from '../../settings';
import { useIndustries, useSaveIndustries } from '../api';

function IndustriesForm(props: { state: LeadSourcesState; editable: boolean; onReload: () => void }) {
  const save = useSaveIndustries();
  return (
    <ManagedListForm
      {...props}
      save={save}
      help="industry.help"
      addLabel="industry.add"
      removeConfirm="industry.removeConfirm"
      removeText="industry.removeText"
      name="customer_industries"
    />
  );
}

/** 行业: the industries customers are filed under (GB/T 4754-2017 sections by default), in display order. */
export function IndustriesPage() {
  return (
    <SettingsPage
      title="industry.title"
      subTitle="industry.subtitle"
      query={useIndustries()}
      skeletonRows={10}
      renderForm={(props) => <IndustriesForm {...props} />}
    />
  );
}
