import { formatBytes } from '../../domain/derive/format-time';
import { LIMITS } from '../../domain/limits';
import { decodeShareFragment } from '../../domain/share/share-link';
import { useAppStore } from '../../store/app-store';
import { loadTexts } from '../../store/load-texts';
import { nextTask } from '../../worker/next-task';
import { decodeShareInWorker } from '../../worker/parse-client';

/** Takes the fragment out of the address bar (path and query stay), so a reload does not load the link again. */
function removeFragment(href: string): void {
  const hash = href.indexOf('#');
  if (hash === -1) return;
  try {
    history.replaceState(history.state, '', href.slice(0, hash));
  } catch {
    // Some file:// contexts refuse it; the documents are loaded anyway.
  }
}

/**
 * Decodes a share link's fragment and adds exactly its documents (the first is selected), or says clearly why
 * it cannot (another version, damaged or cut short, too large, empty) and loads nothing. Never throws. What
 * happened is shown in the main area (`OpenedLinkBanner`), with the whole link to copy again.
 */
export async function openShareLink(hash: string): Promise<void> {
  const link = window.location.href;
  removeFragment(link);
  const store = useAppStore.getState();
  const decoded = await decodeShareInWorker(hash, LIMITS.shareLink).catch(() =>
    // The worker failed (it could not start): decoded here, as it would be there.
    decodeShareFragment(hash, LIMITS.shareLink),
  );
  if (!decoded.ok) {
    store.setOpenedLink({
      ok: false,
      error: decoded.error,
      limit: formatBytes(LIMITS.shareLink) ?? String(LIMITS.shareLink),
    });
    return;
  }
  // Not in the task that received the decoded texts (thousands of them, in one message): the banner renders in a
  // task of its own, and the texts are added in the next.
  await nextTask();
  store.setOpenedLink({ ok: true, link, count: decoded.texts.length });
  await nextTask();
  await loadTexts(
    decoded.texts.map(({ name, text }) => ({
      origin: { kind: 'shared' as const, name },
      text,
      maxInputLength: LIMITS.shareLink,
    })),
  );
}
