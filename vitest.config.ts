import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'dist/vitest-report.json' }]],
    hookTimeout: 60_000,
  },
});
