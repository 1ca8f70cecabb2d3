// 繁體中文（台灣）介面字串。Taiwan usage: 影片, 課程, 筆記, 已看完, 搜尋, 設定, 備份.
// Chinese has one plural form, so only the `_other` keys appear here.
import type { Catalog } from './en';

export const zhTW: Catalog = {
  'app.title': 'Lecture Companion',
  'app.loadError': '無法載入課程資料',
  'app.tryAgain': '再試一次',
  'app.loading': '正在載入課程目錄…',
  'common.close': '關閉',
  'common.cancel': '取消',
  'lang.en': 'English',
  'lang.zh-TW': '繁體中文',
};
