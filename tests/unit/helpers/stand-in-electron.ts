// A stand-in for an Electron Linux dist, for packaging without downloading Electron.
// electron-builder (with -c.electronDist) only copies the directory, renames `electron` and
// flips fuses in it; @electron/fuses finds the fuse wire by a sentinel string, so a small
// file holding the sentinel and a wire is enough. It cannot run the app.
//
// Wire format (node_modules/@electron/fuses/dist): SENTINEL, then one byte for the wire
// version (1), one byte for the wire length N, then N bytes each '0' (off), '1' (on) or
// 'r' (removed), in FuseV1Options order.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's own defaults, the opposite of what the app asks for wherever it asks. */
const ELECTRON_DEFAULTS: Record<number, boolean> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** Every fuse index the installed @electron/fuses knows, so the wire is neither short nor long. */
export const FUSE_COUNT = Object.values(FuseV1Options).filter((v) => typeof v === 'number').length;

export function fuseWire(): Buffer {
  const states = Array.from({ length: FUSE_COUNT }, (_, i) => {
    if (!(i in ELECTRON_DEFAULTS)) throw new Error(`stand-in: no default for fuse ${FuseV1Options[i]}`);
    return ELECTRON_DEFAULTS[i] ? '1' : '0';
  }).join('');
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, FUSE_COUNT]), Buffer.from(states, 'latin1')]);
}

/** Writes `electron` (executable, with the fuse wire) and `version` into dir. */
export async function makeStandInElectron(dir: string, version = '45.5.0'): Promise<void> {
  await mkdir(dir, { recursive: true });
  const exe = join(dir, 'electron');
  await writeFile(
    exe,
    Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in Electron: cannot run the app\nexit 1\n'), fuseWire(), Buffer.from('\n')]),
  );
  await chmod(exe, 0o755);
  await writeFile(join(dir, 'version'), version);
}
