/**
 * The link checks itself: before a redacted link is shown, the app decodes the link and searches what it carries
 * for every masked value in every form (raw, CRLF, percent-encoding either case and `+`, XML entities and numeric
 * references, split CDATA, JSON escapes), outside markup. Written apart from the redactor (its own decoding of the
 * whole text, not of the lexer's regions), so a gap in one is not hidden by the same gap in the other.
 */
import { formsOf } from './redact-forms';
import type { Secret } from './redact';
import { SHORT_VALUE } from './redact';
import { decodeShareFragment } from './share-link';

export interface Leak {
  readonly secret: Secret;
  /** The shared document's index and name. */
  readonly documentIndex: number;
  readonly documentName: string;
  /** A short excerpt of the text around the leak, with the value itself. */
  readonly excerpt: string;
}

export type CheckResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly leaks: readonly Leak[] }
  | { readonly ok: false; readonly error: string };

/**
 * The text with markup taken out: XML tags and declarations become a separator (CDATA markers vanish, joining a
 * split value), JSON keys become a separator, so a value equal to a tag or key name is not a leak.
 */
function withoutMarkup(text: string): string {
  return text
    .replace(/<!\[CDATA\[|\]\]>/g, '')
    .replace(/<\/?[A-Za-z_:][^<>]*>|<\?[^<>]*\?>|<!DOCTYPE[^<>]*>/g, '\uE000')
    .replace(/"(?:[^"\\]|\\.)*"\s*:/g, '\uE000');
}

/** Whole values (for short secrets): the pieces between separators, quotes and line ends. */
function wholeValues(text: string): Set<string> {
  const pieces = text.split(/[\uE000"\n,{}[\]]/).map((v) => v.trim());
  // And whole parameters: `=abc&`, `: abc`.
  for (const m of text.matchAll(/[=:]\s?([^=:&;#\s"',\uE000]{1,3})(?=[&;#\s"',\uE000]|$)/g))
    pieces.push(m[1] as string);
  return new Set(pieces.filter((v) => v !== ''));
}

/** Where a masked value survives in these texts, in any form. */
export function findLeaks(
  texts: readonly { readonly name: string; readonly text: string }[],
  secrets: readonly Secret[],
): Leak[] {
  const leaks: Leak[] = [];
  texts.forEach(({ name, text }, documentIndex) => {
    // The document's name travels in the link too.
    const forms = formsOf(`${name}\n${withoutMarkup(text)}`).map((f) => f.text);
    const wholes = forms.map(wholeValues);
    for (const secret of secrets) {
      const short = secret.value.length < SHORT_VALUE;
      for (const [k, form] of forms.entries()) {
        const at = short
          ? wholes[k]?.has(secret.value)
            ? form.indexOf(secret.value)
            : -1
          : form.indexOf(secret.value);
        if (at === -1) continue;
        const excerpt = form
          .slice(Math.max(0, at - 30), at + secret.value.length + 30)
          .replace(/\uE000/g, ' ');
        leaks.push({ secret, documentIndex, documentName: name, excerpt });
        break;
      }
    }
  });
  return leaks;
}

/** Decodes a share fragment as a recipient would and searches it (see `findLeaks`). */
export async function checkShareFragment(fragment: string, secrets: readonly Secret[]): Promise<CheckResult> {
  const decoded = await decodeShareFragment(fragment, Number.POSITIVE_INFINITY);
  if (!decoded.ok) return { ok: false, error: decoded.detail };
  const leaks = findLeaks(decoded.texts, secrets);
  return leaks.length === 0 ? { ok: true } : { ok: false, leaks };
}
