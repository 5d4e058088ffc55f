/**
 * Named hostile inputs, shared by the unit tests (src/domain/hostile.test.ts) and the browser tests
 * (e2e/hostile.spec.ts): each must give a clear message (or load safely), render no markup from the payload,
 * and leave every other loaded document intact.
 */
import type { DiagnosticCode } from '../diagnostics';

export interface HostileInput {
  readonly name: string;
  readonly make: () => string;
  /** A diagnostic code the result must carry (on a document or on the result); none for a payload that is fine. */
  readonly code?: DiagnosticCode;
  /** True when the payload is still readable (a warning, not an error). */
  readonly readable?: boolean;
  /** A file, not pasted text: the larger file cap applies. */
  readonly isFile?: boolean;
}

const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const escaped = MARKUP.replace(/&/g, '&amp;')
  .replace(/</g, '&lt;')
  .replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');

function job(fields: Record<string, string>, operation = ''): string {
  const base: Record<string, string> = {
    Code: 'Success',
    JobId: 'j00000000000000000000000000000001',
    State: 'Success',
    Tag: 'PicProcess',
    CreationTime: '2022-07-18T15:16:43+0800',
    StartTime: '2022-07-18T15:16:44+0800',
    EndTime: '2022-07-18T15:16:45+0800',
    ...fields,
  };
  const body = Object.entries(base)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return `<Response><EventName>TaskFinish</EventName><JobsDetail>${body}<Operation>${operation}</Operation></JobsDetail></Response>`;
}

const deepXml = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'billion laughs entity bomb',
    make: () =>
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><Response><UserData>&lol9;</UserData></Response>`,
    code: 'doctype-refused',
  },
  {
    name: 'DOCTYPE with an external entity',
    make: () =>
      '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Response><UserData>&xxe;</UserData></Response>',
    code: 'doctype-refused',
  },
  {
    name: 'parameter entity',
    make: () => '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]><Response/>',
    code: 'doctype-refused',
  },
  { name: 'XML nested 100,000 deep', make: () => deepXml(100_000), code: 'nesting-too-deep' },
  {
    name: 'JSON arrays nested 100,000 deep',
    make: () => '['.repeat(100_000) + ']'.repeat(100_000),
    code: 'nesting-too-deep',
  },
  {
    name: 'JSON objects nested 100,000 deep',
    make: () => '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
    code: 'nesting-too-deep',
  },
  {
    name: 'one payload over the 16 MB cap',
    make: () => `{"JobsDetail":{"UserData":"${'x'.repeat(16 * 1024 * 1024 + 1)}"}}`,
    code: 'payload-too-large',
    isFile: true,
  },
  {
    name: 'invalid UTF-8 (replacement characters) in values',
    make: () => job({ JobId: 'j\ufffd\ufffd\ufffd' }),
    code: 'replacement-character',
    readable: true,
  },
  { name: 'NUL bytes', make: () => `\u0000\u0000${job({})}`, code: 'binary-input' },
  {
    name: 'bidirectional override in an object key',
    make: () => job({}, '<Output><Object>invoice\u202Egpj.exe</Object></Output>'),
    code: 'bidi-control',
    readable: true,
  },
  {
    name: 'HTML and script in every text field',
    make: () =>
      job(
        { Code: escaped, Message: escaped, Tag: escaped, JobId: escaped },
        `<UserData>${escaped}</UserData><TemplateName>${escaped}</TemplateName>`,
      ),
    readable: true,
  },
  {
    name: 'HTML and script in CDATA',
    make: () => job({ State: 'Sucess' }, `<UserData><![CDATA[${MARKUP}]]></UserData>`),
    code: 'unknown-state',
    readable: true,
  },
  {
    name: 'javascript: where URLs are built',
    make: () =>
      job(
        { State: 'Bogus' },
        '<Output><Bucket>javascript:alert(1)//</Bucket><Region>x"onmouseover="alert(1)</Region><Object>a.jpg</Object></Output>',
      ),
    code: 'unknown-state',
    readable: true,
  },
  {
    name: '__proto__ element',
    make: () => '<Response><JobsDetail><__proto__><polluted>1</polluted></__proto__></JobsDetail></Response>',
    code: 'unsafe-name',
  },
  {
    name: 'constructor key in JSON',
    make: () => '{"JobsDetail":{"constructor":{"prototype":{"polluted":1}}}}',
    code: 'unsafe-name',
  },
  {
    name: '__proto__ key in JSON',
    make: () => '{"__proto__":{"polluted":1},"JobsDetail":{}}',
    code: 'unsafe-name',
  },
  {
    name: 'number beyond 2^53',
    make: () =>
      '{"EventName":"TaskFinish","JobsDetail":{"JobId":"j","Tag":"T","State":"Success","Progress":123456789012345678901234567890}}',
    code: 'jobs-detail-object',
    readable: true,
  },
  {
    name: 'negative duration',
    make: () => job({ EndTime: '2022-07-18T15:16:40+0800' }),
    code: 'end-before-start',
    readable: true,
  },
  {
    name: 'absurd duration',
    make: () => job({ EndTime: '9999-12-31T23:59:59+0800' }),
    code: 'implausible-duration',
    readable: true,
  },
  {
    name: 'impossible date',
    make: () => job({ CreationTime: '2022-02-30T25:61:61+0800' }),
    code: 'invalid-time',
    readable: true,
  },
  {
    name: 'mismatched tags',
    make: () => '<Response><JobsDetail><JobId>j</jobid></JobsDetail></Response>',
    code: 'xml-mismatched-tag',
  },
  {
    // Callbacks carry no attributes; each is an object key of its own (`STRUCTURE_LIMITS.attributes`).
    name: '20,000 XML attributes',
    make: () => job({}, '<Image x="1" y="2"/>'.repeat(10_000)),
    code: 'too-many-attributes',
  },
  {
    // 200-deep chains of elements, 2,600 of them: each element holding another is an object, 520,000 in all, over
    // `STRUCTURE_LIMITS.containers`.
    name: '520,000 nested XML elements',
    make: () => job({}, `${'<a>'.repeat(200)}<b/>${'</a>'.repeat(200)}`.repeat(2_600)),
    code: 'too-many-containers',
  },
  { name: 'truncated XML payload', make: () => job({}).slice(0, 150), code: 'xml-unclosed-tag' },
  {
    name: 'truncated JSON payload',
    make: () => '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j1","State":"Succ',
    code: 'json-truncated',
  },
  { name: 'empty file', make: () => '', code: 'empty-input' },
  {
    name: 'binary image dropped by mistake',
    make: () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000',
    code: 'binary-input',
  },
  {
    name: 'text that is no callback',
    make: () => 'Dear support,\nmy callback does not work.\nThanks',
    code: 'no-payload',
  },
  {
    name: 'processing instruction inside',
    make: () => job({ State: 'Unknownish' }, '<?php system("id"); ?>'),
    code: 'unknown-state',
    readable: true,
  },
];
