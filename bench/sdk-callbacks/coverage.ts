/**
 * The note's table, computed over the generated callbacks (src/domain/__fixtures__/sdk-generated/): per family,
 * leaves typed / in task parameter and result trees / in extras, and how many XML and JSON pairs give equal models.
 * With `--details`, each kind's diagnostics, extras and model differences. Then the same count over the content
 * moderation fixtures (docs/ and derived/ `moderation_*`), one row per document, and whether the suspicious video
 * callback's XML and JSON forms give equal models.
 *
 *   node --import tsx bench/sdk-callbacks/coverage.ts [--details]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parsePayload } from '../../src/domain/parse-payload';
import {
  countPlaces,
  extrasIn,
  generatedPairs,
  traceDocument,
  type LeafPlace,
} from '../../src/domain/test-support/sdk-generated';
import { SDK_KINDS, type Family } from './sdk-kinds';

interface Row {
  kinds: Set<string>;
  leaves: Record<LeafPlace, number>;
  pairs: number;
  equal: number;
}

export function coverage(details = false): { rows: Map<Family, Row>; problems: string[] } {
  const rows = new Map<Family, Row>();
  const problems: string[] = [];
  for (const pair of generatedPairs()) {
    const kind = SDK_KINDS.find((k) => k.name === pair.kind);
    if (!kind) throw new Error(`no kind ${pair.kind}`);
    const row = rows.get(kind.family) ?? {
      kinds: new Set<string>(),
      leaves: { typed: 0, tree: 0, extras: 0, 'no value': 0 },
      pairs: 0,
      equal: 0,
    };
    rows.set(kind.family, row);
    row.kinds.add(kind.name);
    const xml = parsePayload(pair.xml).documents[0];
    const json = parsePayload(pair.json).documents[0];
    if (!xml || !json) throw new Error(`${pair.name}: no document`);
    row.pairs++;
    const equal = isDeepStrictEqual(xml.model, json.model);
    if (equal) row.equal++;
    for (const doc of [xml, json]) {
      const counts = countPlaces(traceDocument(doc));
      for (const place of Object.keys(counts) as LeafPlace[]) row.leaves[place] += counts[place];
      if (details) {
        const tag = `${pair.name}.${doc.format}`;
        for (const d of doc.diagnostics)
          problems.push(`${tag}: diagnostic ${d.code} ${d.path ?? ''} ${d.message.en}`);
        for (const e of extrasIn(doc.model))
          problems.push(`${tag}: extras at ${e.path}: ${e.names.join(', ')}`);
      }
    }
    if (details && !equal) problems.push(`${pair.name}: XML and JSON models differ`);
  }
  return { rows, problems };
}

export function table(rows: Map<Family, Row>): string {
  const lines = [
    '| family | kinds | leaves typed | in parameter/result trees | in extras | XML ≡ JSON (pairs) |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  const total = { typed: 0, tree: 0, extras: 0, pairs: 0, equal: 0, kinds: 0 };
  for (const [family, row] of rows) {
    lines.push(
      `| ${family} | ${[...row.kinds].join(', ')} | ${row.leaves.typed} | ${row.leaves.tree} | ${row.leaves.extras} | ${row.equal}/${row.pairs} |`,
    );
    total.typed += row.leaves.typed;
    total.tree += row.leaves.tree;
    total.extras += row.leaves.extras;
    total.pairs += row.pairs;
    total.equal += row.equal;
    total.kinds += row.kinds.size;
  }
  lines.push(
    `| **all** | ${total.kinds} kinds | ${total.typed} | ${total.tree} | ${total.extras} | ${total.equal}/${total.pairs} |`,
  );
  return lines.join('\n');
}

const FIXTURES = join(import.meta.dirname, '..', '..', 'src', 'domain', '__fixtures__');

/** Leaves of each moderation fixture by where they land (typed, kept trees, extras, no value), per document. */
export function moderationTable(): string {
  const lines = [
    '| fixture | shape | form | typed | trees | extras | no value |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
  ];
  const names = ['docs', 'derived'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f.startsWith('moderation_'))
      .sort()
      .map((f) => `${dir}/${f}`),
  );
  for (const name of names) {
    for (const doc of parsePayload(readFileSync(join(FIXTURES, name), 'utf8')).documents) {
      const shape = doc.model?.kind === 'moderation' ? doc.model.shape : (doc.model?.kind ?? 'unreadable');
      const c = countPlaces(traceDocument(doc));
      lines.push(
        `| ${name} | ${shape} | ${doc.format.toUpperCase()} | ${c.typed} | ${c.tree} | ${c.extras} | ${c['no value']} |`,
      );
    }
  }
  const model = (name: string) =>
    parsePayload(readFileSync(join(FIXTURES, name), 'utf8')).documents[0]?.model;
  const same = isDeepStrictEqual(
    model('derived/moderation_video_detail_suspicious.xml'),
    model('derived/moderation_video_detail_suspicious.json'),
  );
  lines.push(
    '',
    `XML ≡ JSON (derived/moderation_video_detail_suspicious.xml / .json): ${same ? 'equal' : 'DIFFER'}`,
  );
  return lines.join('\n');
}

const isMain = process.argv[1] && import.meta.filename === process.argv[1];
if (isMain) {
  const { rows, problems } = coverage(process.argv.includes('--details'));
  console.log(table(rows));
  if (problems.length > 0) console.log(`\n${problems.join('\n')}`);
  console.log(`\n${moderationTable()}`);
}
