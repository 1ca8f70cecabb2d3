// Durable writes: the order of file calls behind every save (temp → write → fsync →
// rename → fsync of the folder, all before the save resolves), shown by recording an
// injected fs layer; lowdb with the durable adapter on real files; and failures that
// must leave the earlier file whole.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';
import { DurableFile, nodeFs, syncDir, writeDurable, type DurableFs, type DurableHandle } from '../../../electron/main/store/durable';
import { writeBackup } from '../../../electron/main/store/backups';
import { acquireLock } from '../../../electron/main/store/lock';
import { JOURNAL_FILE } from '../../../electron/main/store/journal';
import { DATA_FILE, openStore } from '../../../electron/main/store/store';

const { tempDir } = useStores('lc-durable-');

/** Names without folders, temp files as "tmp", so sequences read the same on every run. */
const show = (p: string, dir: string) => (p === dir ? 'dir' : /\.tmp$/.test(basename(p)) ? 'tmp' : basename(p));

/** A temp file's calls up to its naming: written, then synced (fsync where its time is set). */
const synced = (sync: 'fdatasync' | 'fsync', ...between: string[]) => ['open tmp wx', 'write tmp', ...between, `${sync} tmp`, 'close tmp'];
const DIR_SYNC = ['open dir r', 'fsync dir', 'close dir'];
/** A durable rewrite of the data file: temp → write → fdatasync → rename → fsync of the folder. */
const DATA_FILE_WRITE = [...synced('fdatasync'), `rename tmp ${DATA_FILE}`, ...DIR_SYNC];

/** An fs layer that records every call, and can fail one kind of call with an errno. */
function recorder(dir: string, failOn?: { op: string; code: string }) {
  const log: string[] = [];
  const fail = (op: string) => {
    if (failOn?.op === op) throw Object.assign(new Error(`${failOn.code}: injected`), { code: failOn.code });
  };
  const fs: DurableFs = {
    async open(path, flags) {
      const name = show(path, dir);
      log.push(`open ${name} ${flags}`);
      const h = await nodeFs.open(path, flags);
      const wrapped: DurableHandle = {
        async writeFile(d) {
          log.push(`write ${name}`);
          fail('write');
          await h.writeFile(d);
        },
        // The real FileHandle's single-call write, which durable writes use where it exists.
        async write(b, offset, length) {
          log.push(`write ${name}`);
          fail('write');
          return h.write!(b, offset, length);
        },
        async datasync() {
          log.push(`fdatasync ${name}`);
          fail(name === 'dir' ? 'fsync-dir' : 'fsync');
          await h.datasync!();
        },
        async sync() {
          log.push(`fsync ${name}`);
          fail(name === 'dir' ? 'fsync-dir' : 'fsync');
          await h.sync();
        },
        async utimes(a, m) {
          log.push(`utimes ${name}`);
          await h.utimes!(a, m);
        },
        async truncate(n) {
          log.push(`truncate ${name} ${n}`);
          await h.truncate!(n);
        },
        async close() {
          log.push(`close ${name}`);
          await h.close();
        },
      };
      return wrapped;
    },
    async rename(a, b) {
      log.push(`rename ${show(a, dir)} ${show(b, dir)}`);
      fail('rename');
      await nodeFs.rename(a, b);
    },
    async link(a, b) {
      log.push(`link ${show(a, dir)} ${show(b, dir)}`);
      await nodeFs.link(a, b);
    },
    async unlink(p) {
      log.push(`unlink ${show(p, dir)}`);
      await nodeFs.unlink(p);
    },
  };
  return { fs, log };
}

describe('durable writes', () => {
  it('a save resolves only after temp, write, fdatasync, rename and the folder fsync, in that order', async () => {
    const dir = tempDir();
    const { fs, log } = recorder(dir);
    const s = await openStore({ dataDir: dir, fs, backupsPerDay: false });
    log.length = 0;
    await s.saveNote('aaaaaaaaaaa', 'durable').then(() => log.push('resolved'));
    expect(log).toEqual([...DATA_FILE_WRITE, 'resolved']);
    await s.close();
  });

  it('a later save appends one journal line (write, fdatasync; the folder once), and compaction renames before emptying it', async () => {
    const dir = tempDir();
    const { fs, log } = recorder(dir);
    const s = await openStore({ dataDir: dir, fs, backupsPerDay: false });
    await s.saveNote('aaaaaaaaaaa', 'the data file');
    log.length = 0;
    const J = JOURNAL_FILE;
    await s.saveNote('aaaaaaaaaaa', 'a line').then(() => log.push('resolved'));
    await s.saveNote('bbbbbbbbbbb', 'another').then(() => log.push('resolved'));
    expect(log).toEqual([
      `open ${J} a`,
      `write ${J}`,
      `fdatasync ${J}`,
      ...DIR_SYNC,
      'resolved',
      `write ${J}`,
      `fdatasync ${J}`,
      'resolved',
    ]);
    log.length = 0;
    await s.close();
    expect(log.slice(0, 11)).toEqual([...DATA_FILE_WRITE, `truncate ${J} 0`, `fdatasync ${J}`, `close ${J}`]);
  });

  it('a backup is synced before it gets its name by link (never replacing one), then the folder', async () => {
    const dir = tempDir();
    const backups = join(dir, 'backups');
    const { fs, log } = recorder(backups);
    const name = await writeBackup(dir, 'before-merge-x', '{"schemaVersion":2}', Date.UTC(2026, 0, 2), fs);
    expect(name).toBe('before-merge-x.json');
    expect(log).toEqual([...synced('fsync', 'utimes tmp'), 'link tmp before-merge-x.json', 'unlink tmp', ...DIR_SYNC]);
    // The same name again gets its own file: the first is never replaced.
    expect(await writeBackup(dir, 'before-merge-x', 'second', Date.now(), fs)).toBe('before-merge-x-2.json');
    expect(readFileSync(join(backups, name), 'utf8')).toBe('{"schemaVersion":2}');
  });

  it('the lock is written whole and synced before it is taken, then the folder', async () => {
    const dir = tempDir();
    const { fs, log } = recorder(dir);
    const lock = await acquireLock(dir, fs);
    expect(log).toEqual([...synced('fsync'), 'link tmp .lock', 'unlink tmp', ...DIR_SYNC]);
    await lock.release();
  });

  it('a quarantine copy is durable and never replaces a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATA_FILE), '{ broken');
    const { fs, log } = recorder(dir);
    const s = await openStore({ dataDir: dir, fs, backupsPerDay: false });
    expect(s.status.state).toBe('recovered');
    const q = basename(s.status.quarantinePath!);
    const i = log.indexOf(`link tmp ${q}`);
    expect(i).toBeGreaterThan(0);
    expect(log.slice(i - 3, i)).toEqual(['write tmp', 'fdatasync tmp', 'close tmp']);
    expect(log.slice(i + 1, i + 4)).toEqual(['unlink tmp', 'open dir r', 'fsync dir']);
    expect(readFileSync(s.status.quarantinePath!, 'utf8')).toBe('{ broken');
    await s.close();
  });

  it('lowdb with the durable adapter reads and writes a real file', async () => {
    const dir = tempDir();
    const path = join(dir, 'low.json');
    const db = new Low<Uint8Array | string>(new DurableFile(path), '');
    await db.read();
    expect(db.data).toBe(''); // no file yet: the default
    db.data = '{"a":1}\n';
    await db.write();
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    const again = new Low<Uint8Array | string>(new DurableFile(path), '');
    await again.read();
    expect(Buffer.from(again.data).toString()).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['low.json']);
  });

  it('a failed write (ENOSPC) leaves the earlier file whole and no temp file behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'export.json');
    await writeDurable(path, 'good');
    for (const op of ['write', 'fsync', 'rename']) {
      const { fs } = recorder(dir, { op, code: 'ENOSPC' });
      await expect(writeDurable(path, 'partial', { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(readFileSync(path, 'utf8')).toBe('good');
      expect(readdirSync(dir)).toEqual(['export.json']);
    }
  });

  it('skips the folder fsync where the platform cannot open a folder (Windows: EISDIR, EPERM)', async () => {
    const dir = tempDir();
    for (const code of ['EISDIR', 'EPERM']) {
      const fs: DurableFs = { ...nodeFs, open: async () => Promise.reject(Object.assign(new Error(code), { code })) };
      await expect(syncDir(dir, fs)).resolves.toBeUndefined();
    }
  });

  it('start-up removes temp files a killed writer left, and keeps the data', async () => {
    const dir = tempDir();
    const s = await openStore({ dataDir: dir, backupsPerDay: false });
    await s.saveNote('aaaaaaaaaaa', 'kept');
    await s.close();
    writeFileSync(join(dir, `.${DATA_FILE}.12345-0123456789ab.tmp`), '{"half');
    writeFileSync(join(dir, `.${DATA_FILE}.tmp`), '{"steno');
    const again = await openStore({ dataDir: dir, backupsPerDay: false });
    expect(again.data.notes.aaaaaaaaaaa?.text).toBe('kept');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, DATA_FILE))).toBe(true);
    await again.close();
  });
});
