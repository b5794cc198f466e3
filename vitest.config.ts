import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built bin; give a loaded 2-core CI machine room.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
