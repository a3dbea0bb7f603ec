import { type ReactNode, useCallback, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { focusLater, useAnnouncer } from './announce.js';

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a change gave: the answer, or the problem (shown by `problem`; null: ignored, another change was running). */
export type Sent<T> = { ok: true; data: T } | { ok: false; error: ApiError | null };

/** Codes meaning the page shows data someone changed meanwhile: the problem offers to reload. */
export const STALE_CODES: readonly string[] = ['resource.stale_version'];

export interface ChangeOptions {
  /** Reloads the data the page shows: after every change that worked, and from the problem's "Ricarica". */
  reload?: () => void;
  /** Codes after which the page must be reloaded (default: `resource.stale_version`). */
  reloadCodes?: readonly string[];
}

export interface SendOptions {
  /** Said to screen readers when the change worked ("Nota aggiunta."). */
  success?: string;
  /** Where the focus goes when the change worked: an element id, or a function finding it. */
  focus?: string | (() => HTMLElement | null | undefined);
  query?: Parameters<typeof api>[3];
}

/** An API problem as a danger alert, with a "Ricarica" button when `onReload` is given. */
export function ChangeProblem({ error, onReload }: { error: ApiError | null; onReload?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div>
      <ProblemAlert error={error} />
      {onReload ? (
        <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={onReload}>
          {t('common.reload')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * One way to send a change: `send(method, path, body, { success, focus })` through `api()`.
 * It keeps `busy` (a second submit meanwhile is ignored), the `error` and its `fieldErrors`
 * in the UI's language, and `problem`, the alert to show (with "Ricarica" for a stale page).
 * When the change works it reloads the page's data, announces `success` and moves the focus.
 */
export function useChange({ reload, reloadCodes = STALE_CODES }: ChangeOptions = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const running = useRef(false);
  const announce = useAnnouncer();

  const run = useCallback(
    async <T,>(action: () => Promise<T>, options: SendOptions = {}): Promise<Sent<T>> => {
      if (running.current) return { ok: false, error: null };
      running.current = true;
      setBusy(true);
      setError(null);
      setLocal({});
      try {
        const data = await action();
        reload?.();
        if (options.success) announce(options.success);
        if (options.focus) focusLater(options.focus);
        return { ok: true, data };
      } catch (e) {
        const failure = e instanceof ApiError ? e : new ApiError(0, 'network');
        setError(failure);
        return { ok: false, error: failure };
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [reload, announce],
  );

  const send = useCallback(
    <T = unknown>(method: Method, path: string, body?: unknown, options: SendOptions = {}) =>
      run(() => api<T>(method, path, body, options.query), options),
    [run],
  );

  /** Clears the problem and the field errors (e.g. when a form is cancelled). */
  const reset = useCallback(() => {
    setError(null);
    setLocal({});
  }, []);

  const stale = error !== null && reloadCodes.includes(error.code);
  const onReload = reload
    ? () => {
        reset();
        reload();
      }
    : undefined;
  const problem: ReactNode = <ChangeProblem error={error} onReload={stale ? onReload : undefined} />;
  return {
    send,
    run,
    busy,
    error,
    /** The server's field errors, in the UI's language, and those set by `invalid`. */
    fieldErrors: { ...local, ...(error?.fieldErrors() ?? {}) } as Record<string, string>,
    /** Field errors found before sending (a choice the form needs): shown like the server's. */
    invalid: (fields: Record<string, string>) => {
      setError(null);
      setLocal(fields);
    },
    reset,
    problem,
  };
}

export type Change = ReturnType<typeof useChange>;

/**
 * Saves a record of the list at `path`: a new one (POST, with `created`, e.g. its centre) or the
 * one being corrected (PATCH to `path/id`, at the version it was read at).
 */
export function saveRecord(
  change: Change,
  path: string,
  editing: { id: number; version: number } | null,
  fields: object,
  { created = {}, success }: { created?: object; success?: string } = {},
) {
  return editing
    ? change.send('PATCH', `${path}/${editing.id}`, { version: editing.version, ...fields }, { success })
    : change.send('POST', path, { ...created, ...fields }, { success });
}
