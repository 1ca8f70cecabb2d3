import { describe, expect, it } from 'vitest';
import { titleUnderCourse } from '../../../electron/shared/titles';

describe('titleUnderCourse', () => {
  it.each([
    ['[ML 2021 (English version)] Lecture 35: Network Compression (1/2)', 'ML 2021 (English version)', 'Lecture 35: Network Compression (1/2)'],
    ['【機器學習 2022】魚與熊掌可以兼得的深度學習', '機器學習 2022', '魚與熊掌可以兼得的深度學習'],
    // spacing and full/half-width variants of one tag name one course
    ['【機器學習2022】開學囉~ 又要週更了~', '機器學習 2022', '開學囉~ 又要週更了~'],
    // a tag of another course (a moved lecture) or a renamed course keeps the title whole
    ['【生成式AI】ChatGPT 原理剖析 (1/3)', '機器學習 2022', '【生成式AI】ChatGPT 原理剖析 (1/3)'],
    ['[ML 2021 (English version)] Lecture 27: Domain Adaptation', 'My ML course', '[ML 2021 (English version)] Lecture 27: Domain Adaptation'],
    // no tag, or nothing after it
    ['SUPERB: 語音上的自督導式學習模型居然十項全能？', 'Other videos', 'SUPERB: 語音上的自督導式學習模型居然十項全能？'],
    ['【生成式AI】', '生成式AI', '【生成式AI】'],
  ])('%s under %s', (title, course, shown) => {
    expect(titleUnderCourse(title, course)).toBe(shown);
  });
});
