import { useId, useState } from 'react';
import { CHANNELS, ENROLMENT_PROGRAMMES, GENDERS, PERMIT_TYPES, REFERRAL_SOURCES } from '../../../../contracts/enums.js';
import type { Import, ImportSummary } from '../../../../contracts/imports.js';
import { type Country, useCountries, useTopics } from '../../../api/hooks.js';
import { ComuneSearch } from '../../../components/ComuneSearch.js';
import { useI18n } from '../../../i18n/index.js';
import { fieldLabel } from './fields.js';
import { type ChoiceOption, ChoiceSelect, ReanalyseForm, useReanalyse } from './ReanalyseForm.js';

type Unmatched = ImportSummary['unmatched'][number];

/** The select's value for "its rows are rejected" (null in the mapping). */
const REJECT = '\u0000reject';

const keyOf = (u: Unmatched) => `${u.field}\u0000${u.value}`;

/** What the user chose for a value: undefined (not yet), null (reject its rows) or the value to store. */
function initialChoice(imp: Import, u: Unmatched): string | null | undefined {
  const mapped = imp.valueMappings[u.field];
  if (mapped && Object.hasOwn(mapped, u.value)) return mapped[u.value] ?? null;
  return u.mappedTo;
}

/** The values a field's written value can be mapped to, in the UI's language. */
function useChoices() {
  const { locale, labels, label } = useI18n();
  const countries = useCountries();
  const topics = useTopics();
  const countryOptions = (list: Country[]) =>
    list.map((c) => ({ value: c.code, label: locale === 'it' ? c.it : c.en })).sort((a, b) => a.label.localeCompare(b.label, locale));
  const ofList = (values: readonly string[], words: Record<string, string>) =>
    values.map((value) => ({ value, label: words[value] ?? value }));
  return (field: Unmatched['field']): ChoiceOption[] | 'comune' => {
    switch (field) {
      case 'citizenship':
      case 'birthCountry':
        return countryOptions(countries);
      case 'residence':
        return 'comune';
      case 'topics':
        return (topics.data ?? []).map((topic) => ({ value: String(topic.id), label: label(topic) }));
      case 'gender':
        return ofList(GENDERS, labels('gender'));
      case 'channel':
        return ofList(CHANNELS, labels('channel'));
      case 'referralSource':
        return ofList(REFERRAL_SOURCES, labels('referralSource'));
      case 'permitType':
        return ofList(PERMIT_TYPES, labels('permitType'));
      case 'programme':
        return ofList(ENROLMENT_PROGRAMMES, labels('enrolmentProgramme'));
      default:
        return [];
    }
  };
}

/** One value's choice: a select of what it can be (or a comune search), or "Scarta le righe". */
function ValueChoice({
  u,
  choice,
  onChoice,
  options,
  id,
}: {
  u: Unmatched;
  choice: string | null | undefined;
  onChoice(value: string | null | undefined): void;
  options: ChoiceOption[] | 'comune';
  id: string;
}) {
  const { t } = useI18n();
  const name = t('imports.values.choiceFor', { field: fieldLabel(t, u.field), value: u.value });
  if (options === 'comune') {
    return (
      <div>
        <ComuneSearch id={id} label={name} initialText="" onSelect={(c) => onChoice(c.istat)} />
        {choice === null ? <p className="small mb-1">{t('imports.values.rejected')}</p> : null}
        {choice ? <p className="small mb-1">{t('imports.values.comuneChosen', { istat: choice })}</p> : null}
        <button
          type="button"
          className="btn btn-sm btn-outline-danger"
          aria-pressed={choice === null}
          aria-label={`${t('imports.values.reject')}: ${u.value}`}
          onClick={() => onChoice(null)}
        >
          {t('imports.values.reject')}
        </button>
      </div>
    );
  }
  return (
    <ChoiceSelect
      id={id}
      label={name}
      value={choice === null ? REJECT : (choice ?? '')}
      onChange={(value) => onChoice(value === REJECT ? null : value || undefined)}
      empty={t('common.choose')}
      options={[{ value: REJECT, label: t('imports.values.reject') }, ...options]}
    />
  );
}

/**
 * The values that matched nothing, each once with its count: the user maps each to a value
 * (a country, a comune, a topic…) or lets its rows be rejected; the dry run runs again.
 */
export function ValuesForm({ imp, unmatched, reload }: { imp: Import; unmatched: Unmatched[]; reload(): void }) {
  const { t, formatNumber } = useI18n();
  const { change, send } = useReanalyse(imp, reload);
  const id = useId();
  const choicesOf = useChoices();
  const [choices, setChoices] = useState<Record<string, string | null | undefined>>(() =>
    Object.fromEntries(unmatched.map((u) => [keyOf(u), initialChoice(imp, u)])),
  );
  const submit = () => {
    const valueMappings: Record<string, Record<string, string | null>> = {};
    for (const [field, values] of Object.entries(imp.valueMappings)) valueMappings[field] = { ...values };
    for (const u of unmatched) {
      const choice = choices[keyOf(u)];
      if (choice === undefined) continue;
      valueMappings[u.field] = { ...valueMappings[u.field], [u.value]: choice };
    }
    return send({ valueMappings });
  };
  return (
    <ReanalyseForm
      change={change}
      onSubmit={submit}
      texts="imports.values"
      columns={[
        t('imports.values.field'),
        t('imports.values.value'),
        { header: t('imports.values.count'), className: 'text-end' },
        t('imports.values.choice'),
      ]}
    >
      {unmatched.map((u, index) => (
        <tr key={keyOf(u)}>
          <td>{fieldLabel(t, u.field)}</td>
          <th scope="row">{u.value}</th>
          <td className="text-end">{formatNumber(u.count)}</td>
          <td>
            <ValueChoice
              u={u}
              id={`${id}-value-${index}`}
              options={choicesOf(u.field)}
              choice={choices[keyOf(u)]}
              onChoice={(value) => setChoices((all) => ({ ...all, [keyOf(u)]: value }))}
            />
          </td>
        </tr>
      ))}
    </ReanalyseForm>
  );
}
