/**
 * `parsePayload` as the app ships it: `src/domain/parse-payload.ts` bundled by Vite (rolldown and oxc, production
 * mode, as `npm run build` does for the worker), so the benchmark times the shipped code. Loaded from `src/`
 * through tsx instead, it would carry tsx's development transform (esbuild `keepNames`, which wraps every closure
 * made at run time in a `__name` call), which the app never runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { parsePayload as ParsePayload } from '../src/domain/parse-payload';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'bench', 'out', 'shipped');
const FILE = join(OUT_DIR, 'parse-payload.mjs');

/** Bundles the parser (about a second), unless `reuse` and a bundle is there (the memory child reuses its parent's). */
export async function loadShippedParser(reuse = false): Promise<typeof ParsePayload> {
  if (!reuse || !existsSync(FILE)) {
    // Imported here, not at the top: the memory child reuses the bundle, and Vite would add ~150 MB to its RSS.
    const { build } = await import('vite');
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      mode: 'production',
      publicDir: false,
      build: {
        outDir: OUT_DIR,
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: join(ROOT, 'src/domain/parse-payload.ts'),
          formats: ['es'],
          fileName: () => 'parse-payload.mjs',
        },
      },
    });
  }
  const module = (await import(pathToFileURL(FILE).href)) as { parsePayload: typeof ParsePayload };
  return module.parsePayload;
}
