import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

// Playwright cannot download its own browser on every machine; Debian's Chromium stands in.
const ownChromium = chromium.executablePath();
const executablePath = existsSync(ownChromium) ? undefined : '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env['CI'] === 'true',
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
