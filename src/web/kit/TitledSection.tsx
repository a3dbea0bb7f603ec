import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A section named by its heading, as every titled part of a page is drawn: `<section
 * aria-labelledby>` and its heading (`id`; an h2 unless `headingAs`, styled `headingClass`, "h4"
 * unless told; `focusable`: the focus may be put on it, e.g. after a deletion; `count`: how many
 * it lists, in a badge after the title), then `children`.
 * Any other attribute (`className`, `data-testid`…) is the section's.
 */
export function TitledSection({
  id,
  title,
  headingAs: Heading = 'h2',
  headingClass = 'h4',
  focusable,
  count,
  children,
  ...section
}: {
  id: string;
  title: ReactNode;
  headingAs?: 'h2' | 'h3';
  headingClass?: string;
  focusable?: boolean;
  count?: number;
  children?: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, 'id' | 'title' | 'aria-labelledby'>) {
  return (
    <section aria-labelledby={id} {...section}>
      <Heading id={id} className={headingClass} tabIndex={focusable ? -1 : undefined}>
        {title}
        {count === undefined ? null : (
          <>
            {' '}
            <span className="badge bg-primary">{count}</span>
          </>
        )}
      </Heading>
      {children}
    </section>
  );
}
