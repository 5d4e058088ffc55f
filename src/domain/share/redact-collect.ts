/**
 * Which values to mask: found by name and shape in the lexer's regions (so wrappers, unknown nodes, moderation
 * `cos_headers` objects, HTTP dump headers and payloads cut short are covered like typed fields), plus credentials,
 * which are always masked.
 */
import type { Region } from './redact-lexer';

export type SecretKind = 'appId' | 'requestId' | 'userData' | 'metaValues' | 'objectKeys' | 'credential';

export interface Found {
  readonly kind: SecretKind;
  readonly value: string;
  /** Where it was found, for the dialog: a header or field name. */
  readonly where: string;
}

const OBJECT_KEY_NAMES = new Set([
  'object',
  'objectname',
  'objectprefix',
  'inputobjectname',
  'spriteobject',
  'auobject',
  'bassobject',
  'drumobject',
  'vocalobject',
  'objectkey',
  'key',
  'sourceobject',
  'targetobject',
]);
const URL_NAMES = /(^|_)(url|uri|location|objecturl|host)$|url$/i;
const BUCKET_NAMES = new Set(['bucket', 'bucketid', 'bucketname']);
const USER_DATA_NAMES = new Set(['userdata', 'user_data']);
const REQUEST_ID_NAMES = new Set(['x-cos-request-id', 'x-ci-request-id', 'requestid', 'request_id']);
const CREDENTIAL_NAME_LIST =
  'authorization|proxy-authorization|cookie|set-cookie|x-cos-security-token|x-amz-security-token|x-ci-security-token|securitytoken|sessiontoken|token|access_token|secretkey|secret_key|tmpsecretkey|secretid|password|passwd|signature|sign|x-api-key|api-key|apikey';
const CREDENTIAL_NAMES = new RegExp(`^(${CREDENTIAL_NAME_LIST})$`, 'i');
/**
 * A credential assigned inside a line of text (a log line: `Authorization: Bearer …`, `token=…`,
 * `headers={Authorization=Bearer …, Cookie=sid=…}`, `"password": "…"`): its name (not part of a longer word), `:`
 * or `=`, then its value up to white space or a delimiter (an authorization scheme and the word after it; a cookie
 * up to `,` or `;`).
 */
const INLINE_CREDENTIAL = new RegExp(
  `(?<![A-Za-z0-9_-])(${CREDENTIAL_NAME_LIST})["']?[ \\t]*[:=][ \\t]*["']?((?:(?:bearer|basic|digest|token|aws4-hmac-sha256)[ \\t]+)?[^\\s,;"'}\\])]+)`,
  'gi',
);
const CREDENTIAL_LIKE = /(token|secret|password|authorization|signature|cookie)/i;
/** Signed-URL query parameters (COS `q-*`, CI `sign`, AWS-style, generic tokens); `q-sign-algorithm` is a constant. */
const CREDENTIAL_PARAMS =
  /[?&;](q-ak|q-signature|q-sign-time|q-key-time|q-header-list|q-url-param-list|sign|signature|token|access_token|x-cos-security-token|x-amz-signature|x-amz-credential|x-amz-security-token|sig|auth_key|authorization)=([^&#\s"'<>]*)/gi;
const APPID_IN_BUCKET = /^[a-z0-9][a-z0-9-]*-(\d{5,})$/i;
const APPID_IN_HOST = /\b[a-z0-9][a-z0-9-]*-(\d{5,})\.(?:cos|ci|cos-website|pic)[.-]/gi;
const COS_URL = /(?:https?:\/\/)?[a-z0-9][a-z0-9-]*-\d{5,}\.(?:cos|ci|pic)\.[a-z0-9.-]+\/([^\s?#"'<>]*)/gi;
const USER_INFO = /\/\/([^/\s:@]+):([^/\s@]+)@/g;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The values to mask in these regions, under the options (credentials always). */
export function collectFromRegions(regions: readonly Region[], enabled: ReadonlySet<SecretKind>): Found[] {
  const out: Found[] = [];
  const add = (kind: SecretKind, value: string | undefined, where: string) => {
    if (value === undefined) return;
    const v = value.replace(/\r\n?/g, '\n').trim();
    if (v === '' || v === '-' || (kind !== 'credential' && !enabled.has(kind))) return;
    out.push({ kind, value: v, where });
  };
  // Key/Value pairs (CosHeaders) meet in their container.
  const pairs = new Map<number, { key?: string; value?: string }>();

  for (const r of regions) {
    const name = r.name ?? '';
    const lower = name.toLowerCase();
    const parent = (r.path[r.path.length - 2] ?? '').toLowerCase();
    const value = r.value;
    const trimmed = value.trim();

    if (lower === 'key' || lower === 'value') {
      const pair = pairs.get(r.container) ?? {};
      if (lower === 'key') pair.key = trimmed;
      else pair.value = value;
      pairs.set(r.container, pair);
    }
    // A header-named value: an element, a JSON key (moderation cos_headers), a dump header line.
    headerRule(lower, value, name, add);

    if (
      OBJECT_KEY_NAMES.has(lower) &&
      !(lower === 'key' && /header/.test(parent)) &&
      !r.path.some((p) => /cosheaders|cos_headers|headers/i.test(p) && lower === 'key')
    ) {
      if (/^(https?:\/\/|[a-z0-9-]+\.cos\.)/i.test(trimmed)) urlRule(trimmed, name, add);
      else add('objectKeys', value, name);
    }
    if (URL_NAMES.test(lower)) urlRule(trimmed, name, add);
    if (BUCKET_NAMES.has(lower)) add('appId', APPID_IN_BUCKET.exec(trimmed)?.[1], name);
    if (USER_DATA_NAMES.has(lower)) add('userData', value, name);

    // Shapes, wherever they stand: bucket names, COS hosts and URLs, signed query strings, user:password@.
    const m = APPID_IN_BUCKET.exec(trimmed);
    if (m) add('appId', m[1], name || 'bucket');
    for (const h of value.matchAll(APPID_IN_HOST)) add('appId', h[1], name || 'host');
    if (/[a-z0-9]-\d{5,}\.(cos|ci|pic)\./i.test(value)) {
      for (const u of value.matchAll(COS_URL)) {
        const path = u[1] ?? '';
        if (path !== '') add('objectKeys', safeDecode(path), name || 'URL');
      }
    }
    for (const p of value.matchAll(CREDENTIAL_PARAMS)) {
      add('credential', p[2], `${p[1]} (query)`);
      add('credential', safeDecode(p[2] ?? ''), `${p[1]} (query)`);
    }
    for (const u of value.matchAll(USER_INFO)) add('credential', u[2], 'URL password');
    // Text outside the payloads (a log line's prefix, a line without a payload) names its credentials inline.
    if (r.kind === 'plain')
      for (const m of value.matchAll(INLINE_CREDENTIAL)) {
        const scheme = /^(?:bearer|basic|digest|token|aws4-hmac-sha256)[ \t]+/i.exec(m[2] ?? '');
        add('credential', m[2], m[1] ?? 'credential');
        // The credential itself, without its scheme: masked wherever it stands alone too.
        if (scheme) add('credential', (m[2] ?? '').slice(scheme[0].length), m[1] ?? 'credential');
      }
  }
  for (const { key, value } of pairs.values())
    if (key !== undefined) headerRule(key.toLowerCase(), value, key, add);
  return out;
}

function headerRule(
  lower: string,
  value: string | undefined,
  name: string,
  add: (kind: SecretKind, value: string | undefined, where: string) => void,
): void {
  if (value === undefined || lower === '') return;
  if (REQUEST_ID_NAMES.has(lower)) add('requestId', value, name);
  else if (lower.startsWith('x-cos-meta-')) add('metaValues', value, name);
  else if (CREDENTIAL_NAMES.test(lower) || (lower.startsWith('x-') && CREDENTIAL_LIKE.test(lower)))
    add('credential', value, name);
}

function urlRule(
  url: string,
  name: string,
  add: (kind: SecretKind, value: string | undefined, where: string) => void,
) {
  const m = /^(?:https?:\/\/)?([^/?#]+)\/?([^?#]*)/i.exec(url);
  if (!m) return;
  const host = m[1] ?? '';
  const appId = /^[a-z0-9-]+-(\d{5,})\./i.exec(host)?.[1];
  add('appId', appId, name);
  // Only keys of COS-like hosts (a bucket with an APPID) are object keys; other URLs keep their path.
  if (appId && m[2]) add('objectKeys', safeDecode(m[2]), name);
}
