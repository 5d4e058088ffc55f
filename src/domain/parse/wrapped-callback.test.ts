import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import {
  findWrappedCallback,
  isCallbackPart,
  isDockerRecord,
  unwrapLogRecords,
  UNWRAP_MAX_LENGTH,
  wrappedCallbackText,
} from './wrapped-callback';

const callbackJson = JSON.stringify(JSON.parse(readFixture('docs/picprocess_callback_workflow.json')));
const callbackXml = readFixture('seed/case1-job-api.xml');

/** The one document of `text`, the path its wrapped-callback diagnostic names, and the text found there. */
function wrapped(text: string) {
  const [doc, ...rest] = parsePayload(text).documents;
  expect(rest).toEqual([]);
  const d = doc?.diagnostics.find((x) => x.code === 'wrapped-callback');
  return {
    state: doc?.state,
    path: d?.path,
    severity: d?.severity,
    inner: d?.path === undefined || !doc ? undefined : wrappedCallbackText(doc.source.text, d.path),
  };
}

describe('a callback inside a log’s own JSON record: said where, and loadable', () => {
  it('Docker’s json-file driver: the log line, with its prefix and escapes, is in `log`', () => {
    const line = `2026-12-02 10:00:01 INFO callback: ${callbackJson}\n`;
    const found = wrapped(JSON.stringify({ log: line, stream: 'stdout', time: '2026-12-02T10:00:01Z' }));
    expect(found).toEqual({ state: 'Unknown', path: 'log', severity: 'warning', inner: line });
    // What is loaded is read as the callback itself.
    expect(parsePayload(found.inner ?? '').documents.map((d) => d.state)).toEqual(['Success']);
  });

  it('a JSON logger (pino): the callback as an object under a key, loaded as written', () => {
    const text = `{"level":30,"time":1764669600000,"msg":"callback","req":{"body": ${callbackJson} }}`;
    const found = wrapped(text);
    expect(found.path).toBe('req.body');
    expect(found.inner).toBe(callbackJson);
  });

  it('an Elasticsearch export: XML in a message, inside an array', () => {
    const text = JSON.stringify({
      hits: { total: 1, hits: [{ _id: 'a', _source: { message: callbackXml } }] },
    });
    const found = wrapped(text);
    expect(found.path).toBe('hits.hits[0]._source.message');
    expect(found.inner).toBe(callbackXml);
    expect(parsePayload(found.inner ?? '').documents.map((d) => d.state)).toEqual(['Success']);
  });

  it('the shallowest wins; a key a path cannot name is passed over', () => {
    expect(findWrappedCallback({ a: { b: { EventName: 'TaskFinish' } }, c: callbackJson })).toBe('c');
    expect(findWrappedCallback({ 'x.y': callbackJson })).toBeUndefined();
    expect(findWrappedCallback({ code: 0, data: { forbidden_status: 0 } })).toBeUndefined();
    expect(findWrappedCallback({ body: { code: 0, data: { forbidden_status: 0 } } })).toBe('body');
  });

  it('none on a callback, on a record without one, or past the search’s bounds', () => {
    expect(parsePayload(callbackJson).documents[0]?.diagnostics.map((d) => d.code)).not.toContain(
      'wrapped-callback',
    );
    expect(wrapped('{"level":30,"msg":"server started","pid":1}').path).toBeUndefined();
    // Deeper than the search goes, or after 400 members.
    expect(findWrappedCallback({ a: { b: { c: { d: { e: { f: callbackJson } } } } } })).toBe('a.b.c.d.e.f');
    expect(
      findWrappedCallback({ a: { b: { c: { d: { e: { f: { g: callbackJson } } } } } } }),
    ).toBeUndefined();
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) wide[`k${i}`] = i;
    wide.last = callbackJson;
    expect(findWrappedCallback(wide)).toBeUndefined();
    expect(findWrappedCallback(Array.from({ length: 1000 }, () => 1).concat([0]))).toBeUndefined();
  });

  it('the text at a path that holds no string or object is not given', () => {
    expect(wrappedCallbackText('{"a":1}', 'a')).toBeUndefined();
    expect(wrappedCallbackText('{"a":"x"}', 'b')).toBeUndefined();
    expect(wrappedCallbackText('{"a\\"b":{"c":"<Response/>"}}', 'a\\"b.c')).toBeUndefined();
    expect(wrappedCallbackText('{ "a" : "q\\"r" }', 'a')).toBe('q"r');
  });
});

describe('a record holding only part of a callback (a log that printed it over several records)', () => {
  const docker = (log: string) => JSON.stringify({ log, stream: 'stdout', time: '2026-12-02T10:00:01Z' });
  const codes = (text: string) => parsePayload(text).documents.map((d) => d.diagnostics.map((x) => x.code));

  it('Docker records of a pretty-printed callback: the parts say so, the whole one is loadable as before', () => {
    const pretty = JSON.stringify(JSON.parse(callbackJson), null, 2).split('\n');
    const parts = pretty.filter((l) => /"(?:EventName|JobsDetail)"\s*:/.test(l));
    expect(parts.length).toBeGreaterThan(0);
    for (const l of parts) expect(codes(docker(`${l}\n`))).toEqual([['wrapped-callback-part']]);
    expect(codes(docker(`INFO callback: ${callbackJson}\n`))).toEqual([['wrapped-callback']]);
    // XML printed line by line.
    expect(codes(docker('  <EventName>TaskFinish</EventName>\n'))).toEqual([['wrapped-callback-part']]);
    expect(codes(docker(`${callbackXml}\n`))).toEqual([['wrapped-callback']]);
  });

  it('any other Docker record says what it is, to unwrap the whole text; other records without a callback do not', () => {
    expect(codes(docker('INFO server started\n'))).toEqual([['docker-record']]);
    expect(codes(docker('{\n'))).toEqual([['docker-record']]);
    expect(codes(JSON.stringify({ log: 'x\n', stream: 'stderr' }))).toEqual([['docker-record']]);
    expect(codes(JSON.stringify({ log: 'x\n', stream: 'other', time: 't' }))).toEqual([[]]);
    expect(codes(JSON.stringify({ log: 'x\n', stream: 'stdout', level: 30 }))).toEqual([[]]);
    expect(codes('{"level":30,"msg":"server started","pid":1}')).toEqual([[]]);
  });

  it('isCallbackPart: a key with no object opened before it, or <EventName> with no tag before it', () => {
    expect(isCallbackPart('  "EventName": "TaskFinish",')).toBe(true);
    expect(isCallbackPart('"JobsDetail": [')).toBe(true);
    expect(isCallbackPart('callback: {"EventName": "TaskFinish"}')).toBe(false);
    expect(isCallbackPart('{\n  "JobsDetail": {}')).toBe(false);
    expect(isCallbackPart('<EventName>TaskFinish</EventName>')).toBe(true);
    expect(isCallbackPart('<Response><EventName>TaskFinish</EventName>')).toBe(false);
    expect(isCallbackPart('<JobsDetail><Code>Success</Code></JobsDetail>')).toBe(false);
    expect(isCallbackPart('no callback here')).toBe(false);
    expect(isDockerRecord({ log: '', stream: 'stdout', time: 't', attrs: {} })).toBe(true);
    expect(isDockerRecord({ log: 1, stream: 'stdout' })).toBe(false);
  });
});

describe('a whole log of JSON records made back into the text they carry', () => {
  const pretty = JSON.stringify(JSON.parse(callbackJson), null, 2).split('\n');
  const docker = (log: string) => JSON.stringify({ log, stream: 'stdout', time: '2026-12-02T10:00:01Z' });

  it('Docker: the log fields one after another, so a callback printed over many records comes back whole', () => {
    const lines = [
      docker('INFO server started\n'),
      docker(`INFO callback: ${callbackJson}\n`),
      docker('INFO callback:\n'),
      ...pretty.map((l) => docker(`${l}\n`)),
    ];
    const unwrapped = unwrapLogRecords(lines.join('\n'));
    expect(unwrapped?.records).toBe(lines.length);
    const docs = parsePayload(unwrapped?.text ?? '').documents;
    expect(docs.map((d) => d.state)).toEqual(['Success', 'Success']);
  });

  it('other records: the callback each holds, one a line; records without one left out, other lines kept', () => {
    const text = [
      `{"level":30,"msg":"callback","body":${callbackJson}}`,
      '{"level":30,"msg":"no callback here"}',
      JSON.stringify({ _source: { message: callbackXml } }),
      'a plain line',
      '',
    ].join('\n');
    const unwrapped = unwrapLogRecords(text);
    expect(unwrapped?.records).toBe(2);
    expect(unwrapped?.text).toBe(
      `${callbackJson}\n${callbackXml.endsWith('\n') ? callbackXml : `${callbackXml}\n`}a plain line\n`,
    );
    expect(parsePayload(unwrapped?.text ?? '').documents.map((d) => d.state)).toEqual(['Success', 'Success']);
  });

  it('none when no record holds a callback, or the text is over the page’s bound', () => {
    expect(unwrapLogRecords('{"level":30,"msg":"started"}\nplain')).toBeUndefined();
    expect(unwrapLogRecords(callbackJson)).toBeUndefined();
    expect(unwrapLogRecords(' '.repeat(UNWRAP_MAX_LENGTH + 1))).toBeUndefined();
  });
});
