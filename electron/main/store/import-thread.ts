// Reading an imported backup without stalling the app. JSON.parse and validation of a
// 39 MB backup hold a thread for over a second; here they run in a worker thread
// (import-worker.ts), and this thread only encodes the text for it and takes the data
// back, each a slice at a time with a turn of the event loop in between, so other
// requests (a note save, getLibrary) are answered meanwhile. Small backups are read here:
// starting a worker costs more than reading them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { holdToLimits, type Skipped } from './limits';
import { parseStoreText, type ParseOutcome } from './parse';
import { DataAssembly, outcomeOf, type ImportJob, type ImportReply } from './import-slices';

/** Below this many characters a backup is read in this thread. */
export const OFF_THREAD_MIN_CHARS = 1_000_000;
/** Characters encoded to UTF-8 per turn of the event loop. */
const PART_CHARS = 256 * 1024;

export interface ReadResult {
  outcome: ParseOutcome;
  /** What the import limits left out (only for current and migrated data). */
  skipped: Skipped | null;
}

export function readBackupHere(text: string, now: number, limits = true): ReadResult {
  const outcome = parseStoreText(text, now);
  const skipped = limits && (outcome.kind === 'current' || outcome.kind === 'migrated') ? holdToLimits(outcome.data) : null;
  return { outcome, skipped };
}

function workerEntry(): string {
  const here = import.meta.dirname;
  const bundled = join(here, 'import-worker.js');
  return !import.meta.filename.endsWith('.ts') && existsSync(bundled) ? bundled : join(here, 'import-worker-source.mjs');
}

const turn = () => new Promise<void>((r) => setImmediate(r));

async function utf8Parts(text: string): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + PART_CHARS);
    // Never split a surrogate pair: each half alone would become U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(Buffer.from(text.slice(at, end), 'utf8'));
    at = end;
    await turn();
  }
  return parts;
}

/** The next message from the worker, or its failure. */
function reply(worker: Worker): Promise<ImportReply> {
  return new Promise((ok, fail) => {
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: ImportReply) => (off(), ok(m));
    const onError = (e: Error) => (off(), fail(e));
    const onExit = (code: number) => (off(), fail(new Error(`the import worker stopped (exit code ${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/**
 * parseStoreText and (with `limits`, for a file from elsewhere) the import limits, off this
 * thread for a large backup.
 */
export async function readBackupText(text: string, now: number, limits = true): Promise<ReadResult> {
  if (text.length < OFF_THREAD_MIN_CHARS) return readBackupHere(text, now, limits);
  const parts = await utf8Parts(text);
  let worker: Worker;
  try {
    worker = new Worker(workerEntry());
  } catch {
    return readBackupHere(text, now, limits); // no worker here: slower, but the import still works
  }
  try {
    const first = reply(worker);
    // A part that owns its whole buffer moves to the worker without a copy.
    const own = parts.filter((p) => p.byteOffset === 0 && p.byteLength === p.buffer.byteLength).map((p) => p.buffer as ArrayBuffer);
    worker.postMessage({ parts, now, limits } satisfies ImportJob, own);
    let head: ImportReply;
    try {
      head = await first;
    } catch {
      return readBackupHere(text, now, limits); // the worker could not start (e.g. its file is missing)
    }
    if (head.kind === 'error') throw new Error(`reading the backup failed: ${head.message}`);
    if (head.kind !== 'head') throw new Error(`the import worker answered ${head.kind} first`);
    if (head.outcome.kind === 'invalid') return { outcome: head.outcome, skipped: null };
    const assembly = new DataAssembly(head.outcome.base);
    for (;;) {
      await turn();
      const next = reply(worker);
      worker.postMessage('next');
      const r = await next;
      if (r.kind === 'done') break;
      if (r.kind !== 'slice') throw new Error(`reading the backup failed: ${r.kind === 'error' ? r.message : r.kind}`);
      assembly.add(r.entries);
    }
    return { outcome: outcomeOf(head.outcome, assembly.data), skipped: head.skipped };
  } finally {
    void worker.terminate();
  }
}
