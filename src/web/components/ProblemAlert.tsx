import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';

/** An API error as the user should read it: the Italian (or English) message of its code. */
export function useErrorMessage() {
  const { t } = useI18n();
  return (error: ApiError) => t(`error.${error.code}` as MessageKey);
}

export function ProblemAlert({ error }: { error?: ApiError | null }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <div className="alert alert-danger" role="alert">
      {message(error)}
    </div>
  );
}

/** A confirmation; `children` (e.g. a link to what comes next) follow the message inside the alert. */
export function SuccessAlert({ message, children }: { message?: string | null; children?: ReactNode }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message ? (
        <div className="alert alert-success" role="status">
          {message}
          {children}
        </div>
      ) : null}
    </div>
  );
}
