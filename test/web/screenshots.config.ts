// `npm run screenshots`: the pages of the web app at 1280 and 390 px into docs/screenshots/ (outside `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/web/screenshots.shots.ts'],
    env: { LECTERN_TEST_DIALECT: 'sqlite' },
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
