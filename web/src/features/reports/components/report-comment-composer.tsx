import { SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input } from 'antd';
import { maxLengthOf, workReportCommentCreate } from '@crm/contracts';
import type { KeyboardEvent } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useAddComment } from '../api';
import { reportFieldLabel } from './report-labels';

const limit = maxLengthOf(workReportCommentCreate, 'content');

/** Write a comment (Ctrl/⌘+Enter sends); the author is notified. */
export function ReportCommentComposer({ reportId }: { reportId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<{ content: string }>();
  const add = useAddComment(reportId);
  const problems = useSaveProblems<unknown, { content: string }>(form);
  const submit = ({ content }: { content: string }) => {
    problems.clear();
    add.mutate(
      { content },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('report.commented'));
        },
        onError: problems.show,
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };
  return (
    <Form form={form} layout="vertical" name="report_comment_form" onFinish={submit} style={{ marginTop: 16 }}>
      <div ref={problems.topRef} />
      <FormErrorsAlert message={problems.failure} details={problems.details} labelFor={(path) => reportFieldLabel(t, path)} />
      <Form.Item name="content" label={t('report.f.comment')} rules={[rules.required, rules.max(limit)]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={limit} placeholder={t('report.commentPlaceholder')} onKeyDown={onKeyDown} data-testid="report-comment-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={add.isPending} data-testid="report-comment-send">
        {t('report.send')}
      </Button>
    </Form>
  );
}
