// Test runner configuration: unit and integration suites, no network beyond 127.0.0.1.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A page or a server reached under load (CI on shared cores) may take seconds to show what it will show: poll
    // assertions wait for it up to 15 s (they pass as soon as the value is there), instead of vitest's default 1 s.
    expect: { poll: { timeout: 15_000 } },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
