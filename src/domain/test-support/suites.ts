/**
 * The reference suites' data, committed under `src/domain/__fixtures__/suites/` (sources, commits and licences in
 * its README): read from disk, never fetched.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = join(import.meta.dirname, '..', '__fixtures__', 'suites');

export interface JsonSuiteFile {
  readonly name: string;
  /** `y` must be accepted, `n` refused, `i` is the parser's choice. */
  readonly expectation: 'y' | 'n' | 'i';
  readonly bytes: Uint8Array;
  /** The bytes as the app reads a file (`Blob.text()`: UTF-8, a leading BOM dropped, bad bytes as U+FFFD). */
  readonly text: string;
}

/** JSONTestSuite's `test_parsing/`, every file. */
export function jsonSuiteFiles(): JsonSuiteFile[] {
  const dir = join(SUITES, 'JSONTestSuite', 'test_parsing');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      return {
        name,
        expectation: name[0] as 'y' | 'n' | 'i',
        bytes,
        text: new TextDecoder().decode(bytes),
      };
    });
}

export interface XmlSuiteInput {
  /** The spec file (or asset) it comes from, and the line of the literal. */
  readonly source: string;
  readonly line: number;
  readonly text: string;
}

/** The XML inputs of fast-xml-parser's `spec/`. */
export function xmlSuiteInputs(): XmlSuiteInput[] {
  const file = JSON.parse(readFileSync(join(SUITES, 'fast-xml-parser', 'spec-inputs.json'), 'utf8')) as {
    inputs: XmlSuiteInput[];
  };
  return file.inputs;
}
