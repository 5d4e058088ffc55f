/**
 * Red team, property: random secrets of every masked kind, embedded in real fixtures (inside wrappers or not)
 * under random encodings, never survive a redacted link in any form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test-support/fixtures';
import { FULL_REDACTION, redactTexts } from '../redact';
import { findLeaks } from '../redact-check';
import { decodeShareFragment, encodeShareFragment } from '../share-link';

const XML_FIXTURES = [
  'seed/case1-job-api.xml',
  'seed/case2-workflow.xml',
  'docs/workflowfinish_callback.xml',
  'docs/snapshot_callback_job_api.xml',
];
const JSON_FIXTURES = [
  'docs/picprocess_callback_workflow.json',
  'docs/workflowfinish_callback.json',
  'docs/snapshot_callback_workflow.json',
];

type Kind = 'userData' | 'objectKeys' | 'requestId' | 'metaValues' | 'appId' | 'credential';

/** A secret: a marker no fixture holds, then random characters (ASCII punctuation, space, CJK, emoji). */
const secretArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'abcdefghijkXYZ0123456789'.split('')), minLength: 4, maxLength: 8 }),
    fc.string({
      unit: fc.oneof(
        fc.constantFrom(...'abc XYZ019-_./&<>\'"+%=?#:;'.split('')),
        fc.constantFrom('鹿', '皮', '数', '🙂', 'é'),
      ),
      maxLength: 12,
    }),
  )
  .map(([a, b]) => `Qz${a}${b}`.trim());

const digitsArb = fc.integer({ min: 1_250_000_000, max: 1_399_999_999 }).map(String);

type XmlEnc = 'escaped' | 'numeric' | 'cdata' | 'mixed';
type JsonEnc = 'plain' | 'unicode' | 'slash';

function xmlEncode(v: string, enc: XmlEnc, cut: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  switch (enc) {
    case 'escaped':
      return esc(v);
    case 'numeric':
      return [...v].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
    case 'cdata': {
      const k = Math.max(1, cut % Math.max(1, v.length));
      const a = [...v].slice(0, k).join('');
      const b = [...v].slice(k).join('');
      return `<![CDATA[${a}]]><![CDATA[${b}]]>`;
    }
    case 'mixed':
      return [...v].map((c, i) => (i % 2 ? `&#${c.codePointAt(0)};` : esc(c))).join('');
  }
}

function jsonEncode(v: string, enc: JsonEnc): string {
  const plain = JSON.stringify(v).slice(1, -1);
  if (enc === 'plain') return plain;
  if (enc === 'slash') return plain.replace(/\//g, '\\/');
  // Every UTF-16 unit (an emoji is two).
  return v
    .split('')
    .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
}

/** A key percent-encoded as a URL path, in upper or lower case hex, with + or %20 for spaces. */
function urlPath(v: string, lower: boolean, plus: boolean): string {
  let p = v.split('/').map(encodeURIComponent).join('/');
  if (lower) p = p.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  if (plus) p = p.replace(/%20/g, '+');
  return p;
}

interface Planted {
  readonly kind: Kind;
  readonly value: string;
  readonly xml: string;
  readonly json: string;
}

const plantedArb: fc.Arbitrary<Planted> = fc
  .tuple(
    fc.constantFrom<Kind>('userData', 'objectKeys', 'requestId', 'metaValues', 'appId', 'credential'),
    secretArb,
    digitsArb,
    fc.constantFrom<XmlEnc>('escaped', 'numeric', 'cdata', 'mixed'),
    fc.constantFrom<JsonEnc>('plain', 'unicode', 'slash'),
    fc.nat(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([kind, secret, digits, xe, je, cut, lower, plus]) => {
    const x = (v: string) => xmlEncode(v, xe, cut);
    const j = (v: string) => jsonEncode(v, je);
    switch (kind) {
      case 'userData':
        return {
          kind,
          value: secret,
          xml: `<UserData>${x(secret)}</UserData>`,
          json: `"UserData":"${j(secret)}"`,
        };
      case 'objectKeys': {
        const url = `https://b-1250000000.cos.ap-x.myqcloud.com/${urlPath(secret, lower, plus)}`;
        return {
          kind,
          value: secret,
          xml: `<Object>${x(secret)}</Object><Link>${x(url)}</Link>`,
          json: `"Object":"${j(secret)}","Link":"${j(url)}"`,
        };
      }
      case 'requestId':
        return {
          kind,
          value: secret,
          xml: `<CosHeaders><Key>x-cos-request-id</Key><Value>${x(secret)}</Value></CosHeaders>`,
          json: `"CosHeaders":[{"Key":"x-cos-request-id","Value":"${j(secret)}"}]`,
        };
      case 'metaValues':
        return {
          kind,
          value: secret,
          xml: `<CosHeaders><Key>x-cos-meta-k</Key><Value>${x(secret)}</Value></CosHeaders>`,
          json: `"cos_headers":{"x-cos-meta-k":"${j(secret)}"}`,
        };
      case 'appId':
        return {
          kind,
          value: digits,
          xml: `<BucketId>photos-${digits}</BucketId>`,
          json: `"Bucket":"photos-${digits}"`,
        };
      case 'credential': {
        const url = `https://h.example/cb?q-ak=AK${digits}&q-signature=${encodeURIComponent(secret)}`;
        return {
          kind,
          value: secret,
          xml: `<Authorization>${x(secret)}</Authorization><Hook>${x(url)}</Hook>`,
          json: `"Authorization":"${j(secret)}","Hook":"${j(url)}"`,
        };
      }
    }
  });

function plantXml(fixture: string, planted: readonly Planted[], wrap: boolean): string {
  const nodes = `<Extra>${planted.map((p) => p.xml).join('')}</Extra>`;
  const text = fixture
    .replace(/<\?xml[^>]*>/, '')
    .replace(/<JobsDetail>|<WorkflowExecution>/, (m) => `${m}${nodes}`);
  return wrap ? `<Envelope>${text}</Envelope>` : text;
}

function plantJson(fixture: string, planted: readonly Planted[], wrap: boolean): string {
  const at = fixture.indexOf('{');
  const text = `${fixture.slice(0, at + 1)}"Extra":{${planted.map((p) => p.json).join(',')}},${fixture.slice(at + 1)}`;
  return wrap ? `{"Callback": ${text}}` : text;
}

describe('red team: random secrets of every kind, random fixtures, random encodings', () => {
  it('no planted value survives a redacted link, in any form', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(plantedArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.nat(),
        fc.boolean(),
        async (planted, asJson, pick, wrap) => {
          const list = asJson ? JSON_FIXTURES : XML_FIXTURES;
          const fixture = readFixture(list[pick % list.length]!);
          const text = asJson ? plantJson(fixture, planted, wrap) : plantXml(fixture, planted, wrap);
          const r = redactTexts([text], FULL_REDACTION);
          const decoded = await decodeShareFragment(
            await encodeShareFragment([{ name: 'p', text: r.texts[0]! }]),
          );
          if (!decoded.ok) throw new Error(decoded.detail);
          const shared = decoded.texts[0]!.text;
          // Each planted value was found as a secret of its kind…
          for (const p of planted) {
            const secret = r.secrets.find((s) => s.value === p.value.replace(/\r\n?/g, '\n').trim());
            expect(secret, `${p.kind} ${JSON.stringify(p.value)} not collected`).toBeDefined();
          }
          // …and survives in no form (the self-check's decoding), nor raw or percent-encoded.
          expect(findLeaks([{ name: 'p', text: shared }], r.secrets)).toEqual([]);
          for (const p of planted) {
            expect(shared).not.toContain(p.value);
            expect(shared.toLowerCase()).not.toContain(encodeURIComponent(p.value).toLowerCase());
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
