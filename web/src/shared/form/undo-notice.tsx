import { App, Button } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';

/** What a mutation's `mutate` takes as its second argument: the undo's outcome is reported like the save's. */
export interface UndoCallbacks {
  onError: (error: unknown) => void;
  onSuccess: () => void;
}

/**
 * The notices of a change made in place: a failure as an error message (a 409 with `conflictText`:
 * someone saved the record meanwhile), a success with an undo button for 10 s that runs the reverse change.
 */
export function useUndoNotice(conflictText: string) {
  const t = useT();
  const { message } = App.useApp();
  const fail = (error: unknown) => void message.error({ content: isApiError(error) && error.status === 409 ? conflictText : errorMessage(error, t), duration: 6 });
  const undone: UndoCallbacks = { onError: fail, onSuccess: () => void message.success(t('inline.undone')) };
  const offer = (key: string, text: string, undo: (callbacks: UndoCallbacks) => void) =>
    void message.success({
      key,
      duration: 10,
      content: (
        <span>
          {text}{' '}
          <Button
            type="link"
            size="small"
            onClick={() => {
              message.destroy(key);
              undo(undone);
            }}
            data-testid="inline-undo"
            style={{ paddingInline: 4 }}
          >
            {t('inline.undo')}
          </Button>
        </span>
      ),
    });
  return { fail, offer };
}
