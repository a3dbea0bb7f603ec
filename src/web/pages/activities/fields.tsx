/** The fields every record of this area has: the day, how long, and (for someone in several centres) which centre. */
import type { ChangeEvent } from 'react';
import { todayInRome } from '../../../domain/dates.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { NumberField, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';

interface FieldProps {
  value: string;
  onChange(event: ChangeEvent<HTMLInputElement | HTMLSelectElement>): void;
  error?: string;
  column?: string;
}

/** The day it happened: today by default, never later. */
export function DayField(props: FieldProps) {
  const { t } = useI18n();
  return <TextField label={t('activities.date')} type="date" required max={todayInRome()} {...props} />;
}

/** How long it took, in minutes (at most ten hours). */
export function MinutesField({ label, ...props }: FieldProps & { label?: string }) {
  const { t } = useI18n();
  return <NumberField label={label ?? t('activities.minutes')} required min={1} max={600} {...props} />;
}

export function CentreField(props: FieldProps) {
  const { t } = useI18n();
  return <CentreSelect label={t('activities.centre')} required {...props} />;
}

/**
 * Whether the record needs its centre chosen: only for someone working in several centres, and
 * only when nothing else says it (`known`: a person, a record being corrected). `body(centreId)`
 * is the part of the request naming it.
 */
export function useCentreChoice(known: boolean) {
  const { me } = useSession();
  const choose = !known && (me?.centres.length ?? 0) > 1;
  return {
    choose,
    body: (centreId: string) => (choose && centreId ? { centreId: Number(centreId) } : {}),
  };
}
