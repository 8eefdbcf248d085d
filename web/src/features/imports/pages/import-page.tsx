import { App, Card, Flex, Skeleton, Steps } from 'antd';
import { importEntities, importPermissions, type DuplicateMode, type ImportEntity, type ImportJob, type ImportMapping, type ImportPreview, type ImportValueMapping, type ImportValues } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { NoPermissionResult, QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { importKeys, useImportJob, useImportValues, usePreviewImport, useStartImport } from '../api';
import { ImportHistory } from '../components/import-history';
import { MappingStep } from '../components/mapping-step';
import { PreviewStep } from '../components/preview-step';
import { ProgressStep } from '../components/progress-step';
import { UploadStep } from '../components/upload-step';
import { hasValuesToMatch, initialValueMapping, keepChoices, ValuesStep } from '../components/values-step';

/** Import wizard (导入): upload, map columns, preview, run; the job id stays in the URL. */
export function ImportPage() {
  const t = useT();
  useDocumentTitle(t('import.title'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const entities = importEntities.filter((e) => can(importPermissions[e]));
  const requested = params.get('entity');
  const entity: ImportEntity = entities.find((e) => e === requested) ?? entities[0] ?? 'customers';
  const jobId = Number(params.get('job')) || null;
  const job = useImportJob(jobId);

  const open = (next: { job?: number | null; entity?: ImportEntity }) => {
    const out = new URLSearchParams();
    const e = next.entity ?? entity;
    if (e !== 'customers') out.set('entity', e);
    const j = next.job === undefined ? jobId : next.job;
    if (j) out.set('job', String(j));
    setParams(out);
  };

  if (entities.length === 0) return <NoPermissionResult />;

  let body;
  if (!jobId) {
    body = (
      <UploadStep
        entity={entity}
        entities={entities}
        onEntity={(e) => open({ entity: e })}
        onUploaded={(uploaded) => {
          queryClient.setQueryData(importKeys.job(uploaded.id), uploaded);
          void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
          open({ job: uploaded.id, entity: uploaded.entity });
        }}
      />
    );
  } else if (job.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (job.isError) {
    body = <QueryErrorResult error={job.error} onRetry={() => void job.refetch()} />;
  } else {
    body = <JobSteps key={job.data.id} job={job.data} onAnother={() => open({ job: null, entity: job.data.entity })} />;
  }

  const current = !jobId ? 0 : job.data && job.data.status !== 'uploaded' ? 4 : undefined;
  return (
    <>
      <PageHeader title={t('import.title')} subTitle={t('import.subtitle')} />
      <Flex vertical gap={16}>
        <Card data-testid="import-wizard">
          {current !== undefined ? (
            <Steps
              size="small"
              current={current}
              type={isMobile ? 'inline' : 'default'}
              style={{ marginBottom: 24 }}
              items={stepItems(t)}
            />
          ) : null}
          {body}
        </Card>
        <ImportHistory selectedId={jobId} onOpen={(opened) => open({ job: opened.id, entity: opened.entity })} />
      </Flex>
    </>
  );
}

function stepItems(t: ReturnType<typeof useT>) {
  return [
    { title: t('import.step.upload') },
    { title: t('import.step.map') },
    { title: t('import.step.values') },
    { title: t('import.step.preview') },
    { title: t('import.step.run') },
  ];
}

/** Steps 2-5 of one uploaded job: map columns, match values (when a choice column needs it), preview, run. */
function JobSteps({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<ImportMapping>(() => ({ ...job.suggestedMapping }));
  const [duplicateMode, setDuplicateMode] = useState<DuplicateMode>(job.duplicateMode ?? 'skip');
  const [values, setValues] = useState<ImportValues | null>(null);
  const [choices, setChoices] = useState<ImportValueMapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const valuesCall = useImportValues(job.id);
  const previewCall = usePreviewImport(job.id);
  const start = useStartImport(job.id);

  if (job.status !== 'uploaded') return <ProgressStep job={job} onAnother={onAnother} />;

  const steps = (
    <Steps
      size="small"
      current={preview ? 3 : values ? 2 : 1}
      type={isMobile ? 'inline' : 'default'}
      style={{ marginBottom: 24 }}
      items={stepItems(t)}
    />
  );
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const toPreview = (valueChoices: ImportValueMapping) =>
    previewCall.mutate({ mapping, duplicateMode, values: valueChoices }, { onSuccess: setPreview, onError });

  if (preview) {
    return (
      <>
        {steps}
        <PreviewStep
          job={job}
          mapping={mapping}
          preview={preview}
          busy={start.isPending}
          onBack={() => setPreview(null)}
          onStart={() => start.mutate({ mapping, duplicateMode, values: choices }, { onError })}
        />
      </>
    );
  }
  if (values) {
    return (
      <>
        {steps}
        <ValuesStep
          job={job}
          values={values}
          choices={choices}
          onChoices={setChoices}
          onBack={() => setValues(null)}
          busy={previewCall.isPending}
          onNext={() => toPreview(choices)}
        />
      </>
    );
  }
  return (
    <>
      {steps}
      <MappingStep
        job={job}
        mapping={mapping}
        duplicateMode={duplicateMode}
        onMapping={setMapping}
        onDuplicateMode={setDuplicateMode}
        onBack={onAnother}
        busy={valuesCall.isPending || previewCall.isPending}
        onNext={() =>
          valuesCall.mutate(
            { mapping },
            {
              onSuccess: (found) => {
                // The values step only when a value of the file is not exactly an option.
                const initial = keepChoices(initialValueMapping(found), choices);
                setChoices(initial);
                if (hasValuesToMatch(found)) setValues(found);
                else toPreview(initial);
              },
              onError,
            },
          )
        }
      />
    </>
  );
}
