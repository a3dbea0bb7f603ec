import type { ReactNode } from 'react';

/** A section of the home page: its heading (h2, named by `id`) and what it shows. */
export function HomeSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {children}
    </section>
  );
}
