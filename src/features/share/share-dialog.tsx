import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  NO_REDACTION,
  redactText,
  redactTexts,
  type KindCounts,
  type RedactionOptions,
  type Secret,
} from '../../domain/share/redact';
import { checkShareFragment, type Leak } from '../../domain/share/redact-check';
import { linkBase } from '../../domain/share/link-base';
import { encodeShareFragment, type SharedText } from '../../domain/share/share-link';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { HostedAddressField } from './hosted-address-field';
import { RedactionFieldset } from './redaction-fieldset';
import { ShareLinkField } from './share-link-field';
import { hasUnreadFileTexts, readFileTexts, textsToShare, type ShareScope } from '../../store/loaded-texts';
import './share.css';

export interface ShareDialogProps {
  readonly sampleLabel: (sampleId: string) => string;
  readonly onClose: () => void;
}

/** The preview shows this much at most: a 28 MB log would make the dialog crawl. */
const PREVIEW_CHARS = 200_000;

type LinkResult = {
  readonly input: readonly SharedText[];
  readonly link?: string;
  /** Values the self-check found in the link: then there is no link. */
  readonly leaks?: readonly Leak[];
};

export interface DocumentMasking {
  readonly name: string;
  readonly counts: KindCounts;
  readonly isUnreadable: boolean;
}

/**
 * Share: what to share, what to mask, a preview of exactly what the link carries, and the link. A native modal
 * `<dialog>`: focus moves in and stays in, Escape closes it, and focus goes back to the Share button.
 */
export function ShareDialog({ sampleLabel, onClose }: ShareDialogProps) {
  const t = useT();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const draft = useAppStore((s) => s.draft);
  const sources = useAppStore((s) => s.sources);
  const selectedKey = useAppStore((s) => s.selectedKey);
  const [chosenScope, setScope] = useState<ShareScope>('selected');
  const [options, setOptions] = useState<RedactionOptions>(NO_REDACTION);
  const [result, setResult] = useState<LinkResult | undefined>(undefined);
  const scope: ShareScope = selectedKey === undefined ? 'all' : chosenScope;
  const hostedAddress = useAppStore((s) => s.hostedAddress);
  const isFilePage = window.location.protocol === 'file:';
  const { base, isLocalFile } = linkBase(window.location.href, hostedAddress);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) {
      d.showModal();
      // The dialog is for the link: the focus starts there (its text is selected on focus), not on "Close".
      d.querySelector<HTMLElement>('[data-testid="share-link"]')?.focus();
    }
  }, []);

  // "All" reads the texts of large files kept in their files first (the link carries them whole).
  const [filesRead, setFilesRead] = useState(0);
  const isReadingFiles = scope === 'all' && hasUnreadFileTexts(sources);
  useEffect(() => {
    if (!isReadingFiles) return;
    let isCurrent = true;
    const done = () => isCurrent && setFilesRead((n) => n + 1);
    readFileTexts(sources).then(done, done);
    return () => {
      isCurrent = false;
    };
  }, [isReadingFiles, sources]);
  const texts = useMemo(
    () => (isReadingFiles ? [] : textsToShare({ draft, sources, selectedKey }, scope, t, sampleLabel)),
    // `filesRead`: the texts read from files are in `textsToShare`'s reach now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft, sources, selectedKey, scope, t, sampleLabel, isReadingFiles, filesRead],
  );
  const allCount = useMemo(
    () => sources.reduce((n, s) => n + s.documents.length, 0) + draft.documents.length,
    [sources, draft.documents],
  );
  // Always redacted: credentials (Authorization, Cookie, tokens, signed URLs) are masked whatever is ticked.
  const { shared, secrets, masked, perDocument } = useMemo(() => {
    const redacted = redactTexts(
      texts.map((x) => x.text),
      options,
    );
    return {
      shared: texts.map((x, i) => ({
        name: redactText(x.name, redacted.secrets),
        text: redacted.texts[i] ?? '',
      })),
      secrets: redacted.secrets,
      masked: redacted.masked,
      perDocument: texts.map((x, i): DocumentMasking => ({
        name: x.name,
        counts: redacted.counts[i] as KindCounts,
        isUnreadable: redacted.unreadable[i] ?? false,
      })),
    };
  }, [texts, options]);

  useEffect(() => {
    let isCurrent = true;
    const make = async (): Promise<LinkResult> => {
      const fragment = await encodeShareFragment(shared);
      // The link checks itself: decoded as a recipient would, it must hold no masked value in any form.
      if (secrets.length > 0) {
        const check = await checkShareFragment(fragment, secrets as readonly Secret[]);
        if (!check.ok) return { input: shared, leaks: 'leaks' in check ? check.leaks : [] };
      }
      return { input: shared, link: `${base}#${fragment}` };
    };
    make().then(
      (r) => isCurrent && setResult(r),
      () => isCurrent && setResult({ input: shared }),
    );
    return () => {
      isCurrent = false;
    };
  }, [shared, secrets, base]);

  const preview = useMemo(() => {
    const all = shared.map((s) => `── ${s.name} ──\n${s.text}`).join('\n\n');
    return all.length > PREVIEW_CHARS ? `${all.slice(0, PREVIEW_CHARS)}\n…` : all;
  }, [shared]);
  const current = result?.input === shared ? result : undefined;

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={titleId}
      data-testid="share-dialog"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
    >
      <div className="share-body">
        <div className="share-head">
          <h2 id={titleId} className="share-title">
            {t('share.title')}
          </h2>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('share.close')}
          </button>
        </div>
        <fieldset className="share-fieldset">
          <legend>{t('share.scope')}</legend>
          <label className="share-choice">
            <input
              type="radio"
              name={`${titleId}-scope`}
              value="selected"
              checked={scope === 'selected'}
              disabled={selectedKey === undefined}
              onChange={() => setScope('selected')}
            />
            {t('share.scope.selected')}
          </label>
          <label className="share-choice">
            <input
              type="radio"
              name={`${titleId}-scope`}
              value="all"
              checked={scope === 'all'}
              onChange={() => setScope('all')}
            />
            {t('share.scope.all', { count: allCount })}
          </label>
        </fieldset>
        <RedactionFieldset
          options={options}
          masked={masked}
          perDocument={perDocument}
          onChange={setOptions}
        />
        <div className="share-preview-block">
          <h3 className="share-subtitle" id={`${titleId}-preview`}>
            {t('share.preview')}
          </h3>
          <pre
            className="share-preview"
            tabIndex={0}
            aria-labelledby={`${titleId}-preview`}
            data-testid="share-preview"
          >
            {shared.length === 0 ? t('share.nothing') : preview}
          </pre>
        </div>
        {isFilePage ? <HostedAddressField isLocalFile={isLocalFile} /> : null}
        <ShareLinkField
          link={current?.link}
          isMaking={current === undefined}
          refusal={
            current?.leaks
              ? t('share.check.refused', {
                  list: current.leaks
                    .map((l) =>
                      t('share.check.leak', {
                        kind: t(`share.kind.${l.secret.kind}`),
                        document: l.documentName,
                        excerpt: l.excerpt,
                      }),
                    )
                    .join(' '),
                })
              : undefined
          }
        />
      </div>
    </dialog>
  );
}
