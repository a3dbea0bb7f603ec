import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { ProblemAlert, SuccessAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import type { Change } from './useChange.js';

/** The prefixes of the dictionary that have both a `.title` and an `.intro` (a page's or section's texts). */
export type TitleAndIntro = {
  [K in MessageKey]: K extends `${infer P}.title` ? (`${P}.intro` extends MessageKey ? P : never) : never;
}[MessageKey];

/**
 * The top of a page (`level` 1) or of a section (2) whose records change, as every such page
 * draws it: its heading (focusable: the focus comes back there after a deletion) and intro, the
 * texts `<texts>.title` (with `values`) and `<texts>.intro`; any choice that comes before the
 * records (`children`, e.g. the centre), what was just done (`notice`, when the page says it) and
 * the problems, of loading (`error`) and of changing (`change`).
 */
export function RecordsHeading({
  id,
  texts,
  values,
  level = 1,
  notice,
  error,
  change,
  children,
}: {
  id: string;
  texts: TitleAndIntro;
  values?: Record<string, string | number>;
  level?: 1 | 2;
  notice?: string | null;
  error?: ApiError;
  change?: Pick<Change, 'problem'>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <>
      <Heading id={id} className={level === 1 ? 'h2' : 'h4'} tabIndex={-1}>
        {t(`${texts}.title`, values)}
      </Heading>
      <p>{t(`${texts}.intro`)}</p>
      {children}
      {notice === undefined ? null : <SuccessAlert message={notice} />}
      <ProblemAlert error={error} />
      {change?.problem}
    </>
  );
}
