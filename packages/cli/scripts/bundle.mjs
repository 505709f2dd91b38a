#!/usr/bin/env node
// Bundles the compiled CLI (dist/index.js and the compiled workspace packages it imports) into
// dist/bundle/ with esbuild: a few files instead of ~150 modules, which is most of what a short
// `stratex backtest` spends before its runtime child is up. `npm run build` and `npm install` run it
// after tsc; bin/stratex.js uses the bundle only while its inputs are unchanged (src/bundle-manifest.ts).
//
// Packages outside the workspace stay imports (resolved from node_modules as usual). Each workspace
// file's `import.meta.url` is rewritten to its own URL, relative to the bundle, so the runtimes still
// find their child scripts, the SDK and the sandbox launcher beside their compiled files.
//
// It also writes the Node runtime child's bundle (@stratex/runtime-node writeChildBundle), which every
// strategy run starts, also from the API server.
//
// Usage: node packages/cli/scripts/bundle.mjs [--outdir <dir>]   (default: packages/cli/dist/bundle)
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { BUNDLE_ENTRY, MANIFEST_FILE, manifestOf } = await import(join(cliDir, 'dist/bundle-manifest.js'));
const outFlag = process.argv.indexOf('--outdir');
const outdir = resolve(outFlag === -1 ? join(cliDir, 'dist/bundle') : process.argv[outFlag + 1]);
const staging = `${outdir}.${process.pid}.tmp`;

/** Bare imports of packages outside the workspace stay imports; they must resolve from the bundle as from their importer. */
const externalPackages = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@stratex/') || args.pluginData?.checking) return undefined;
      const check = (resolveDir) =>
        builder.resolve(args.path, { kind: args.kind, resolveDir, pluginData: { checking: true } });
      // From the bundle's parent: it exists already, and the bundle's own directory has no node_modules.
      const [fromImporter, fromBundle] = await Promise.all([check(args.resolveDir), check(dirname(outdir))]);
      if (fromImporter.errors.length === 0 && fromImporter.path !== fromBundle.path) {
        const where = `${fromImporter.path} from its importer, ${fromBundle.path || 'nothing'} from the bundle`;
        return { errors: [{ text: `${args.path} resolves differently: ${where}` }] };
      }
      return { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` of a workspace file → that file's URL, computed relative to the bundle at run time. */
const ownUrls = {
  name: 'own-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = `new URL(${JSON.stringify(relative(outdir, args.path))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const startedAt = Date.now();
const result = await build({
  entryPoints: { [BUNDLE_ENTRY.replace(/\.js$/, '')]: join(cliDir, 'dist/index.js') },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // Maps to the TypeScript sources through the compiled files' own maps; names kept for sane stacks.
  sourcemap: 'linked',
  sourcesContent: false,
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [externalPackages, ownUrls],
});
const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
inputs.push(fileURLToPath(import.meta.url));
const manifest = manifestOf(outdir, inputs);
// An input written while esbuild read it may be newer than what was bundled (file times come from a
// coarser clock than Date.now(), hence the margin): such a bundle must not look fresh.
if (Object.values(manifest.witnesses).some(([, mtimeMs]) => mtimeMs >= startedAt - 50)) {
  rmSync(staging, { recursive: true, force: true });
  throw new Error('the inputs of the CLI bundle changed while it was made; build again');
}
writeFileSync(join(staging, MANIFEST_FILE), JSON.stringify(manifest));
rmSync(outdir, { recursive: true, force: true });
mkdirSync(dirname(outdir), { recursive: true });
renameSync(staging, outdir);
const witnesses = Object.keys(manifest.witnesses).length;
process.stdout.write(
  `[stratex] bundled the CLI: ${relative(process.cwd(), outdir)} (${inputs.length} inputs, ${witnesses} witnesses)\n`,
);
const { writeChildBundle } = await import('@stratex/runtime-node');
process.stdout.write(`[stratex] bundled the runtime child: ${relative(process.cwd(), await writeChildBundle())}\n`);
