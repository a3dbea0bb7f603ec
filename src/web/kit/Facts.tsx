import type { ReactNode } from 'react';

/** A record's facts, each a name and its value, as a definition list in columns. */
export function Facts({ facts, testId, children }: { facts: Array<[ReactNode, ReactNode]>; testId?: string; children?: ReactNode }) {
  return (
    <dl className="row" data-testid={testId}>
      {facts.map(([name, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the facts of a record are a fixed list
        <div className="col-sm-6 col-lg-4 mb-2" key={index}>
          <dt>{name}</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
      {children}
    </dl>
  );
}
