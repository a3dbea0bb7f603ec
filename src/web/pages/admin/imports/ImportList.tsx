import type { Import } from '../../../../contracts/imports.js';
import type { Page } from '../../../api/client.js';
import { useI18n } from '../../../i18n/index.js';
import { type LoadedRows, LoadedTable, type RowAction, TitledSection, useChange, useConfirm } from '../../../kit/index.js';
import { isAnalysis, isRunning, kindLabel, statusLabel } from './fields.js';

const when = (instant: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));

/**
 * The centre's imports, newest first: date, file, kind, who, status and counts; "Apri" shows
 * one, "Annulla importazione" undoes an import while nothing is attached to its records, and
 * "Elimina" deletes an analysis never imported (each confirmed in a dialog).
 */
export function ImportList({
  loaded,
  reload,
  onPage,
  onOpen,
  onDeleted,
}: {
  loaded: LoadedRows<Import> & { data?: Page<Import> };
  reload(): void;
  onPage(page: number): void;
  onOpen(id: number): void;
  onDeleted(id: number): void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const change = useChange({ reload });
  const confirm = useConfirm();

  const undo = async (imp: Import) => {
    const confirmed = await confirm(t('imports.undo.confirm', { file: imp.fileName, count: formatNumber(imp.summary?.accepted ?? 0) }), {
      confirmLabel: t('imports.undo.submit'),
      danger: true,
    });
    if (!confirmed) return;
    await change.send(
      'POST',
      `/imports/${imp.id}/undo`,
      { version: imp.version },
      { success: t('imports.undo.done', { file: imp.fileName }) },
    );
  };

  const remove = async (imp: Import) => {
    const confirmed = await confirm(t('imports.delete.confirm', { file: imp.fileName }), {
      confirmLabel: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    const sent = await change.send('DELETE', `/imports/${imp.id}`, undefined, {
      success: t('imports.delete.done', { file: imp.fileName }),
    });
    if (sent.ok) onDeleted(imp.id);
  };

  const status = (imp: Import) => {
    const { done, total } = imp.progress;
    const word = statusLabel(t, imp.status);
    return isRunning(imp.status) && total > 0 ? `${word} (${Math.round((done * 100) / total)}%)` : word;
  };

  return (
    <TitledSection id="imports-list-title" title={t('imports.list.title')} headingClass="h3">
      <LoadedTable<Import>
        loaded={loaded}
        onPage={onPage}
        problem={change.problem}
        caption={t('imports.list.title')}
        empty={t('imports.list.empty')}
        rowName={(imp) => imp.fileName}
        columns={[
          { header: t('imports.list.date'), cell: (imp) => when(imp.createdAt, locale) },
          { header: t('imports.list.file'), cell: (imp) => imp.fileName, rowHeader: true },
          { header: t('imports.list.kind'), cell: (imp) => kindLabel(t, imp.kind) },
          { header: t('imports.list.who'), cell: (imp) => imp.createdBy?.displayName ?? '—' },
          { header: t('imports.list.status'), cell: status },
          {
            header: t('imports.list.counts'),
            cell: (imp) =>
              imp.summary
                ? t('imports.list.countsText', {
                    accepted: formatNumber(imp.summary.accepted),
                    rejected: formatNumber(imp.summary.rejected),
                  })
                : '—',
          },
        ]}
        actions={(imp) => {
          const actions: RowAction[] = [{ label: t('imports.list.open'), onClick: () => onOpen(imp.id) }];
          if (imp.canUndo) actions.push({ label: t('imports.undo.submit'), danger: true, onClick: () => undo(imp) });
          if (isAnalysis(imp.status)) actions.push({ label: t('common.delete'), danger: true, onClick: () => remove(imp) });
          return actions;
        }}
      />
    </TitledSection>
  );
}
