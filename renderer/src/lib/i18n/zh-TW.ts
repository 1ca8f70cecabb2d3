// 繁體中文（台灣）介面字串。Taiwan usage: 影片, 課程, 筆記, 已看完, 搜尋, 設定, 備份.
// Chinese has one plural form, so only the `_other` keys appear here. One file per area
// (zh-TW/*.ts), each typed against its English part, merged here into one catalog.
import type { Catalog } from './en';
import { zhTWData } from './zh-TW/data';
import { zhTWErrors } from './zh-TW/errors';
import { zhTWKeys } from './zh-TW/keys';
import { zhTWLibrary } from './zh-TW/library';
import { zhTWViews } from './zh-TW/views';

export const zhTW: Catalog = { ...zhTWLibrary, ...zhTWViews, ...zhTWData, ...zhTWErrors, ...zhTWKeys };
