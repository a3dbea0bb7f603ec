/**
 * A narrative text of the report, edited without Markdown to learn: a toolbar (bold, italic,
 * heading, lists) that writes the marks around the selection (markdown-edit.ts), and a live
 * preview drawn by the report's own renderer (markdown.tsx), as the published report shows it.
 */
import { type TextareaHTMLAttributes, useId } from 'react';
import { TextAreaField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { Markdown } from './markdown.js';
import { type Edit, type LineKind, markLines, wrapSelection } from './markdown-edit.js';

type Props = {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>;

export function MarkdownEditor({ label, hint, error, value, onChange, ...textarea }: Props) {
  const { t } = useI18n();
  const id = useId();
  const previewId = `${id}-preview`;

  /** Applies a toolbar button's change to the text, and keeps the focus and the selection in the text. */
  const apply = (edit: (text: string, start: number, end: number) => Edit) => {
    const area = document.getElementById(id) as HTMLTextAreaElement | null;
    const done = edit(value, area?.selectionStart ?? value.length, area?.selectionEnd ?? value.length);
    onChange({ target: { value: done.text } });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(done.start, done.end);
    });
  };
  const wrap = (marker: '**' | '*', placeholder: string) => () => apply((text, s, e) => wrapSelection(text, s, e, marker, placeholder));
  const lines = (kind: LineKind) => () => apply((text, s, e) => markLines(text, s, e, kind));
  const buttons: Array<[string, () => void]> = [
    [t('reports.editor.bold'), wrap('**', t('reports.editor.boldText'))],
    [t('reports.editor.italic'), wrap('*', t('reports.editor.italicText'))],
    [t('reports.editor.heading'), lines('heading')],
    [t('reports.editor.bullets'), lines('bullet')],
    [t('reports.editor.numbered'), lines('numbered')],
  ];

  return (
    <div className="row g-3 mb-3">
      <div className="col-lg-6">
        <div className="btn-toolbar gap-1 mb-2" role="toolbar" aria-label={t('reports.editor.toolbar')} aria-controls={id}>
          {buttons.map(([name, onClick]) => (
            <button key={name} type="button" className="btn btn-outline-secondary btn-sm" onClick={onClick}>
              {name}
            </button>
          ))}
        </div>
        <TextAreaField
          id={id}
          label={label}
          hint={hint ?? t('reports.editor.hint')}
          error={error}
          value={value}
          onChange={onChange}
          {...textarea}
        />
      </div>
      <section className="col-lg-6" aria-labelledby={`${previewId}-title`}>
        <p id={`${previewId}-title`} className="form-label fw-semibold mb-2">
          {t('reports.editor.preview')}
        </p>
        <div className="border rounded p-3 report-markdown" data-testid="markdown-preview">
          {value.trim() ? <Markdown source={value} headingLevel={4} /> : <p className="text-muted mb-0">{t('reports.text.empty')}</p>}
        </div>
      </section>
    </div>
  );
}
