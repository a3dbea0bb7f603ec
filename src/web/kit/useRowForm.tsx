import { type ReactNode, useState } from 'react';
import { SuccessAlert } from '../components/ProblemAlert.js';

/**
 * A list's row actions and their outcome, shown above the list (`panel`): one row's form opened
 * at a time, actions that run at once, and what was done said until the next action. Each action
 * starts afresh (`open` a row's form, or `start` one that runs at once: the last outcome is
 * cleared); a form that saved is `close`d with what to say, and the list is read again (`reload`).
 */
export function useRowForm<Item>(reload: () => void) {
  const [opened, setOpened] = useState<Item | null>(null);
  const [done, setDone] = useState<string | undefined>();
  return {
    open(item: Item) {
      setDone(undefined);
      setOpened(item);
    },
    start() {
      setDone(undefined);
      setOpened(null);
    },
    /** An action run at once succeeded (its change reloads the list itself). */
    succeeded: setDone,
    /** The form closed: with a message when it saved (the list is read again), without when cancelled. */
    close(saved?: string) {
      if (saved) {
        setDone(saved);
        reload();
      }
      setOpened(null);
    },
    /** The success, the problem of the action run at once, then the opened row's form. */
    panel(problem: ReactNode, form: (item: Item) => ReactNode): ReactNode {
      return (
        <>
          <SuccessAlert message={done} />
          {problem}
          {opened ? form(opened) : null}
        </>
      );
    },
  };
}
