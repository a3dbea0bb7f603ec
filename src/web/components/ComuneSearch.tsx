import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import { useSearchWith } from '../kit/useSearch.js';
import { Combobox } from './Combobox.js';

export interface ComuneMatch {
  istat: string;
  name: string;
  province: string;
  matchedFrazione: string | null;
}

/** Find a comune by its name or one of its frazioni ("Moie" → Maiolati Spontini). */
export function ComuneSearch({
  id,
  label,
  hint,
  initialText,
  onSelect,
  searchPath = '/reference/comuni',
}: {
  id: string;
  label: string;
  /** Said under the field, and read with it. */
  hint?: string;
  initialText: string;
  onSelect(comune: ComuneMatch): void;
  /** Where the comuni are searched: first-run setup, before anyone logs in, has its own. */
  searchPath?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initialText);
  useEffect(() => setText(initialText), [initialText]);
  // From two letters on; the comuni come as a list (at most `limit`), not a page.
  const options = useSearchWith(text, (q) => api<ComuneMatch[]>('GET', searchPath, undefined, { q, limit: 8 }), {
    minLength: 2,
  });
  return (
    <Combobox
      id={id}
      label={label}
      hint={hint}
      value={text}
      onValueChange={setText}
      options={options}
      optionKey={(c) => `${c.istat}-${c.matchedFrazione ?? ''}`}
      emptyText={t('frontDesk.noResults')}
      onSelect={(c) => {
        setText(`${c.name} (${c.province})`);
        onSelect(c);
      }}
      renderOption={(c) => (
        <>
          <strong>
            {c.name} ({c.province})
          </strong>
          {c.matchedFrazione ? <small>{t('person.comuneFromFrazione', { frazione: c.matchedFrazione })}</small> : null}
        </>
      )}
    />
  );
}
