/** Fragments of the page's own links (the skip link), which exist before the page has rendered them. */
const PAGE_ANCHORS: ReadonlySet<string> = new Set(['#main']);

/** Ids of the page's elements are short: a link's megabytes are not looked up among them (a task of its own). */
const MAX_ID_LENGTH = 256;

function namesAnElement(hash: string): boolean {
  return hash.length <= MAX_ID_LENGTH + 1 && document.getElementById(hash.slice(1)) !== null;
}

/**
 * `location.hash`, taken from `location.href`: Chromium makes the hash afresh at each read (140 ms for a link of
 * 2 MB, measured), the whole address it has at hand.
 */
function fragmentOf(href: string): string {
  const at = href.indexOf('#');
  return at === -1 || at === href.length - 1 ? '' : href.slice(at);
}

/**
 * Opens share links: at startup and whenever the fragment changes (a link pasted into the same tab). The decoding
 * and loading code loads on demand, only when there is a fragment. A fragment that names an element of the page
 * (the skip link's `#main`) is ordinary navigation, not a link.
 */
export function watchShareLinks(): void {
  const check = () => {
    const hash = fragmentOf(window.location.href);
    if (hash.length <= 1 || PAGE_ANCHORS.has(hash) || namesAnElement(hash)) return;
    void import('./open-share-link').then((m) => m.openShareLink(hash));
  };
  window.addEventListener('hashchange', check);
  check();
}
