// 服務回報的錯誤（electron/shared/wire.ts ERROR_MESSAGES）的中文說法。Merged by ../zh-TW.ts.
import type { CatalogOf } from '../en';
import type { enErrors } from '../en/errors';

export const zhTWErrors: CatalogOf<typeof enErrors> = {
  'error.lectureNotFound': '課程目錄中沒有影片 ID 為 {{videoId}} 的影片。',
  'error.courseNotFound': '沒有 {{courseId}} 這門課程。',
  'error.noMoveToUndo': '沒有可以復原的移動：課程之後已經變更過。',
  'error.noNotes': '還沒有可以匯出的筆記。',
  'error.notBackup': '這不是 Lecture Companion 的備份檔：{{reason}}。',
  'error.backupNewer': '備份 {{name}} 來自較新版本的 Lecture Companion。',
  'error.backupFileNewer': '這個備份來自較新版本的 Lecture Companion（資料版本 {{version}}）；請先更新程式再匯入。',
  'error.backupMissing': '沒有名為 {{name}} 的備份。',
  'error.backupUnreadable': '無法讀取備份 {{name}}：{{reason}}。',
  'error.readonlyNewer': '這份資料是由較新版本的 Lecture Companion 儲存的；目前以唯讀方式開啟，不會儲存任何變更。',
  'error.diskFull': '磁碟已滿：沒有儲存任何東西。請釋出一些空間後再試一次。',
  'error.diskFullAtStart':
    '磁碟已滿，所以 Lecture Companion 以唯讀方式開啟你的資料：現在做的任何變更都無法儲存。請清出一些磁碟空間，再重新啟動 Lecture Companion 繼續使用。',
  'error.readonlyNewerVersion':
    '這份資料是由較新版本的 Lecture Companion 儲存的（資料版本 {{version}}；這個版本只認得 {{known}}）。資料以唯讀方式顯示，不會儲存任何變更：請更新 Lecture Companion 後再繼續使用。',
  'error.browserNoSave': '瀏覽器模式沒有儲存對話框；匯出會以下載的方式進行。',
  'error.browserNoFiles': '瀏覽器模式不會寫入檔案；匯出會以下載的方式進行。',
  'error.tooLarge': '請求太大了。',
};
