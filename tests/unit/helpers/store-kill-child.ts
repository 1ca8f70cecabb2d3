// Child process for store-kill.test.ts: opens the store and saves notes in bursts,
// printing `ack <n>` the moment each saveNote resolves. The parent SIGKILLs it at
// random moments and checks that every acked note is on disk.
// Args: <dataDir> <run> <seed>. Note n goes to slot n % SLOTS with text "r<run> n<n> …".
import { openStore } from '../../../electron/main/store/store';

const SLOTS = 20;
const [dataDir, runArg, seedArg] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: store-kill-child <dataDir> <run> <seed>');
const run = Number(runArg);
let seed = Number(seedArg) >>> 0;
// Own small PRNG: burst sizes and note lengths vary so kills land in every phase of a write.
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const slotId = (slot: number) => `slot${String(slot).padStart(7, '0')}`;

const store = await openStore({ dataDir });
// Pipes are written synchronously on Linux, so a printed ack reaches the parent even if we die next.
process.stdout.write('ready\n');
let n = 0;
for (;;) {
  const burst = 1 + Math.floor(rand() * 4);
  const saves: Promise<void>[] = [];
  for (let i = 0; i < burst; i++) {
    const k = n++;
    const text = `r${run} n${k} ` + 'lorem ipsum '.repeat(Math.floor(rand() * 1500));
    saves.push(store.saveNote(slotId(k % SLOTS), text).then(() => void process.stdout.write(`ack ${k}\n`)));
    if (rand() < 0.3) saves.push(store.setWatched(slotId(k % SLOTS), rand() < 0.5));
  }
  await Promise.all(saves);
}
