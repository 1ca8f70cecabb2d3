// Reading a loopback request's JSON body. A large body (an imported backup, up to 70 MB)
// is decoded and parsed in a worker thread: JSON.parse of 39 MB holds a thread for most of
// a second, and on this one every other request (a note save, getLibrary) would wait.
import type { IncomingMessage } from 'node:http';
import { Worker } from 'node:worker_threads';

export const MAX_BODY = 70 * 1024 * 1024;
/** Bodies from this size up are parsed off the main thread; smaller ones cost less to parse here than to hand over. */
export const OFF_THREAD_BODY = 1024 * 1024;

export class TooLarge extends Error {}
export class NotJson extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit, keep reading but drop the bytes: the client then gets to read the 413
      // instead of a connection reset in the middle of its upload.
      if (size <= MAX_BODY) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => (size > MAX_BODY ? fail(new TooLarge()) : ok(Buffer.concat(chunks))));
    req.on('error', fail);
  });
}

// Plain JavaScript, run with `eval`: no file to bundle or find, in the app or under tsx.
const PARSER = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (bytes) => {
  let reply;
  try {
    reply = { value: JSON.parse(Buffer.from(bytes).toString('utf8')) };
  } catch (e) {
    reply = { error: String((e && e.message) || e) };
  }
  parentPort.postMessage(reply);
});
`;

function parseHere(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (e) {
    throw new NotJson((e as Error).message);
  }
}

function parseInWorker(body: Buffer): Promise<unknown> {
  return new Promise((ok, fail) => {
    let worker: Worker;
    try {
      worker = new Worker(PARSER, { eval: true });
    } catch {
      return ok(parseHere(body)); // no worker here: slower, but the request still works
    }
    const done = () => void worker.terminate();
    worker.once('message', (m: { value?: unknown; error?: string }) => {
      done();
      if (m.error !== undefined) fail(new NotJson(m.error));
      else ok(m.value);
    });
    worker.once('error', (e) => (done(), fail(e)));
    // A body that owns its memory moves to the worker without a copy.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    const bytes = own ? body : Uint8Array.from(body);
    worker.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
  });
}

/** The body's JSON value; NotJson when it is none. A large body's memory moves to the worker: do not use it after. */
export async function parseBody(body: Buffer): Promise<unknown> {
  return body.length >= OFF_THREAD_BODY ? parseInWorker(body) : parseHere(body);
}
