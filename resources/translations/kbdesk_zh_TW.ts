<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AckBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="205"/>
        <source>Please read this version and confirm.</source>
        <translation>請閱讀這個版本並確認。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="207"/>
        <source>I have read this version</source>
        <translation>我已閱讀這個版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="233"/>
        <source>Please read version %1 of this document and confirm.</source>
        <translation>請閱讀這份文件的第 %1 版並確認。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="53"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="54"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="55"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="56"/>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="57"/>
        <source>E&amp;ditor</source>
        <translation>編輯工具(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="58"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="62"/>
        <source>Reload library</source>
        <translation>重新載入知識庫</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="63"/>
        <source>Rebuild search index</source>
        <translation>重建搜尋索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="65"/>
        <source>Stop indexing</source>
        <translation>停止建立索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="66"/>
        <source>Library problems…</source>
        <translation>知識庫問題…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Import handbooks…</source>
        <translation>匯入手冊…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="70"/>
        <source>Drafts of new documents…</source>
        <translation>新文件草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Export HTML site…</source>
        <translation>匯出 HTML 網站…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="69"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="70"/>
        <source>Go to search box</source>
        <translation>移到搜尋框</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="72"/>
        <source>Find (in the page when reading)</source>
        <translation>尋找（閱讀時在本頁尋找）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="74"/>
        <source>Find next</source>
        <translation>找下一個</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="75"/>
        <source>Find previous</source>
        <translation>找上一個</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="77"/>
        <source>Copy phrasing</source>
        <translation>複製話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="79"/>
        <source>Copy section link</source>
        <translation>複製段落連結</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="81"/>
        <source>All kinds</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="83"/>
        <source>Handbooks only</source>
        <translation>只看手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="85"/>
        <source>Phrasings only</source>
        <translation>只看話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="87"/>
        <source>Procedures only</source>
        <translation>只看流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="89"/>
        <source>Script: as written</source>
        <translation>字體：依原文</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="91"/>
        <source>Script: Traditional (Taiwan)</source>
        <translation>字體：繁體（台灣）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="93"/>
        <source>Script: Traditional (Hong Kong)</source>
        <translation>字體：繁體（香港）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="95"/>
        <source>Script: Simplified</source>
        <translation>字體：簡體</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="97"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="99"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="100"/>
        <source>Normal size</source>
        <translation>原始大小</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="102"/>
        <source>Reply check</source>
        <translation>回覆檢查</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="104"/>
        <source>Back</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="106"/>
        <source>Forward</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="108"/>
        <source>Go to results</source>
        <translation>移到結果清單</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="109"/>
        <source>Add to / remove from favourites</source>
        <translation>加入／移出我的最愛</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="111"/>
        <source>New handbook…</source>
        <translation>新增手冊…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="113"/>
        <source>New phrasing…</source>
        <translation>新增話術…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="115"/>
        <source>New procedure…</source>
        <translation>新增流程…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="117"/>
        <source>Edit current document</source>
        <translation>編輯目前文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="119"/>
        <source>History of current document</source>
        <translation>目前文件的歷史</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="121"/>
        <source>Review list</source>
        <translation>複審清單</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="123"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="124"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="126"/>
        <source>About kbdesk</source>
        <translation>關於 kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Join a shared library…</source>
        <translation>加入共用知識庫…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="83"/>
        <source>Flag section as outdated or unclear…</source>
        <translation>標記此段過時或不清楚…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="108"/>
        <source>Contents pane</source>
        <translation>目錄窗格</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="110"/>
        <source>Read receipts of the team…</source>
        <translation>團隊已讀回條…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="121"/>
        <source>Search suggestions…</source>
        <translation>搜尋建議…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="112"/>
        <source>Start screen</source>
        <translation>開始畫面</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="143"/>
        <source>From the search box into the results</source>
        <translation>從搜尋框移到結果清單</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="144"/>
        <source>From the first result back to the search box</source>
        <translation>從第一筆結果回到搜尋框</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="145"/>
        <source>Open the selected result</source>
        <translation>開啟選取的結果</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="146"/>
        <source>Back to the search box (closes the find bar first)</source>
        <translation>回到搜尋框（先關閉頁內尋找列）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="147"/>
        <source>Next field / previous field</source>
        <translation>下一欄／上一欄</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="1"/>
        <source>Reset layout</source>
        <translation>重設版面配置</translation>
    </message>
</context>
<context>
    <name>ChangeNoteDialog</name>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Your editor key cannot be used: %1</source>
        <translation>無法使用您的編輯金鑰：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Not signed: this workstation has no editor key (a library that requires signing refuses the version; make one with `kbdesk keys init`).</source>
        <translation>未簽署：這台工作站沒有編輯金鑰（要求簽署的知識庫會拒絕這個版本；請以 `kbdesk keys init` 建立）。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Signed with your editor key %1</source>
        <translation>以您的編輯金鑰 %1 簽署</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="34"/>
        <source>Change note</source>
        <translation>變更說明</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="39"/>
        <source>Say what changed and why. Agents and other editors see this note in the document's history.</source>
        <translation>請說明改了什麼、為什麼改。客服人員與其他編輯會在文件歷史中看到這則說明。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="56"/>
        <source>Publish</source>
        <translation>發布</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="76"/>
        <source>A change note is required: write what changed and why before publishing.</source>
        <translation>必須填寫變更說明：發布前請寫下改了什麼、為什麼改。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="75"/>
        <source>Comes into force on:</source>
        <translation>生效日期：</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Limit</source>
        <translation>時限</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="139"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="140"/>
        <source>Done at {time}</source>
        <translation>於 {time} 完成</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="141"/>
        <source>(late)</source>
        <translation>（逾時）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="145"/>
        <source>Overdue by {time}</source>
        <translation>已逾時 {time}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="146"/>
        <source>{time} left</source>
        <translation>剩餘 {time}</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="211"/>
        <source>Time since Start</source>
        <translation>開始後經過的時間</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="212"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="213"/>
        <source>Start the timer for this case</source>
        <translation>為這個案件開始計時</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="215"/>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="216"/>
        <source>Clear the ticks and the timer for the next case</source>
        <translation>清除勾選與計時，準備下一個案件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="255"/>
        <source>This document has no steps.</source>
        <translation>這份文件沒有步驟。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="300"/>
        <source>Time limit passed: {steps}</source>
        <translation>已超過時限：{steps}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="73"/>
        <source>Resolve a conflict: %1</source>
        <translation>解決衝突：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="76"/>
        <source>%1 was changed here and on another workstation. Their version is in the library now; yours is kept as a draft. Edit the result below and publish it.</source>
        <translation>%1 在這裡和另一台工作站上都被修改了。對方的版本已在知識庫中；你的版本已保留為草稿。請編輯下方的結果後發布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="82"/>
        <source>(no text: the document did not exist or was deleted)</source>
        <translation>（沒有內容：文件不存在或已刪除）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="93"/>
        <source>Base (before both changes)</source>
        <translation>基準（雙方修改前）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="94"/>
        <source>Theirs (published elsewhere)</source>
        <translation>對方的（已在別處發布）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="95"/>
        <source>Mine (kept as a draft)</source>
        <translation>我的（保留為草稿）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="100"/>
        <source>theirs</source>
        <translation>對方的</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="100"/>
        <source>mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="108"/>
        <source>Three texts</source>
        <translation>三方內容</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="109"/>
        <source>Theirs ↔ mine</source>
        <translation>對方 ↔ 我的</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="118"/>
        <source>Result (what will be published)</source>
        <translation>結果（將發布的內容）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="123"/>
        <source>Start from theirs</source>
        <translation>從對方的版本開始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="124"/>
        <source>Start from mine</source>
        <translation>從我的版本開始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="125"/>
        <source>Publish result…</source>
        <translation>發布結果…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="127"/>
        <source>Close (keep as draft)</source>
        <translation>關閉（保留為草稿）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="179"/>
        <source>Publish the resolved text of %1.</source>
        <translation>發布 %1 解決衝突後的內容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="192"/>
        <source>Publishing…</source>
        <translation>發布中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="204"/>
        <source>Published version %1.</source>
        <translation>已發布第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="210"/>
        <source>Not published; your text is kept as a draft.</source>
        <translation>未發布；你的文字已保留為草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="118"/>
        <source>Your other draft (%1, %2)</source>
        <translation>你的另一份草稿（%1，%2）</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="164"/>
        <source>Only changes and the lines around them</source>
        <translation>只顯示變更及其前後行</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="175"/>
        <source>Side by side</source>
        <translation>並排</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="176"/>
        <source>Inline</source>
        <translation>行內</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/diffview.py" line="192"/>
        <source>%1 → %2: %n line(s) changed</source>
        <translation>
            <numerusform>%1 → %2：%n 行有變更</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="198"/>
        <source>%1 → %2: no differences</source>
        <translation>%1 → %2：沒有差異</translation>
    </message>
</context>
<context>
    <name>DocumentStatusBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="265"/>
        <source>Retired: this document is no longer in use. It is kept for reference and is not found by search.</source>
        <translation>已停用：這份文件不再使用，僅保留供參考，搜尋時不會出現。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="270"/>
        <source>Version %1 comes into force on %2; agents see %3 until then.</source>
        <translation>第 %1 版將於 %2 生效；在此之前客服人員看到的是 %3。</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="179"/>
        <location filename="../../kbdesk/gui/editor.py" line="215"/>
        <source>Discard draft…</source>
        <translation>捨棄草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="181"/>
        <source>Compare with the library's version…</source>
        <translation>與知識庫中的版本比較…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="205"/>
        <source>Editor</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="210"/>
        <source>Save draft</source>
        <translation>儲存草稿</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="211"/>
        <source>Publish…</source>
        <translation>發布…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="212"/>
        <source>Rename / move…</source>
        <translation>重新命名／移動…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="213"/>
        <source>History</source>
        <translation>歷史</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="214"/>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="269"/>
        <source>%1%2 — Editor</source>
        <translation>%1%2 — 編輯</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="287"/>
        <source>Your unpublished draft from %1 was restored.</source>
        <translation>已還原你在 %1 未發布的草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="291"/>
        <source>This is your text from a sync conflict (the same document was changed on another workstation). Compare and publish, or discard it.</source>
        <translation>這是同步衝突時保留的你的文字（同一份文件在另一台工作站上也被修改了）。請比較後發布，或捨棄。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="297"/>
        <source>Version %1 was published since this draft was started from version %2.</source>
        <translation>這份草稿從第 %2 版開始編輯後，第 %1 版已經發布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="313"/>
        <source>Draft saved at %1</source>
        <translation>草稿已於 %1 儲存</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="325"/>
        <source>Discard your draft? The changes in it cannot be recovered.</source>
        <translation>要捨棄草稿嗎？其中的修改將無法復原。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="334"/>
        <source>The draft was discarded.</source>
        <translation>草稿已捨棄。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="359"/>
        <source>Publish “%1” as a new version.</source>
        <translation>將「%1」發布為新版本。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="375"/>
        <source>Publishing…</source>
        <translation>發布中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="393"/>
        <source>Published version %1.</source>
        <translation>已發布第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="399"/>
        <source>Not published; your draft is kept.</source>
        <translation>未發布；你的草稿已保留。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="405"/>
        <source>This document was never published: discard the draft instead.</source>
        <translation>這份文件從未發布：請改為捨棄草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="408"/>
        <source>Retire “%1”: agents will no longer find it in search.</source>
        <translation>停用「%1」：客服人員將無法再搜尋到它。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="412"/>
        <source>Retiring…</source>
        <translation>停用中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="441"/>
        <source>Move “%1” to %2.</source>
        <translation>將「%1」移到 %2。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="456"/>
        <source>Moving…</source>
        <translation>移動中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="474"/>
        <source>Moved to %1 (version %2).</source>
        <translation>已移到 %1（第 %2 版）。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="488"/>
        <source>Not published yet: no history.</source>
        <translation>尚未發布：沒有歷史紀錄。</translation>
    </message>
</context>
<context>
    <name>EditorialUi</name>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py" line="182"/>
        <source>%1 is not in force yet.</source>
        <translation>%1 尚未生效。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py" line="235"/>
        <location filename="../../kbdesk/gui/editorial_ui.py" line="254"/>
        <source>Open a document first.</source>
        <translation>請先開啟一份文件。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py"/>
        <source>Editors only: this needs the role editor; your role is %1.</source>
        <translation>僅限編輯：這需要「編輯」角色；你的角色是 %1。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="96"/>
        <source>Found</source>
        <translation>發現</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="96"/>
        <source>Say instead</source>
        <translation>建議改說</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="112"/>
        <source>From {doc}#{anchor}, line {line}</source>
        <translation>來自 {doc}#{anchor}，第 {line} 行</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="70"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="71"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="72"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="73"/>
        <source>Change note</source>
        <translation>變更說明</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="118"/>
        <source>(not in force: replaced when syncing) </source>
        <translation>（未生效：同步時已被取代）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="122"/>
        <source>(retired) </source>
        <translation>（已停用）</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="222"/>
        <source>History: %1</source>
        <translation>歷史：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="236"/>
        <source>Open version</source>
        <translation>開啟版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="237"/>
        <location filename="../../kbdesk/gui/history.py" line="256"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="239"/>
        <source>Select two versions to compare them, or one to compare it with the version before it.</source>
        <translation>選擇兩個版本進行比較，或選擇一個版本與前一版比較。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="242"/>
        <source>Restore as new version…</source>
        <translation>還原為新版本…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="257"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="276"/>
        <source>Loading history…</source>
        <translation>正在載入歷史…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/history.py" line="283"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n 個版本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="324"/>
        <source>This version was replaced when syncing and was never in force; its text was kept as the editor's draft.</source>
        <translation>這個版本在同步時已被取代，從未生效；其內容已保留為編輯的草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="352"/>
        <source>This is the first version: nothing to compare.</source>
        <translation>這是第一版：沒有可比較的版本。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="356"/>
        <source>Select two versions to compare.</source>
        <translation>請選擇兩個版本進行比較。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="378"/>
        <source>Select the one version to restore.</source>
        <translation>請選擇一個要還原的版本。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="384"/>
        <source>Restore version %1 as a new version. The versions after it stay in the history.</source>
        <translation>將第 %1 版還原為新版本。之後的版本仍保留在歷史中。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="397"/>
        <source>Restoring…</source>
        <translation>還原中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="407"/>
        <source>Published v%1.</source>
        <translation>已發布 v%1。</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="43"/>
        <source>Handbook</source>
        <translation>手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="44"/>
        <source>Phrasing</source>
        <translation>話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="45"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="98"/>
        <source>Reply check</source>
        <translation>回覆檢查</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="126"/>
        <source>Toolbar</source>
        <translation>工具列</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="131"/>
        <source>Script:</source>
        <translation>字體：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="139"/>
        <source>How Chinese text is shown (Ctrl+Alt+0…3)</source>
        <translation>中文的顯示方式（Ctrl+Alt+0…3）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="245"/>
        <source>No library</source>
        <translation>沒有知識庫</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="246"/>
        <source>The library cannot be opened</source>
        <translation>無法開啟知識庫</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/mainwindow.py" line="253"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 份文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/mainwindow.py" line="257"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 個問題</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="303"/>
        <source>The search index cannot be built</source>
        <translation>無法建立搜尋索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="308"/>
        <source>Opening the library…</source>
        <translation>正在開啟知識庫…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="309"/>
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="310"/>
        <source>Index ready</source>
        <translation>索引已就緒</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="311"/>
        <source>Indexing stopped</source>
        <translation>已停止建立索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="312"/>
        <source>Index not available</source>
        <translation>索引無法使用</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="361"/>
        <source>The search index was damaged; rebuilding it…</source>
        <translation>搜尋索引已損壞，正在重建…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="376"/>
        <source>Searching as soon as the index is ready…</source>
        <translation>索引就緒後立即搜尋…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="378"/>
        <source>Nothing found for “%1”. Try fewer or other words.</source>
        <translation>找不到「%1」。請試試較少或其他的詞。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="381"/>
        <source>%1 results with every word, then partial matches:</source>
        <translation>%1 個結果包含所有詞語，其後為部分符合：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="383"/>
        <source>No result has every word; closest matches:</source>
        <translation>沒有結果包含所有詞語；最接近的結果：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="396"/>
        <source>The library is not open yet.</source>
        <translation>知識庫尚未開啟。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="480"/>
        <source>Select a phrasing first.</source>
        <translation>請先選擇一則話術。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="490"/>
        <source>This is not a phrasing: nothing to copy.</source>
        <translation>這不是話術：沒有可複製的內容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="492"/>
        <source>Copied: %1</source>
        <translation>已複製：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="499"/>
        <source>Link copied: %1</source>
        <translation>已複製連結：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="513"/>
        <source>★ Favourite</source>
        <translation>★ 我的最愛</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="514"/>
        <source>☆ Favourite</source>
        <translation>☆ 我的最愛</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="562"/>
        <source>The new library folder is used from the next start.</source>
        <translation>新的知識庫資料夾會在下次啟動時使用。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="579"/>
        <source>About kbdesk</source>
        <translation>關於 kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="580"/>
        <source>kbdesk %1 — an offline knowledge base for customer service teams.</source>
        <translation>kbdesk %1 — 給客服團隊的離線知識庫。</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="143"/>
        <source>Handbook</source>
        <translation>手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="144"/>
        <source>Phrasing</source>
        <translation>話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="145"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="149"/>
        <source>default: the folder's name</source>
        <translation>預設：資料夾名稱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="151"/>
        <source>comma-separated</source>
        <translation>以逗號分隔</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="95"/>
        <source>words agents search for that the text does not use; not shown to agents</source>
        <translation>客服人員會搜尋、但內文沒有的詞；不顯示給客服人員</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="106"/>
        <source>Search keywords</source>
        <translation>搜尋關鍵字</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="156"/>
        <source>Agents must confirm they have read it</source>
        <translation>客服人員必須確認已閱讀</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="158"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="159"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="160"/>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="161"/>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="162"/>
        <source>Owner</source>
        <translation>負責單位</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="163"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="164"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="165"/>
        <source>Review by</source>
        <translation>複審期限</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="46"/>
        <source>Use letters, digits, - or _ in the file name.</source>
        <translation>檔名請使用英文字母、數字、- 或 _。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="50"/>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 已存在：請換一個名稱。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="63"/>
        <source>New document</source>
        <translation>新增文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="65"/>
        <source>Handbook</source>
        <translation>手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="66"/>
        <source>Phrasing</source>
        <translation>話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="67"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="78"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="79"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="80"/>
        <source>File name</source>
        <translation>檔名</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="81"/>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="31"/>
        <source>kbdesk</source>
        <translation>kbdesk</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="88"/>
        <source>Set</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>PhrasingPanel</name>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="201"/>
        <location filename="../../kbdesk/gui/phrasings.py" line="217"/>
        <source>This document has no phrasings.</source>
        <translation>這份文件沒有話術。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="245"/>
        <source>Guidance only: nothing to copy.</source>
        <translation>僅供參考：沒有可複製的內容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="253"/>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="254"/>
        <source>Copy this text (placeholders are filled in first)</source>
        <translation>複製這段文字（先填入佔位欄位）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="278"/>
        <source>Avoid</source>
        <translation>避免說</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="278"/>
        <source>Say instead</source>
        <translation>建議改說</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="96"/>
        <source>Fill in the phrasing</source>
        <translation>填寫話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="115"/>
        <source>Preview:</source>
        <translation>預覽：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="120"/>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="155"/>
        <source>Fill in every field before copying: %1</source>
        <translation>請先填寫所有欄位再複製：%1</translation>
    </message>
</context>
<context>
    <name>ProblemsNotice</name>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="45"/>
        <source>Library problems</source>
        <translation>知識庫問題</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="50"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="50"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="51"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/notices.py" line="72"/>
        <source>%n file(s) in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</source>
        <translation>
            <numerusform>知識庫中有 %n 個檔案無法讀取，已略過。其餘內容可正常使用。請修正這些檔案（或執行 kbdesk check）後重新載入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="131"/>
        <source>Find in page</source>
        <translation>在本頁尋找</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="136"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一個符合項目（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="140"/>
        <source>Next match (F3)</source>
        <translation>下一個符合項目（F3）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="144"/>
        <source>Close the find bar (Esc)</source>
        <translation>關閉尋找列（Esc）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="178"/>
        <source>No document open</source>
        <translation>尚未開啟文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="179"/>
        <source>Type in the search box, then press Enter to open a result.</source>
        <translation>在搜尋框輸入文字，再按 Enter 開啟結果。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="197"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="199"/>
        <source>Effective %1</source>
        <translation>%1 生效</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="201"/>
        <source>Owner %1</source>
        <translation>負責：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="204"/>
        <source>Updated %1</source>
        <translation>%1 更新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="206"/>
        <source>Status: %1</source>
        <translation>狀態：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="440"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="210"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="275"/>
        <source>Rendering…</source>
        <translation>正在排版…</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="126"/>
        <source>Rename / move</source>
        <translation>重新命名／移動</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="131"/>
        <source>Title and category change with your next publish. Changing the path moves the file now, as a new version; its history follows it.</source>
        <translation>標題與分類會在下次發布時變更。變更路徑會立即移動檔案並成為新版本，歷史也會一併保留。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="139"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="140"/>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="141"/>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="172"/>
        <source>A title is required.</source>
        <translation>必須填寫標題。</translation>
    </message>
</context>
<context>
    <name>ReplyCheckPanel</name>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="142"/>
        <source>Paste or type your draft reply here…</source>
        <translation>在這裡貼上或輸入你的回覆草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="158"/>
        <source>Replace all</source>
        <translation>全部取代</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="219"/>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="220"/>
        <source>Replace with the suggested wording</source>
        <translation>改用建議的說法</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/replycheck.py" line="248"/>
        <source>%n phrase(s) to avoid</source>
        <translation>
            <numerusform>%n 個應避免的說法</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="250"/>
        <source>No phrases to avoid found.</source>
        <translation>沒有發現應避免的說法。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="252"/>
        <source>Paste a draft reply to check it.</source>
        <translation>貼上回覆草稿即可檢查。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="52"/>
        <source>Found as %1</source>
        <translation>以「%1」找到</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="62"/>
        <source>Some words</source>
        <translation>部分詞語</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="67"/>
        <source>More from this document: %1</source>
        <translation>本文件的更多結果：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="52"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="88"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="89"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="90"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="91"/>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="134"/>
        <source>Review due</source>
        <translation>待複審</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="135"/>
        <source>Pending</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="142"/>
        <source>Owner: %1</source>
        <translation>負責：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="146"/>
        <source>v%1 comes into force; agents see %2 until then</source>
        <translation>v%1 生效前，客服人員看到的是 %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="99"/>
        <source>Outdated</source>
        <translation>過時</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="100"/>
        <source>Unclear</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="138"/>
        <source>Flagged</source>
        <translation>已標記</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="148"/>
        <source>on v%1: %2</source>
        <translation>v%1：%2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Unpublished edit</source>
        <translation>未發布的修改</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Never published</source>
        <translation>從未發布</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Edited outside kbdesk, not published; agents see v%1</source>
        <translation>在 kbdesk 以外修改，尚未發布；客服看到的是 v%1</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="176"/>
        <source>Review list</source>
        <translation>複審清單</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="194"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="208"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="217"/>
        <source>%1 past their review date, %2 pending</source>
        <translation>%1 份已過複審期限，%2 份待生效</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="205"/>
        <source>Clear flag</source>
        <translation>清除標記</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="207"/>
        <source>The flagged section was handled: clear the flag for the whole team</source>
        <translation>已處理被標記的段落：為整個團隊清除此標記</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="236"/>
        <source>%1 past their review date, %2 pending, %3 flagged by agents</source>
        <translation>%1 份已過檢視日期，%2 份待生效，%3 個客服標記</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="264"/>
        <source>editor</source>
        <translation>編輯</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="30"/>
        <source>Library folder</source>
        <translation>知識庫資料夾</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="31"/>
        <source>Display script</source>
        <translation>顯示字體</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="32"/>
        <source>Language of the app</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="33"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="34"/>
        <source>Your team</source>
        <translation>你的團隊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="35"/>
        <source>Your staff number</source>
        <translation>你的工號</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="36"/>
        <source>Log searches that find nothing (helps editors)</source>
        <translation>記錄沒有結果的搜尋（協助編輯補強內容）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="38"/>
        <source>I use kbdesk as</source>
        <translation>我的角色</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="39"/>
        <source>Sync every (minutes)</source>
        <translation>同步間隔（分鐘）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="43"/>
        <source>As written</source>
        <translation>依原文</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="44"/>
        <source>Traditional (Taiwan)</source>
        <translation>繁體（台灣）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="45"/>
        <source>Traditional (Hong Kong)</source>
        <translation>繁體（香港）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="46"/>
        <source>Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="47"/>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="51"/>
        <source>Agent</source>
        <translation>客服人員</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="52"/>
        <source>Editor</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="70"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="87"/>
        <source>A new language is used from the next start.</source>
        <translation>新的介面語言會在下次啟動時使用。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="120"/>
        <source>Default: your own copy of the demo library</source>
        <translation>預設：你自己的示範知識庫副本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="130"/>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="136"/>
        <source>Choose the library folder</source>
        <translation>選擇知識庫資料夾</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="40"/>
        <source>This workstation's name</source>
        <translation>這台工作站的名稱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="41"/>
        <source>Share searches that find nothing with the editors</source>
        <translation>與編輯分享找不到結果的搜尋</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="1"/>
        <source>Empty: a new name from the computer's name</source>
        <translation>留空：以電腦名稱產生新名稱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="0"/>
        <source>Set by your organisation</source>
        <translation>由貴機構設定</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="205"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="208"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="208"/>
        <source>Shortcut</source>
        <translation>快速鍵</translation>
    </message>
</context>
<context>
    <name>SidePane</name>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="33"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="34"/>
        <source>Handbooks</source>
        <translation>手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="35"/>
        <source>Phrasings</source>
        <translation>話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="36"/>
        <source>Procedures</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="134"/>
        <source>Search: words, a question, pinyin…  (Ctrl+K)</source>
        <translation>搜尋：詞語、問句或拼音…（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="176"/>
        <source>Categories</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="177"/>
        <source>Favourites</source>
        <translation>我的最愛</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="178"/>
        <source>Recent</source>
        <translation>最近瀏覽</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="198"/>
        <source>All categories</source>
        <translation>全部分類</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="1"/>
        <source>A change that was not signed by an editor was refused; the version in force stays.</source>
        <translation>一項未經編輯簽署的變更已被拒絕；現行版本維持不變。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="1"/>
        <source>A change not signed by an editor was refused (last synced %1)</source>
        <translation>已拒絕一項未經編輯簽署的變更（上次同步 %1）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="158"/>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="168"/>
        <source>Syncing… (last synced %1)</source>
        <translation>同步中…（上次同步於 %1）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="170"/>
        <source>Offline: working on the copy last synced %1</source>
        <translation>離線：正在使用 %1 同步的副本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="172"/>
        <source>Sync failed (last synced %1)</source>
        <translation>同步失敗（上次同步於 %1）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="174"/>
        <source>Not shared: this library has no remote</source>
        <translation>未共享：這個知識庫沒有遠端副本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="175"/>
        <source>Last synced %1</source>
        <translation>上次同步於 %1</translation>
    </message>
    <message>
        <source>Sign-in needed for the shared library (last synced %1)</source>
        <translation>共享知識庫需要登入（上次同步於 %1）</translation>
    </message>
    <message>
        <source>The Git server does not allow this sign-in (last synced %1)</source>
        <translation>Git 伺服器不允許這個帳號的操作（上次同步於 %1）</translation>
    </message>
</context>
<context>
    <name>UpdatedBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="159"/>
        <source>What changed?</source>
        <translation>改了什麼？</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="182"/>
        <source>Updated since you last read it (v%1 → v%2).</source>
        <translation>自你上次閱讀後已更新（v%1 → v%2）。</translation>
    </message>
</context>
<context>
    <name>VersionViewer</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="168"/>
        <source>This version has been superseded. The current version is v%1.</source>
        <translation>此版本已被取代，目前版本為 v%1。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="175"/>
        <source>Version %1 · %2 · %3</source>
        <translation>第 %1 版 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>WhatChangedDialog</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="101"/>
        <source>What changed</source>
        <translation>變更內容</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="102"/>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="106"/>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="122"/>
        <source>Nothing changed since you last read this document.</source>
        <translation>自你上次閱讀以來，這份文件沒有變更。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="126"/>
        <source>Changes since the version you last read (%1 → %2):</source>
        <translation>自你上次閱讀的版本以來的變更（%1 → %2）：</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="48"/>
        <source>Export HTML site to folder</source>
        <translation>匯出 HTML 網站到資料夾</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="62"/>
        <source>Exporting the HTML site…</source>
        <translation>正在匯出 HTML 網站…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="64"/>
        <source>Export HTML site</source>
        <translation>匯出 HTML 網站</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="94"/>
        <source>Exported %1 documents to %2</source>
        <translation>已匯出 %1 份文件到 %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="100"/>
        <source>The HTML site cannot be exported</source>
        <translation>無法匯出 HTML 網站</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="104"/>
        <source>Export cancelled; the folder was left as it was</source>
        <translation>已取消匯出；資料夾保持原樣</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>%1 cannot be exported</source>
        <translation>無法匯出 %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1</source>
        <translation>匯出 %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Exporting: %1…</source>
        <translation>正在匯出：%1…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1 to folder</source>
        <translation>匯出 %1 到資料夾</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>The export plugin %1 cannot be used: %2</source>
        <translation>無法使用匯出外掛 %1：%2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>No export formats</source>
        <translation>沒有可用的匯出格式</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Looking for export formats…</source>
        <translation>正在尋找匯出格式…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="375"/>
        <source>Import handbooks</source>
        <translation>匯入手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="376"/>
        <source>Documents (*.txt *.md *.docx *.html *.htm)</source>
        <translation>文件 (*.txt *.md *.docx *.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="382"/>
        <source>Importing is for editors (Settings → role).</source>
        <translation>只有編輯可以匯入（設定 → 角色）。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>Documents (%1)</source>
        <translation>文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>The import plugin %1 cannot be used: %2</source>
        <translation>無法使用匯入外掛 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="79"/>
        <source>Import handbooks</source>
        <translation>匯入手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="90"/>
        <source>Guess from the text</source>
        <translation>依內容判斷</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="94"/>
        <source>Default category</source>
        <translation>預設分類</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="96"/>
        <source>One document per file</source>
        <translation>每個檔案一份文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="97"/>
        <source>One document per chapter</source>
        <translation>每章一份文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="99"/>
        <source>Kind:</source>
        <translation>類型：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="100"/>
        <source>Category:</source>
        <translation>分類：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="101"/>
        <source>Split:</source>
        <translation>拆分：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="120"/>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="123"/>
        <source>Saved as:</source>
        <translation>儲存為：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="125"/>
        <source>Detected structure</source>
        <translation>偵測到的結構</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="125"/>
        <source>Characters</source>
        <translation>字數</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="133"/>
        <source>Removed (untick to keep the text):</source>
        <translation>已移除（取消勾選即保留該段文字）：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="135"/>
        <source>To check:</source>
        <translation>請檢查：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="144"/>
        <source>Save as drafts</source>
        <translation>存為草稿</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="145"/>
        <source>Publish…</source>
        <translation>發布…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="146"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="164"/>
        <source>Handbook</source>
        <translation>手冊</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="164"/>
        <source>Phrasing</source>
        <translation>話術</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="165"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="187"/>
        <source>Reading the files…</source>
        <translation>正在讀取檔案…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="217"/>
        <source>%1 document(s) found; %2 piece(s) of text removed. Nothing is written until you save or publish.</source>
        <translation>找到 %1 份文件；移除了 %2 段文字。存檔或發布之前不會寫入任何內容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="224"/>
        <source>Nothing was imported.</source>
        <translation>沒有匯入任何內容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="225"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="250"/>
        <source>(introduction)</source>
        <translation>（前言）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="266"/>
        <source>whole document</source>
        <translation>整份文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="275"/>
        <source>line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="322"/>
        <source>Publish %1 imported document(s).</source>
        <translation>發布 %1 份匯入的文件。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="339"/>
        <source>Publishing…</source>
        <translation>正在發布…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="339"/>
        <source>Saving drafts…</source>
        <translation>正在儲存草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="345"/>
        <source>%1 document(s) published.</source>
        <translation>已發布 %1 份文件。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="359"/>
        <source>%1 duplicate(s) of library documents not published again.</source>
        <translation>另有 %1 份與文件庫中文件重複，未再次發布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="347"/>
        <source>%1 draft(s) saved; review and publish them in the editor.</source>
        <translation>已儲存 %1 份草稿；請在編輯器中審閱後發布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="279"/>
        <source>(character %1)</source>
        <translation>（第 %1 個字）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Confidence:</source>
        <translation>可信度：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Low: no structure found (no chapters or sections)</source>
        <translation>低：找不到結構（沒有章節）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Medium: something was guessed; see “To check”</source>
        <translation>中：有些地方是推測的，請看「請檢查」</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>No structure was found in %1. Publish anyway?</source>
        <translation>「%1」找不到任何章節結構。仍要發佈嗎？</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="157"/>
        <source>Flag this section</source>
        <translation>標記此段</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="158"/>
        <source>Outdated</source>
        <translation>過時</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="159"/>
        <source>Unclear</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="166"/>
        <source>What is wrong, in a few words</source>
        <translation>簡短說明哪裡有問題</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="170"/>
        <source>Flag</source>
        <translation>標記</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="183"/>
        <source>The editors see it in their review list with the version you are reading; only your name and this workstation's name are shared.</source>
        <translation>編輯會在檢視清單中看到這個標記及你正在閱讀的版本；只會分享你的名字與這台工作站的名稱。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="255"/>
        <source>Set your name in Settings first: flags carry the name of who raised them.</source>
        <translation>請先在設定中填寫你的名字：標記會註明是誰提出的。</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>Trust this key and join</source>
        <translation>信任此金鑰並加入</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>This shared library is signed by its editors. Compare the key below with the one your editor or IT department gave you before trusting it:</source>
        <translation>這個共用知識庫由編輯簽署。信任之前，請將下面的金鑰與編輯或資訊部門提供給您的核對：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>Editors now:</source>
        <translation>目前的編輯：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="58"/>
        <source>Welcome to kbdesk</source>
        <translation>歡迎使用 kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="59"/>
        <source>Join a shared library</source>
        <translation>加入共用知識庫</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="62"/>
        <source>Your team keeps its library in one shared place (a folder on a file share, or a Git server). Join it, and this workstation syncs with it.</source>
        <translation>你的團隊把知識庫放在一個共用的位置（檔案伺服器上的資料夾或 Git 伺服器）。加入後，這台工作站會與它同步。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="65"/>
        <source>The library joined is used from the next start.</source>
        <translation>加入的知識庫會在下次啟動時使用。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="69"/>
        <source>Folder or URL, e.g. //server/share/kb.git</source>
        <translation>資料夾或網址，例如 //server/share/kb.git</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="70"/>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="72"/>
        <source>Join a shared library (URL or folder)</source>
        <translation>加入共用知識庫（網址或資料夾）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="76"/>
        <source>Use the demo library</source>
        <translation>使用示範知識庫</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="93"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="104"/>
        <source>The shared library's folder</source>
        <translation>共用知識庫的資料夾</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="112"/>
        <source>Type the folder or URL of the shared library.</source>
        <translation>請輸入共用知識庫的資料夾或網址。</translation>
    </message>
    <message>
        <source>Type your user name and password for the Git server.</source>
        <translation>請輸入 Git 伺服器的使用者名稱和密碼。</translation>
    </message>
    <message>
        <source>The Git server asks for your user name and password.</source>
        <translation>Git 伺服器需要您的使用者名稱和密碼。</translation>
    </message>
    <message>
        <source>The Git server did not accept this user name and password.</source>
        <translation>Git 伺服器不接受這組使用者名稱和密碼。</translation>
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="59"/>
        <source>Read receipts of the team</source>
        <translation>團隊已讀回條</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="65"/>
        <source>Document / agent</source>
        <translation>文件／客服人員</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="65"/>
        <source>Read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="66"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="71"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="73"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="91"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="104"/>
        <source>%1 of %2</source>
        <translation>%1／%2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="110"/>
        <source>read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="114"/>
        <source>not read</source>
        <translation>未讀</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="119"/>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="121"/>
        <source>%1 document(s) to acknowledge; receipts of every workstation known after the last sync (%2).</source>
        <translation>%1 份文件需要確認已讀；顯示上次同步（%2）後所知的各工作站回條。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="143"/>
        <source>Export read receipts</source>
        <translation>匯出已讀回條</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="143"/>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>read on paper</source>
        <translation>紙本已讀</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Group / person · document</source>
        <translation>組別／人員 · 文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>(no group)</source>
        <translation>（無組別）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 not read, %2 overdue</source>
        <translation>%1 未讀，%2 逾期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 day(s)</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>not yet</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 document(s) to acknowledge; who in team.yaml has not read the version in force, per group, most overdue first; receipts known after the last sync (%2).</source>
        <translation>%1 份文件需確認已讀；依組別列出 team.yaml 中尚未閱讀生效版本的人員，逾期最久者在前；回條為上次同步（%2）後所知。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="1"/>
        <source>Not counted: %1</source>
        <translation>未計入：%1</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="197"/>
        <source>To acknowledge</source>
        <translation>待確認已讀</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="198"/>
        <source>Nothing to acknowledge.</source>
        <translation>沒有需要確認的文件。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="199"/>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="200"/>
        <source>No document changed in the last 30 days.</source>
        <translation>最近 30 天沒有文件變更。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="201"/>
        <source>Favourites</source>
        <translation>我的最愛</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="202"/>
        <source>No favourites yet: press Ctrl+D on a document.</source>
        <translation>還沒有最愛：在文件上按 Ctrl+D 加入。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>overdue by %1 day(s)</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>read by %1</source>
        <translation>請於 %1 前閱讀</translation>
    </message>
</context>
<context>
    <name>TeamUi</name>
    <message>
        <location filename="../../kbdesk/gui/teamui.py" line="84"/>
        <source>Flagged for the editors: it goes with the next sync.</source>
        <translation>已標記給編輯：會在下次同步時送出。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamui.py" line="116"/>
        <source>Joined: %1 is your library from the next start.</source>
        <translation>已加入：下次啟動起使用 %1 作為你的知識庫。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/teamui.py" line="129"/>
        <source>%n library file(s) could not be read; the editors can see which in File → Library problems.</source>
        <translation>
            <numerusform>有 %n 個知識庫檔案無法讀取；編輯可在「檔案 → 知識庫問題」查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="46"/>
        <source>Drafts of new documents</source>
        <translation>新文件草稿</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="53"/>
        <source>Open in the editor</source>
        <translation>在編輯器中開啟</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="68"/>
        <source>No drafts of new documents.</source>
        <translation>沒有新文件的草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="69"/>
        <source>Drafts of documents not published yet (imports and new documents). Open one to review and publish it.</source>
        <translation>尚未發布的文件草稿（匯入的與新建的文件）。開啟一份即可審閱並發布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="72"/>
        <source>%1 — %2, saved %3</source>
        <translation>%1 — %2，儲存於 %3</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the shared library</source>
        <translation>登入共享知識庫</translation>
    </message>
    <message>
        <source>The Git server at %1 asks for your user name and password.</source>
        <translation>位於 %1 的 Git 伺服器需要您的使用者名稱和密碼。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Remember on this computer</source>
        <translation>在這台電腦上記住</translation>
    </message>
    <message>
        <source>Kept in the system's keyring (or a file only you can read where there is none), never in the library</source>
        <translation>保存在系統的金鑰圈（沒有金鑰圈時，保存在只有您能讀取的檔案），絕不保存在知識庫中</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Search suggestions</source>
        <translation>搜尋建議</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Agents searched → then opened</source>
        <translation>客服人員搜尋 → 後來開啟</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Times</source>
        <translation>次數</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Workstations</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Found with</source>
        <translation>改用的字詞</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as keyword</source>
        <translation>採用為關鍵詞</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as synonym group</source>
        <translation>採用為同義詞組</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Add the words agents searched to the document's keywords and publish it</source>
        <translation>將客服人員搜尋的字詞加入文件的關鍵詞並發布</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Add a synonym group to library.yaml and publish it (a group holding one of the words is extended): %1</source>
        <translation>在 library.yaml 新增同義詞組並發布（已有詞組含其中一個字詞時，擴充該詞組）：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>%1 suggestion(s): words agents on several workstations searched, then opened the document found with other words.</source>
        <translation>%1 則建議：多台工作站的客服人員搜尋這些字詞後，改用其他字詞找到並開啟了文件。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>No suggestions. A suggestion needs the same words and document from two or more workstations; only shared search logs count.</source>
        <translation>沒有建議。同一組字詞與文件須來自兩台以上的工作站才會成為建議；只計入已分享的搜尋紀錄。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Only an editor can accept a suggestion.</source>
        <translation>只有編輯可以採用建議。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Publishing…</source>
        <translation>發布中…</translation>
    </message>
</context>
<context>
    <name>Exporters</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>HTML site</source>
        <translation>HTML 網站</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1: options</source>
        <translation>匯出 %1：選項</translation>
    </message>
</context>
<context>
    <name>SynonymGroupDialog</name>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as synonym group</source>
        <translation>採用為同義詞組</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Agents searched %1, then opened %2. This group will be added to library.yaml and published: each of its words will find what the others find. Leave out words other documents use, or add the words agents say. Separate the words with , or 、.</source>
        <translation>客服人員搜尋 %1 後開啟了 %2。這個詞組將加入 library.yaml 並發布：詞組中每個字詞都會找到其他字詞找得到的內容。請刪去其他文件也在用的字詞，或加入客服人員的說法。字詞之間以逗號或頓號（、）分隔。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Publish group</source>
        <translation>發布詞組</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>A word of the group is empty.</source>
        <translation>詞組中有空白的字詞。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>A group needs at least two words.</source>
        <translation>詞組至少需要兩個字詞。</translation>
    </message>
</context>
</TS>
