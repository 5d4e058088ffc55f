import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** DESIGN.md "Targets": what index.html loads before the first paint, gzip (not the worker, not lazy chunks). */
const INITIAL_JS_BUDGET = 120 * 1024;

/**
 * The hosted build's policy: only the page's own files; no inline script, no request anywhere (`connect-src`
 * closed). Workers come from the site's own files.
 */
const HOSTED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'none'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

function hostedCsp(): Plugin {
  return {
    name: 'ci-viewer:csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${cspMeta(HOSTED_CSP)}`),
  };
}

/** Fails the build when the initial JavaScript is over budget, and writes the figure to dist/size-report.json. */
function initialSizeBudget(): Plugin {
  return {
    name: 'ci-viewer:size-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        const chunk = byName.get(name);
        if (!chunk || chunk.type !== 'chunk') return;
        initial.add(name);
        chunk.imports.forEach(visit);
      };
      chunks.filter((c) => c.type === 'chunk' && c.isEntry).forEach((c) => visit(c.fileName));
      let total = 0;
      const files: Record<string, number> = {};
      for (const name of initial) {
        const chunk = byName.get(name);
        if (chunk?.type !== 'chunk') continue;
        const gz = gzipSync(chunk.code, { level: 9 }).length;
        files[name] = gz;
        total += gz;
      }
      const report = { initialJsGzipBytes: total, budgetBytes: INITIAL_JS_BUDGET, files };
      this.emitFile({ type: 'asset', fileName: 'size-report.json', source: JSON.stringify(report, null, 2) });
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      this.info(
        `initial JavaScript: ${kb(total)} gzip (budget ${kb(INITIAL_JS_BUDGET)}, ${((100 * total) / INITIAL_JS_BUDGET).toFixed(0)}%)`,
      );
      if (total > INITIAL_JS_BUDGET)
        this.error(`initial JavaScript ${kb(total)} gzip is over the ${kb(INITIAL_JS_BUDGET)} budget`);
    },
  };
}

/**
 * The single-file build opened from disk: everything is inline, so its policy lists the hashes of the inline
 * script and style, and allows the `blob:` worker. Written after the plugin has inlined everything.
 */
function singleFileCsp(outDir: string): Plugin {
  return {
    name: 'ci-viewer:single-file-csp',
    apply: 'build',
    enforce: 'post',
    closeBundle() {
      const file = resolve(outDir, 'index.html');
      let html = readFileSync(file, 'utf8');
      const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
      const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1] ?? ''));
      const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1] ?? ''));
      const policy = [
        "default-src 'none'",
        `script-src ${scripts.join(' ') || "'none'"}`,
        `style-src ${styles.join(' ') || "'none'"}`,
        'img-src data:',
        'worker-src blob:',
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');
      html = html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${cspMeta(policy)}`);
      writeFileSync(file, html);
    },
  };
}

/**
 * The version of a file's stored index (`src/worker/stored-index.ts`): a hash of what makes the documents the worker
 * sends (the parser, the model, the digest, the wire format) and how a record keeps them (`stored-index.ts`,
 * `index-digest.ts`, `index-text.ts`). A build that parses differently re-parses a kept file on its first reload
 * instead of listing documents the older parser made.
 */
function indexVersion(): string {
  const hash = createHash('sha256');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('__fixtures__'));
  const src = resolve(import.meta.dirname, 'src');
  const worker = [
    'wire.ts',
    'protocol.ts',
    'stored-index.ts',
    'index-digest.ts',
    'index-text.ts',
    'parse-worker.ts',
  ].map((f) => join(src, 'worker', f));
  for (const file of [...files(join(src, 'domain')).sort(), ...worker]) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const outDir = single ? 'dist-single' : 'dist';
  return {
    // Relative asset paths: the build works from any sub-path of any static host.
    base: './',
    define: { __INDEX_VERSION__: JSON.stringify(indexVersion()) },
    plugins: [
      react(),
      ...(single
        ? [viteSingleFile({ removeViteModuleLoader: true }), singleFileCsp(outDir)]
        : [hostedCsp(), initialSizeBudget()]),
    ],
    resolve: {
      alias: {
        '@parse-worker-factory': resolve(
          import.meta.dirname,
          single ? 'src/worker/create-worker-inline.ts' : 'src/worker/create-worker.ts',
        ),
      },
    },
    build: {
      target: 'es2022',
      outDir,
      sourcemap: false,
      reportCompressedSize: true,
    },
    // Opened from file://, Chromium refuses a *module* worker from a blob: URL but runs a classic one; the inlined
    // worker is self-contained, so the single file uses a classic (iife) worker.
    worker: { format: single ? 'iife' : 'es' },
  };
});
