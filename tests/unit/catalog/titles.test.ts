// One row per title family (electron/main/catalog/title-rules.ts): real titles
// from the fixture pages and the seed, invented ones for families those pages lack.
import { describe, expect, it } from 'vitest';
import { compareLecture, normaliseKey, parseTitle, type TitleInfo } from '../../../electron/main/catalog/titles';
import { LECTURE_RULES, PART_RULES, readLecture, readPart } from '../../../electron/main/catalog/title-rules';
import { parseChineseNumeral, parseRomanNumeral } from '../../../electron/main/catalog/numerals';

// A title that names nothing: every field null, and no shared-trust name.
const EMPTY_FIELDS = ['courseKey', 'courseTitle', 'lecture', 'part', 'partOf', 'seriesStem', 'year'] as const;
const none = { ...Object.fromEntries(EMPTY_FIELDS.map((k) => [k, null])), weakName: false } as TitleInfo;

type Row = [family: string, title: string, expected: Partial<TitleInfo>];

const rows: Row[] = [
  // full-width course tags (real)
  [
    'full-width tag, no marker',
    '【機器學習2021】課程結語 - 最後的業配並改編《為學一首示子姪》作結',
    { courseKey: '機器學習2021', courseTitle: '機器學習2021', year: 2021 },
  ],
  [
    'full-width tag with a space',
    '【機器學習 2022】魚與熊掌可以兼得的深度學習',
    { courseKey: '機器學習2022', courseTitle: '機器學習 2022', year: 2022 },
  ],
  ['full-width tag, no year', '【生成式AI】用 ChatGPT 和 Midjourney 來玩文字冒險遊戲', { courseKey: '生成式ai', courseTitle: '生成式AI' }],
  [
    'full-width tag with parentheses inside',
    '【生成式AI時代下的機器學習(2025)】第一講：一堂課搞懂生成式人工智慧的技術突破與未來發展',
    { courseKey: '生成式ai時代下的機器學習(2025)', courseTitle: '生成式AI時代下的機器學習(2025)', year: 2025, lecture: [1] },
  ],
  // bracket course tags (real, and invented from the doc's examples)
  [
    'bracket tag with lecture and (k/n)',
    '[ML 2021 (English version)] Lecture 29: Introduction of Reinforcement Learning (RL) (2/5)',
    {
      courseKey: 'ml2021(englishversion)',
      courseTitle: 'ML 2021 (English version)',
      year: 2021,
      lecture: [29],
      part: 2,
      partOf: 5,
      seriesStem: 'Introduction of Reinforcement Learning (RL)',
    },
  ],
  [
    'bracket tag, double space after the colon',
    '[ML 2021 (English version)] Lecture 14:  Generative Adversarial Network (GAN) (1/4)',
    {
      courseKey: 'ml2021(englishversion)',
      courseTitle: 'ML 2021 (English version)',
      year: 2021,
      lecture: [14],
      part: 1,
      partOf: 4,
      seriesStem: 'Generative Adversarial Network (GAN)',
    },
  ],
  [
    'bracket tag, DLHLP',
    '[DLHLP 2020] Deep Learning for Human Language Processing (Course Overview)',
    { courseKey: 'dlhlp2020', courseTitle: 'DLHLP 2020', year: 2020 },
  ],
  [
    'bracket tag, TA supplement',
    '[TA 補充課] Network Compression (1/2): Network Pruning (由廖宜修同學講授)',
    { courseKey: 'ta補充課', courseTitle: 'TA 補充課', part: 1, partOf: 2, seriesStem: 'Network Compression' },
  ],
  [
    'a date the parser left in front',
    '[2021-06-14] [ML 2021 (English version)] Lecture 35: Network Compression (1/2)',
    {
      courseKey: 'ml2021(englishversion)',
      courseTitle: 'ML 2021 (English version)',
      year: 2021,
      lecture: [35],
      part: 1,
      partOf: 2,
      seriesStem: 'Network Compression',
    },
  ],
  // numbered lectures without a tag: the prefix word names the course
  ['ML Lecture N-M', 'ML Lecture 3-1: Gradient Descent', { courseKey: 'ml', courseTitle: 'ML', lecture: [3, 1] }],
  ['ML Lecture N', 'ML Lecture 10: Convolutional Neural Network', { courseKey: 'ml', courseTitle: 'ML', lecture: [10] }],
  ['Theory N-M', 'Theory 2-3: Geometry of Loss Surfaces (Conjecture)', { courseKey: 'theory', courseTitle: 'Theory', lecture: [2, 3] }],
  [
    'GAN Lecture N (year)',
    'GAN Lecture 4 (2018): Basic Theory',
    { courseKey: 'gan(2018)', courseTitle: 'GAN (2018)', year: 2018, lecture: [4] },
  ],
  [
    'GAN Lecture N (other year)',
    'GAN Lecture 2 (2017): Conditional Generation',
    { courseKey: 'gan(2017)', courseTitle: 'GAN (2017)', year: 2017, lecture: [2] },
  ],
  [
    'DLHLP Lecture N',
    'DLHLP Lecture 5: Speech Recognition (part 3)',
    { courseKey: 'dlhlp', courseTitle: 'DLHLP', lecture: [5], part: 3, seriesStem: 'Speech Recognition' },
  ],
  ['bare Lecture N: no course', 'Lecture 7: Something Untagged', { lecture: [7] }],
  // 第N講 with Arabic and Chinese numerals
  [
    '第N講, Arabic zero (real)',
    '【生成式AI導論 2024】第0講：課程說明 (17:15 有芙莉蓮雷)',
    { courseKey: '生成式ai導論2024', courseTitle: '生成式AI導論 2024', year: 2024, lecture: [0] },
  ],
  [
    '第N講 with (上) (real)',
    '【生成式AI導論 2024】第3講：訓練不了人工智慧？你可以訓練你自己 (上) — 神奇咒語與提供更多資訊',
    {
      courseKey: '生成式ai導論2024',
      courseTitle: '生成式AI導論 2024',
      year: 2024,
      lecture: [3],
      part: 1,
      seriesStem: '訓練不了人工智慧？你可以訓練你自己',
    },
  ],
  [
    '第N講 with (中) (real)',
    '【生成式AI導論 2024】第4講：訓練不了人工智慧？你可以訓練你自己 (中) — 拆解問題與使用工具',
    {
      courseKey: '生成式ai導論2024',
      courseTitle: '生成式AI導論 2024',
      year: 2024,
      lecture: [4],
      part: 2,
      seriesStem: '訓練不了人工智慧？你可以訓練你自己',
    },
  ],
  // No tag: a stand-in name, a course only when another video shares it (see courses.test.ts).
  ['第三講, no tag', '第三講：生成式AI的三種策略', { lecture: [3], courseKey: '第n講', courseTitle: '第N講', weakName: true }],
  ['第十二講', '【某課程】第十二講：模型評估', { courseKey: '某課程', courseTitle: '某課程', lecture: [12] }],
  ['第二十講', '【某課程】第二十講 最後一講', { courseKey: '某課程', courseTitle: '某課程', lecture: [20] }],
  // parts of a series
  [
    '(k/n) then a colon (real)',
    '【生成式AI】大模型 + 大資料 = 神奇結果？(1/3)：大模型的頓悟時刻',
    { courseKey: '生成式ai', courseTitle: '生成式AI', part: 1, partOf: 3, seriesStem: '大模型 + 大資料 = 神奇結果？' },
  ],
  [
    '(k/n) then (optional) (real)',
    '【生成式AI】Diffusion Model 原理剖析 (4/4) (optional)',
    { courseKey: '生成式ai', courseTitle: '生成式AI', part: 4, partOf: 4, seriesStem: 'Diffusion Model 原理剖析' },
  ],
  [
    '(二) then an en dash (real)',
    '【機器學習2021】生成式對抗網路 (Generative Adversarial Network, GAN) (二) – 理論介紹與WGAN',
    {
      courseKey: '機器學習2021',
      courseTitle: '機器學習2021',
      year: 2021,
      part: 2,
      seriesStem: '生成式對抗網路 (Generative Adversarial Network, GAN)',
    },
  ],
  [
    '(五) then a full-width colon (real)',
    '【機器學習2021】類神經網路訓練不起來怎麼辦 (五)： 批次標準化 (Batch Normalization) 簡介',
    { courseKey: '機器學習2021', courseTitle: '機器學習2021', year: 2021, part: 5, seriesStem: '類神經網路訓練不起來怎麼辦' },
  ],
  ['(十二)', '某個主題 (十二) - 最後一部分', { part: 12, seriesStem: '某個主題' }],
  ['(九十九)', '某個主題 (九十九)', { part: 99, seriesStem: '某個主題' }],
  ['full-width (三)', '某個主題（三）：全形括號', { part: 3, seriesStem: '某個主題' }],
  [
    '(下) (real)',
    '【機器學習2021】Transformer (下)',
    { courseKey: '機器學習2021', courseTitle: '機器學習2021', year: 2021, part: 3, seriesStem: 'Transformer' },
  ],
  ['(Part IV)', 'Some Topic (Part IV)', { part: 4, seriesStem: 'Some Topic' }],
  ['(part 2)', 'Some Topic (part 2): details', { part: 2, seriesStem: 'Some Topic' }],
  [
    '- Part k (real)',
    '【機器學習2022】自然語言處理上的對抗式攻擊 (由姜成翰助教講授) - Part 3',
    {
      courseKey: '機器學習2022',
      courseTitle: '機器學習2022',
      year: 2022,
      part: 3,
      seriesStem: '自然語言處理上的對抗式攻擊 (由姜成翰助教講授)',
    },
  ],
  [
    '(k/n) after a name in parentheses (real)',
    '【機器學習2023】語音基石模型 (助教張凱為講授) (2/2)',
    { courseKey: '機器學習2023', courseTitle: '機器學習2023', year: 2023, part: 2, partOf: 2, seriesStem: '語音基石模型 (助教張凱為講授)' },
  ],
  // no marker at all: parentheses that are not part markers stay text
  ['no tag, no marker (real)', 'SUPERB: Is self-supervised learning universal in speech processing tasks? (English version)', {}],
  [
    'no tag, a course name in parentheses (real)',
    'AlphaTensor: 用增強式學習 (Reinforcement Learning) 找出更有效率的矩陣相乘演算法 (線性代數 2022 課程補充)',
    {},
  ],
  ['no tag, a time in parentheses (real)', '80分鐘快速了解大型語言模型 (5:30 有咒術迴戰雷)', {}],
  ['a dash inside a word is not a lecture (real)', 'GPT-4o 背後可能的語音技術猜測', {}],
  [
    'bracket tag that is an announcement (real)',
    '[活動宣傳] Webinar Series for Advancements in Audio, Speech and Language Technology',
    { courseKey: '活動宣傳', courseTitle: '活動宣傳' },
  ],
  [
    '(Short Version) is not a part (real)',
    '[ML 2021 (English version)] Lecture 8: Classification (Short Version)',
    { courseKey: 'ml2021(englishversion)', courseTitle: 'ML 2021 (English version)', year: 2021, lecture: [8] },
  ],
];

describe('parseTitle', () => {
  it.each(rows)('%s: %s', (_family, title, expected) => {
    expect(parseTitle(title)).toEqual({ ...none, ...expected });
  });
});

// The rule tables carry their own examples (real and invented): each must be read by
// its own rule, and parseTitle must pick that rule (no earlier rule shadows it).
describe('the numbering rules, by their examples', () => {
  const fold = (t: string) => t.normalize('NFKC');
  describe.each(LECTURE_RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    it.each(rule.examples)('%s', (title, lecture, course) => {
      const got = readLecture(rule, fold(title));
      expect(got).toMatchObject({ lecture, course });
      const shadowing = LECTURE_RULES.slice(0, LECTURE_RULES.indexOf(rule)).find((r) => readLecture(r, fold(title)));
      expect(shadowing?.name).toBeUndefined();
      expect(parseTitle(title).lecture).toEqual(lecture);
    });
  });
  describe.each(PART_RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    it.each(rule.examples)('%s', (title, part) => {
      const m = rule.pattern.exec(fold(title));
      expect(m?.groups?.k === undefined ? null : rule.read(m.groups.k)).toBe(part);
      expect(readPart(fold(title))?.part).toBe(part);
    });
  });

  it('marks names that need a second video', () => {
    expect(parseTitle('Structured Learning 2: Linear Model')).toMatchObject({
      courseKey: 'structuredlearning',
      lecture: [2],
      weakName: true,
    });
    expect(parseTitle('HW3 (presented by 謝宏祺)')).toMatchObject({ courseKey: 'hw', lecture: [3], weakName: true });
    expect(parseTitle('Linear Algebra Lecture 2: System of Linear Equations')).toMatchObject({
      courseKey: 'linearalgebra',
      weakName: false,
    });
    // Under a tag the tag names the course; the number still orders.
    expect(parseTitle('[ML 2017] HW2: Classification')).toMatchObject({ courseKey: 'ml2017', lecture: [2], weakName: false });
  });

  it('does not read a number inside a word or a model name as a lecture', () => {
    for (const t of ['GPT-4o 背後可能的語音技術猜測', 'C# for beginners', '80分鐘快速了解大型語言模型 (5:30 有咒術迴戰雷)']) {
      expect(parseTitle(t).lecture, t).toBeNull();
    }
  });
});

describe('numerals', () => {
  // `text=value`, one table per numeral system.
  const read = (system: string, parse: (t: string) => number | null, table: string) =>
    table.split(' ').map((pair) => {
      const [text = '', value = ''] = pair.split('=');
      return [system, text, Number(value), parse] as const;
    });
  it.each([
    ...read('Chinese', parseChineseNumeral, '一=1 九=9 十=10 十一=11 十二=12 二十=20 二十一=21 九十九=99 一百零五=105 兩=2 零=0'),
    ...read('Roman', parseRomanNumeral, 'I=1 II=2 III=3 IV=4 V=5 IX=9 X=10 XIV=14 xl=40'),
  ])('%s %s = %d', (_system, text, value, parse) => {
    expect(parse(text)).toBe(value);
  });

  it('rejects text that is not a Chinese numeral', () => {
    expect(parseChineseNumeral('上')).toBeNull();
    expect(parseChineseNumeral('一二')).toBeNull();
  });

  it('compares lecture numbers as numbers', () => {
    const sorted = [[10], [3, 2], [9], [3], [3, 1], [4], [3, 10]].sort(compareLecture);
    expect(sorted).toEqual([[3], [3, 1], [3, 2], [3, 10], [4], [9], [10]]);
  });

  it('normalises spacing and width variants of one tag to one key', () => {
    expect(normaliseKey('機器學習 2022')).toBe(normaliseKey('機器學習2022'));
    expect(normaliseKey('機器學習２０２２')).toBe(normaliseKey('機器學習2022'));
    expect(normaliseKey('ML 2021 (English version)')).toBe('ml2021(englishversion)');
  });
});
