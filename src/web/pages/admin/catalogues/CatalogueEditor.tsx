import { type ReactNode, useState } from 'react';
import { useApiGet } from '../../../api/hooks.js';
import { SelectField, TextField } from '../../../components/fields.js';
import { type Translate, useI18n } from '../../../i18n/index.js';
import type { MessageKey } from '../../../i18n/it.js';
import { ChoiceOptions } from '../../../kit/FilterSelect.js';
import { LoadedTable, RecordForm, useChange } from '../../../kit/index.js';
import { usePageTitle } from '../../../page-title.js';

/** A value of any catalogue: the common members, and its own fields by name. */
export type CatalogueItem = { id: number; code: string; active: boolean; sortOrder?: number } & Record<string, unknown>;

type Values = Record<string, string | boolean>;

/** A field of a catalogue's values besides the code: a text, a choice, or a yes/no. */
export interface CatalogueField {
  name: string;
  label: string;
  kind: 'text' | 'select' | 'check';
  options?: ReadonlyArray<{ value: string; label: string }>;
  maxLength?: number;
}

/** What makes one catalogue's page: its API path, texts and fields. */
export interface CatalogueConfig {
  path: string;
  title: string;
  intro: string;
  addLabel: string;
  codeLabel: string;
  codeHint?: string;
  activeLabel: string;
  fields: CatalogueField[];
  /** The field that names a value (its Italian label, or its name). */
  nameField: string;
  /** Values are reordered by hand (they carry a sortOrder). */
  sorted?: boolean;
}

/** The prefixes of the dictionary with a catalogue page's texts: `.title`, `.intro`, `.add`. */
type CatalogueTexts = {
  [K in MessageKey]: K extends `${infer P}.title` ? (`${P}.intro` | `${P}.add` extends MessageKey ? P : never) : never;
}[MessageKey];

/** A catalogue page's title, intro and add button, worded from one prefix of the dictionary. */
export function catalogueTexts(t: Translate, texts: CatalogueTexts): Pick<CatalogueConfig, 'title' | 'intro' | 'addLabel'> {
  return { title: t(`${texts}.title`), intro: t(`${texts}.intro`), addLabel: t(`${texts}.add`) };
}

function blankValues(fields: CatalogueField[]): Values {
  return Object.fromEntries(fields.map((field) => [field.name, field.kind === 'check' ? false : '']));
}

function valuesOf(item: CatalogueItem, fields: CatalogueField[]): Values {
  return Object.fromEntries(fields.map((field) => [field.name, item[field.name] as string | boolean]));
}

/** The inputs of a catalogue's fields, for adding a value or changing one. */
function FieldInputs({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: CatalogueField[];
  values: Values;
  errors: Record<string, string>;
  onChange(values: Values): void;
}) {
  const { t } = useI18n();
  return fields.map((field) => {
    const common = { label: field.label, error: errors[field.name] };
    if (field.kind === 'check') {
      return (
        <div key={field.name} className="form-check mb-3">
          <input
            id={`catalogue-${field.name}`}
            className="form-check-input"
            type="checkbox"
            checked={values[field.name] === true}
            onChange={(event) => onChange({ ...values, [field.name]: event.target.checked })}
          />
          <label className="form-check-label" htmlFor={`catalogue-${field.name}`}>
            {field.label}
          </label>
        </div>
      );
    }
    const value = String(values[field.name] ?? '');
    const set = (event: { target: { value: string } }) => onChange({ ...values, [field.name]: event.target.value });
    return field.kind === 'select' ? (
      <SelectField key={field.name} {...common} required value={value} onChange={set}>
        <ChoiceOptions blank={t('common.choose')} choices={field.options ?? []} />
      </SelectField>
    ) : (
      <TextField key={field.name} {...common} required maxLength={field.maxLength} value={value} onChange={set} />
    );
  });
}

function cellOf(field: CatalogueField, item: CatalogueItem, yesNo: (value: boolean) => string): ReactNode {
  const value = item[field.name];
  if (field.kind === 'check') return yesNo(value === true);
  if (field.kind === 'select') return field.options?.find((option) => option.value === value)?.label ?? String(value);
  return String(value);
}

/**
 * The page of one catalogue: its values in a table (code, fields, active), each changed in place,
 * deactivated or reactivated (never deleted), and moved up or down when the catalogue is sorted;
 * a form adds a value.
 */
export function CatalogueEditor({ config }: { config: CatalogueConfig }) {
  const { t } = useI18n();
  const { path, fields, sorted } = config;
  const items = useApiGet<CatalogueItem[]>(path);
  // Table actions show their problem above the table; the add and edit forms, in the form.
  const rowChange = useChange({ reload: items.reload });
  const change = useChange({ reload: items.reload });
  const [adding, setAdding] = useState<Values>(() => blankValues(fields));
  const [code, setCode] = useState('');
  const [editing, setEditing] = useState<{ item: CatalogueItem; values: Values } | null>(null);
  usePageTitle(config.title);

  const rows = items.data ?? [];
  const nameOf = (item: CatalogueItem) => String(item[config.nameField]);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const editButton = (item: CatalogueItem) => () =>
    document.querySelector<HTMLElement>(`button[aria-label="${t('common.edit')}: ${nameOf(item)}"]`);

  const add = async () => {
    const sent = await change.send('POST', path, { code, ...adding }, { success: t('common.saved') });
    if (sent.ok) {
      setCode('');
      setAdding(blankValues(fields));
    }
  };
  const save = async () => {
    if (!editing) return;
    const sent = await change.send('PATCH', `${path}/${editing.item.id}`, editing.values, {
      success: t('common.saved'),
      focus: editButton(editing.item),
    });
    if (sent.ok) setEditing(null);
  };
  /** Moves a value one place up or down: one request, the server shifts the others. */
  const move = (index: number, by: -1 | 1) => {
    const item = rows[index] as CatalogueItem;
    return rowChange.send('PATCH', `${path}/${item.id}`, { position: index + 1 + by }, { success: t('common.saved') });
  };

  return (
    <>
      <h1 className="h2">{config.title}</h1>
      <p>{config.intro}</p>
      <LoadedTable
        loaded={items}
        problem={rowChange.problem}
        caption={config.title}
        className="table"
        rowName={nameOf}
        columns={[
          { header: config.codeLabel, rowHeader: true, cell: (item) => <code>{item.code}</code> },
          ...fields.map((field) => ({ header: field.label, cell: (item: CatalogueItem) => cellOf(field, item, yesNo) })),
          { header: config.activeLabel, cell: (item) => yesNo(item.active) },
        ]}
        actions={(item) => {
          const index = rows.indexOf(item);
          return [
            { label: t('common.edit'), onClick: () => setEditing({ item, values: valuesOf(item, fields) }) },
            {
              label: item.active ? t('topics.deactivate') : t('topics.activate'),
              onClick: () => rowChange.send('PATCH', `${path}/${item.id}`, { active: !item.active }, { success: t('common.saved') }),
            },
            ...(sorted && index > 0 ? [{ label: t('catalogues.moveUp'), onClick: () => move(index, -1) }] : []),
            ...(sorted && index < rows.length - 1 ? [{ label: t('catalogues.moveDown'), onClick: () => move(index, 1) }] : []),
          ];
        }}
      />
      {editing ? (
        <RecordForm
          key={editing.item.id}
          change={change}
          title={`${t('common.edit')}: ${nameOf(editing.item)}`}
          autoFocus
          onSubmit={save}
          onCancel={() => {
            change.reset();
            const focus = editButton(editing.item);
            setEditing(null);
            setTimeout(() => focus()?.focus());
          }}
        >
          <p>
            {config.codeLabel}: <code>{editing.item.code}</code>
          </p>
          <FieldInputs
            fields={fields}
            values={editing.values}
            errors={change.fieldErrors}
            onChange={(values) => setEditing({ ...editing, values })}
          />
        </RecordForm>
      ) : (
        <RecordForm change={change} addLabel={config.addLabel} titleAs="h2" className="mt-4" onSubmit={add}>
          <TextField
            label={config.codeLabel}
            hint={config.codeHint}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={change.fieldErrors.code}
          />
          <FieldInputs fields={fields} values={adding} errors={change.fieldErrors} onChange={setAdding} />
        </RecordForm>
      )}
    </>
  );
}
