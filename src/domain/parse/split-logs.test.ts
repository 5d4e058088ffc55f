/**
 * The splitter on real logs: callbacks pretty-printed after a log line's prefix, callbacks cut short, the text of a
 * log around its payloads (split.test.ts holds the rest).
 */
import { describe, expect, it } from 'vitest';
import { splitPayloads } from './split';

const texts = (s: string) => splitPayloads(s).pieces.map((p) => [p.format, s.slice(p.start, p.end)]);

describe("splitPayloads: a callback pretty-printed after a log line's prefix", () => {
  const callback = (id: string) => ({
    EventName: 'TaskFinish',
    JobsDetail: [{ JobId: id, Input: { Object: 'a.jpg' } }],
  });
  /** As Python's `json.dumps(body, indent=2)` or `JSON.stringify(body, null, 2)` print it. */
  const pretty = (id: string) => JSON.stringify(callback(id), null, 2);
  const line = (id: string) => JSON.stringify(callback(id));

  it('reads each callback whole, as loggers print them after their prefix (`INFO callback: {`)', () => {
    const s = [
      '2026-11-30 12:00:00,123 INFO app started',
      `2026-11-30 12:00:01,456 INFO callback: ${pretty('a')}`,
      `2026-11-30 12:00:02,789 INFO callback: ${pretty('b')}`,
      '2026-11-30 12:00:03,000 INFO done',
    ].join('\n');
    const result = splitPayloads(s);
    expect(result.pieces.map((p) => s.slice(p.start, p.end))).toEqual([pretty('a'), pretty('b')]);
    expect(result.skippedLines).toBe(2);
    // With a bracketed prefix, and with Windows line ends.
    const bracketed = `[2026-11-30 12:00:01] [INFO] ${pretty('a')}\n[2026-11-30 12:00:02] [INFO] ${pretty('b')}`;
    expect(texts(bracketed).map(([, t]) => t)).toEqual([pretty('a'), pretty('b')]);
    const crlf = s.replace(/\n/g, '\r\n');
    expect(texts(crlf).map(([, t]) => t)).toEqual(
      [pretty('a'), pretty('b')].map((t) => t.replace(/\n/g, '\r\n')),
    );
  });

  it('reads one among one-line callbacks (line mode), and an array of callbacks printed over lines', () => {
    const s = [
      `2026-11-30 12:00:01 INFO ${line('a')}`,
      `2026-11-30 12:00:02 INFO callback: ${pretty('b')}`,
      `2026-11-30 12:00:03 INFO ${line('c')}`,
      `2026-11-30 12:00:04 INFO ${line('d')}`,
    ].join('\n');
    const result = splitPayloads(s);
    expect(result.lineMode).toBe(true);
    expect(result.pieces.map((p) => s.slice(p.start, p.end))).toEqual([
      line('a'),
      pretty('b'),
      line('c'),
      line('d'),
    ]);
    const array = `2026-11-30 12:00:01 INFO callbacks: ${JSON.stringify([callback('a'), callback('b')], null, 2)}`;
    expect(texts(array).map(([, t]) => JSON.parse(t ?? '') as unknown)).toEqual([
      callback('a'),
      callback('b'),
    ]);
  });

  it('takes no other line ending in `{` or `[` for a payload: code, a line cut short, a bracket', () => {
    const code = [
      '2026-11-30 12:00:01 DEBUG if (ready) {',
      '  start();',
      '}',
      '2026-11-30 12:00:02 DEBUG ids = [',
    ];
    const s = [
      ...code,
      `2026-11-30 12:00:03 INFO ${line('a')}`,
      `2026-11-30 12:00:04 INFO ${line('b')}`,
    ].join('\n');
    expect(texts(s).map(([, t]) => t)).toEqual([line('a'), line('b')]);
    // A line cut right after its `{`, the next line a log line of its own.
    const cut = `2026-11-30 12:00:01 INFO callback: {\n2026-11-30 12:00:02 INFO ${line('a')}`;
    expect(texts(cut).map(([, t]) => t)).toEqual([line('a')]);
    // A `{` that ends a bracket, not the line.
    const bracket = `[ctx {] INFO ${line('a')}\n[ctx {] INFO ${line('b')}`;
    expect(texts(bracket).map(([, t]) => t)).toEqual([line('a'), line('b')]);
  });

  it('still keeps a broken one to itself in line mode: the callbacks after it are read', () => {
    const broken = '2026-11-30 12:00:02 INFO callback: {\n  "EventName": "TaskFinish",\n  "JobsDetail": [';
    const s = [
      `2026-11-30 12:00:01 INFO ${line('a')}`,
      `2026-11-30 12:00:02 INFO ${line('b')}`,
      broken,
      `2026-11-30 12:00:03 INFO ${line('c')}`,
    ].join('\n');
    const result = splitPayloads(s);
    // The broken one is a document of its lines, up to the next log line (its parser says it is cut short).
    expect(result.pieces.map((p) => s.slice(p.start, p.end))).toEqual([
      line('a'),
      line('b'),
      broken.slice(broken.indexOf('{')),
      line('c'),
    ]);
    expect(result.skippedLines).toBe(0);
    // Last in the text, it runs to the text's end.
    const last = [
      `2026-11-30 12:00:01 INFO ${line('a')}`,
      `2026-11-30 12:00:02 INFO ${line('b')}`,
      broken,
    ].join('\n');
    expect(texts(last).map(([, t]) => t)).toEqual([line('a'), line('b'), broken.slice(broken.indexOf('{'))]);
  });
});

describe('splitPayloads: a callback cut short in a log ends where the next log line starts', () => {
  const body = (id: string) => ({
    EventName: 'TaskFinish',
    JobsDetail: [{ JobId: id, State: 'Success', Input: { Object: 'a.jpg' } }],
  });
  const pretty = (id: string) => JSON.stringify(body(id), null, 2);
  const xml = (id: string) =>
    `<Response>\n  <EventName>TaskFinish</EventName>\n  <JobsDetail>\n    <JobId>${id}</JobId>\n  </JobsDetail>\n</Response>`;
  const linesOf = (text: string, n: number) => text.split('\n').slice(0, n).join('\n');

  it.each([
    ['a timestamp', (k: number) => `2026-11-30 12:00:0${k},123 INFO callback: `],
    ['a Java logger', (k: number) => `INFO  [http-nio-8080-exec-${k}] c.e.CallbackController - body: `],
    ['a bracketed timestamp', (k: number) => `[2026-11-30 12:00:0${k}] [INFO] `],
  ])('JSON after %s: cut after a line, or inside a string; the callbacks after it are read', (_, prefix) => {
    for (const cut of [linesOf(pretty('b'), 3), `${linesOf(pretty('b'), 4).slice(0, -6)}`]) {
      const s = [pretty('a'), cut, pretty('c'), pretty('d')].map((t, k) => prefix(k) + t).join('\n');
      expect(texts(s).map(([, t]) => t)).toEqual([pretty('a'), cut, pretty('c'), pretty('d')]);
    }
  });

  it('bare pretty-printed JSON cut short, then more printed the same way: each after it is read', () => {
    for (const indent of [2, 4, '\t']) {
      const printed = (id: string) => JSON.stringify(body(id), null, indent);
      // Cut after a line (inside the object, inside the array, after a comma) or inside a string.
      for (const cut of [
        linesOf(printed('b'), 2),
        linesOf(printed('b'), 4),
        linesOf(printed('b'), 5).slice(0, -3),
      ]) {
        const s = [printed('a'), cut, printed('c'), printed('d')].join('\n');
        expect(texts(s).map(([, t]) => t)).toEqual([printed('a'), cut, printed('c'), printed('d')]);
      }
    }
    // Followed by bare XML, or by an array of callbacks, at the first column.
    const cut = linesOf(pretty('b'), 4);
    expect(texts(`${cut}\n${xml('c')}`).map(([, t]) => t)).toEqual([cut, xml('c')]);
    const array = JSON.stringify([body('c')], null, 2);
    // The array's callbacks are its pieces, as when it stands alone.
    expect(texts(`${cut}\n${array}`)).toEqual([['json', cut], ...texts(array)]);
    expect(texts(array)).toHaveLength(1);
  });

  it('a value whose lines are not indented keeps an object opened at the first column: one value', () => {
    const flat = '{\n"EventName": "TaskFinish",\n"JobsDetail":\n{\n"JobId": "a"\n}\n}';
    expect(texts(flat)).toEqual([['json', flat]]);
    // Indented, an object at the first column that is no payload start (`{` then a number) stays inside.
    const odd = '{\n  "a": [\n{1}\n  ]\n}';
    expect(texts(odd)).toEqual([['json', odd]]);
  });

  it('JSON Lines whose line was cut inside a string: the next line is the next callback', () => {
    const line = (id: string) => JSON.stringify(body(id));
    const whole = line('a');
    for (const cut of [
      whole.slice(0, whole.indexOf('TaskFinish') + 4),
      whole.slice(0, whole.indexOf('a.jpg') + 2),
    ]) {
      const s = `${cut}\n${line('b')}`;
      expect(texts(s).map(([, t]) => t)).toEqual([cut, line('b')]);
      // After a prefix of a number and a word (`2026 INFO`).
      const prefixed = `2026 INFO body: ${cut}\n2026 INFO body: ${line('b')}`;
      expect(texts(prefixed).map(([, t]) => t)).toEqual([cut, line('b')]);
      // A log line without a callback after it: the string ended there too.
      const noise = `2026 INFO body: ${cut}\n2026 INFO ok\n2026 INFO body: ${line('b')}\n2026 INFO ok`;
      expect(texts(noise).map(([, t]) => t)).toEqual([cut, line('b')]);
    }
  });

  it('XML after a prefix: cut after a line; the callbacks after it are read', () => {
    const cut = linesOf(xml('b'), 3);
    const s = [xml('a'), cut, xml('c'), xml('d')]
      .map((t, k) => `2026-11-30 12:00:0${k} INFO callback: ${t}`)
      .join('\n');
    expect(texts(s).map(([, t]) => t)).toEqual([xml('a'), cut, xml('c'), xml('d')]);
    // One-line XML cut inside a tag.
    const flat = (t: string) => t.replace(/\n\s*/g, '');
    const inTag = flat(xml('b')).slice(0, 60);
    expect(inTag.endsWith('<JobI')).toBe(true);
    // First in the log: read over lines, not line by line.
    const oneLine = [inTag, flat(xml('a')), flat(xml('c'))];
    expect(texts(oneLine.map((t) => `2026 INFO body: ${t}`).join('\n')).map(([, t]) => t)).toEqual(oneLine);
  });

  it('cuts no whole document: unindented JSON, and XML text over lines that holds tags', () => {
    const json = '{\n"a": [\ntrue,\nnull,\n12,\n-1,\n"x"\n],\n"b": {"c": 1}\n}';
    expect(texts(json)).toEqual([['json', json]]);
    const userData =
      '<Response><JobsDetail><UserData>first line\nsecond line</UserData><JobLevel>0</JobLevel></JobsDetail></Response>';
    expect(texts(userData)).toEqual([['xml', userData]]);
    const words = '<Response>\n<Message>Failed\nRetry at 12:00 <Code>1</Code></Message>\n</Response>';
    expect(texts(words)).toEqual([['xml', words]]);
  });
});

describe('splitPayloads: log text around the payloads', () => {
  const J1 = '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"a"}]}';
  const J2 = '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"b"}]}';
  const X = '<Response><EventName>TaskFinish</EventName><JobsDetail><JobId>x</JobId></JobsDetail></Response>';

  it("takes no tag of a log's text for a payload: Java's `<init>`, Go's `<nil>`, a thread's `<main>`", () => {
    for (const s of [
      `${J1}\n\tat com.example.Store.<init>(Store.java:10)\n${J2}`,
      `2026/11/30 12:00:01 err=<nil> body=${J1}\n2026/11/30 12:00:02 err=<nil> body=${J2}`,
      `2026-11-30 12:00:01 <main> INFO <-- body ${J1}\n2026-11-30 12:00:02 <main> INFO <-- body ${J2}`,
      `INFO body=${J1}\nCaused by: java.sql.SQLException: [23505] <unique violation>\n\t... 12 common frames omitted\nINFO body=${J2}`,
    ])
      expect(texts(s).map(([, t]) => t)).toEqual([J1, J2]);
  });

  it('takes no HTML a log quotes for a payload (an upstream error page), in any case', () => {
    const page = '<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    for (const s of [
      `WARN upstream said ${page}\nINFO body=${J1}`,
      `WARN upstream said <HTML><BODY><H1>Error</H1></BODY></HTML>\nINFO body=${X}`,
      `ERROR render failed at <div class="x">a</div> and <br/>\nINFO body=${J2}`,
    ]) {
      const result = splitPayloads(s);
      expect(result.pieces).toHaveLength(1);
      expect(result.skippedLines).toBe(1);
    }
  });

  it('still reads a tag in a line of text when it ends on the line, or opens a callback', () => {
    expect(texts(`INFO result=<Result><a>1</a></Result>\nINFO body=${X}`).map(([, t]) => t)).toEqual([
      '<Result><a>1</a></Result>',
      X,
    ]);
    // A callback cut short after its prefix is a document of its own, as before.
    expect(
      texts(`INFO body=<Response><JobsDetail>\nINFO body=${X}\nINFO body=${X}`).map(([, t]) => t),
    ).toEqual(['<Response><JobsDetail>', X, X]);
  });

  it("takes what follows a payload on a log line for the line's end (`status=200`, Python's `b'…'`, `;`)", () => {
    for (const [before, after] of [
      ['INFO body=', ' status=200'],
      ["INFO body: b'", "'"],
      ['INFO body: ', ';'],
      ['INFO body: ', ','],
      ['2026/11/30 12:00:01 body=', ' err=<nil>'],
    ])
      expect(
        texts(`${before}${J1}${after}\n${before}${X}${after}\n${before}${J2}${after}`).map(([, t]) => t),
      ).toEqual([J1, X, J2]);
    // Lines of words after a payload are lines of their own, however many (the second was made part of the payload).
    const pretty = '{\n  "a": 1\n}';
    for (const noise of [
      ['noise one'],
      ['noise one', 'noise two', '\tat x.<init>(X.java:1)'],
      ['[1] noise', 'more'],
    ]) {
      const s = [pretty, ...noise, J1].join('\n');
      const result = splitPayloads(s);
      expect(result.pieces.map((p) => s.slice(p.start, p.end))).toEqual([pretty, J1]);
      expect(result.skippedLines).toBe(noise.length);
    }
    // Without a prefix, text after a payload on its line is still the payload's, for its parser to report.
    expect(texts(`${J1} status=200\n${J2}`).map(([, t]) => t)).toEqual([`${J1} status=200`, J2]);
  });
});

describe('splitPayloads: a prolog on the line of its element', () => {
  it('is not a payload the element runs on from (it said so of every one-line XML with a declaration)', () => {
    const x =
      '<?xml version="1.0" encoding="UTF-8"?><Response><JobsDetail><JobId>a</JobId></JobsDetail></Response>';
    for (const s of [x, `INFO body=${x}\nINFO body=${x}`, `${x}\n${x}`])
      expect(splitPayloads(s).pieces.map((p) => p.runsOn ?? false)).toEqual(
        s === x ? [false] : [false, false],
      );
    // A payload, then a prolog and its element on the same line: that one runs on.
    const after = `<R>1</R>${x}`;
    expect(splitPayloads(after).pieces.map((p) => p.runsOn ?? false)).toEqual([false, true]);
  });
});
