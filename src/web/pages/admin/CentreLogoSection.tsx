/**
 * Logo sul frontespizio del report: the centre's logo or the Comune's stemma (PUT/DELETE
 * /centres/:id/logo), for an administrator or the centre's coordinator. Shown with its
 * alternative text and its facts; a PNG or JPEG file replaces it (the server reads what it is
 * from its bytes: an SVG is refused); removing it asks first.
 */
import { type CentreLogo, type CentreSettings, LOGO_MAX_BYTES } from '../../../contracts/centres.js';
import { upload } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { FileField, RecordForm, TitledSection, useChange, useConfirm, useFileChoice } from '../../kit/index.js';
import { sizeText } from './imports/fields.js';

export function CentreLogoSection({ settings, reload }: { settings: CentreSettings; reload(): void }) {
  const { t, locale } = useI18n();
  const change = useChange({ reload });
  const confirm = useConfirm();
  const choice = useFileChoice();
  const { file } = choice;
  const { logo } = settings;
  const path = `/centres/${settings.id}/logo`;
  const maxSize = sizeText(LOGO_MAX_BYTES, locale);

  const submit = async () => {
    if (!file) return change.invalid({ file: t('centres.logo.chooseFile') });
    if (file.size > LOGO_MAX_BYTES) return change.invalid({ file: t('centres.logo.tooLarge', { size: maxSize }) });
    const sent = await change.run(() => upload<CentreLogo>(path, file, undefined, 'PUT'), { success: t('centres.logo.uploaded') });
    if (sent.ok) choice.clear();
  };
  const remove = async () => {
    if (!(await confirm(t('centres.logo.removeConfirm'), { confirmLabel: t('centres.logo.remove'), danger: true }))) return;
    await change.send('DELETE', path, undefined, { success: t('centres.logo.removed') });
  };

  return (
    <TitledSection id="centre-logo-title" title={t('centres.logo.title')} className="mt-4">
      <p>{t('centres.logo.intro')}</p>
      {logo ? (
        <figure className="d-flex gap-3 align-items-end flex-wrap" data-testid="centre-logo">
          <img
            src={`/api/v1${path}?v=${encodeURIComponent(logo.uploadedAt)}`}
            alt={t('centres.logo.alt', { centre: settings.name })}
            className="border rounded p-2 bg-white"
            style={{ maxHeight: '8rem', maxWidth: '16rem' }}
          />
          <figcaption className="small">
            {t('centres.logo.facts', {
              type: logo.mediaType === 'image/png' ? 'PNG' : 'JPEG',
              width: logo.width,
              height: logo.height,
              size: sizeText(logo.byteSize, locale),
            })}
            <button type="button" className="btn btn-outline-danger btn-sm ms-3" onClick={remove} disabled={change.busy}>
              {t('centres.logo.remove')}
            </button>
          </figcaption>
        </figure>
      ) : (
        <p className="text-muted">{t('centres.logo.none')}</p>
      )}
      <RecordForm
        change={change}
        onSubmit={submit}
        label={t('centres.logo.title')}
        submitLabel={logo ? t('centres.logo.replace') : t('centres.logo.upload')}
      >
        <FileField
          choice={choice}
          accept="image/png,image/jpeg,.png,.jpg,.jpeg"
          label={t('centres.logo.file')}
          hint={t('centres.logo.fileHint', { size: maxSize })}
          required
          error={change.fieldErrors.file}
        />
      </RecordForm>
    </TitledSection>
  );
}
