import { requestDetailFocus } from '../../../components/ui/detail-focus';
import { LoadTextButton } from '../../../components/ui/load-text-button';
import { decodeInput } from '../../../domain/parse/encoded-input';
import { wrappedCallbackText } from '../../../domain/parse/wrapped-callback';
import { useT } from '../../../i18n/use-i18n';
import { useAppStore } from '../../../store/app-store';
import { originName } from '../../../store/entry-name';
import { selectSelectedEntry, selectSourceOf } from '../../../store/selectors';
import { canUnwrap, loadUnwrapped } from '../../../store/unwrap-source';

/** What Diagnostics offers to load from a payload it could not read as a callback: what the payload holds. */

/** Loads the callback a log's record holds (`wrapped-callback`) as a callback of its own, named by its path. */
export function LoadWrapped({ text, path }: { readonly text: string; readonly path: string }) {
  const t = useT();
  const inner = wrappedCallbackText(text, path);
  if (inner === undefined) return null;
  return (
    <LoadTextButton
      name={t('diagnostics.wrapped.name', { path })}
      text={inner}
      testId="load-wrapped"
      className="ui-button pn-diag-go"
    >
      {t('diagnostics.wrapped.load')}
    </LoadTextButton>
  );
}

/** Loads the payload an encoded text holds (`encoded-input`), decoded, as a callback of its own. */
export function LoadDecoded({ text }: { readonly text: string }) {
  const t = useT();
  const decoded = decodeInput(text);
  if (decoded === undefined) return null;
  return (
    <LoadTextButton
      name={t('diagnostics.decoded.name', { encoding: decoded.encoding === 'url' ? 'URL' : 'base64' })}
      text={decoded.text}
      testId="load-decoded"
      className="ui-button pn-diag-go"
    >
      {t('diagnostics.decoded.load')}
    </LoadTextButton>
  );
}

/**
 * Makes the whole text the selected callback was read from back into what its log records carry, and loads that:
 * a day's Docker log in one click. Offered for a text the page may read whole.
 */
export function UnwrapAll() {
  const t = useT();
  const entry = useAppStore(selectSelectedEntry);
  const source = useAppStore((s) => (entry ? selectSourceOf(s, entry.sourceId) : undefined));
  if (!entry || !source || !canUnwrap(source)) return null;
  const name = t('diagnostics.wrapped.allName', { name: originName(entry.name, t, (id) => id) });
  return (
    <button
      type="button"
      className="ui-button pn-diag-go"
      data-testid="unwrap-all"
      onClick={() => void loadUnwrapped(source, name).then(requestDetailFocus)}
    >
      {t('diagnostics.wrapped.all')}
    </button>
  );
}
