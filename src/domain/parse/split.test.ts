import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-support/fixtures';
import { scanJsonValue } from './scan';
import { splitPayloads } from './split';

const texts = (s: string) => splitPayloads(s).pieces.map((p) => [p.format, s.slice(p.start, p.end)]);

describe('splitPayloads', () => {
  it('splits concatenated XML documents, even on one line, so same-name roots are never merged', () => {
    const a = '<Response><JobsDetail><JobId>a</JobId></JobsDetail></Response>';
    const b = '<Response><JobsDetail><JobId>b</JobId></JobsDetail></Response>';
    expect(texts(a + b)).toEqual([
      ['xml', a],
      ['xml', b],
    ]);
    expect(texts(`${a}\n\n${b}\n`)).toEqual([
      ['xml', a],
      ['xml', b],
    ]);
  });

  it('keeps a prolog with its document and groups roots without a Response wrapper', () => {
    const s =
      '<?xml version="1.0"?>\n<EventName>TaskFinish</EventName>\n  <JobsDetail><JobId>a</JobId></JobsDetail>';
    const { pieces } = splitPayloads(s);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.start).toBe(0);
    expect(pieces[0]?.roots.map(([a, b]) => s.slice(a, b))).toEqual([
      '<EventName>TaskFinish</EventName>',
      '<JobsDetail><JobId>a</JobId></JobsDetail>',
    ]);
  });

  it('starts a new document when EventName repeats', () => {
    const one = '<EventName>TaskFinish</EventName><JobsDetail><JobId>a</JobId></JobsDetail>';
    expect(splitPayloads(one + one).pieces).toHaveLength(2);
  });

  it('splits JSON Lines, concatenated JSON and a JSON array of callbacks', () => {
    expect(texts('{"a":1}\n{"b":"}"}\n')).toEqual([
      ['json', '{"a":1}'],
      ['json', '{"b":"}"}'],
    ]);
    expect(texts('{"a":1}{"b":2}')).toEqual([
      ['json', '{"a":1}'],
      ['json', '{"b":2}'],
    ]);
    expect(texts('[ {"a":[1,2]} , {"b":"]"} ]')).toEqual([
      ['json', '{"a":[1,2]}'],
      ['json', '{"b":"]"}'],
    ]);
    // An array of anything else is one document.
    expect(texts('[1, 2]')).toEqual([['json', '[1, 2]']]);
  });

  it('reads the body of an HTTP request dump, with its Content-Type', () => {
    const result = splitPayloads(readFixture('derived/http_request_dump.txt'));
    expect(result.http).toEqual({ contentType: 'application/xml' });
    expect(result.pieces).toHaveLength(1);
  });

  it('HTTP request dumps one after another: each body has the headers of its own request', () => {
    const xml = readFixture('derived/http_request_dump.txt').trim();
    const json = readFixture('derived/moderation_simple_http_dump.txt').trim();
    const s = [xml, json, xml].join('\n\n');
    const result = splitPayloads(s);
    expect(result.pieces.map((p) => [p.format, p.http])).toEqual([
      ['xml', { contentType: 'application/xml' }],
      ['json', { contentType: 'application/json', contentVersion: 'Simple' }],
      ['xml', { contentType: 'application/xml' }],
    ]);
    // The request lines and headers are the requests', not lines without a payload.
    expect(result.skippedLines).toBe(0);
    expect(result.requests?.map((r) => s.slice(r.at, s.indexOf('\n', r.at)).trimEnd())).toEqual([
      'POST /ci/callback HTTP/1.1',
      'POST /ci/moderation HTTP/1.1',
      'POST /ci/callback HTTP/1.1',
    ]);
  });

  it('a request line followed by a line that is not a header: the headers end there, the line is read', () => {
    const s = 'GET /health HTTP/1.1\n{"EventName":"TaskFinish"}\nsome words\n';
    const result = splitPayloads(s);
    expect(result.pieces.map((p) => [s.slice(p.start, p.end), p.http])).toEqual([
      ['{"EventName":"TaskFinish"}', {}],
    ]);
    expect(result.skippedLines).toBe(1);
  });

  it('headers that run to the end of the text leave the request open (a file read in chunks reads it again)', () => {
    const s = '{"a":1}\nPOST /cb HTTP/1.1\nHost: x\nContent-Type: application/json';
    const result = splitPayloads(s);
    expect(result.openAt).toBe(s.indexOf('POST'));
    expect(result.pieces.map((p) => p.http)).toEqual([undefined]);
  });

  it('finds the payload after a log prefix and counts lines without one', () => {
    const s = readFixture('derived/server_log_with_prefixes.log');
    const result = splitPayloads(s);
    expect(result.pieces.map((p) => s.slice(p.start, p.start + 10))).toEqual(['<Response>', '<Response>']);
    expect(result.skippedLines).toBe(1);
  });

  it('does not take a bracketed log prefix for JSON', () => {
    const s =
      '2022-07-18 [INFO] [ci] {"EventName":"TaskFinish"}\n2022-07-18 [INFO] [ci] {"EventName":"TaskFinish"}';
    expect(texts(s).map(([, t]) => t)).toEqual(['{"EventName":"TaskFinish"}', '{"EventName":"TaskFinish"}']);
  });

  it("takes a bracketed timestamp or id at a line's start for the line's prefix, not for a JSON array", () => {
    const s = [
      '[2026-11-30 12:00:01] INFO {"EventName":"TaskFinish"}',
      '[2026-11-30 12:00:02][WARN] <Response><JobsDetail/></Response>',
      '[12345] {"JobsDetail":{}}',
      '[] {"a":1}',
    ].join('\n');
    expect(texts(s)).toEqual([
      ['json', '{"EventName":"TaskFinish"}'],
      ['xml', '<Response><JobsDetail/></Response>'],
      ['json', '{"JobsDetail":{}}'],
      ['json', '{"a":1}'],
    ]);
    expect(splitPayloads(s).skippedLines).toBe(0);
    expect(splitPayloads(s).lineMode).toBe(true);
  });

  it('skips a log line of words after brackets, and keeps reading a log in lines when it comes first', () => {
    const J = '{"EventName":"TaskFinish"}';
    const s = [
      '[2026-11-30 12:00:00] INFO server started',
      `[2026-11-30 12:00:01] INFO ${J}`,
      '[12345] connection closed',
      '["worker"] done',
      `[2026-11-30 12:00:02][WARN] ${J}`,
      '[-] done',
    ].join('\n');
    const result = splitPayloads(s);
    expect(texts(s)).toEqual([
      ['json', J],
      ['json', J],
    ]);
    expect(result.lineMode).toBe(true);
    expect(result.skippedLines).toBe(4);
    expect(result.skippedAt).toBeUndefined();
    expect(splitPayloads(s, { listSkipped: true }).skippedAt).toEqual(
      [0, 2, 3, 5].map((line) => s.split('\n').slice(0, line).join('\n').length + (line === 0 ? 0 : 1)),
    );
  });

  it('reads past brackets that hold what only looks like a payload (`[app.py:<module>:12]`)', () => {
    const J = '{"EventName":"TaskFinish"}';
    const s = `[2026-11-30 12:00:01] [app.py:<module>:12] INFO ${J}\n[2026-11-30 12:00:02] [<main>] ${J}`;
    expect(texts(s)).toEqual([
      ['json', J],
      ['json', J],
    ]);
  });

  it('reads a log line by line when its first callback line is cut short: the other callbacks are not lost', () => {
    const J = '{"EventName":"TaskFinish","JobsDetail":[{"Code":"Success"}]}';
    const cut = '{"EventName":"TaskFinish","JobsDetail":[{"Code":"Su';
    for (const prefix of ['', '[2026-11-30 12:00:01] INFO ']) {
      const s = `${prefix}${cut}\n${prefix}${J}\n${prefix}${J}\n`;
      expect(splitPayloads(s).lineMode).toBe(true);
      expect(texts(s)).toEqual([
        ['json', cut],
        ['json', J],
        ['json', J],
      ]);
    }
  });

  it('still reads a JSON or XML document over lines whole when its first line does not close', () => {
    const documents = [
      '{"EventName":"TaskFinish",\n"JobsDetail":[{"Code":"Success"}],\n"Extra":{"a":1}}',
      '{"a":{"b":1},\n"c":{"d":2},\n"e":{"f":3}}',
      '<Response><JobsDetail>\n<Code>Success</Code>\n<State>Success</State>\n</JobsDetail></Response>',
    ];
    for (const s of documents) {
      expect(splitPayloads(s).lineMode).toBe(false);
      expect(texts(s)).toEqual([[s.startsWith('<') ? 'xml' : 'json', s]]);
    }
  });

  it('leaves JSON its errors: `[1]x` and `[1] 2` are not log lines', () => {
    for (const s of ['[1]x', '[1] 2', '[1] {', '[1] ,']) {
      const { pieces, skippedLines } = splitPayloads(s);
      // A JSON piece from the `[`, for JSON's parser to refuse where it fails; no line skipped.
      expect([pieces[0]?.format, pieces[0]?.start, skippedLines]).toEqual(['json', 0, 0]);
    }
  });

  it("takes a logger's context in brackets for the prefix, even when it holds an object (`[ctx={}]`)", () => {
    const J = '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"a"}]}';
    for (const context of [
      '[ctx={}]',
      '[ctx={"user":"u1"}]',
      '[mdc={}, trace=abc]',
      '[trace=abc] [ctx={"a":[1]}]',
    ]) {
      const s = `${context} INFO ${J}\n${context} WARN ${J}`;
      expect(texts(s)).toEqual([
        ['json', J],
        ['json', J],
      ]);
    }
  });

  it('still reads a bracket that holds a payload, that does not close soon, or that has none after it as JSON', () => {
    // An array of callbacks with another callback after it on its line.
    expect(texts('[{"a":1}] {"b":2}')).toEqual([
      ['json', '{"a":1}'],
      ['json', '{"b":2}'],
    ]);
    // A payload inside the brackets: one array.
    expect(texts('[1, {"a":1}]')).toEqual([['json', '[1, {"a":1}]']]);
    // Nothing after the brackets on their line.
    expect(texts('[2026-11-30]\n{"a":1}')).toEqual([
      ['json', '[2026-11-30]'],
      ['json', '{"a":1}'],
    ]);
    // Brackets longer than any log prefix.
    const long = `[${'1,'.repeat(200)}1] {"a":1}`;
    expect(texts(long)[0]).toEqual(['json', long.slice(0, long.indexOf(']') + 1)]);
    // Brackets after a payload on its line are not a prefix.
    expect(texts('{"a":1} [2] {"b":2}').map(([, t]) => t)[0]).toBe('{"a":1} [2] {"b":2}'.slice(0, 7));
  });

  it('mixes XML and JSON lines, with and without prefixes', () => {
    const s = '<Response><JobsDetail/></Response>\nINFO body={"JobsDetail":{}}\n{"JobsDetail":[]}\nnoise\n';
    expect(texts(s).map(([f]) => f)).toEqual(['xml', 'json', 'json']);
    expect(splitPayloads(s).skippedLines).toBe(1);
  });

  it('notes a byte order mark', () => {
    expect(splitPayloads('\ufeff<Response/>').hasByteOrderMark).toBe(true);
  });
});

describe('splitPayloads: a document over lines among one-line payloads', () => {
  const xml = (id: string) => `<Response><JobsDetail><JobId>${id}</JobId></JobsDetail></Response>`;
  const prettyXml = '<Response>\n  <JobsDetail>\n    <JobId>p</JobId>\n  </JobsDetail>\n</Response>';
  const json = (id: string) => `{"JobsDetail":[{"JobId":"${id}"}]}`;
  const prettyJson = '{\n  "JobsDetail": [\n    { "JobId": "p" }\n  ]\n}';

  it('keeps a pretty-printed XML callback whole after one-line ones (line mode)', () => {
    expect(texts(`${xml('a')}\n${prettyXml}`)).toEqual([
      ['xml', xml('a')],
      ['xml', prettyXml],
    ]);
    expect(texts(`${xml('a')}\n${xml('b')}\n${prettyXml}\n${xml('c')}`)).toEqual([
      ['xml', xml('a')],
      ['xml', xml('b')],
      ['xml', prettyXml],
      ['xml', xml('c')],
    ]);
  });

  it('keeps a pretty-printed JSON callback whole after one-line ones (JSON Lines)', () => {
    expect(texts(`${json('a')}\n${json('b')}\n${prettyJson}\n${json('c')}`)).toEqual([
      ['json', json('a')],
      ['json', json('b')],
      ['json', prettyJson],
      ['json', json('c')],
    ]);
  });

  it('still keeps a broken line of a log to itself: an opening that never closes does not swallow the lines after it', () => {
    const s = `${xml('a')}\n${xml('b')}\n<Response>\n${xml('c')}\n{\n${json('d')}\n<Response>\n${xml('e')}`;
    expect(texts(s)).toEqual([
      ['xml', xml('a')],
      ['xml', xml('b')],
      ['xml', '<Response>'],
      ['xml', xml('c')],
      ['json', '{'],
      ['json', json('d')],
      ['xml', '<Response>'],
      ['xml', xml('e')],
    ]);
  });

  it('does not scan a log line cut after its prefix past its line', () => {
    const s = `2022-07-18 INFO body=${xml('a')}\n2022-07-18 INFO body=${xml('b')}\n2022-07-18 INFO body=<Response>\n</Response>`;
    expect(texts(s).map(([, t]) => t)).toEqual([xml('a'), xml('b'), '<Response>']);
  });
});

describe('scanJsonValue notes the elements of an array of objects only', () => {
  it('notes each object of an array of callbacks, and nothing once an element is not an object', () => {
    expect(scanJsonValue('[ {"a":1} , {"b":[1,2]} ]', 0, 25).elements).toEqual([
      [2, 9],
      [12, 23],
    ]);
    expect(scanJsonValue('[{"a":1},2,{"b":3}]', 0, 19).elements).toBeUndefined();
    expect(scanJsonValue('[1,2,3]', 0, 7).elements).toBeUndefined();
    expect(scanJsonValue('{"a":[{"b":1}]}', 0, 15).elements).toBeUndefined();
    // Such arrays are still one document, and arrays of callbacks still split.
    expect(splitPayloads('[1,{"a":1}]').pieces).toHaveLength(1);
    expect(splitPayloads('[{"a":1},{"b":2}]').pieces).toHaveLength(2);
  });
});
