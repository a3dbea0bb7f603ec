import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';

/**
 * An editable combobox with a list of suggestions (WAI-ARIA 1.2 pattern): type, move with
 * ↑ ↓, choose with Enter, close with Escape. The caller fetches the options.
 */
export function Combobox<T>({
  id,
  label,
  hint,
  value,
  onValueChange,
  options,
  optionKey,
  renderOption,
  onSelect,
  emptyText,
  inputRef,
  autoFocus,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValueChange(value: string): void;
  options: T[] | null;
  optionKey(option: T): string | number;
  renderOption(option: T): ReactNode;
  onSelect(option: T): void;
  emptyText: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Closing on blur waits a moment; coming back (or typing) before it cancels the close, or a
  // quick return would find the list shut while typing in the field.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stayOpen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };
  useEffect(() => () => clearTimeout(closing.current), []);
  // A new list of options starts again from the first one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options is the trigger, not a value read
  useEffect(() => {
    setActive(0);
  }, [options]);
  const showList = open && value.trim().length > 0 && options !== null;

  const choose = (option: T | undefined) => {
    if (!option) return;
    setOpen(false);
    onSelect(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options?.length ?? 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (count ? (a + 1) % count : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (count ? (a - 1 + count) % count : 0));
    } else if (event.key === 'Enter') {
      if (showList && count > 0) {
        event.preventDefault();
        choose(options?.[active]);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="mb-3 combobox">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        className="form-control"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && options?.length ? `${listId}-${active}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        // biome-ignore lint/a11y/noAutofocus: the front desk starts from the search field
        autoFocus={autoFocus}
        onChange={(e) => {
          onValueChange(e.target.value);
          stayOpen();
        }}
        onFocus={stayOpen}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {hint ? (
        <small id={`${id}-hint`} className="form-text kbd-hint">
          {hint}
        </small>
      ) : null}
      {/* "Nobody found" is said in the flow of the page, not over it: the buttons below stay clickable. */}
      <div className="form-text" role="status">
        {showList && options?.length === 0 ? emptyText : null}
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!showList || options?.length === 0}>
        {showList
          ? options?.map((option, index) => (
              <li
                key={optionKey(option)}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="combobox-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(option);
                }}
              >
                {renderOption(option)}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}

/** The value after the user stopped typing for `ms`. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
