// What the service needs from its surroundings, injected so the service runs under plain Node:
// Electron's shell and dialogs in the desktop app, the page itself in browser mode, recorders in tests.
export interface Host {
  /** Open a URL that the service built and checked; never called with anything else. */
  openExternal(url: string): Promise<void>;
  /** Ask where to save; `directory` for one-file-per-lecture exports. Null when cancelled. */
  chooseSavePath(defaultName: string, kind: 'file' | 'directory'): Promise<string | null>;
  /** Write files the user chose a place for. */
  writeFiles(files: { path: string; content: string }[]): Promise<void>;
  /**
   * `download`: exports go back to the page, which hands them to the browser (browser mode:
   * nothing is written on the server's disk). `save`: chooseSavePath + writeFiles (desktop).
   */
  readonly exports: 'save' | 'download';
}
