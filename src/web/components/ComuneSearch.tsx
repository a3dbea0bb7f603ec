import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import { Combobox, useDebounced } from './Combobox.js';

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
  initialText,
  onSelect,
}: {
  id: string;
  label: string;
  initialText: string;
  onSelect(comune: ComuneMatch): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initialText);
  const [options, setOptions] = useState<ComuneMatch[] | null>(null);
  const q = useDebounced(text.trim(), 150);
  useEffect(() => setText(initialText), [initialText]);
  useEffect(() => {
    if (q.length < 2) {
      setOptions(null);
      return;
    }
    let live = true;
    api<ComuneMatch[]>('GET', '/reference/comuni', undefined, { q, limit: 8 })
      .then((found) => live && setOptions(found))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <Combobox
      id={id}
      label={label}
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
