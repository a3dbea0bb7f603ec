import { IMPORT_MAX_BYTES, type Import, type ImportKind } from '../../../../contracts/imports.js';
import { upload } from '../../../api/client.js';
import { SelectField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { FileField, Options, RecordForm, useChange, useFields, useFileChoice } from '../../../kit/index.js';
import { IMPORT_KINDS, kindLabel, sizeText } from './fields.js';

/**
 * The register to import: its kind and its file (XLSX or CSV, up to IMPORT_MAX_BYTES), sent
 * as the raw body. The server reads it and starts the dry run; `onUploaded` opens it.
 */
export function UploadForm({ centreId, onUploaded }: { centreId: number | null; onUploaded(created: Import): void }) {
  const { t, locale } = useI18n();
  const change = useChange();
  const form = useFields({ kind: '' as ImportKind | '' });
  const bound = boundTo(form, change);
  const choice = useFileChoice();
  const { kind } = form.values;
  const { file } = choice;
  const maxSize = sizeText(IMPORT_MAX_BYTES, locale);
  const kinds = Object.fromEntries(IMPORT_KINDS.map((k) => [k, kindLabel(t, k)])) as Record<ImportKind, string>;

  const submit = async () => {
    const invalid: Record<string, string> = {};
    if (!kind) invalid.kind = t('imports.upload.chooseKind');
    if (!file) invalid.file = t('imports.upload.chooseFile');
    else if (file.size === 0) invalid.file = t('error.import.empty');
    else if (file.size > IMPORT_MAX_BYTES) invalid.file = t('imports.upload.tooLarge', { size: maxSize });
    else if (!/\.(xlsx|csv)$/i.test(file.name)) invalid.file = t('imports.upload.wrongType');
    if (!kind || !file || Object.keys(invalid).length > 0) {
      change.invalid(invalid);
      return;
    }
    const sent = await change.run(
      () => upload<Import>('/imports', file, { kind, centreId: centreId ?? undefined, fileName: file.name.slice(-200) }),
      { success: t('imports.upload.done', { file: file.name }) },
    );
    if (sent.ok) {
      choice.clear();
      onUploaded(sent.data);
    }
  };

  const errors = change.fieldErrors;
  return (
    <RecordForm change={change} onSubmit={submit} title={t('imports.upload.title')} titleAs="h2" submitLabel={t('imports.upload.submit')}>
      <div className="row">
        <SelectField column="col-md-5 col-lg-4" label={t('imports.upload.kind')} required {...bound('kind')}>
          <option value="">{t('common.choose')}</option>
          <Options values={IMPORT_KINDS} labels={kinds} />
        </SelectField>
        <FileField
          choice={choice}
          column="col-md-7 col-lg-8"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          label={t('imports.upload.file')}
          hint={t('imports.upload.fileHint', { size: maxSize })}
          required
          error={errors.file ?? errors.fileName}
        />
      </div>
    </RecordForm>
  );
}
