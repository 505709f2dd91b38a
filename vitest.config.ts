import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources of workspace packages, not their build output.
    conditions: ['@stratex/source'],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'runtimes/*/src/**/*.test.ts'],
    // Native addons such as isolated-vm crash under worker threads on Node 20.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
