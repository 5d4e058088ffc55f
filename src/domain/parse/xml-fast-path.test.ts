// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCallbackLog, payloadsOfGeneratedLog } from '../../../bench/generate-log';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { fuzzInputs } from '../test-support/fuzz-inputs';
import { HOSTILE_INPUTS } from '../test-support/hostile-inputs';
import { isRepeatingIn, joinedEndsWith, parseXml, readXml } from './parse-xml';
import { splitPayloads } from './split';
import { FastRefusal, readPlainXml } from './xml-fast-path';

const nowhere = () => ({ line: 1, column: 1, offset: 0 });
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

/**
 * Parses every XML payload of `text` with and without the fast path: the outcomes (tree, or diagnostic) must be
 * equal, and a payload read again on demand gives the same tree. Returns how many payloads the fast path read itself, so a test can show it was not skipped.
 */
function compareOnPayloads(text: string): { payloads: number; plain: number } {
  let payloads = 0;
  let plain = 0;
  for (const piece of splitPayloads(text).pieces) {
    if (piece.format !== 'xml') continue;
    const t = text.slice(piece.start, piece.end);
    const fast = parseXml(t, piece.roots, nowhere);
    const library = parseXml(t, piece.roots, nowhere, { fastPath: false });
    expect(fast).toStrictEqual(library);
    // A model read on demand (`readXml`, `read-model.ts`) gets the tree the payload's first parse gave.
    if (library.ok) expect(readXml(t)).toStrictEqual(library.root);
    payloads++;
    const tree = readPlainXml(t, isRepeatingIn, piece.roots);
    if (tree && !(tree instanceof FastRefusal)) plain++;
  }
  return { payloads, plain };
}

describe('the XML fast path gives what fast-xml-parser gives', () => {
  // The fast path reads as deep as the splitter lets a payload through (it gave up past 64, so a payload nested 250
  // deep went through the validator and the library: 36 s for 16 MiB of them under load, `npm run fuzz`).
  it.each([64, 65, 200, 255, 256])('nested %i deep, read by the fast path itself', (depth) => {
    const nest = (d: number, leaf: string) => `${'<a>'.repeat(d)}${leaf}${'</a>'.repeat(d)}`;
    const texts = [
      nest(depth, '1'),
      `<R>${nest(depth - 1, 'x').repeat(3)}</R>`,
      `<Response>${'<JobsDetail>'.repeat(depth - 2)}<Code>1</Code><Code>2</Code>${'</JobsDetail>'.repeat(depth - 2)}</Response>`,
    ];
    for (const text of texts) {
      expect(splitPayloads(text).pieces[0]?.tooDeepAt).toBeUndefined();
      expect(compareOnPayloads(text)).toEqual({ payloads: 1, plain: 1 });
    }
  });

  it('on every fixture, reading all their plain payloads itself', () => {
    let payloads = 0;
    let plain = 0;
    for (const name of fixtureNames()) {
      const counts = compareOnPayloads(readFixture(name));
      payloads += counts.payloads;
      plain += counts.plain;
    }
    // The XML of Tencent's docs and SDKs is plain: every payload goes the fast way.
    expect(payloads).toBeGreaterThanOrEqual(19);
    expect(plain).toBe(payloads);
  });

  it('on the benchmark generator’s callbacks, reading every one itself', () => {
    const payloads = payloadsOfGeneratedLog(generateCallbackLog({ count: 400, seed: 5 })).filter(
      (p) => p.format === 'xml',
    );
    expect(payloads.length).toBeGreaterThan(150);
    for (const { text } of payloads) {
      const counts = compareOnPayloads(text);
      expect(counts).toEqual({ payloads: 1, plain: 1 });
    }
  });

  it('on every hostile input', () => {
    for (const input of HOSTILE_INPUTS) compareOnPayloads(input.make());
  });

  it(`on mutated fixtures and random text, never accepting what the library refuses (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(fuzzInputs(), (text) => void compareOnPayloads(text)),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('on generated element trees: repeats, forced arrays, empty and blank leaves, odd text, attributes, several roots', () => {
    // Mostly what the fast path reads, sometimes what it must leave to the library.
    const name = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          'Response',
          'JobsDetail',
          'Object',
          'ProcessResults',
          'Stream',
          'Audio',
          'Tasks',
          'A',
          'b-c',
          'x.y',
          '_z',
          'Code',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('a:b', 'é', '__proto__', 'constructor', 'toString', '1a') },
    );
    const text = fc.oneof(
      {
        // The five predefined entities the fast path decodes, and references it leaves to the library.
        weight: 2,
        arbitrary: fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '&amp;',
            '&lt;',
            '&gt;',
            '&quot;',
            '&apos;',
            '&amp;lt;',
            '&foo;',
            '&#65;',
            '&',
            ';',
          ),
          maxLength: 6,
        }),
      },
      {
        weight: 6,
        arbitrary: fc.string({
          unit: fc.constantFrom('a', '中', ' ', '\n', '\t', '\u00a0', '\u3000', '"', "'", '/', '=', '0'),
          maxLength: 8,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.string({
          unit: fc.constantFrom(
            'a',
            '\r',
            '>',
            '<',
            '&',
            '&amp;',
            '&lt;',
            '&#x41;',
            '\u0001',
            '😀',
            '\ud800',
            ']]>',
          ),
          maxLength: 8,
        }),
      },
    );
    const space = fc.constantFrom('', '', ' ', '\n  ', '\r\n', '\t');
    // Attributes: mostly the plain form the fast path reads (` name="value"`), sometimes what it leaves to the library
    // (no space before, space around `=`, no value, a repeated name, `<`, `>`, `&` or the quote in the value).
    const attribute = fc
      .tuple(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.constantFrom('x', 'id', 'Code', 'JobsDetail', 'b-c', 'x.y', '_z', 'xmlns'),
          },
          { weight: 1, arbitrary: name },
        ),
        text,
        fc.constantFrom('"', '"', "'"),
        fc.constantFrom(' ', ' ', ' ', '\n', '\t', ''),
        fc.constantFrom('=', '=', '=', '=', '=', ' = ', ''),
      )
      .map(([n, v, q, before, eq]) => `${before}${n}${eq === '' ? '' : `${eq}${q}${v}${q}`}`);
    type Node =
      string | { name: string; close: 'pair' | 'self'; attributes: string[]; end: string; children: Node[] };
    const { element } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
      element: fc.record({
        name,
        close: fc.constantFrom('pair' as const, 'pair' as const, 'self' as const),
        attributes: fc.oneof(
          { weight: 2, arbitrary: fc.constant<string[]>([]) },
          { weight: 1, arbitrary: fc.array(attribute, { maxLength: 3 }) },
        ),
        end: fc.constantFrom('', '', '', ' ', '\n'),
        children: fc.array(tie('node'), { maxLength: 4 }),
      }),
    }));
    const render = (n: Node, gap: string): string => {
      if (typeof n === 'string') return n;
      const start = `<${n.name}${n.attributes.join('')}${n.end}`;
      return n.close === 'self' && n.children.length === 0
        ? `${start}/>`
        : `${start}>${n.children.map((c) => gap + render(c, gap)).join('')}${gap}</${n.name}>`;
    };
    let plain = 0;
    let withAttributes = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 3 }), space, (roots, gap) => {
        const doc = roots.map((r) => render(r, gap)).join('\n');
        runs++;
        const counts = compareOnPayloads(doc);
        if (counts.plain > 0) plain++;
        if (counts.plain > 0 && /<[^>]*=/.test(doc)) withAttributes++;
        // The whole text as one payload too, as when the splitter did not find its roots.
        expect(parseXml(doc, [], nowhere)).toStrictEqual(parseXml(doc, [], nowhere, { fastPath: false }));
      }),
      { numRuns: 3000, seed: SEED },
    );
    // Not a vacuous check: a good share of the generated documents are plain and were read by the fast path.
    expect(plain / runs).toBeGreaterThan(0.12);
    expect(withAttributes / runs).toBeGreaterThan(0.03);
  });
});

describe('elements of many children (kept in lists past the 16th name, made one object when they close)', () => {
  /** Fast path and library on `text`: the same tree, key order included, read by the fast path itself. */
  const same = (text: string) => {
    const fast = readPlainXml(text, isRepeatingIn);
    expect(fast).toBeDefined();
    expect(fast).not.toBeInstanceOf(FastRefusal);
    const library = parseXml(text, [], nowhere, { fastPath: false });
    expect(library.ok).toBe(true);
    if (library.ok) expect(JSON.stringify(fast)).toBe(JSON.stringify(library.root));
    expect(parseXml(text, [], nowhere)).toStrictEqual(library);
  };

  it('repeats of names first seen before and after the 16th, forced arrays, attributes, text, nesting', () => {
    const leaves = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => `<c${from + k}>${from + k}</c${from + k}>`).join('');
    same(`<R><o>${leaves(0, 40)}</o></R>`);
    // c3 and c30 again after the switch: arrays, in their first place.
    same(`<R><o>${leaves(0, 40)}<c3>again</c3><c30>again</c30><c30>third</c30></o></R>`);
    // Exactly 16 names, then a repeat of one of them, then a 17th.
    same(`<R><o>${leaves(0, 16)}<c0>x</c0></o><o>${leaves(0, 17)}</o></R>`);
    // Names that are always arrays (`isRepeating`) past the 16th, and an element that is itself wide and nested.
    same(
      `<Response>${leaves(0, 20)}<JobsDetail><o>${leaves(0, 30)}</o></JobsDetail><JobsDetail/></Response>`,
    );
    // A wide element with attributes (its object gets them after its children), and empty children.
    same(`<R><o id="1" x="2">${leaves(0, 20)}<e/><f></f></o><o>${leaves(5, 25)}</o></R>`);
    // The same order of names in many elements (one template), and a different order of the same names.
    const a = `<o>${leaves(0, 30)}</o>`;
    const b = `<o>${leaves(10, 30)}${leaves(0, 10)}</o>`;
    same(`<R>${a}${b}${a}${b}</R>`);
  });

  it('elements that follow the order of names of one before them, then leave it (the guess of `WideChildren`)', () => {
    const leaves = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => `<c${from + k}>${from + k}</c${from + k}>`).join('');
    const base = `<o>${leaves(0, 30)}</o>`;
    // The whole order again; fewer names; a new name, a repeat, an empty child where the guess expects another.
    same(`<R>${base}${base}<o>${leaves(0, 20)}</o><o>${leaves(0, 31)}</o>${base}</R>`);
    same(
      `<R>${base}<o>${leaves(0, 22)}<z>new</z>${leaves(22, 30)}</o><o>${leaves(0, 25)}<c3>again</c3></o></R>`,
    );
    same(`<R>${base}<o>${leaves(0, 18)}<c18/><c19 a="1">x</c19>${leaves(20, 30)}</o>${base}</R>`);
    // A name the guess expects as the start of a longer one (c1 of c10), and one of the same length.
    same(`<R><o>${leaves(0, 20)}</o><o>${leaves(0, 16)}<c160>x</c160><c17>y</c17></o></R>`);
    // Names that are always arrays (`isRepeating`) in the followed order, at the paths where they are.
    const jobs = `<o>${leaves(0, 20)}<JobsDetail><Code>1</Code></JobsDetail><Tasks/></o>`;
    same(`<Response>${jobs}${jobs}<o>${leaves(0, 20)}<JobsDetail/><JobsDetail/></o></Response>`);
    // The same first names, then two different endings by turns: the guess is the last ending.
    const a = `<o>${leaves(0, 16)}${leaves(40, 50)}</o>`;
    const b = `<o>${leaves(0, 16)}${leaves(60, 70)}</o>`;
    same(`<R>${a}${b}${b}${a}${a}</R>`);
  });

  it('on elements made from a few orders of names, changed here and there (300 inputs)', () => {
    const order = fc.shuffledSubarray(
      Array.from({ length: 50 }, (_, k) => k),
      { minLength: 17, maxLength: 40 },
    );
    const change = fc.oneof(
      fc.constant((names: number[]) => names),
      fc.nat({ max: 40 }).map((at) => (names: number[]) => names.slice(0, at)),
      fc
        .tuple(fc.nat({ max: 40 }), fc.nat({ max: 60 }))
        .map(([at, k]) => (names: number[]) => [...names.slice(0, at), k, ...names.slice(at)]),
      fc.nat({ max: 40 }).map((at) => (names: number[]) => [...names, names[at % names.length] as number]),
    );
    const render = (names: number[]) => `<o>${names.map((k) => `<c${k}>${k}</c${k}>`).join('')}</o>`;
    fc.assert(
      fc.property(
        fc.array(order, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), change), { minLength: 2, maxLength: 8 }),
        (orders, elements) => {
          same(
            `<R>${elements.map(([k, f]) => render(f(orders[k % orders.length] as number[]))).join('')}</R>`,
          );
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });

  it('on generated wide elements (300 inputs)', () => {
    const child = fc.oneof(
      fc.nat({ max: 60 }).map((k) => `<c${k}>${k}</c${k}>`),
      fc.nat({ max: 60 }).map((k) => `<c${k}/>`),
      fc.nat({ max: 60 }).map((k) => `<c${k}><d>1</d><d>2</d></c${k}>`),
      fc.constantFrom('<JobsDetail><Code>1</Code></JobsDetail>', '<Tasks/>', '<Stream>s</Stream>'),
    );
    const element = fc
      .tuple(fc.array(child, { minLength: 10, maxLength: 80 }), fc.boolean())
      .map(([children, attributes]) => `<o${attributes ? ' a="1"' : ''}>${children.join('')}</o>`);
    let wide = 0;
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 4 }), fc.boolean(), (elements, response) => {
        const text = response ? `<Response>${elements.join('')}</Response>` : `<R>${elements.join('')}</R>`;
        same(text);
        if (elements.some((e) => new Set(e.match(/<c\d+/g)).size > 16)) wide++;
      }),
      { numRuns: 300, seed: SEED },
    );
    expect(wide).toBeGreaterThan(100);
  });
});

describe('the XML fast path gives up on what it leaves to the library', () => {
  const gives = (text: string, roots?: 'any') => readPlainXml(text, isRepeatingIn, roots);

  it('reads a plain callback, with repeats, forced arrays, empty and blank leaves, and trimmed values', () => {
    expect(
      gives(
        '<Response>\n  <JobsDetail><Code> Success </Code><Message/><X></X><Y>  </Y></JobsDetail>\n</Response>\n',
      ),
    ).toStrictEqual({
      Response: { JobsDetail: [{ Code: 'Success', Message: '', X: '', Y: '' }] },
    });
    expect(gives('<R><a>1</a><a>2</a><a>3</a></R>')).toStrictEqual({ R: { a: ['1', '2', '3'] } });
    expect(
      gives('<JobsDetail><Code>A</Code></JobsDetail>\n<JobsDetail><Code>B</Code></JobsDetail>', 'any'),
    ).toStrictEqual({
      JobsDetail: [{ Code: 'A' }, { Code: 'B' }],
    });
  });

  it('reads plain attributes as the library does: children or `#text` first, then each `@_name`, values trimmed', () => {
    const text =
      '<R id="1">\n <a x="1">5</a><b y=\'2\' z="t t"/><c z=" 3 "></c><d\n  w="4"\n>\n<e>6</e></d><f >7</f></R>';
    const tree = {
      R: {
        a: { '#text': '5', '@_x': '1' },
        b: { '@_y': '2', '@_z': 't t' },
        c: { '@_z': '3' },
        d: { e: '6', '@_w': '4' },
        f: '7',
        '@_id': '1',
      },
    };
    expect(gives(text)).toStrictEqual(tree);
    expect(parseXml(text, [], nowhere, { fastPath: false })).toStrictEqual({ ok: true, root: tree });
    // A repeating name with attributes is still a list.
    expect(gives('<Response><JobsDetail x="1"><Code>A</Code></JobsDetail></Response>')).toStrictEqual({
      Response: { JobsDetail: [{ Code: 'A', '@_x': '1' }] },
    });
  });

  it.each([
    ['an entity not predefined', '<R><a>&nbsp;</a></R>'],
    ['a character reference', '<R><a>&#60;</a></R>'],
    ['a comment', '<R><!-- c --><a>1</a></R>'],
    ['CDATA', '<R><a><![CDATA[<b>]]></a></R>'],
    ['a declaration', '<?xml version="1.0"?><R><a>1</a></R>'],
    ['a DOCTYPE', '<!DOCTYPE R><R/>'],
    ['a boolean attribute', '<R><a x>1</a></R>'],
    ['an attribute repeated', '<R><a x="1" x="2">1</a></R>'],
    ['an attribute right after another', '<R><a x="1"y="2">1</a></R>'],
    ['space around `=`', '<R><a x = "1">1</a></R>'],
    ['`>` in an attribute value', '<R><a x="1>0">1</a></R>'],
    ['`<` in an attribute value', '<R><a x="1<0">1</a></R>'],
    ['a bare `&` in an attribute value', '<R><a x="a & b">1</a></R>'],
    ['an unclosed attribute value', '<R><a x="1>1</a></R>'],
    ['a prefixed attribute name', '<R><a x:y="1">1</a></R>'],
    ['an attribute named `__proto__`', '<R><a __proto__="1">1</a></R>'],
    ['an attribute named `toString`', '<R><a toString="1">1</a></R>'],
    ['mixed content', '<R>text<a>1</a></R>'],
    ['text after a child', '<R><a>1</a>text</R>'],
    ['a prefixed name', '<R><x:a>1</x:a></R>'],
    ['a non-ASCII name', '<R><é>1</é></R>'],
    ['`__proto__`', '<R><__proto__>1</__proto__></R>'],
    ['`constructor`', '<R><constructor>1</constructor></R>'],
    ['`prototype` (the library refuses it: `unsafe-names.ts`)', '<R><prototype>1</prototype></R>'],
    ['`toString` (the library renames it)', '<R><toString>1</toString></R>'],
    ['a closing tag with a space before `>`, of another name', '<R><a>1</b ></R>'],
    ['a truncated payload', '<R><a>1</a>'],
    ['an end tag with nothing open', '</R>'],
    ['text before the root', 'x<R/>'],
    ['text after the root', '<R><a>1</a></R>x'],
    ['a byte order mark', '\ufeff<R><a>1</a></R>'],
    ['a self-closing root', '<R/>'],
    ['a NUL byte', '<R><a>\u0000</a></R>'],
    ['a lone surrogate', '<R><a>\ud800</a></R>'],
    ['`>` in text', '<R><a>1 > 0</a></R>'],
    ['a carriage return in text (the library normalises line ends)', '<R><a>1\r\n2</a></R>'],
    ['several roots where one is expected', '<R><a>1</a></R><R><a>2</a></R>'],
    [
      'several roots not where the splitter found them',
      '<R>\n</R>\n<S></S>',
      [
        [0, 3],
        [5, 13],
      ] as const,
    ],
    ['nesting deeper than the splitter accepts (256)', `${'<a>'.repeat(257)}${'</a>'.repeat(257)}`],
    ['an empty text', ''],
  ])('%s', (_, text, roots?: readonly (readonly [number, number])[]) => {
    expect(readPlainXml(text, isRepeatingIn, roots)).toBeUndefined();
    // What it gives up on, the library still reads (or refuses) as before.
    expect(() => parseXml(text, [], nowhere)).not.toThrow();
  });
});

describe('joinedEndsWith: whether a path joined with dots ends with a suffix, without joining it', () => {
  it('says what `.${names.join(".")}`.endsWith(suffix) says, names with dots and empty ones included', () => {
    const part = fc.constantFrom('', 'a', 'b', 'ab', 'a.b', '.', 'Object', 'ProcessResults');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), fc.array(part, { maxLength: 4 }), (names, pieces) => {
        for (const suffix of [pieces.join('.'), `.${pieces.join('.')}`, pieces.join('')]) {
          expect(joinedEndsWith(names, suffix)).toBe(`.${names.join('.')}`.endsWith(suffix));
        }
      }),
      { numRuns: 3000 },
    );
    expect(joinedEndsWith(['Response', 'ProcessResults', 'Object'], '.ProcessResults.Object')).toBe(true);
    expect(joinedEndsWith(['Response', 'XProcessResults', 'Object'], '.ProcessResults.Object')).toBe(false);
  });
});
