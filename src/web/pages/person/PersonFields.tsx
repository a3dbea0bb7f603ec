/** The fields of a person's file: names, gender, birth, codes, contacts, languages and residence. */
import { ComuneSearch } from '../../components/ComuneSearch.js';
import { CountrySelect } from '../../components/CountrySelect.js';
import { TextField } from '../../components/fields.js';
import { GenderSelect } from '../../components/GenderSelect.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import type { useFields } from '../../kit/index.js';
import type { FormState } from './personForm.js';

type Fields = ReturnType<typeof useFields<FormState>>;

function ResidenceFieldset({ form, error }: { form: Fields; error?: string }) {
  const { t } = useI18n();
  const { values } = form;
  return (
    <fieldset className="mb-3">
      <legend className="form-label h6">{t('person.residence')}</legend>
      {(['comune', 'no_fixed_abode', 'unknown'] as const).map((kind) => (
        <div className="form-check form-check-inline" key={kind}>
          <input
            id={`residence-${kind}`}
            type="radio"
            name="residenceKind"
            checked={values.residenceKind === kind}
            onChange={() => form.set({ residenceKind: kind })}
          />
          <label htmlFor={`residence-${kind}`}>{t(`person.residence.${kind}` as MessageKey)}</label>
        </div>
      ))}
      {values.residenceKind === 'comune' ? (
        <div className="mt-3">
          <ComuneSearch
            id="residence-comune-search"
            label={t('person.comune')}
            initialText={values.comuneText}
            onSelect={(c) => form.set({ comuneIstat: c.istat, comuneText: `${c.name} (${c.province})` })}
          />
          {error ? (
            <div className="invalid-feedback d-block" role="alert">
              {error}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

export function PersonFields({ form, errors }: { form: Fields; errors: Record<string, string> }) {
  const { t } = useI18n();
  const field = (name: Exclude<keyof FormState, 'residenceKind'>) => ({ ...form.field(name), error: errors[name] });
  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <TextField
            label={t('person.givenNames')}
            hint={t('person.namesHint')}
            required
            maxLength={100}
            {...field('givenNames')}
            autoFocus
          />
        </div>
        <div className="col-md-6">
          <TextField label={t('person.familyNames')} hint={t('person.namesHint')} required maxLength={100} {...field('familyNames')} />
        </div>
        <div className="col-md-4">
          <GenderSelect required {...field('gender')} />
        </div>
        <div className="col-md-4">
          <TextField label={t('person.birthDate')} type="date" {...field('birthDate')} />
        </div>
        <div className="col-md-4">
          <TextField
            label={t('person.fiscalCode')}
            hint={t('person.fiscalCodeHint')}
            maxLength={16}
            {...field('fiscalCode')}
            style={{ textTransform: 'uppercase' }}
          />
        </div>
        <div className="col-md-6">
          <CountrySelect id="citizenship" label={t('person.citizenship')} citizenship required {...field('citizenship')} />
        </div>
        <div className="col-md-6">
          <CountrySelect label={t('person.birthCountry')} {...field('birthCountry')} />
        </div>
        <div className="col-md-4">
          <TextField label={t('person.phone')} type="tel" maxLength={40} {...field('phone')} />
        </div>
        <div className="col-md-4">
          <TextField label={t('person.email')} type="email" maxLength={254} {...field('email')} />
        </div>
        <div className="col-md-4">
          <TextField label={t('person.languages')} hint={t('person.languagesHint')} {...field('languages')} />
        </div>
      </div>
      <ResidenceFieldset form={form} error={errors['residence.comuneIstat']} />
    </>
  );
}
