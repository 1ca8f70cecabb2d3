// The packed (catalog) part of the index: what a worker sends and the cache file holds.
import { describe, expect, it } from 'vitest';
import { LectureSearch, type SearchDoc } from '../../../electron/main/search/index';
import { StaticBuilder, StaticIndex } from '../../../electron/main/search/postings';
import { fixtureDocs } from './search-fixtures';
import { nth } from '../helpers/nth';

const QUERIES = ['注意力', '強化學習', '学习', 'GAN 訓練', 'self-att', '學', 'xyzzyq 注意力', 'transformer'];

function pack(docs: SearchDoc[]): StaticIndex {
  const b = new StaticBuilder();
  for (const d of docs) b.add(d);
  return b.finish();
}

describe('packed index', () => {
  it('answers the same after a trip through its bytes', async () => {
    const docs = fixtureDocs();
    const direct = new LectureSearch();
    await direct.buildAsync(docs);
    const bytes = pack(docs).toBuffer({ key: 'k' });
    const { index, meta } = StaticIndex.fromBuffer(bytes.slice());
    expect(meta).toEqual({ key: 'k' });
    const loaded = new LectureSearch();
    await loaded.useIndex(docs, Promise.resolve(index));
    expect(loaded.ready).toBe(true);
    for (const q of QUERIES) expect(loaded.search(q, { limit: 1000 }), q).toEqual(direct.search(q, { limit: 1000 }));
  });

  it('rejects bytes whose structure is damaged (the cache adds a checksum for the rest)', () => {
    const bytes = pack(fixtureDocs().slice(0, 20)).toBuffer({ key: 'k' });
    expect(() => StaticIndex.fromBuffer(new Uint8Array(0))).toThrow();
    expect(() => StaticIndex.fromBuffer(bytes.slice(0, bytes.length - 9))).toThrow();
    expect(() => StaticIndex.fromBuffer(bytes.slice(0, 100))).toThrow();
    const magic = bytes.slice();
    magic[0] = nth(magic, 0) ^ 0xff;
    expect(() => StaticIndex.fromBuffer(magic)).toThrow();
    // A posting pointing past the last document.
    const broken = pack(fixtureDocs().slice(0, 20));
    nth(broken.fields, 1).docs[0] = 20;
    expect(() => StaticIndex.fromBuffer(broken.toBuffer({}))).toThrow(/past the last/);
    const unordered = pack(fixtureDocs().slice(0, 20));
    const offsets = nth(unordered.fields, 0).offsets;
    offsets[5] = nth(offsets, 6) + 1;
    expect(() => StaticIndex.fromBuffer(unordered.toBuffer({}))).toThrow(/out of order/);
  });

  it('refuses an index built for other documents', async () => {
    const docs = fixtureDocs();
    const s = new LectureSearch();
    await expect(s.useIndex(docs, Promise.resolve(pack(docs.slice(1))))).rejects.toThrow(/other documents/);
    expect(s.ready).toBe(false);
    // Still answers from titles meanwhile.
    expect(s.search('自注意力機制').length).toBeGreaterThan(0);
  });

  it('a page whose title or summary changed after packing is found by its new text only', async () => {
    const docs = fixtureDocs();
    const s = new LectureSearch();
    const target = nth(docs, 3);
    const dropped = nth(docs, 4);
    let release!: (i: StaticIndex) => void;
    const using = s.useIndex(docs, new Promise<StaticIndex>((ok) => (release = ok)));
    // Changed while the index was being made elsewhere, and one page dropped, one added.
    s.upsert({ ...target, title: '全新標題 Quokka', summary: '袋熊的總結' });
    s.remove(dropped.videoId);
    s.upsert({ videoId: 'zzzzzzzzzzz', title: 'Wombat 講座', summary: '無尾熊', note: '' });
    release(pack(docs));
    await using;
    expect(s.search('quokka').map((r) => r.videoId)).toEqual([target.videoId]);
    expect(s.search('袋熊').map((r) => r.videoId)).toEqual([target.videoId]);
    expect(s.search(target.title.slice(0, 12), { limit: 1000 }).map((r) => r.videoId)).not.toContain(target.videoId);
    expect(s.search(dropped.title, { limit: 1000 }).map((r) => r.videoId)).not.toContain(dropped.videoId);
    expect(s.search('wombat').map((r) => r.videoId)).toEqual(['zzzzzzzzzzz']);
    // Back to the catalog's text: found through the packed part again.
    s.upsert(target);
    expect(s.search('quokka')).toEqual([]);
    expect(s.search(target.title, { limit: 1000 }).map((r) => r.videoId)).toContain(target.videoId);
  });
});
