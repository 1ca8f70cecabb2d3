// When the service's search index is made (indexing.ts): not before the first screen is
// served, unless someone asks for search; a pause starts it when nobody does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndexing } from '../../../electron/main/search/indexing';
import type { SearchDoc } from '../../../electron/main/search/index';

const DOCS: SearchDoc[] = [
  { videoId: 'aaaaaaaaaaa', title: '自注意力機制 Self-attention', summary: '', note: '' },
  { videoId: 'bbbbbbbbbbb', title: '強化學習', summary: '', note: '' },
];
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((ok) => setImmediate(ok));
};

function indexing() {
  const docs = vi.fn(() => DOCS);
  const job = { files: [], dataDir: null, key: '', appVersion: '0', catalogMissing: true };
  return { docs, ix: new SearchIndexing(job, 'inline', docs) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('search indexing', () => {
  it('waits for the first screen, then builds once however often it is asked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { docs, ix } = indexing();
    ix.start();
    await turns(5);
    expect(docs).not.toHaveBeenCalled();
    expect(ix.index.ready).toBe(false);
    void ix.begin(); // the first getLibrary
    void ix.begin();
    await ix.built;
    expect(docs).toHaveBeenCalledTimes(1);
    expect(ix.index.ready).toBe(true);
    expect(ix.source).toBe('inline');
  });

  it('starts on a search before the first screen, and after a pause when nobody asks', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const asked = indexing();
    asked.ix.start();
    const early = asked.ix.answer({ query: '注意力' }, { courseOf: new Map(), byId: new Map(), watched: {}, notes: {} });
    expect(early.ready).toBe(false);
    expect(early.hits.map((h) => h.videoId)).toEqual(['aaaaaaaaaaa']); // titles are scanned meanwhile
    await asked.ix.built;
    expect(asked.docs).toHaveBeenCalledTimes(1);

    const idle = indexing();
    idle.ix.start();
    await turns(5);
    expect(idle.docs).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    await turns(5);
    expect(idle.docs).toHaveBeenCalledTimes(1);
    await idle.ix.built;
    expect(idle.ix.index.ready).toBe(true);
  });

  it('a closed service never starts it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { docs, ix } = indexing();
    ix.start();
    ix.close();
    vi.advanceTimersByTime(1000);
    await turns(5);
    expect(docs).not.toHaveBeenCalled();
  });
});
