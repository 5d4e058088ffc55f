// @vitest-environment node
/**
 * One list of unsafe names (`unsafe-names.ts`) for both XML paths and the JSON readers, held to the installed
 * fast-xml-parser: its own lists, read out of its source, and its behaviour, asked name by name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { xmlSuiteInputs } from '../test-support/suites';
import { parseJson } from './parse-json';
import { isRepeatingIn, parseXml, readXml } from './parse-xml';
import { REFUSED_NAMES, RENAMED_NAMES, isLeftToLibrary, isRefusedName } from './unsafe-names';
import { readPlainXml } from './xml-fast-path';

const nowhere = () => ({ line: 1, column: 1, offset: 0 });

/** The installed library's `src/util.js`, where its name rules live. */
function librarySource(): string {
  const main = createRequire(import.meta.url).resolve('fast-xml-parser');
  let dir = dirname(main);
  while (!dir.endsWith('fast-xml-parser')) dir = dirname(dir);
  return readFileSync(join(dir, 'src', 'util.js'), 'utf8');
}

/** The quoted names of an exported array of `source`, comments left out. */
function exportedList(source: string, name: string): string[] {
  const m = new RegExp(`export const ${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(source);
  if (!m) throw new Error(`fast-xml-parser no longer exports ${name}: read its rules again`);
  const body = (m[1] as string).replace(/\/\/.*$/gm, '');
  return [...body.matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1] as string);
}

/** What the installed library, as the app configures it, makes of `<R><name>1</name></R>`. */
function libraryOn(name: string): 'same' | 'refused' | 'other' {
  try {
    const tree = readXml(`<R><${name}>1</${name}></R>`, { fastPath: false }) as Record<string, unknown>;
    const r = tree['R'] as Record<string, unknown> | undefined;
    return r !== undefined && Object.keys(r).length === 1 && Object.hasOwn(r, name) && r[name] === '1'
      ? 'same'
      : 'other';
  } catch {
    return 'refused';
  }
}

/** Names to ask about: the lists, every name a plain object, array or function inherits, and the corpus's names. */
function candidateNames(): string[] {
  const names = new Set<string>([
    ...REFUSED_NAMES,
    ...RENAMED_NAMES,
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Array.prototype),
    ...Object.getOwnPropertyNames(Function.prototype),
    ...Object.getOwnPropertyNames(String.prototype),
    'Prototype',
    'PROTOTYPE',
    '__proto',
    'proto',
    'prototype_',
    '_prototype',
    'Constructor',
    'toJSON',
    'then',
  ]);
  for (const input of xmlSuiteInputs())
    for (const m of input.text.matchAll(/<\/?([A-Za-z_][\w.-]*)/g)) names.add(m[1] as string);
  // Only names the fast path could read at all (ASCII letters, digits, `_`, `-`, `.`).
  return [...names].filter((n) => /^[A-Za-z_][\w.-]*$/.test(n));
}

describe('unsafe names: one list, the library’s', () => {
  it('equals the installed library’s own lists', () => {
    const source = librarySource();
    expect(new Set(exportedList(source, 'criticalProperties'))).toEqual(new Set(REFUSED_NAMES));
    expect(new Set(exportedList(source, 'DANGEROUS_PROPERTY_NAMES'))).toEqual(new Set(RENAMED_NAMES));
  });

  it('the fast path never accepts a name the installed library refuses or reads otherwise', () => {
    const names = candidateNames();
    expect(names.length).toBeGreaterThan(100);
    const disagreements: string[] = [];
    let refused = 0;
    for (const name of names) {
      const text = `<R><${name}>1</${name}></R>`;
      const lib = libraryOn(name);
      if (lib === 'refused') refused++;
      const fast = readPlainXml(text, isRepeatingIn, 'any');
      if (lib !== 'same' && fast !== undefined) disagreements.push(`${name}: library ${lib}`);
      // A refused name is a refused name in the shared list, and the reverse.
      expect(lib === 'refused', name).toBe(isRefusedName(name));
      if (isLeftToLibrary(name)) expect(fast, name).toBeUndefined();
      expect(parseXml(text, [], nowhere), name).toStrictEqual(
        parseXml(text, [], nowhere, { fastPath: false }),
      );
    }
    expect(disagreements).toEqual([]);
    expect(refused).toBe(REFUSED_NAMES.length);
  });

  it('<R><prototype>1</prototype></R> is refused as the library refuses it, with an unsafe-name diagnostic', () => {
    const text = '<R><prototype>1</prototype></R>';
    expect(libraryOn('prototype')).toBe('refused');
    expect(readPlainXml(text, isRepeatingIn, 'any')).toBeUndefined();
    const outcome = parseXml(text, [], nowhere);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('unsafe-name');
    const doc = parsePayload(
      '<Response><EventName>TaskFinish</EventName><JobsDetail><prototype>1</prototype></JobsDetail></Response>',
    ).documents[0];
    expect(doc?.state).toBe('Invalid');
    expect(doc?.diagnostics[0]?.code).toBe('unsafe-name');
    expect(doc?.diagnostics[0]?.message.en).toContain('prototype');
  });

  it('each refused name is refused in XML and in JSON, as a key', () => {
    for (const name of REFUSED_NAMES) {
      const xml = parseXml(`<R><${name}>1</${name}></R>`, [], nowhere);
      expect(xml.ok ? undefined : xml.error.code, name).toBe('unsafe-name');
      const json = parseJson(`{"${name}":1}`, nowhere);
      expect(json.ok ? undefined : json.error.code, name).toBe('unsafe-name');
    }
  });

  it('renamed names are left to the library, which renames them', () => {
    for (const name of RENAMED_NAMES) {
      const text = `<R><${name}>1</${name}></R>`;
      expect(readPlainXml(text, isRepeatingIn, 'any')).toBeUndefined();
      const outcome = parseXml(text, [], nowhere);
      expect(outcome.ok).toBe(true);
      if (outcome.ok)
        expect((outcome.root as { R: Record<string, unknown> }).R).toEqual({ [`__${name}`]: '1' });
    }
  });
});
