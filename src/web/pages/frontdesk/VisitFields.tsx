/** The parts of the desk's visit form: the anonymous visitor, the topics, the further details. */
import type { Ref } from 'react';
import { AGE_BANDS, CHANNELS, REFERRAL_SOURCES } from '../../../contracts/enums.js';
import type { Topic } from '../../../contracts/visits.js';
import { romeTimeOf } from '../../../domain/dates.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { CountrySelect } from '../../components/CountrySelect.js';
import { TextField } from '../../components/fields.js';
import { GenderSelect } from '../../components/GenderSelect.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { ValueSelect } from '../../kit/index.js';

export interface AnonymousVisitor {
  gender: string;
  citizenship: string;
  ageBand: string;
}

export const EMPTY_ANONYMOUS: AnonymousVisitor = { gender: '', citizenship: '', ageBand: '' };

export const EMPTY_DETAILS = { date: '', time: '', channel: 'in_person', referralSource: 'spontaneous', notes: '' };
export type VisitDetails = typeof EMPTY_DETAILS;

type Errors = Record<string, string>;

/**
 * What an anonymous visitor still lacks, as the form's field errors in words (checked before
 * sending: the server's answer would name the accepted values' codes).
 */
export function missingAnonymousFacts(anonymous: AnonymousVisitor, t: (key: MessageKey) => string): Errors {
  const missing: Errors = {};
  if (!anonymous.gender) missing['anonymous.gender'] = t('desk.anonymous.genderRequired');
  if (!anonymous.citizenship) missing['anonymous.citizenship'] = t('desk.anonymous.citizenshipRequired');
  if (!anonymous.ageBand) missing['anonymous.ageBand'] = t('desk.anonymous.ageBandRequired');
  return missing;
}

/**
 * A field of a part of the visit form (`values`, held by the form): its value, its error from the
 * server (named `errorPrefix` + the field's name), and the part with it changed.
 */
function boundToPart<V extends { [K in keyof V]: string }>(values: V, onChange: (next: V) => void, errors: Errors, errorPrefix = '') {
  return (name: keyof V & string) => ({
    value: values[name],
    error: errors[`${errorPrefix}${name}`],
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
  });
}

/** "Visitatore anonimo": gender, citizenship, age band and (working in several centres) the centre. */
export function AnonymousFields({
  anonymous,
  onChange,
  centreId,
  onCentre,
  chooseCentre,
  errors,
  onUsePerson,
}: {
  anonymous: AnonymousVisitor;
  onChange(next: AnonymousVisitor): void;
  centreId: string;
  onCentre(centreId: string): void;
  chooseCentre: boolean;
  errors: Errors;
  onUsePerson(): void;
}) {
  const { t } = useI18n();
  const field = boundToPart(anonymous, onChange, errors, 'anonymous.');
  return (
    <fieldset className="mb-3 border rounded p-3">
      <legend className="h6 float-none w-auto px-2">{t('frontDesk.anonymous')}</legend>
      <p className="small">{t('frontDesk.anonymousHelp')}</p>
      <div className="row">
        <div className="col-md-4">
          <GenderSelect required {...field('gender')} />
        </div>
        <div className="col-md-4">
          <CountrySelect label={t('person.citizenship')} citizenship required {...field('citizenship')} />
        </div>
        <div className="col-md-4">
          <ValueSelect label={t('visit.ageBand')} list="ageBand" values={AGE_BANDS} choose {...field('ageBand')} />
        </div>
        {chooseCentre ? (
          <div className="col-md-6">
            <CentreSelect
              label={t('visit.centre')}
              required
              value={centreId}
              error={errors.centreId}
              onChange={(e) => onCentre(e.target.value)}
            />
          </div>
        ) : null}
      </div>
      <button type="button" className="btn btn-link p-0" onClick={onUsePerson}>
        {t('frontDesk.usePerson')}
      </button>
    </fieldset>
  );
}

/** "Tipologia di richiesta": the active topics as checkboxes (Enter on one saves the visit); ids begin with `idPrefix`. */
export function TopicsFieldset({
  idPrefix = 'topic',
  topics,
  value,
  onToggle,
  error,
  firstRef,
}: {
  idPrefix?: string;
  topics: Topic[] | undefined;
  value: number[];
  onToggle(id: number): void;
  error?: string;
  firstRef: Ref<HTMLInputElement>;
}) {
  const { t, label } = useI18n();
  return (
    <fieldset className="mb-3" aria-describedby={error ? `${idPrefix}s-error` : undefined}>
      <legend className="form-label h6">{t('frontDesk.topics')}</legend>
      <div className="topic-grid">
        {topics?.map((topic, index) => (
          <div className="form-check my-1" key={topic.id}>
            <input
              id={`${idPrefix}-${topic.id}`}
              type="checkbox"
              ref={index === 0 ? firstRef : undefined}
              checked={value.includes(topic.id)}
              onChange={() => onToggle(topic.id)}
            />
            <label htmlFor={`${idPrefix}-${topic.id}`}>{label(topic)}</label>
          </div>
        ))}
      </div>
      {error ? (
        <div id={`${idPrefix}s-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** "Altri dettagli": date and time (now, unless changed), channel, referral and notes; `open` when correcting a visit. */
export function DetailsFields({
  details,
  onChange,
  today,
  errors,
  open,
}: {
  details: VisitDetails;
  onChange(next: VisitDetails): void;
  today: string;
  errors: Errors;
  open?: boolean;
}) {
  const { t } = useI18n();
  const field = boundToPart(details, onChange, errors);
  return (
    <details className="mb-3" open={open}>
      <summary>{t('frontDesk.moreDetails')}</summary>
      <div className="row mt-3">
        <div className="col-sm-6 col-md-3">
          <TextField label={t('visit.date')} type="date" max={today} {...field('date')} value={details.date || today} />
        </div>
        <div className="col-sm-6 col-md-3">
          <TextField label={t('visit.time')} type="time" {...field('time')} value={details.time || romeTimeOf(new Date())} />
        </div>
        <div className="col-sm-6 col-md-3">
          <ValueSelect label={t('visit.channel')} list="channel" values={CHANNELS} {...field('channel')} />
        </div>
        <div className="col-sm-6 col-md-3">
          <ValueSelect label={t('visit.referral')} list="referralSource" values={REFERRAL_SOURCES} {...field('referralSource')} />
        </div>
      </div>
      <TextField label={t('visit.notes')} maxLength={2000} {...field('notes')} />
    </details>
  );
}
