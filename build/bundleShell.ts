// Bundles the Electron shell with esbuild: main (ESM, the desk service included) and the sandboxed preload
// (CommonJS, nothing but `electron`) into out/shell/. Native and Electron modules stay external.
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', '@node-rs/argon2', 'electron-updater', 'electron-store'];

await build({
  entryPoints: { main: 'electron/shell/main.ts' },
  outdir: 'out/shell',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  // Bundled CommonJS dependencies may still call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

await build({
  entryPoints: { preload: 'electron/shell/preload.ts' },
  outdir: 'out/shell',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
});

console.log('shell: bundled to out/shell/main.mjs and out/shell/preload.cjs');
