import type { SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/index.js';
import { ChoiceSelect } from '../kit/FilterSelect.js';
import type { Column } from '../kit/RecordTable.js';
import { useSession } from '../session.js';

/** The user's centres, for those who work in more than one (the page shows nothing otherwise). */
export function CentreSelect({
  emptyLabel,
  ...field
}: { label: string; error?: string; required?: boolean; emptyLabel?: string; column?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  const centres = useSession().me?.centres ?? [];
  return (
    <ChoiceSelect {...field} blank={emptyLabel ?? t('common.choose')} choices={centres.map((c) => ({ value: c.id, label: c.name }))} />
  );
}

/** A centre's name by its id, among the user's centres (its number, should it not be one of them). */
export function useCentreName() {
  const centres = useSession().me?.centres ?? [];
  return (id: number) => centres.find((c) => c.id === id)?.name ?? String(id);
}

/** The column naming each row's centre, for a user working in more than one (none for the others). */
export function useCentreColumn<T extends { centreId: number }>(header: string): Column<T> | false {
  const several = (useSession().me?.centres.length ?? 0) > 1;
  const centreName = useCentreName();
  return several && { header, cell: (row) => centreName(row.centreId) };
}
