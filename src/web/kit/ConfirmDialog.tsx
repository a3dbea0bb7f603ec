import { useCallback, useEffect, useId, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useI18n } from '../i18n/index.js';
import './kit.css';

export interface ConfirmOptions {
  /** The dialog's title (default: the confirm button's label). */
  title?: string;
  /** The confirm button (default "Conferma"). */
  confirmLabel?: string;
  /** A red confirm button, for what cannot be undone. */
  danger?: boolean;
}

/**
 * An accessible confirmation: a modal <dialog> (role=alertdialog, aria-modal, labelled by its
 * title and described by its message) that takes the focus (on Cancel), gives it back to what
 * had it when it closes, and answers false on Escape or Cancel, true on the confirm button.
 */
export function ConfirmDialog({
  open,
  message,
  title,
  confirmLabel,
  cancelLabel,
  danger,
  onClose,
}: ConfirmOptions & { open: boolean; message: string; cancelLabel: string; onClose(confirmed: boolean): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  const finish = (confirmed: boolean) => {
    dialog.current?.close();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
    onClose(confirmed);
  };
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      className="kit-dialog border rounded p-4 shadow"
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
    >
      <h2 id={`${id}-title`} className="h5">
        {title ?? confirmLabel}
      </h2>
      <p id={`${id}-message`}>{message}</p>
      <div className="d-flex gap-2 justify-content-end flex-wrap">
        <button ref={cancel} type="button" className="btn btn-outline-secondary" onClick={() => finish(false)}>
          {cancelLabel}
        </button>
        <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={() => finish(true)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

// One dialog for the whole app, drawn in its own root at the end of <body>: no provider to mount.
let host: { root: Root; settle?: (confirmed: boolean) => void } | null = null;

/**
 * `const confirm = useConfirm();` then `if (!(await confirm(question, { confirmLabel, danger }))) return;`
 * in place of `window.confirm(question)`: the same question, in the app's accessible dialog.
 */
export function useConfirm() {
  const { t } = useI18n();
  return useCallback(
    (message: string, options: ConfirmOptions = {}) =>
      new Promise<boolean>((resolve) => {
        if (!host) {
          const container = document.createElement('div');
          document.body.appendChild(container);
          host = { root: createRoot(container) };
        }
        const current = host;
        current.settle?.(false);
        const settle = (confirmed: boolean) => {
          if (current.settle !== settle) return;
          current.settle = undefined;
          current.root.render(null);
          resolve(confirmed);
        };
        current.settle = settle;
        const confirmLabel = options.confirmLabel ?? t('common.confirm');
        current.root.render(
          <ConfirmDialog
            open
            {...options}
            message={message}
            confirmLabel={confirmLabel}
            cancelLabel={t('common.cancel')}
            onClose={settle}
          />,
        );
      }),
    [t],
  );
}
