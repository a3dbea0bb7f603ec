import { type ComponentProps, useState } from 'react';
import { TextField } from '../components/fields.js';

/**
 * A file a form sends (an upload): `file`, null until one is chosen, and `clear()`, which
 * forgets it and empties its field (after the upload), for FileField.
 */
export function useFileChoice() {
  const [file, setFile] = useState<File | null>(null);
  // A new key makes a new, empty file input.
  const [key, setKey] = useState(0);
  return {
    file,
    key,
    choose: setFile,
    clear: () => {
      setFile(null);
      setKey((k) => k + 1);
    },
  };
}

export type FileChoice = ReturnType<typeof useFileChoice>;

/** The field choosing the file of `choice` (of the types `accept`), with its label, hint and error. */
export function FileField({
  choice,
  ...field
}: { choice: FileChoice } & Omit<ComponentProps<typeof TextField>, 'type' | 'value' | 'onChange'>) {
  return <TextField key={choice.key} type="file" {...field} onChange={(event) => choice.choose(event.target.files?.[0] ?? null)} />;
}
