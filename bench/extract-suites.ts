/**
 * Extracts the test data of the parsers' reference suites into `src/domain/__fixtures__/suites/` (the data only,
 * never the suites' code; see the README there). Run by hand when a suite is to be refreshed, against local git
 * clones of the two repositories:
 *
 *   node --import tsx bench/extract-suites.ts <fast-xml-parser.git> <JSONTestSuite.git>
 *
 * - fast-xml-parser: every XML input of `spec/`: the string literals of its `*_spec.js` files that hold markup
 *   (literals joined with `+` are joined; template literals with `${…}` are left out, their text being made at
 *   run time), and the `.xml`/`.svg` files of `spec/assets/`, once each. Read by TypeScript's parser, never run.
 * - JSONTestSuite: the files of `test_parsing/`, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const OUT = join(import.meta.dirname, '..', 'src', 'domain', '__fixtures__', 'suites');

function git(repo: string, ...args: string[]): Buffer {
  return execFileSync('git', ['--git-dir', repo, ...args], { maxBuffer: 256 * 1024 * 1024 });
}

function head(repo: string): string {
  return git(repo, 'rev-parse', 'HEAD').toString().trim();
}

function files(repo: string, under: string): string[] {
  return git(repo, 'ls-tree', '-r', '--name-only', 'HEAD', under).toString().split('\n').filter(Boolean);
}

function blob(repo: string, path: string): Buffer | undefined {
  try {
    return git(repo, 'show', `HEAD:${path}`);
  } catch {
    return undefined; // listed but absent from the snapshot (its largest files)
  }
}

/** The text of a literal, or of literals joined with `+`; undefined for anything computed. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left);
    const right = literalText(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/**
 * Markup: text that, white space aside, starts with `<`, or holds a tag (`<b>`, `</v>`); a few expected values and
 * messages match too, which only adds inputs (the tests compare two readers on whatever text they get).
 */
const MARKUP = /^\s*<|<[A-Za-z_:?!/][^<>]*>/;

interface XmlInput {
  readonly source: string;
  readonly line: number;
  readonly text: string;
}

function extractXml(repo: string): { inputs: XmlInput[]; computed: number; commit: string } {
  const inputs: XmlInput[] = [];
  const seen = new Set<string>();
  let computed = 0;
  for (const path of files(repo, 'spec')) {
    const data = blob(repo, path);
    if (!data) continue;
    if (path.startsWith('spec/assets/') && /\.(xml|svg)$/.test(path)) {
      const text = data.toString('utf8');
      if (!seen.has(text)) inputs.push({ source: path, line: 1, text });
      seen.add(text);
      continue;
    }
    if (!/_spec\.js$/.test(path)) continue;
    const file = ts.createSourceFile(
      path,
      data.toString('utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.JS,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateExpression(node)) {
        if (MARKUP.test(node.getText(file))) computed++;
      } else {
        const text = literalText(node);
        if (text !== undefined) {
          if (MARKUP.test(text) && !seen.has(text)) {
            seen.add(text);
            const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
            inputs.push({ source: path, line: line + 1, text });
          }
          if (ts.isBinaryExpression(node)) return; // its parts are not inputs of their own
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { inputs, computed, commit: head(repo) };
}

function main(): void {
  const [fxp, jts] = process.argv.slice(2);
  if (!fxp || !jts) throw new Error('usage: extract-suites.ts <fast-xml-parser.git> <JSONTestSuite.git>');

  const xml = extractXml(fxp);
  const xmlDir = join(OUT, 'fast-xml-parser');
  rmSync(xmlDir, { recursive: true, force: true });
  mkdirSync(xmlDir, { recursive: true });
  writeFileSync(
    join(xmlDir, 'spec-inputs.json'),
    JSON.stringify(
      { repository: 'NaturalIntelligence/fast-xml-parser', commit: xml.commit, inputs: xml.inputs },
      null,
      1,
    ) + '\n',
  );
  writeFileSync(join(xmlDir, 'LICENSE'), blob(fxp, 'LICENSE') as Buffer);

  const jsonDir = join(OUT, 'JSONTestSuite');
  rmSync(jsonDir, { recursive: true, force: true });
  mkdirSync(join(jsonDir, 'test_parsing'), { recursive: true });
  const parsing = files(jts, 'test_parsing').filter((p) => p.endsWith('.json'));
  for (const path of parsing) writeFileSync(join(jsonDir, path), blob(jts, path) as Buffer);
  writeFileSync(join(jsonDir, 'LICENSE'), blob(jts, 'LICENSE') as Buffer);
  writeFileSync(join(jsonDir, 'COMMIT'), `${head(jts)}\n`);

  console.log(
    `fast-xml-parser ${xml.commit}: ${xml.inputs.length} XML inputs (${xml.computed} computed ones left out)`,
  );
  console.log(`JSONTestSuite ${head(jts)}: ${parsing.length} files of test_parsing/`);
}

main();
