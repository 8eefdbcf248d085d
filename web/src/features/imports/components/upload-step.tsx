import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Radio, Typography, Upload } from 'antd';
import type { ImportEntity, ImportJob } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { uploadImportFile } from '../api';

const accepted = ['.csv', '.tsv', '.txt', '.xlsx'];
const maxBytes = 50 * 1024 * 1024;

/** Step 1: what to import, and the file (drag and drop or pick). */
export function UploadStep({
  entity,
  entities,
  onEntity,
  onUploaded,
}: {
  entity: ImportEntity;
  entities: ImportEntity[];
  onEntity: (entity: ImportEntity) => void;
  onUploaded: (job: ImportJob) => void;
}) {
  const t = useT();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = (file: File) => {
    setFailure(null);
    const lower = file.name.toLowerCase();
    if (!accepted.some((ext) => lower.endsWith(ext))) {
      setFailure(t('import.badType'));
      return;
    }
    if (file.size > maxBytes) {
      setFailure(t('import.tooLarge', { max: 50 }));
      return;
    }
    setProgress(0);
    uploadImportFile(entity, file, setProgress).then(
      (job) => {
        setProgress(null);
        onUploaded(job);
      },
      (error: unknown) => {
        setProgress(null);
        setFailure(errorMessage(error, t));
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('import.entity')}</Typography.Text>
        <Radio.Group
          value={entity}
          onChange={(event) => onEntity(event.target.value as ImportEntity)}
          optionType="button"
          buttonStyle="solid"
          options={entities.map((value) => ({ value, label: t(`import.entity.${value}`) }))}
          data-testid="import-entity"
        />
        <Typography.Text type="secondary">{t(`import.entityHint.${entity}`)}</Typography.Text>
      </Flex>
      {failure ? <Alert type="error" showIcon role="alert" title={failure} data-testid="import-upload-error" /> : null}
      <Upload.Dragger
        accept={accepted.join(',')}
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(file) => {
          upload(file);
          return false;
        }}
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.dropText')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
      {progress !== null ? <Progress percent={progress} status="active" aria-label={t('import.step.upload')} data-testid="import-upload-progress" /> : null}
    </Flex>
  );
}
