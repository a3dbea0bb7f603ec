/** What the event and meeting forms share: the centre of a new record, and how a record is sent. */
import { CentreSelect } from '../../../components/CentreSelect.js';
import { useI18n } from '../../../i18n/index.js';
import type { Change } from '../../../kit/index.js';
import { useSession } from '../../../session.js';

/** The centre a new record belongs to, asked only of a user working in more than one (column of the form's row). */
export function NewRecordCentre({
  editing,
  ...field
}: {
  editing: unknown;
  value: string;
  onChange(event: { target: { value: string } }): void;
  error?: string;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  if (editing || (me?.centres.length ?? 0) <= 1) return null;
  return (
    <div className="col-lg-6">
      <CentreSelect label={t('events.centre')} required {...field} />
    </div>
  );
}

/**
 * Sends the form's `fields`: a new record to `path` (in the centre chosen, when one was), or the
 * one being corrected to `path/id` with the version it was read at.
 */
export function sendRecord(
  change: Change,
  path: string,
  editing: { id: number; version: number } | null,
  fields: object,
  centreId: string,
) {
  return editing
    ? change.send('PATCH', `${path}/${editing.id}`, { version: editing.version, ...fields })
    : change.send('POST', path, { ...fields, ...(centreId ? { centreId: Number(centreId) } : {}) });
}
