// After `npm install`: try to fetch Electron's binary now (Electron 42+ no longer does it at
// install), so the first `npm start` opens the window at once. Best effort only: it never
// fails the install; `npm start` tries again and otherwise opens the app in a browser.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

try {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', timeout: 5 * 60_000 });
  if (r.status === 0) console.log('Lecture Companion: Electron is ready; `npm start` opens the app.');
  else {
    const why =
      `${r.stderr ?? ''}\n${r.error?.message ?? ''}`
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l && !l.startsWith('at ')) ?? 'no reason given';
    console.log(
      `Lecture Companion: Electron's binary was not downloaded now (${why.slice(0, 120)}); \`npm start\` tries again, and opens the app in your browser if it still cannot.`,
    );
  }
} catch (e) {
  console.log(`Lecture Companion: skipped the Electron download (${e instanceof Error ? e.message : e}).`);
}
