// `npm run dist` (scripts/dist.ts): which electron-builder command line it runs on each host,
// and the plain line it ends a failed download with. The logs below are electron-builder
// 26.17's own output on a machine that cannot reach GitHub (trimmed to the lines that matter).
import { describe, expect, it } from 'vitest';
import { builderArgs, explainFailure, quietStackFrames } from '../../scripts/dist';

const HEAD = `  • electron-builder  version=26.17.0 os=6.18.44
  • loaded configuration  file=/repo/electron-builder.yml
  • executing @electron/rebuild  electronVersion=45.5.0 arch=x64 buildFromSource=false workspaceRoot=/repo projectDir=./ appDir=./
  • installing native dependencies  arch=x64
  • completed installing native dependencies
  • packaging       platform=linux arch=x64 electron=45.5.0 appOutDir=/repo/dist/linux-unpacked`;

const STACK = `    at ClientRequest.<anonymous> (/repo/node_modules/got/dist/source/core/index.js:970:111)
    at Object.onceWrapper (node:events:639:26)
    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)`;

/** With -c.electronDist: packed, then the AppImage tools could not be fetched. */
const APPIMAGE_LOG = `${HEAD}
  • using custom unpacked Electron distribution  electronDist=/tmp/electron-dist
  • copying unpacked Electron  source=/tmp/electron-dist destination=/repo/dist/linux-unpacked
  • searching for node modules  pm=npm searchDir=/repo
  • executing @electron/fuses  electronPath=/repo/dist/linux-unpacked/lecture-companion
  • building        target=AppImage arch=x64 file=/repo/dist/Lecture Companion-0.1.0.AppImage
  ⨯ failed to build AppImage  error=getaddrinfo ENOTFOUND github.com
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com
${STACK}`;

const DEB_LOG = `${HEAD}
  • executing @electron/fuses  electronPath=/repo/dist/linux-unpacked/lecture-companion
  • building        target=deb arch=x64 file=/repo/dist/lecture-companion_0.1.0_amd64.deb
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com
${STACK}`;

/** Without -c.electronDist: the Electron zip itself could not be fetched. */
const ELECTRON_LOG = `${HEAD}
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com
${STACK}`;

describe('builderArgs', () => {
  it("builds the host platform's targets from electron-builder.yml, publishing nothing", () => {
    expect(builderArgs('linux', [])).toEqual(['--linux', '--publish', 'never']);
    expect(builderArgs('win32', [])).toEqual(['--win', '--publish', 'never']);
    expect(builderArgs('darwin', [])).toEqual(['--mac', '--publish', 'never']);
  });

  it('passes extra arguments through, and a platform named there replaces the host default', () => {
    expect(builderArgs('linux', ['-c.electronDist=/d', '--linux', 'dir'])).toEqual(['-c.electronDist=/d', '--linux', 'dir', '--publish', 'never']);
    expect(builderArgs('linux', ['-c.electronDist=/d'])).toEqual(['--linux', '-c.electronDist=/d', '--publish', 'never']);
    expect(builderArgs('darwin', ['-w', 'nsis'])).toEqual(['-w', 'nsis', '--publish', 'never']);
    expect(builderArgs('linux', ['--publish', 'always'])).toEqual(['--linux', '--publish', 'always']);
    expect(builderArgs('linux', ['-p=never'])).toEqual(['--linux', '-p=never']);
  });

  it('says so on a host electron-builder has no targets for', () => {
    expect(() => builderArgs('freebsd', [])).toThrow(/no targets for freebsd; name one/);
  });
});

describe('explainFailure', () => {
  it('names the target whose tools could not be downloaded, and what was packed all the same', () => {
    const line = explainFailure(APPIMAGE_LOG)!;
    expect(line).toMatch(/^dist: packed the app into \/repo\/dist\/linux-unpacked, but could not build AppImage: /);
    expect(line).toContain('downloads appimagetool and the AppImage runtime from GitHub, and github.com cannot be reached (ENOTFOUND)');
    expect(line).toContain('`npm run dist -- -c.electronDist=DIR --linux dir`');
    expect(line).not.toMatch(/\n|RequestError|node_modules|:\d+:\d+/);

    expect(explainFailure(DEB_LOG)).toMatch(/could not build deb: electron-builder downloads fpm from GitHub/);
  });

  it('says when Electron itself could not be downloaded, and how to give it one', () => {
    const line = explainFailure(ELECTRON_LOG)!;
    expect(line).toMatch(/^dist: nothing was packed: electron-builder downloads Electron 45\.5\.0 from GitHub, and github\.com cannot be reached/);
    expect(line).toContain('-c.electronDist=DIR');
  });

  it('leaves other failures to electron-builder’s own message', () => {
    expect(explainFailure(`${HEAD}\n  ⨯ Please specify project homepage, see https://www.electron.build/configuration#metadata`)).toBeNull();
    expect(explainFailure('')).toBeNull();
  });
});

describe('quietStackFrames', () => {
  it('drops the stack under a download error, and nothing else', () => {
    const quiet = quietStackFrames();
    const shown = `${APPIMAGE_LOG}\n  • a later step\n    at a line of its own`
      .split('\n')
      .map(quiet)
      .filter((l): l is string => l !== null);
    expect(shown.filter((l) => /^\s+at /.test(l))).toEqual(['    at a line of its own']);
    expect(shown.slice(-3)).toEqual(['  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build', '  • a later step', '    at a line of its own']);
    expect(shown.filter((l) => l.includes('target=AppImage'))).toHaveLength(1);
  });
});
