/**
 * What the operator does from the Scadenze: calls the person (the telephone is in the list),
 * marks the permit "contattato" (today, by the operator), and records its renewal (the new
 * expiry, the new permit's number and issue date) when the new permit is in hand.
 */
import type { ReactNode } from 'react';
import type { DeadlineItem, Permit } from '../../../contracts/documents.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { RecordForm, type RowAction, useChange, useFields, useRowForm } from '../../kit/index.js';
import { DocumentNumberField, IssuedOnField } from './person/DocumentsPart.js';

const nameOf = (item: DeadlineItem) => `${item.person.familyNames} ${item.person.givenNames}`;

/** "Rinnovato": the new permit's expiry (required), issue date and number. */
function RenewalForm({ item, onDone }: { item: DeadlineItem; onDone(saved: boolean): void }) {
  const { t } = useI18n();
  const change = useChange();
  const form = useFields({ expiresOn: '', issuedOn: '', number: '' });
  const bound = boundTo(form, change);
  const save = async () => {
    const { expiresOn, issuedOn, number } = form.values;
    if (!expiresOn) return change.invalid({ expiresOn: t('documents.renewal.expiryRequired') });
    const sent = await change.send<Permit>('POST', `/permits/${item.permitId}/renewal`, {
      version: item.version,
      expiresOn,
      ...(issuedOn ? { issuedOn } : {}),
      ...(number.trim() ? { number: number.trim() } : {}),
    });
    if (sent.ok) onDone(true);
  };
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={t('documents.renewal.title', { person: nameOf(item) })}
      submitLabel={t('documents.renewal.save')}
      onCancel={() => onDone(false)}
      autoFocus
    >
      <p className="small">{t('documents.renewal.help')}</p>
      <div className="row">
        <div className="col-sm-4">
          <TextField label={t('documents.renewal.expiresOn')} type="date" min={item.expiresOn} required {...bound('expiresOn')} />
        </div>
        <IssuedOnField bound={bound} column="col-sm-4" />
        <DocumentNumberField bound={bound} column="col-sm-4" />
      </div>
    </RecordForm>
  );
}

/** The Scadenze's row actions ("Segna contattato", "Rinnovato"), their rows' names, and the renewal form with the outcome (`panel`). */
export function useDeadlineActions(reload: () => void): {
  actions(item: DeadlineItem): RowAction[];
  rowName(item: DeadlineItem): string;
  panel: ReactNode;
} {
  const { t } = useI18n();
  const contact = useChange({ reload });
  const rows = useRowForm<DeadlineItem>(reload);

  const markContacted = async (item: DeadlineItem) => {
    rows.start();
    const sent = await contact.send('POST', `/permits/${item.permitId}/contact`, { version: item.version });
    if (sent.ok) rows.succeeded(t('documents.contact.done', { person: nameOf(item) }));
  };

  const panel = rows.panel(contact.problem, (renewing) => (
    <RenewalForm
      key={renewing.permitId}
      item={renewing}
      onDone={(saved) => rows.close(saved ? t('documents.renewal.done', { person: nameOf(renewing) }) : undefined)}
    />
  ));

  return {
    rowName: nameOf,
    panel,
    actions: (item) => [
      { label: t('documents.contact.action'), onClick: () => void markContacted(item) },
      { label: t('documents.renewal.action'), onClick: () => rows.open(item) },
    ],
  };
}
