import { useCallback, useEffect, useRef, useState } from 'react';
import type { Import } from '../../../../contracts/imports.js';
import type { Page } from '../../../api/client.js';
import { useApiGet } from '../../../api/hooks.js';
import { useI18n } from '../../../i18n/index.js';
import { focusLater } from '../../../kit/index.js';
import { usePageTitle } from '../../../page-title.js';
import { useCentreChoice } from '../../calendar/shared.js';
import { isRunning } from './fields.js';
import { ImportList } from './ImportList.js';
import { ImportView } from './ImportView.js';
import { UploadForm } from './UploadForm.js';

/**
 * Amministrazione › Importa: a centre's existing registers (people, visits, cases, permits,
 * enrolments) from XLSX or CSV. Upload, a dry run to check and correct, the import with its
 * progress, and the list of past imports (undo, delete). An import still running when the page
 * is opened again is shown at once.
 */
export default function ImportsPage() {
  const { t } = useI18n();
  usePageTitle(t('imports.title'));
  const { centreId, select } = useCentreChoice();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useApiGet<Page<Import>>(centreId ? '/imports' : null, { centreId: centreId ?? undefined, page, pageSize: 20 });
  const reloadList = list.reload;

  // An import just uploaded: its analysis is announced when done, however quickly.
  const [justUploaded, setJustUploaded] = useState(false);
  const open = useCallback((id: number, uploaded = false) => {
    setOpenId(id);
    setJustUploaded(uploaded);
    focusLater('import-title');
  }, []);

  // Coming back to the page while a job runs: show it.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !list.data) return;
    resumed.current = true;
    const running = list.data.items.find((imp) => isRunning(imp.status));
    // Shown without moving the focus: the person has just arrived on the page.
    if (running) setOpenId(running.id);
  }, [list.data]);

  return (
    <>
      <h1 className="h2">{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      {select}
      <UploadForm
        key={`centre-${centreId ?? 0}`}
        centreId={centreId}
        onUploaded={(created) => {
          reloadList();
          open(created.id, true);
        }}
      />
      {openId ? <ImportView key={`import-${openId}`} id={openId} onChanged={reloadList} justUploaded={justUploaded} /> : null}
      <ImportList
        loaded={list}
        reload={reloadList}
        onPage={setPage}
        onOpen={(id) => open(id)}
        onDeleted={(id) => setOpenId((current) => (current === id ? null : current))}
      />
    </>
  );
}
