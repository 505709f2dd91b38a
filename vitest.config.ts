import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources of workspace packages, never their build output (which may be
// stale). Vitest resolves in Vite's SSR environment, whose conditions are separate from the client's.
const sourceConditions = ['@stratex/source', 'node'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'runtimes/*/src/**/*.test.ts'],
    // Native addons such as isolated-vm crash under worker threads on Node 20.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
