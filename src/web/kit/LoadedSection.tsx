import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { TitledSection } from './TitledSection.js';

/**
 * A section showing what it loads on its own (useApiGet: a summary, figures): its heading (h2,
 * `id` names the section), the problem loading it, then `children(data)` once loaded.
 */
export function LoadedSection<T>({
  id,
  title,
  loaded,
  className,
  children,
}: {
  id: string;
  title: string;
  loaded: { data?: T; error?: ApiError };
  className?: string;
  children(data: T): ReactNode;
}) {
  return (
    <TitledSection id={id} title={title} className={className}>
      <ProblemAlert error={loaded.error} />
      {loaded.data ? children(loaded.data) : null}
    </TitledSection>
  );
}
