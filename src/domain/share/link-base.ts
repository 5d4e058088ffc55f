/**
 * The address a share link is built on. A link carries its callbacks after `#`, on the address of the page that
 * made it; from the single-file build opened from disk that address is `file:///…` on the sender's computer, which
 * opens nowhere else. There the person may give the address of a hosted copy of the viewer (kept on the device),
 * and links are built on it instead.
 */
export interface LinkBase {
  /** The address before `#`. */
  readonly base: string;
  /** The page is a file on disk and no hosted copy is set: the link opens only where the same file is. */
  readonly isLocalFile: boolean;
}

/** An http(s) address with a host: what a hosted copy's address must be (it ends up in a link others open). */
export function isHostedAddress(address: string): boolean {
  try {
    const url = new URL(address.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The page's address without its fragment: `origin + pathname + search`, which also works for `file://`. */
export function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

export function linkBase(pageHref: string, hostedAddress: string): LinkBase {
  const page = withoutFragment(pageHref);
  if (!page.startsWith('file:')) return { base: page, isLocalFile: false };
  if (isHostedAddress(hostedAddress))
    return { base: withoutFragment(hostedAddress.trim()), isLocalFile: false };
  return { base: page, isLocalFile: true };
}
