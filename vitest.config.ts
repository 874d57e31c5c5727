import { defineConfig } from 'vitest/config';

// Unit tests sit next to their code; cross-room tests live in test/.
// Forks, not threads: better-sqlite3 and child-process tests are happier in their own process.
export default defineConfig({
  test: {
    include: ['{core,db,export,service,electron,renderer,cli,test}/**/*.test.{ts,tsx}'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
