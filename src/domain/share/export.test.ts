import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { toTencentJson, toTencentXml } from './convert';
import { toCurlCommand } from './curl';
import { toMarkdownSummary } from './markdown';
import { readSavedSet, writeSavedSet } from './saved-set';

const single = fixtureNames().filter((n) => parsePayload(readFixture(n)).documents.length === 1);

describe('XML ⇄ JSON conversion', () => {
  for (const name of single) {
    it(`${name}: XML → JSON → model and JSON → XML → model equal the original model`, () => {
      const doc = parsePayload(readFixture(name)).documents[0];
      if (!doc) throw new Error('no document');
      const json = toTencentJson(doc) as string;
      const xml = toTencentXml(doc) as string;
      const fromJson = parsePayload(json).documents[0];
      const fromXml = parsePayload(xml).documents[0];
      expect(fromJson?.format).toBe('json');
      expect(fromXml?.format).toBe('xml');
      expect(fromJson?.model).toEqual(doc.model);
      expect(fromXml?.model).toEqual(doc.model);
    });
  }

  it('writes the JSON form Tencent publishes: no Response wrapper, strings, no empty elements', () => {
    const doc = parsePayload(readFixture('seed/case2-workflow.xml')).documents[0];
    const json = JSON.parse(toTencentJson(doc!) as string) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['EventName', 'JobsDetail']);
    expect(json.JobsDetail).toEqual([
      expect.objectContaining({ JobId: 'c93984788066911ed89ed352d4d9d2084' }),
    ]);
    expect(JSON.stringify(json)).not.toContain('"Message"');
  });
});

describe('Markdown summary', () => {
  it('has the facts of a failed job, and escapes table-breaking text', () => {
    const doc = parsePayload(readFixture('derived/picprocess_failed_job.xml')).documents[0];
    const md = toMarkdownSummary(doc!);
    expect(md).toContain('| JobId | `c93984788066911ed89ed352d4d9d2084` |');
    // Every payload value is a code span (safe in GitHub-flavoured Markdown: see red-team/markdown.test.ts).
    expect(md).toContain('| State | `Failed` |');
    expect(md).toContain('| Code | `InvalidInput` |');
    expect(md).toContain('| Message | `The input image format is not supported` |');
    expect(md).toContain('| Queue wait | 1 s |');
    const odd = parsePayload(
      '<Response><JobsDetail><JobId>a|b`c</JobId><State>Success</State><Tag>T</Tag></JobsDetail></Response>',
    );
    expect(toMarkdownSummary(odd.documents[0]!)).toContain('| JobId | `a`\\|``b`c`` |');
  });

  it('lists a workflow execution with its tasks', () => {
    const md = toMarkdownSummary(parsePayload(readFixture('docs/workflowfinish_callback.xml')).documents[0]!);
    expect(md).toContain('| RunId | `i166ee19017b011eda8a5525400c540df` |');
    expect(md).toContain(
      '| `Snapshot_1581665960536` | `Snapshot` | `Success` | `j23c11e1e17b011edaab4ab15ec33d076` | `2022-08-09 14:54:42 +08:00` |',
    );
  });
});

describe('saved set', () => {
  it('round-trips names and texts, and is not mistaken for callbacks', () => {
    const texts = fixtureNames()
      .slice(0, 5)
      .map((name) => ({ name, text: readFixture(name) }));
    const file = writeSavedSet(texts, new Date('2026-01-01T00:00:00Z'));
    expect(readSavedSet(file)).toEqual({ kind: 'set', texts, unreadable: 0 });
    for (const name of fixtureNames()) expect(readSavedSet(readFixture(name))).toEqual({ kind: 'none' });
  });

  it('says why a file that presents itself as a set cannot be loaded as one', () => {
    const set = (members: string) => `{"format":"ci-callback-viewer/set",${members}}`;
    expect(readSavedSet(set('"version":1,"documents":[]'))).toEqual({ kind: 'refused', reason: 'empty' });
    expect(readSavedSet(set('"version":1,"documents":[{"name":"a"},null,7]'))).toEqual({
      kind: 'refused',
      reason: 'empty',
    });
    expect(readSavedSet(set('"version":1,"documents":5'))).toEqual({
      kind: 'refused',
      reason: 'no-documents',
    });
    expect(readSavedSet(set('"version":1'))).toEqual({ kind: 'refused', reason: 'no-documents' });
    expect(readSavedSet(set('"version":2,"documents":[{"name":"a","text":"<R/>"}]'))).toEqual({
      kind: 'refused',
      reason: 'version',
      detail: '2',
    });
    expect(readSavedSet('{"format":"other-tool/bundle","documents":[{"text":"<R/>"}]}')).toEqual({
      kind: 'refused',
      reason: 'foreign',
      detail: 'other-tool/bundle',
    });
  });

  it('loads the entries that hold a text and counts the others', () => {
    const file =
      '{"format":"ci-callback-viewer/set","version":1,"documents":[{"name":"a","text":"<R/>"},{"name":"b"},{"text":"{}"}]}';
    expect(readSavedSet(file)).toEqual({
      kind: 'set',
      texts: [
        { name: 'a', text: '<R/>' },
        { name: '', text: '{}' },
      ],
      unreadable: 1,
    });
  });

  it('leaves to the parser what is not a set: callbacks, JSON that is cut short, a format member without documents', () => {
    const cut = writeSavedSet([{ name: 'a', text: '<R/>' }]).slice(0, -10);
    expect(readSavedSet(cut)).toEqual({ kind: 'none' });
    expect(readSavedSet('{"format":"xml","Response":{}}')).toEqual({ kind: 'none' });
    expect(readSavedSet('[{"format":"ci-callback-viewer/set"}]')).toEqual({ kind: 'none' });
  });
});

describe('curl replay', () => {
  it('refuses endpoints that are not http(s)', () => {
    expect(toCurlCommand('javascript:alert(1)', 'x', 'application/xml')).toEqual({
      ok: false,
      error: 'endpoint-invalid',
    });
    expect(toCurlCommand("http://x'; rm -rf /", 'x', 'application/xml')).toEqual({
      ok: false,
      error: 'endpoint-invalid',
    });
  });

  it("replays payloads with ', $( ), backticks and new lines byte for byte, with the right Content-Type", async () => {
    const received: { body: string; type: string | undefined }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), type: req.headers['content-type'] });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const bodies = [
      readFixture('seed/case2-workflow.xml'),
      `{"UserData": "it's $(whoami) and \`id\` and $HOME\\n", "x": "'\\''"}\n\nend\r\n`,
      "''''\n\t\\ %s %n !! ~ * ? [a] {b} ; && || > < 数据万象",
    ];
    try {
      for (const [i, body] of bodies.entries()) {
        const type = i === 0 ? 'application/xml' : 'application/json';
        const result = toCurlCommand(`http://127.0.0.1:${port}/callback?x=1&y=2`, body, type);
        if (!result.ok) throw new Error(result.error);
        await new Promise<void>((resolve, reject) =>
          execFile('bash', ['-c', result.command], { timeout: 10_000 }, (err) =>
            err ? reject(err) : resolve(),
          ),
        );
        expect(received[i]).toEqual({ body, type });
      }
    } finally {
      server.close();
    }
  });
});
