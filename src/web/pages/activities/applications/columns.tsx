/** The columns an application has in every list of them: the page's and the person's file. */
import type { Application } from '../../../../contracts/activities.js';
import { useI18n } from '../../../i18n/index.js';
import type { Change, Column } from '../../../kit/index.js';
import { OutcomeSelect } from '../OutcomeSelect.js';

/** Date, type, level, outcome (changed in place through `change`), operator; `person` goes after the date. */
export function useApplicationColumns(
  change: Change,
  { person, onSaved }: { person?: Column<Application>; onSaved?(message: string): void } = {},
): Array<Column<Application> | undefined> {
  const { t, formatDate, label } = useI18n();
  return [
    { header: t('activities.date'), cell: (a) => formatDate(a.date) },
    person,
    { header: t('activities.applications.type'), cell: (a) => label(a.type) },
    { header: t('activities.applications.level'), cell: (a) => label('applicationLevel', a.type.level) },
    {
      header: t('activities.applications.outcome'),
      cell: (a) => <OutcomeSelect application={a} change={change} onSaved={onSaved} />,
    },
    { header: t('activities.operator'), cell: (a) => a.operator?.displayName ?? t('person.notSet') },
  ];
}

/** An application's row: a new key when its version changes, so its outcome shows the saved one. */
export const applicationKey = (a: Application) => `${a.id}-${a.version}`;
