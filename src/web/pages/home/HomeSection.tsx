import type { ReactNode } from 'react';
import { TitledSection } from '../../kit/index.js';

/** A section of the home page: its heading (h2, named by `id`) and what it shows, spaced from the next. */
export function HomeSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <TitledSection id={id} title={title} className="mb-5">
      {children}
    </TitledSection>
  );
}
