import { App, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';

/** The dialog of a change to the selected customers: its form inside, Save submits it, Cancel and Esc close it. */
export function BulkModal({ title, okText, danger = false, submitTestId, pending, onSubmit, onCancel, children }: {
  title: string;
  okText?: string;
  danger?: boolean;
  submitTestId: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('inline.save')}
      okButtonProps={{ danger, ...testId(submitTestId) }}
      cancelText={t('common.cancel')}
      onOk={onSubmit}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}

/**
 * Ask before changing many customers at once (the count in the question), then run the change:
 * on success say what was done and close, on failure show the server's message (the dialog stays
 * open, nothing was changed: bulk changes are all or none).
 */
export function useConfirmedBulk() {
  const t = useT();
  const { message, modal } = App.useApp();
  return <R,>(options: { question: string; confirmTestId: string; run: () => Promise<R>; success: (result: R) => string; after: () => void }) => {
    void modal.confirm({
      title: options.question,
      okText: t('common.confirm'),
      okButtonProps: testId(options.confirmTestId),
      cancelText: t('common.cancel'),
      onOk: () =>
        options.run().then(
          (result) => {
            void message.success(options.success(result));
            options.after();
          },
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });
  };
}
