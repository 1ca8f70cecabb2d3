// The runtime boundaries in eslint.config.js, proved both ways: each rule fails on a violation
// and passes the legal import next to it. Lints source text under a path in the folder it is
// about (the file need not exist), through ESLint's own Node API and the project's real config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures';

const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: ROOT });

/** The boundary messages for `code` placed at `filePath`; fails the test on a parse error. */
async function violations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `parse errors in the snippet for ${filePath}`).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const use = (name: string) => `\nexport const used = ${name};\n`;

describe('electron is imported only by the Electron glue', () => {
  const value = `import { app } from 'electron';${use('app')}`;
  const types = `import type { WebContents } from 'electron';\nexport type W = WebContents;\n`;

  it('fails a value import in a plain main-process module', async () => {
    const [msg] = await violations(value, 'electron/main/service.ts');
    expect(msg).toMatch(/Only the Electron glue/);
  });

  it('fails even a type import outside the glue', async () => {
    expect(await violations(types, 'electron/main/store/store.ts')).toHaveLength(1);
  });

  it('fails in the renderer, in electron/shared and in tests', async () => {
    expect(await violations(value, 'renderer/src/lib/api.ts')).toHaveLength(1);
    expect(await violations(value, 'electron/shared/contract.ts')).toHaveLength(1);
    expect(await violations(value, 'tests/unit/service.test.ts')).toHaveLength(1);
  });

  it('passes in the glue: the main entry and the preload', async () => {
    expect(await violations(value, 'electron/main/index.ts')).toEqual([]);
    expect(await violations(value, 'electron/preload/index.ts')).toEqual([]);
  });

  it('lets ipc.ts and security.ts import types only', async () => {
    expect(await violations(types, 'electron/main/ipc.ts')).toEqual([]);
    expect(await violations(types, 'electron/main/security.ts')).toEqual([]);
    expect(await violations(value, 'electron/main/security.ts')).toHaveLength(1);
  });
});

describe('Node built-ins never in electron/shared or the renderer', () => {
  const cases = [
    `import { readFile } from 'node:fs/promises';${use('readFile')}`,
    `import { join } from 'path';${use('join')}`,
    `import fs from 'fs';${use('fs')}`,
    `import type { Buffer } from 'node:buffer';\nexport type B = Buffer;\n`,
  ];

  it.each(cases)('fails in electron/shared: %s', async (code) => {
    expect(await violations(code, 'electron/shared/links.ts')).toEqual([expect.stringMatching(/runs without Node/)]);
  });

  it.each(cases)('fails in the renderer: %s', async (code) => {
    expect(await violations(code, 'renderer/src/lib/state/library.svelte.ts')).toEqual([expect.stringMatching(/runs without Node/)]);
  });

  it('fails in a Svelte component', async () => {
    const code = `<script lang="ts">\n  import { readFileSync } from 'node:fs';\n  const f = readFileSync;\n</script>\n<p>{f.name}</p>\n`;
    expect(await violations(code, 'renderer/src/lib/components/Summary.svelte')).toHaveLength(1);
  });

  it('passes in the main process and in node tests', async () => {
    for (const code of cases) {
      expect(await violations(code, 'electron/main/store/store.ts')).toEqual([]);
      expect(await violations(code, 'tests/unit/store.test.ts')).toEqual([]);
    }
  });
});

describe('the renderer never imports the main process', () => {
  it('fails a relative import of electron/main, from a module and from a component', async () => {
    const code = `import { Service } from '../../../electron/main/service';${use('Service')}`;
    expect(await violations(code, 'renderer/src/lib/api.ts')).toEqual([expect.stringMatching(/may not import from electron\/main/)]);
    const svelte = `<script lang="ts">\n  import { parseCatalog } from '../../../../electron/main/catalog/parse';\n  const p = parseCatalog;\n</script>\n<p>{p.name}</p>\n`;
    expect(await violations(svelte, 'renderer/src/lib/components/Summary.svelte')).toHaveLength(1);
  });

  it('passes the shared contract', async () => {
    const code = `import { METHODS } from '../../../electron/shared/contract';${use('METHODS')}`;
    expect(await violations(code, 'renderer/src/lib/api.ts')).toEqual([]);
  });

  it('keeps electron/shared from importing the folders built on it', async () => {
    expect(await violations(`import { Service } from '../main/service';${use('Service')}`, 'electron/shared/contract.ts')).toHaveLength(1);
    expect(await violations(`import { x } from '../preload/index';${use('x')}`, 'electron/shared/contract.ts')).toHaveLength(1);
    expect(await violations(`import { api } from '../../renderer/src/lib/api';${use('api')}`, 'electron/shared/contract.ts')).toHaveLength(1);
    expect(await violations(`import { renderMarkdown } from './markdown';${use('renderMarkdown')}`, 'electron/shared/contract.ts')).toEqual([]);
  });
});
