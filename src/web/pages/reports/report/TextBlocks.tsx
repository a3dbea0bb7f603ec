/** The texts of the preview edited in place by the coordinator on the draft: a narrative or a block of her own, and a block added to a section. */
import type { FreeBlock, ReportSection, ReportText } from '../../../../contracts/reports.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { EditableSection, RecordForm, useChange, useConfirm, useFields } from '../../../kit/index.js';
import { MarkdownEditor } from '../MarkdownEditor.js';
import { Markdown } from '../markdown.js';
import type { ReportContext } from './data.js';

/** The anchor of a section in the page (the contents link to it). */
export const sectionAnchor = (id: string) => `report-section-${id}`;
export const blockAnchor = (id: string) => `report-block-${id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
export const sectionHeadingId = (id: string) => `${sectionAnchor(id)}-title`;

/** A change of the report's texts: the report and its figures are read again after it. */
function useReportPatch(context: ReportContext | null) {
  const change = useChange({ reload: context?.reload });
  const patch = async (body: { narratives?: Record<string, string>; freeBlocks?: FreeBlock[] }, message: string, focus?: string) => {
    if (!context) return false;
    const { report, saved } = context;
    const sent = await change.send('PATCH', `/reports/${report.id}`, { version: report.version, ...body }, { focus });
    if (sent.ok) saved(message);
    return sent.ok;
  };
  return { change, patch };
}

function TextForm({ block, title, context, onDone }: { block: ReportText; title: string; context: ReportContext; onDone(): void }) {
  const { t } = useI18n();
  const { change, patch } = useReportPatch(context);
  const form = useFields({ text: block.markdown });
  const { text } = form.values;
  const save = async () => {
    const done = block.free
      ? await patch(
          { freeBlocks: context.report.freeBlocks.map((b) => (b.id === block.id ? { ...b, markdown: text } : b)) },
          t('reports.text.saved'),
        )
      : // The draft itself is saved as "" so that the text keeps following the figures.
        await patch({ narratives: { [block.id]: text.trim() === block.draft.trim() ? '' : text } }, t('reports.text.saved'));
    if (done) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      label={t('reports.text.editOf', { title })}
      submitLabel={t('reports.text.save')}
      small
      className="mb-3"
      onCancel={onDone}
      autoFocus
    >
      <MarkdownEditor
        label={t('reports.text.label')}
        hint={block.free ? undefined : t('reports.text.restoreHint')}
        rows={Math.min(20, Math.max(5, text.split('\n').length + 2))}
        {...form.field('text')}
      />
      {block.free ? null : (
        <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => form.set({ text: block.draft })}>
          {t('reports.text.restore')}
        </button>
      )}
    </RecordForm>
  );
}

export function TextBlock({
  block,
  section,
  context,
}: {
  block: ReportText;
  section: ReportSection;
  /** Only for the coordinator on the draft. */
  context: ReportContext | null;
}) {
  const { t } = useI18n();
  const confirm = useConfirm();
  // An untitled text is named by its section, so that each "Modifica" says what it edits.
  const title = block.title ?? section.title;
  const removal = useReportPatch(context);
  const remove = async () => {
    if (!context || !(await confirm(t('reports.text.removeConfirm', { title }), { confirmLabel: t('reports.text.remove'), danger: true })))
      return;
    await removal.patch(
      { freeBlocks: context.report.freeBlocks.filter((b) => b.id !== block.id) },
      t('reports.text.removed'),
      sectionHeadingId(section.id),
    );
  };
  return (
    <div className="mb-4 report-text" id={blockAnchor(block.id)} data-testid={`block-${block.id}`}>
      {removal.change.problem}
      <EditableSection
        heading={
          block.title ? (
            <h3 id={`${blockAnchor(block.id)}-title`} className="h5">
              {block.title}
            </h3>
          ) : (
            <span />
          )
        }
        editLabel={t('reports.text.edit')}
        editName={t('reports.text.editOf', { title })}
        canEdit={Boolean(context)}
        actions={
          block.free ? (
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              aria-label={t('reports.text.removeOf', { title })}
              onClick={remove}
            >
              {t('reports.text.remove')}
            </button>
          ) : null
        }
        form={(close) => (context ? <TextForm block={block} title={title} context={context} onDone={close} /> : null)}
      >
        <div className="report-markdown">
          {block.markdown.trim() ? <Markdown source={block.markdown} /> : <p className="text-muted">{t('reports.text.empty')}</p>}
          {block.edited && !block.free && context ? <p className="small text-muted">{t('reports.text.edited')}</p> : null}
        </div>
      </EditableSection>
    </div>
  );
}

function AddFreeBlockForm({ section, context, onDone }: { section: ReportSection; context: ReportContext; onDone(): void }) {
  const { t } = useI18n();
  const { change, patch } = useReportPatch(context);
  const form = useFields({ title: '', markdown: '' });
  const bound = boundTo(form, change);
  const add = async () => {
    const title = form.values.title.trim();
    if (!title) return change.invalid({ title: t('reports.free.titleRequired') });
    const id = `free-${Date.now().toString(36)}-${Math.floor(Math.random() * 1296).toString(36)}`;
    const freeBlocks = [...context.report.freeBlocks, { id, sectionId: section.id, title, markdown: form.values.markdown }];
    if (await patch({ freeBlocks }, t('reports.free.added'))) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={add}
      label={t('reports.free.addTo', { section: section.title })}
      submitLabel={t('reports.free.save')}
      small
      onCancel={onDone}
      autoFocus
    >
      <TextField label={t('reports.free.title')} hint={t('reports.free.titleHint')} required maxLength={200} {...bound('title')} />
      <MarkdownEditor label={t('reports.text.label')} rows={6} maxLength={20_000} {...form.field('markdown')} />
    </RecordForm>
  );
}

/** "Aggiungi un blocco di testo": a title and a text, added at the end of the section. */
export function AddFreeBlock({ section, context }: { section: ReportSection; context: ReportContext }) {
  const { t } = useI18n();
  return (
    <EditableSection
      editLabel={t('reports.free.add')}
      editName={t('reports.free.addTo', { section: section.title })}
      form={(close) => <AddFreeBlockForm section={section} context={context} onDone={close} />}
    />
  );
}
