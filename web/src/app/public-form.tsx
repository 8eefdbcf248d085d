import { PublicFormPage } from '../features/lead-forms';
import { AntdFrame } from './antd-frame';

/** The public lead form (/f/:token), with Ant Design around it. */
export function PublicForm() {
  return (
    <AntdFrame>
      <PublicFormPage />
    </AntdFrame>
  );
}
