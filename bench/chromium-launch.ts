// How every browser here starts Debian's Chromium: Playwright's tests (playwright.config.ts)
// and the bench's opening figures (bench/chromium.ts) use one set of options.
export const CHROMIUM_LAUNCH = {
  // Playwright never downloads browsers on these machines.
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
