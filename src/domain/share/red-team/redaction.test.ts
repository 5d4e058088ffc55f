/**
 * Red team, redaction: every case makes a redacted share link, decodes the link as a recipient would, and proves
 * that no masked value survives in any form (checked by the test's own decoding and by the app's self-check), that
 * names and markup are untouched, and that the payload still parses.
 */
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../parse-payload';
import { readFixture } from '../../test-support/fixtures';
import { FULL_REDACTION, NO_REDACTION, redactTexts, type RedactionOptions } from '../redact';
import { checkShareFragment, findLeaks } from '../redact-check';
import { decodeShareFragment, encodeShareFragment } from '../share-link';

interface Shared {
  readonly texts: string[];
  readonly secrets: ReturnType<typeof redactTexts>['secrets'];
  readonly counts: ReturnType<typeof redactTexts>['counts'];
}

/** Redacts, makes the link, decodes it, and runs the app's self-check on it. */
async function share(inputs: readonly string[], options: RedactionOptions = FULL_REDACTION): Promise<Shared> {
  const r = redactTexts(inputs, options);
  const fragment = await encodeShareFragment(r.texts.map((text, i) => ({ name: `doc ${i + 1}`, text })));
  const decoded = await decodeShareFragment(fragment);
  if (!decoded.ok) throw new Error(decoded.detail);
  expect(await checkShareFragment(fragment, r.secrets)).toEqual({ ok: true });
  return { texts: decoded.texts.map((t) => t.text), secrets: r.secrets, counts: r.counts };
}

/** The test's own idea of the forms a value can take (independent of the app's decoders). */
function spellings(value: string): string[] {
  const pct = encodeURIComponent(value);
  const xml = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    value,
    pct,
    pct.toLowerCase(),
    pct.replace(/%20/g, '+'),
    encodeURI(value),
    encodeURI(value).toLowerCase(),
    xml,
    xml.replace(/'/g, '&apos;').replace(/"/g, '&quot;'),
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
    [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    [...value].map((c) => `&#${c.codePointAt(0)};`).join(''),
    value.replace(/\n/g, '\r\n'),
  ];
}

/** Decodes everything a reader could decode, to search for a value whatever its spelling. */
function readable(text: string): string[] {
  const noCdata = text.replace(/\]\]><!\[CDATA\[/g, '').replace(/<!\[CDATA\[|\]\]>/g, '');
  const ent = noCdata
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  const json = ent
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\\//g, '/')
    .replace(/\\"/g, '"')
    .replace(/\\r\\n|\\n/g, '\n');
  const pct = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  };
  return [text, noCdata, ent, json, pct(json), json.replace(/\r\n/g, '\n')];
}

function expectGone(shared: Shared, ...values: string[]): void {
  const all = shared.texts.join('\n\u0000\n');
  const decoded = readable(all);
  for (const v of values) {
    for (const s of spellings(v))
      expect(all.includes(s), `${JSON.stringify(v)} as ${JSON.stringify(s)}`).toBe(false);
    for (const d of decoded) expect(d.includes(v), `${JSON.stringify(v)} decoded`).toBe(false);
  }
}

function states(text: string): string[] {
  return parsePayload(text).documents.map((d) => d.state);
}

const job = (inner: string) =>
  `<Response><EventName>TaskFinish</EventName><JobsDetail><Code>Success</Code><JobId>j1</JobId><State>Success</State><Tag>PicProcess</Tag><CreationTime>2022-07-18T15:16:43+0800</CreationTime>${inner}</JobsDetail></Response>`;
const jsonJob = (detail: string) =>
  `{"EventName":"TaskFinish","JobsDetail":{"JobId":"j1","State":"Success","Tag":"PicProcess",${detail}}}`;

describe('red team: redaction (each case decodes the link it made)', () => {
  it('1 JSON \\u escapes in UserData', async () => {
    const s = await share([jsonJob('"Operation":{"UserData":"\\u0063ustomer-id=98765-SECRET"}')]);
    expectGone(s, 'customer-id=98765-SECRET', '98765-SECRET');
    expect(states(s.texts[0]!)).toEqual(['Success']);
  });

  it('2 JSON \\u escapes in an object key (CJK)', async () => {
    const s = await share([jsonJob('"Input":{"Object":"private/\\u9e7f\\u76ae.jpg"}')]);
    expectGone(s, 'private/鹿皮.jpg', '鹿皮.jpg');
  });

  it('3 a value mixing \\/ and \\"', async () => {
    const s = await share([jsonJob('"Operation":{"UserData":"card \\"4242\\" at a\\/b\\/c"}')]);
    expectGone(s, 'card "4242" at a/b/c');
    expect(JSON.parse(s.texts[0]!)).toBeTruthy();
  });

  it("4 XML entities: bob's card &amp; pin", async () => {
    const s = await share([job("<Operation><UserData>bob's card &amp; pin 4242</UserData></Operation>")]);
    expectGone(s, "bob's card & pin 4242");
    expect(states(s.texts[0]!)).toEqual(['Success']);
  });

  it('5 a key split over two CDATA sections', async () => {
    const s = await share([
      job('<Input><Object><![CDATA[private/alice/]]><![CDATA[passport.jpg]]></Object></Input>'),
    ]);
    expectGone(s, 'private/alice/passport.jpg');
    expect(s.texts[0]).toContain('<Object>redacted-key-');
  });

  it('6 a value with a CRLF inside', async () => {
    const s = await share([
      job('<Operation><UserData>line one secret\r\nline two secret</UserData></Operation>'),
    ]);
    expectGone(s, 'line one secret\nline two secret', 'line two secret');
  });

  it('7 a short value padded with spaces', async () => {
    const s = await share([job('<Operation><UserData> 7Q9 </UserData></Operation>')]);
    expect(s.texts[0]).not.toMatch(/>\s*7Q9\s*</);
    expect(s.texts[0]).toContain('REDACTED-USERDATA-1');
    expect(s.texts[0]).toContain('2022-07-18T15:16:43+0800');
  });

  it('8 lower-case percent-encoding of a CJK key inside a URL', async () => {
    const s = await share([
      job(
        '<Input><BucketId>b-1250000000</BucketId><Object>private/鹿 pic.jpg</Object></Input><Operation><Output><Object>x</Object></Output></Operation><Extra><Url>https://b-1250000000.cos.ap-x.myqcloud.com/private/%e9%b9%bf%20pic.jpg</Url></Extra>',
      ),
    ]);
    expectGone(s, 'private/鹿 pic.jpg', '%e9%b9%bf%20pic.jpg', '1250000000');
  });

  it('9 + for a space in a URL', async () => {
    const s = await share([
      job(
        '<Input><Object>my photos/summer trip.jpg</Object></Input><Message>see https://h.example/x?k=my+photos%2Fsummer+trip.jpg</Message>',
      ),
    ]);
    expectGone(s, 'my photos/summer trip.jpg');
  });

  it('10 a callback cut short (last 20 characters) is masked, not shared whole', async () => {
    const full = readFixture('seed/case2-workflow.xml');
    const cut = full.slice(0, full.trimEnd().length - 20);
    expect(states(cut)).toEqual(['Invalid']);
    const s = await share([cut]);
    expectGone(s, 'input/deer.jpg', '1234567890', 'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5');
    const c = s.counts[0]!;
    expect(c.objectKeys + c.appId + c.requestId).toBeGreaterThan(2);
  });

  it('11 a callback inside an unknown JSON wrapper {"Callback": {…}}', async () => {
    const inner = JSON.parse(readFixture('docs/picprocess_callback_workflow.json')) as unknown;
    const s = await share([JSON.stringify({ Callback: inner })]);
    const text = readFixture('docs/picprocess_callback_workflow.json');
    const obj = /"Object"\s*:\s*"([^"]+)"/.exec(text)![1]!;
    expectGone(s, obj);
    expect(s.counts[0]!.objectKeys).toBeGreaterThan(0);
  });

  it('12 a callback inside an unknown XML wrapper <Envelope>', async () => {
    const body = readFixture('seed/case2-workflow.xml').replace(/<\?xml[^>]*>/, '');
    const s = await share([`<Envelope><Meta>m</Meta>${body}</Envelope>`]);
    expectGone(s, 'input/deer.jpg', 'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5', '1234567890');
  });

  it('13 workflow topology Output.Object templates', async () => {
    const xml = `<Response><WorkflowExecution><WorkflowId>w1</WorkflowId><State>Success</State><Object>in/secret-input.mp4</Object><Topology><Nodes><Node_1><Type>Transcode</Type><Operation><Output><Region>ap-x</Region><Bucket>b-1250000000</Bucket><Object>private/out/\${RunId}.mp4</Object></Output></Operation></Node_1></Nodes></Topology></WorkflowExecution></Response>`;
    const s = await share([xml]);
    expectGone(s, 'private/out/${RunId}.mp4', 'in/secret-input.mp4', '1250000000');
    expect(s.texts[0]).toContain('<Node_1><Type>Transcode</Type>');
  });

  it('14 HTTP dump credentials are masked with no other redaction, and listed', async () => {
    const dump =
      'POST /cb?q-sign-algorithm=sha1&q-ak=AKIDsecretAK123&q-sign-time=1700000000;1700003600&q-signature=abcdef0123456789 HTTP/1.1\r\nHost: h\r\nAuthorization: q-sign-algorithm=sha1&q-ak=AKIDauth999&q-signature=deadbeefcafe\r\nCookie: session=s3cr3t-cookie\r\nx-cos-security-token: TOKENvalue12345\r\nContent-Type: application/xml\r\n\r\n' +
      job('<Input><Object>keep/me.jpg</Object></Input>');
    const s = await share([dump], NO_REDACTION);
    expectGone(
      s,
      'AKIDsecretAK123',
      'abcdef0123456789',
      'q-sign-algorithm=sha1&q-ak=AKIDauth999&q-signature=deadbeefcafe',
      'session=s3cr3t-cookie',
      'TOKENvalue12345',
    );
    expect(s.texts[0]).toContain('keep/me.jpg');
    expect(s.texts[0]).toContain('Authorization: REDACTED-CREDENTIAL-');
    expect(s.counts[0]!.credential).toBeGreaterThanOrEqual(5);
    expect(s.secrets.every((x) => x.kind === 'credential')).toBe(true);
  });

  it('14b the dialog counts what was masked, the same way in total and per document', () => {
    // The q-ak inside Authorization is a credential of its own shape, but the whole Authorization value is masked:
    // it is never masked on its own, so it is not counted (the total said 5 where the document said 3).
    const dump =
      'POST /cb HTTP/1.1\r\nHost: h\r\nAuthorization: q-sign-algorithm=sha1&q-ak=AKIDauth999&q-signature=deadbeefcafe\r\nCookie: session=s3cr3t-cookie\r\nContent-Type: application/xml\r\n\r\n' +
      job('<Input><Object>keep/me.jpg</Object></Input>');
    const r = redactTexts([dump, job('<UserData>u-42-secret</UserData>')], FULL_REDACTION);
    expect(r.secrets.length).toBeGreaterThan(r.masked.length);
    const perDocument = r.counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    expect(r.masked).toHaveLength(perDocument);
    expect(r.masked.map((x) => x.value)).not.toContain('AKIDauth999');
    expect(r.texts[0]).not.toContain('AKIDauth999');
  });

  it('15 moderation callbacks: cos_headers as an object, a COS url', async () => {
    const json = JSON.stringify({
      code: 0,
      message: 'ok',
      data: {
        event: 'ReviewImage',
        url: 'https://b-1250000000.cos.ap-x.myqcloud.com/users/alice/id-card.jpg',
        result: 1,
        cos_headers: { 'x-cos-meta-owner': 'alice@example.com', 'x-cos-request-id': 'NWQzYTZiZjRfMjYyNw==' },
      },
    });
    const s = await share([json]);
    expectGone(s, 'alice@example.com', 'NWQzYTZiZjRfMjYyNw==', 'users/alice/id-card.jpg', '1250000000');
    expect(s.texts[0]).toContain('"x-cos-meta-owner":"REDACTED-META-');
  });

  it('16 a value equal to a tag name never rewrites tags', async () => {
    const s = await share([
      job('<Input><Object>JobsDetail</Object></Input><Operation><UserData>Response</UserData></Operation>'),
    ]);
    expect(s.texts[0]).toContain('<JobsDetail>');
    expect(s.texts[0]).toContain('</Response>');
    expect(states(s.texts[0]!)).toEqual(['Success']);
    expect(s.texts[0]).toContain('<Object>redacted-key-');
  });

  it('17 hexadecimal numeric references', async () => {
    const s = await share([job('<Input><Object>private/&#x9e7f;&#x76AE;.jpg</Object></Input>')]);
    expectGone(s, 'private/鹿皮.jpg');
  });

  it('18 decimal numeric references', async () => {
    const s = await share([job('<Operation><UserData>&#112;&#105;&#110;=1234</UserData></Operation>')]);
    expectGone(s, 'pin=1234');
  });

  it('19 an unknown node holding a COS URL (attribute and text)', async () => {
    const s = await share([
      job(
        '<Extra link="https://b-1250000000.cos.ap-x.myqcloud.com/att/secret.png"><Link>https://b-1250000000.cos.ap-x.myqcloud.com/txt/secret.png</Link></Extra>',
      ),
    ]);
    expectGone(s, 'att/secret.png', 'txt/secret.png', '1250000000');
  });

  it('20 MediaResult prefix + name, and the full key in a URL', async () => {
    const s = await share([readFixture('docs/snapshot_callback_workflow.json')]);
    expect(s.counts[0]!.objectKeys).toBeGreaterThan(0);
    for (const secret of s.secrets) expectGone(s, secret.value);
  });

  it('21 PicProcess shape B Location and Key', async () => {
    const s = await share([readFixture('derived/picprocess_shape_b_uploadresult.xml')]);
    expectGone(s, 'input/deer.jpg', 'output/out.jpg', '1250000000');
  });

  it('22 an object key in a log line prefix', async () => {
    const s = await share([
      `2022-07-18 15:16:44 INFO got private/alice/passport.jpg ${job('<Input><Object>private/alice/passport.jpg</Object></Input>')}`,
    ]);
    expectGone(s, 'private/alice/passport.jpg');
  });

  it('23 UserData quoted again inside Message text', async () => {
    const s = await share([
      job(
        '<Message>failed for order-77881-XYZ</Message><Operation><UserData>order-77881-XYZ</UserData></Operation>',
      ),
    ]);
    expectGone(s, 'order-77881-XYZ');
  });

  it('24 x-cos-meta values in an XML CosHeaders list', async () => {
    const s = await share([
      job(
        '<Input><CosHeaders><Key>x-cos-meta-customer</Key><Value>ACME Corp 北京</Value></CosHeaders></Input>',
      ),
    ]);
    expectGone(s, 'ACME Corp 北京');
    expect(s.texts[0]).toContain('<Key>x-cos-meta-customer</Key>');
  });

  it('25 x-cos-request-id in a JSON CosHeaders list', async () => {
    const s = await share([
      jsonJob('"Input":{"CosHeaders":[{"Key":"x-cos-request-id","Value":"NjJiZDYwYTFfreq"}]}'),
    ]);
    expectGone(s, 'NjJiZDYwYTFfreq');
    expect(s.texts[0]).toContain('"Key":"x-cos-request-id"');
  });

  it('26 APPID in bucket names and hosts, keeping the bucket name', async () => {
    const s = await share([
      job(
        '<Input><BucketId>photos-1259876543</BucketId><Region>ap-x</Region></Input><Extra>photos-1259876543.cos.ap-x.myqcloud.com</Extra>',
      ),
    ]);
    expectGone(s, '1259876543');
    expect(s.texts[0]).toContain('<BucketId>photos-0000000000</BucketId>');
  });

  it('27 upper-case percent-encoding of a whole key (%2F for /)', async () => {
    const s = await share([
      job('<Input><Object>a/鹿.jpg</Object></Input><Message>GET /?key=a%2F%E9%B9%BF.jpg</Message>'),
    ]);
    expectGone(s, 'a/鹿.jpg');
  });

  it('28 JSON \\u002F for a slash', async () => {
    const s = await share([jsonJob('"Input":{"Object":"dir\\u002Fsecret-file.bin"}')]);
    expectGone(s, 'dir/secret-file.bin');
  });

  it('29 percent-encoding inside JSON escapes', async () => {
    const s = await share([
      jsonJob(
        '"Input":{"Object":"private/alice.jpg"},"Link":"https:\\/\\/x.example\\/?k=private%2falice.jpg"',
      ),
    ]);
    expectGone(s, 'private/alice.jpg');
  });

  it('30 & in a key: XML-escaped in one place, percent-encoded in another', async () => {
    const s = await share([
      job('<Input><Object>tom&amp;jerry.png</Object></Input><Message>u=tom%26jerry.png</Message>'),
    ]);
    expectGone(s, 'tom&jerry.png');
  });

  it('31 a short UserData touches no digits of a time', async () => {
    const s = await share([job('<Operation><UserData>1</UserData></Operation>')]);
    expect(s.texts[0]).toContain('2022-07-18T15:16:43+0800');
    expect(s.texts[0]).toContain('<UserData>REDACTED-USERDATA-1</UserData>');
  });

  it('32 a value with markup characters, masked in XML and JSON documents alike', async () => {
    const s = await share([
      jsonJob('"Operation":{"UserData":"<b>vip</b> & co"}'),
      job('<Message>&lt;b&gt;vip&lt;/b&gt; &amp; co</Message>'),
    ]);
    expectGone(s, '<b>vip</b> & co');
  });

  it('33 Authorization as a JSON field', async () => {
    const s = await share(
      [jsonJob('"Headers":{"Authorization":"q-sign-algorithm=sha1&q-ak=AKIDjson&q-signature=0badf00d"}')],
      NO_REDACTION,
    );
    expectGone(s, 'q-sign-algorithm=sha1&q-ak=AKIDjson&q-signature=0badf00d', 'AKIDjson');
  });

  it('34 a password in a URL', async () => {
    const s = await share(
      [job('<Message>retry https://ops:hunter2-pw@hook.example/cb</Message>')],
      NO_REDACTION,
    );
    expectGone(s, 'hunter2-pw');
    expect(s.texts[0]).toContain('ops:');
  });

  it('35 token and sign query parameters', async () => {
    const s = await share(
      [job('<Message>https://x.example/a?token=tok_abcdef123&amp;sign=sig-987654</Message>')],
      NO_REDACTION,
    );
    expectGone(s, 'tok_abcdef123', 'sig-987654');
    expect(states(s.texts[0]!)).toEqual(['Success']);
  });

  it('36 the same value gets the same mask in every document', async () => {
    const s = await share([
      job('<Input><Object>same/key.jpg</Object></Input>'),
      jsonJob('"Input":{"Object":"same/key.jpg"}'),
    ]);
    const mask = s.secrets.find((x) => x.value === 'same/key.jpg')!.mask;
    expect(s.texts[0]).toContain(mask);
    expect(s.texts[1]).toContain(mask);
  });

  it('37 a numeric UserData in JSON stays valid JSON', async () => {
    const s = await share([jsonJob('"Operation":{"UserData":98765432}')]);
    expectGone(s, '98765432');
    expect(() => JSON.parse(s.texts[0]!)).not.toThrow();
  });

  it('38 a secret inside an XML comment', async () => {
    const s = await share([
      job(
        '<!-- debug: private/alice/passport.jpg --><Input><Object>private/alice/passport.jpg</Object></Input>',
      ),
    ]);
    expectGone(s, 'private/alice/passport.jpg');
  });

  it('39 CRLF as JSON escapes', async () => {
    const s = await share([jsonJob('"Operation":{"UserData":"first secret line\\r\\nsecond secret line"}')]);
    expectGone(s, 'first secret line\nsecond secret line', 'second secret line');
  });

  it('40 names are not rewritten: keys, elements and header names stay', async () => {
    const s = await share([jsonJob('"Input":{"Object":"Object"},"Operation":{"UserData":"UserData"}')]);
    expect(s.texts[0]).toContain('"Object":"redacted-key-');
    expect(s.texts[0]).toContain('"UserData":"REDACTED-USERDATA-');
  });

  it('41 counts per kind and per document, 0 where nothing was masked', async () => {
    const s = await share([
      job('<Input><Object>k/one.jpg</Object></Input>'),
      '<Response><Nothing>here</Nothing></Response>',
    ]);
    expect(s.counts[0]!.objectKeys).toBe(1);
    expect(Object.values(s.counts[1]!).every((n) => n === 0)).toBe(true);
  });

  it('42 x-cos-meta headers as XML elements (a cos_headers object in XML)', async () => {
    const s = await share([
      '<Response><data><cos_headers><x-cos-meta-phone>13800138000</x-cos-meta-phone></cos_headers></data></Response>',
    ]);
    expectGone(s, '13800138000');
    expect(s.texts[0]).toContain('<x-cos-meta-phone>REDACTED-META-');
  });

  it('43 unreadable text that is neither XML nor JSON still loses the values found elsewhere', async () => {
    const s = await share([
      job('<Input><Object>the/secret/key.jpg</Object></Input>'),
      'garbage ]] the/secret/key.jpg {{ not json',
    ]);
    expectGone(s, 'the/secret/key.jpg');
  });

  it('45 credentials named inline in a log line (not a header line of its own) are masked, with no other redaction', async () => {
    const J =
      '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j1","Code":"Success","Input":{"Object":"keep/me.jpg"}}]}';
    const log = [
      `2026-11-30 12:00:01 INFO Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.secret1 token=tok-secret-2 body: ${J}`,
      `2026-11-30 12:00:02 DEBUG headers={Authorization=Basic dXNlcjpzZWNyZXQz, Cookie=sid=cookie-secret-4} body: ${J}`,
      '2026-11-30 12:00:03 DEBUG password=pw-secret-5 secretKey=sk-secret-6 "api-key": "ak-secret-7"',
      '2026-11-30 12:00:04 INFO the token was refreshed; sign in to continue',
    ].join('\n');
    const s = await share([log], NO_REDACTION);
    expectGone(
      s,
      'eyJhbGciOiJIUzI1NiJ9.secret1',
      'tok-secret-2',
      'dXNlcjpzZWNyZXQz',
      'sid=cookie-secret-4',
      'pw-secret-5',
      'sk-secret-6',
      'ak-secret-7',
    );
    expect(s.secrets.every((x) => x.kind === 'credential')).toBe(true);
    // Names, words and the callbacks are untouched.
    expect(s.texts[0]).toContain('INFO Authorization: REDACTED-CREDENTIAL-');
    expect(s.texts[0]).toContain('the token was refreshed; sign in to continue');
    expect(states(s.texts[0]!)).toEqual(states(log));
    expect(states(log)).toHaveLength(2);
    expect(s.texts[0]).toContain('keep/me.jpg');
  });

  it('46 a log line cut inside a string, then a whole callback: the callback after it is masked too', async () => {
    const [first, second] = readFixture('derived/callbacks.jsonl').split('\n') as [string, string];
    // Cut inside the Etag string, after an escaped quote (a logger's size limit).
    const cut = first.slice(0, first.indexOf('\\"', first.indexOf('Etag')) + 6);
    const s = await share([`${cut}\n${second}`]);
    expectGone(s, 'This is my Translation job.', 'input/en.pdf', 'output/zh.pdf');
    expect(states(s.texts[0]!)).toEqual(['Invalid', 'Success']);
  });

  it('44 every fixture, fully redacted, keeps its documents and passes the self-check', async () => {
    for (const name of [
      'seed/case1-job-api.xml',
      'seed/case3-workflow-trailing-comma.json',
      'derived/http_request_dump.txt',
      'derived/server_log_with_prefixes.log',
      'derived/callbacks.jsonl',
      'docs/workflowexecution_describe_api_with_failed_task.xml',
    ]) {
      const text = readFixture(name);
      const s = await share([text]);
      expect(states(s.texts[0]!), name).toEqual(states(text));
      for (const secret of s.secrets) expectGone(s, secret.value);
    }
  });
});

describe('red team: the link checks itself', () => {
  const secret = {
    kind: 'objectKeys' as const,
    value: 'private/鹿 pic.jpg',
    mask: 'redacted-key-1',
    where: 'Object',
  };
  for (const [label, text] of [
    ['raw', '<a>private/鹿 pic.jpg</a>'],
    ['lower-case percent', '<a>x?k=private%2f%e9%b9%bf%20pic.jpg</a>'],
    ['+ for a space', '<a>private/%E9%B9%BF+pic.jpg</a>'],
    ['split CDATA', '<a><![CDATA[private/鹿]]><![CDATA[ pic.jpg]]></a>'],
    ['numeric references', '<a>private/&#x9e7f;&#32;pic.jpg</a>'],
    ['JSON escapes', '{"a":"private\\/\\u9e7f pic.jpg"}'],
    ['CRLF-free but in a header line', 'X-Key: private/鹿 pic.jpg'],
  ] as const) {
    it(`finds a surviving value written ${label}, and says which and where`, () => {
      const leaks = findLeaks([{ name: 'doc A', text }], [secret]);
      expect(leaks).toHaveLength(1);
      expect(leaks[0]).toMatchObject({
        documentIndex: 0,
        documentName: 'doc A',
        secret: { kind: 'objectKeys' },
      });
      expect(leaks[0]!.excerpt).toContain('private/鹿 pic.jpg');
    });
  }

  it('does not take a tag or key name for a leak', () => {
    const s = {
      kind: 'userData' as const,
      value: 'JobsDetail',
      mask: 'REDACTED-USERDATA-1',
      where: 'UserData',
    };
    expect(
      findLeaks(
        [{ name: 'd', text: '<JobsDetail><UserData>REDACTED-USERDATA-1</UserData></JobsDetail>' }],
        [s],
      ),
    ).toEqual([]);
    expect(
      findLeaks([{ name: 'd', text: '{"JobsDetail":{"UserData":"REDACTED-USERDATA-1"}}' }], [s]),
    ).toEqual([]);
  });

  it('refuses a link whose fragment still holds a value', async () => {
    const fragment = await encodeShareFragment([{ name: 'x', text: '<a>private%2F%E9%B9%BF%20pic.jpg</a>' }]);
    const result = await checkShareFragment(fragment, [secret]);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ leaks: [{ documentName: 'x', secret: { value: 'private/鹿 pic.jpg' } }] });
  });
});
