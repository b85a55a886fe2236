/**
 * Anchors that work: options.html#audit (a deep link, or the menu) scrolls to the section and
 * moves the keyboard focus there, so the next Tab continues inside it and a screen reader reads
 * it. Sections appear once the settings are loaded, so a deep link is followed when `ready`.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

/** Scrolls to and focuses the element with `id`; returns whether it exists. */
function goTo(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}

const hashId = () => decodeURIComponent(location.hash.slice(1));

export function useSectionLinks(ready: boolean): { current: string; follow(id: string): void } {
  const [current, setCurrent] = useState(hashId);
  useEffect(() => {
    const onHash = () => {
      setCurrent(hashId());
      goTo(hashId());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (ready && hashId()) goTo(hashId());
  }, [ready]);
  // A click on the section already in the address still goes there (no hashchange then).
  const follow = useCallback((id: string) => {
    if (hashId() === id) goTo(id);
  }, []);
  return { current, follow };
}
