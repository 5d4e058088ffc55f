/**
 * The real callback fixtures (src/domain/__fixtures__), read with fs and turned into one-line payloads for the
 * benchmark log generator. Every job and workflow fixture file is used: single payloads as they are, files that hold several
 * payloads (a JSON Lines file, a JSON array, a server log, an HTTP request dump) split into their payloads.
 * Payloads that come out identical to one already taken (the derived files are made from the published ones)
 * are kept once, so every distinct published or derived shape has the same weight.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type PayloadFormat = 'xml' | 'json';

export interface FixturePayload {
  /** Fixture file, relative to the fixtures directory, with `#n` when the file holds several payloads. */
  readonly source: string;
  readonly format: PayloadFormat;
  /** The payload on one line: XML minified, JSON re-serialised with `JSON.stringify`. */
  readonly text: string;
}

export const FIXTURES_DIR = fileURLToPath(new URL('../src/domain/__fixtures__/', import.meta.url));

/**
 * Collapses the whitespace between tags (`>\s+<`) and nothing else: text content, including its inner and
 * trailing spaces, is never touched. Whitespace before the first and after the last tag is trimmed.
 */
export function minifyXml(xml: string): string {
  return xml.trim().replace(/>\s+</g, '><');
}

/**
 * Removes trailing commas (a `,` followed only by whitespace and then `}` or `]`) outside JSON strings; strings
 * are skipped with their escapes, so a `,}` inside a string value stays. Valid JSON comes back unchanged.
 */
export function removeTrailingCommas(text: string): string {
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 44 /* , */) {
      let j = i + 1;
      while (j < text.length && isJsonSpace(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      if (next === 125 /* } */ || next === 93 /* ] */) {
        out += text.slice(copiedTo, i);
        copiedTo = i + 1;
      }
    }
    i++;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A JSON payload on one line; a published trailing comma is removed first. */
export function oneLineJson(text: string): string {
  return JSON.stringify(JSON.parse(removeTrailingCommas(text.replace(/^\uFEFF/, ''))));
}

function readFixture(relative: string): string {
  return readFileSync(join(FIXTURES_DIR, relative), 'utf8');
}

/** Splits one fixture file into its payloads. */
function payloadsOfFile(relative: string, text: string): { format: PayloadFormat; text: string }[] {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  if (name.endsWith('.jsonl')) {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => ({ format: 'json', text: oneLineJson(line) }));
  }
  if (name.endsWith('.log')) {
    const out: { format: PayloadFormat; text: string }[] = [];
    for (const line of text.split('\n')) {
      const at = line.indexOf(' body=');
      if (at === -1) continue;
      const body = line.slice(at + ' body='.length);
      out.push(
        body.trimStart().startsWith('<')
          ? { format: 'xml', text: minifyXml(body) }
          : { format: 'json', text: oneLineJson(body) },
      );
    }
    return out;
  }
  if (name.startsWith('http_request_dump')) {
    const blank = text.search(/\r?\n\r?\n/);
    const body = blank === -1 ? '' : text.slice(blank).trim();
    return body.startsWith('<')
      ? [{ format: 'xml', text: minifyXml(body) }]
      : [{ format: 'json', text: oneLineJson(body) }];
  }
  if (name.endsWith('.json')) {
    const value: unknown = JSON.parse(removeTrailingCommas(text.replace(/^\uFEFF/, '')));
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    return values.map((v) => ({ format: 'json', text: JSON.stringify(v) }));
  }
  if (name.endsWith('.xml')) return [{ format: 'xml', text: minifyXml(text) }];
  return [];
}

/**
 * Content-moderation samples (`moderation_*`) are left out: the generator varies job States and times, which a
 * moderation callback does not carry the same way (a Simple one has no State; its `code` says the outcome).
 */
const isModerationSample = (file: string): boolean => file.startsWith('moderation_');

/** Every payload of every job or workflow fixture in seed/, docs/ and derived/, each distinct payload once, in a stable order. */
export function loadFixturePayloads(): FixturePayload[] {
  const seen = new Set<string>();
  const out: FixturePayload[] = [];
  for (const dir of ['seed', 'docs', 'derived']) {
    const files = readdirSync(join(FIXTURES_DIR, dir))
      .filter((file) => !isModerationSample(file))
      .sort();
    for (const file of files) {
      const relative = `${dir}/${file}`;
      const payloads = payloadsOfFile(relative, readFixture(relative));
      payloads.forEach((p, i) => {
        const key = `${p.format}\n${p.text}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({
          source: payloads.length > 1 ? `${relative}#${i + 1}` : relative,
          format: p.format,
          text: p.text,
        });
      });
    }
  }
  return out;
}
