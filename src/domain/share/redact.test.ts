import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { FULL_REDACTION, NO_REDACTION, redactTexts } from './redact';
import { decodeShareFragment, encodeShareFragment } from './share-link';

/** Every form a secret could take in a link's text. */
function forms(value: string): string[] {
  return [
    value,
    encodeURIComponent(value),
    encodeURI(value),
    value.split('/').map(encodeURIComponent).join('/'),
    JSON.stringify(value).slice(1, -1),
  ];
}

describe('redaction before sharing', () => {
  for (const name of fixtureNames()) {
    it(`${name}: a redacted link holds none of the masked values, in any form`, async () => {
      const original = readFixture(name);
      const { texts, secrets } = redactTexts([original], FULL_REDACTION);
      const decoded = await decodeShareFragment(
        await encodeShareFragment([{ name, text: texts[0] as string }]),
      );
      if (!decoded.ok) throw new Error(decoded.detail);
      const shared = decoded.texts.map((t) => t.text).join('\n');
      for (const secret of secrets) {
        for (const form of forms(secret.value)) {
          if (form.length >= 4) expect(shared.includes(form), `${secret.kind} ${form}`).toBe(false);
        }
      }
      // Still the same callbacks: same count, none broken by masking.
      const before = parsePayload(original).documents;
      const after = parsePayload(shared).documents;
      expect(after.map((d) => d.state)).toEqual(before.map((d) => d.state));
    });
  }

  it('masks the APPID in bucket names, hosts and Locations; request ids; UserData; meta values; keys', () => {
    const { texts, secrets } = redactTexts(
      [
        readFixture('derived/picprocess_shape_b_uploadresult.xml'),
        readFixture('docs/transcode_callback_workflow_legacy_no_eventname.xml'),
      ],
      FULL_REDACTION,
    );
    const all = texts.join('\n');
    expect(secrets.map((s) => s.kind).sort()).toEqual(
      expect.arrayContaining(['appId', 'metaValues', 'objectKeys', 'userData']),
    );
    for (const leaked of [
      '1234567890',
      '1250000000',
      'input/deer.jpg',
      'output/out.jpg',
      'testvalue',
      'xxxxxx',
      'This is my PicProcess job.',
      'Conversion to mp4',
    ]) {
      expect(all).not.toContain(leaked);
    }
    expect(all).toContain('<BucketId>test-0000000000</BucketId>');
    expect(all).toContain('test-0000000000.cos.ap-chongqing.myqcloud.com/redacted-key-');
    // The same key gets the same mask everywhere: Input.Object and OriginalInfo.Key stay equal.
    const doc = parsePayload(texts[0] as string).documents[0];
    const job = doc?.model?.kind === 'jobs' ? doc.model.jobs[0] : undefined;
    expect(job?.input?.object).toBe(job?.operation?.picProcessResult?.uploadResult?.originalInfo?.key);
  });

  it('masks the secrets of a callback a Docker log record holds as a string, in the link too', async () => {
    const callback = JSON.stringify(JSON.parse(readFixture('docs/picprocess_callback_workflow.json')));
    const record = (log: string) => JSON.stringify({ log, stream: 'stdout', time: '2026-12-02T10:00:01Z' });
    const original = [record(`INFO callback: ${callback}\n`), record('INFO done\n')].join('\n');
    const { texts, secrets } = redactTexts([original], FULL_REDACTION);
    expect(secrets.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['appId', 'objectKeys', 'userData', 'requestId']),
    );
    const decoded = await decodeShareFragment(
      await encodeShareFragment([{ name: 'docker.log', text: texts[0] ?? '' }]),
    );
    if (!decoded.ok) throw new Error(decoded.detail);
    const shared = decoded.texts[0]?.text ?? '';
    for (const leaked of [
      'This is my PicProcess job.',
      'input/deer.jpg',
      '1234567890',
      'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5',
    ])
      expect(shared).not.toContain(leaked);
    // Still the same records, the first holding its callback.
    const codes = (text: string) => parsePayload(text).documents.map((d) => d.diagnostics.map((x) => x.code));
    expect(codes(shared)).toEqual(codes(original));
    expect(codes(shared)[0]).toEqual(['wrapped-callback']);
  });

  it('masks the request id header', () => {
    const { texts } = redactTexts([readFixture('seed/case2-workflow.xml')], {
      ...NO_REDACTION,
      requestId: true,
    });
    expect(texts[0]).not.toContain('NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5');
    expect(texts[0]).toContain('<Value>REDACTED-REQUEST-ID-1</Value>');
    expect(texts[0]).toContain('test-1234567890');
  });

  it('changes nothing when no option is chosen', () => {
    const text = readFixture('seed/case2-workflow.xml');
    expect(redactTexts([text], NO_REDACTION)).toMatchObject({ texts: [text], secrets: [] });
  });

  it('masks a short UserData only where it is a whole value', () => {
    const text =
      '<Response><JobsDetail><JobId>j1</JobId><CreationTime>2022-01-01T01:01:01+0800</CreationTime><Operation><UserData>1</UserData></Operation></JobsDetail></Response>';
    const { texts } = redactTexts([text], { ...NO_REDACTION, userData: true });
    expect(texts[0]).toContain('<UserData>REDACTED-USERDATA-1</UserData>');
    expect(texts[0]).toContain('2022-01-01T01:01:01+0800');
  });
});
