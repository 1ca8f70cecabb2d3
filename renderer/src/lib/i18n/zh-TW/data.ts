// 繁體中文介面字串：the Data menu, backups, recovery and data warnings. Merged into one catalog by ../zh-TW.ts.
import type { CatalogOf } from '../en';
import type { enData } from '../en/data';

export const zhTWData: CatalogOf<typeof enData> = {
  'reset.title': '重設修正',
  'reset.message': '要取消你做過的所有課程移動與重新命名，回到課程目錄原本的分組嗎？已看完標記與筆記都會保留。',
  'reset.confirm': '重設',

  'warnings.summary_other': '有 {{count}} 筆課程目錄項目無法讀取',
  'warnings.more': '…還有 {{count}} 筆',

  'backups.none': '還沒有自動備份。',
  'backups.count_other': '{{count}} 則筆記，{{watched}} 部已看完',
  'backups.confirmGroup': '確認還原',
  'backups.confirm': '要用這份備份取代你目前的筆記與已看完標記嗎？',
  'backups.restore': '還原',
  'backups.restoreStart': '還原…',

  'data.menu': '資料',
  'data.attention': '需要處理',
  'data.panel': '匯出與備份',
  'data.exportOne': '匯出這部影片的筆記',
  'data.exportAllSingle': '匯出所有筆記（單一檔案）',
  'data.exportAllPer': '匯出所有筆記（每部影片一個檔案）',
  'data.backup': '備份所有資料…',
  'data.merge': '從備份檔還原／合併…',
  'data.mergeFile': '要合併的備份檔',
  'data.restoreAuto': '從自動備份還原…',
  'data.loadingBackups': '正在載入備份…',
  'data.action.export': '匯出',
  'data.action.backup': '備份',
  'data.action.merge': '合併',
  'data.action.restore': '還原',
  'data.running': '{{action}}中…',
  'data.failed': '{{action}}失敗：{{error}}',
  'data.downloadedOne': '已下載 {{name}}（請查看瀏覽器的下載項目）',
  'data.downloadedMany': '已下載 {{count}} 個檔案（請查看瀏覽器的下載項目）',
  'data.cancelled': '已取消',
  'data.savedTo': '已儲存到 {{path}}',
  'data.savedMany': '已儲存 {{count}} 個檔案',
  'data.tooLarge': '{{name}} 太大，不可能是備份檔',
  'data.merged': '已合併 {{name}}：新增 {{added}}、更新 {{updated}}、刪除 {{deleted}}、衝突 {{conflicts}}、已看完標記 {{watched}}',
  'data.mergedSkipped':
    '已合併 {{name}}：新增 {{added}}、更新 {{updated}}、刪除 {{deleted}}、衝突 {{conflicts}}、已看完標記 {{watched}}、略過 {{skipped}}（{{reasons}}）',
  'data.listFailed': '無法列出備份：{{error}}',
  'data.restored': '已還原 {{date}} 的備份',
  'data.noBackup': '沒有可以還原的自動備份。',

  'recovery.what': '無法讀取你的資料檔（可能被截斷或被手動修改過），所以程式以空白資料啟動。',
  'recovery.kept': '無法讀取的檔案已原封不動保留為：',
  'recovery.doBackup': '還原最新的自動備份即可找回筆記與已看完標記，也可以打開「資料」選單挑選其他備份。',
  'recovery.doNoBackup':
    '沒有可以還原的自動備份。你可以繼續使用；若要手動救回，請用文字編輯器打開保留的檔案，或用「資料 → 從備份檔還原／合併…」匯入你存過的備份。',
  'recovery.restoreNewest': '還原最新的備份',
  'recovery.dismiss': '知道了',
  'recovery.readonly': '你的資料是由較新版本的程式寫入的，無法儲存變更。',
};
