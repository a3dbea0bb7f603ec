import { useEffect } from 'react';

/**
 * The app's one polite live region: what a change did, read out by screen readers without
 * moving the focus. It is created in <body> the first time a component asks for it (so it is
 * in the page before its first message, as live regions must be) and kept for the whole visit.
 */
let region: HTMLElement | null = null;
let pending: ReturnType<typeof setTimeout> | undefined;

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.className = 'visually-hidden';
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset.testid = 'announcer';
  document.body.appendChild(region);
  return region;
}

/** Says `message` to screen readers; the same message twice is said twice. */
export function announce(message: string): void {
  const target = liveRegion();
  target.textContent = '';
  clearTimeout(pending);
  pending = setTimeout(() => {
    target.textContent = message;
  }, 100);
}

/** Makes sure the live region exists while the component is shown; returns `announce`. */
export function useAnnouncer(): (message: string) => void {
  useEffect(() => {
    liveRegion();
  }, []);
  return announce;
}

/** Moves the focus, after React has drawn the change, to an element (or the element with this id). */
export function focusLater(target: string | (() => HTMLElement | null | undefined)): void {
  setTimeout(() => {
    const element = typeof target === 'string' ? document.getElementById(target) : target();
    element?.focus();
  }, 0);
}
