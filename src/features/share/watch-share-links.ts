/** Fragments of the page's own links (the skip link), which exist before the page has rendered them. */
const PAGE_ANCHORS: ReadonlySet<string> = new Set(['#main']);

/**
 * Opens share links: at startup and whenever the fragment changes (a link pasted into the same tab). The decoding
 * and loading code loads on demand, only when there is a fragment. A fragment that names an element of the page
 * (the skip link's `#main`) is ordinary navigation, not a link.
 */
export function watchShareLinks(): void {
  const check = () => {
    const hash = window.location.hash;
    if (hash.length <= 1 || PAGE_ANCHORS.has(hash) || document.getElementById(hash.slice(1)) !== null) return;
    void import('./open-share-link').then((m) => m.openShareLink(hash));
  };
  window.addEventListener('hashchange', check);
  check();
}
