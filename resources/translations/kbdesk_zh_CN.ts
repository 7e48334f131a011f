<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AckBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="205"/>
        <source>Please read this version and confirm.</source>
        <translation>请阅读这个版本并确认。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="207"/>
        <source>I have read this version</source>
        <translation>我已阅读这个版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="233"/>
        <source>Please read version %1 of this document and confirm.</source>
        <translation>请阅读这份文档的第 %1 版并确认。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="53"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="54"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="55"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="56"/>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="57"/>
        <source>E&amp;ditor</source>
        <translation>编辑工具(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="58"/>
        <source>&amp;Help</source>
        <translation>说明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="62"/>
        <source>Reload library</source>
        <translation>重新加载知识库</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="63"/>
        <source>Rebuild search index</source>
        <translation>重建搜索索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="65"/>
        <source>Stop indexing</source>
        <translation>停止创建索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="66"/>
        <source>Library problems…</source>
        <translation>知识库问题…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Import handbooks…</source>
        <translation>导入手册…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="70"/>
        <source>Drafts of new documents…</source>
        <translation>新文档草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Export HTML site…</source>
        <translation>导出 HTML 网站…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="69"/>
        <source>Quit</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="70"/>
        <source>Go to search box</source>
        <translation>移到搜索框</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="72"/>
        <source>Find (in the page when reading)</source>
        <translation>寻找（阅读时在本页寻找）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="74"/>
        <source>Find next</source>
        <translation>找下一个</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="75"/>
        <source>Find previous</source>
        <translation>找上一个</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="77"/>
        <source>Copy phrasing</source>
        <translation>复制话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="79"/>
        <source>Copy section link</source>
        <translation>复制段落链接</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="81"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="83"/>
        <source>Handbooks only</source>
        <translation>只看手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="85"/>
        <source>Phrasings only</source>
        <translation>只看话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="87"/>
        <source>Procedures only</source>
        <translation>只看流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="89"/>
        <source>Script: as written</source>
        <translation>字体：依原文</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="91"/>
        <source>Script: Traditional (Taiwan)</source>
        <translation>字体：繁体（台湾）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="93"/>
        <source>Script: Traditional (Hong Kong)</source>
        <translation>字体：繁体（香港）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="95"/>
        <source>Script: Simplified</source>
        <translation>字体：简体</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="97"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="99"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="100"/>
        <source>Normal size</source>
        <translation>原始大小</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="102"/>
        <source>Reply check</source>
        <translation>回复检查</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="104"/>
        <source>Back</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="106"/>
        <source>Forward</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="108"/>
        <source>Go to results</source>
        <translation>移到结果列表</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="109"/>
        <source>Add to / remove from favourites</source>
        <translation>加入／移出我的最爱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="111"/>
        <source>New handbook…</source>
        <translation>添加手册…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="113"/>
        <source>New phrasing…</source>
        <translation>添加话术…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="115"/>
        <source>New procedure…</source>
        <translation>添加流程…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="117"/>
        <source>Edit current document</source>
        <translation>编辑目前文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="119"/>
        <source>History of current document</source>
        <translation>目前文档的历史</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="121"/>
        <source>Review list</source>
        <translation>复审清单</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="123"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="124"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="126"/>
        <source>About kbdesk</source>
        <translation>关于 kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Join a shared library…</source>
        <translation>加入共用知识库…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="83"/>
        <source>Flag section as outdated or unclear…</source>
        <translation>标记此段过时或不清楚…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="108"/>
        <source>Contents pane</source>
        <translation>目录窗格</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="110"/>
        <source>Read receipts of the team…</source>
        <translation>团队已读回条…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="121"/>
        <source>Search suggestions…</source>
        <translation>搜索建议…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="112"/>
        <source>Start screen</source>
        <translation>开始画面</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="143"/>
        <source>From the search box into the results</source>
        <translation>从搜索框移到结果清单</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="144"/>
        <source>From the first result back to the search box</source>
        <translation>从第一笔结果回到搜索框</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="145"/>
        <source>Open the selected result</source>
        <translation>打开选取的结果</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="146"/>
        <source>Back to the search box (closes the find bar first)</source>
        <translation>回到搜索框（先关闭页内寻找列）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="147"/>
        <source>Next field / previous field</source>
        <translation>下一栏／上一栏</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="1"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
</context>
<context>
    <name>ChangeNoteDialog</name>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Your editor key cannot be used: %1</source>
        <translation>无法使用您的编辑密钥：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Not signed: this workstation has no editor key (a library that requires signing refuses the version; make one with `kbdesk keys init`).</source>
        <translation>未签署：这台工作站没有编辑密钥（要求签署的知识库会拒绝这个版本；请以 `kbdesk keys init` 创建）。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Signed with your editor key %1</source>
        <translation>以您的编辑密钥 %1 签署</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="34"/>
        <source>Change note</source>
        <translation>变更说明</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="39"/>
        <source>Say what changed and why. Agents and other editors see this note in the document's history.</source>
        <translation>请说明改了什么、为什么改。客服人员与其他编辑会在文档历史中看到这则说明。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="56"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="76"/>
        <source>A change note is required: write what changed and why before publishing.</source>
        <translation>必须填写变更说明：发布前请写下改了什么、为什么改。</translation>
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
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="139"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="140"/>
        <source>Done at {time}</source>
        <translation>于 {time} 完成</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="141"/>
        <source>(late)</source>
        <translation>（逾时）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="145"/>
        <source>Overdue by {time}</source>
        <translation>已逾时 {time}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="146"/>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="211"/>
        <source>Time since Start</source>
        <translation>开始后经过的时间</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="212"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="213"/>
        <source>Start the timer for this case</source>
        <translation>为这个案件开始计时</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="215"/>
        <source>Reset</source>
        <translation>重设</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="216"/>
        <source>Clear the ticks and the timer for the next case</source>
        <translation>清除勾选与计时，准备下一个案件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="255"/>
        <source>This document has no steps.</source>
        <translation>这份文档没有步骤。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="300"/>
        <source>Time limit passed: {steps}</source>
        <translation>已超过时限：{steps}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="73"/>
        <source>Resolve a conflict: %1</source>
        <translation>解决冲突：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="76"/>
        <source>%1 was changed here and on another workstation. Their version is in the library now; yours is kept as a draft. Edit the result below and publish it.</source>
        <translation>%1 在这里和另一台工作站上都被修改了。对方的版本已在知识库中；你的版本已保留为草稿。请编辑下方的结果后发布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="82"/>
        <source>(no text: the document did not exist or was deleted)</source>
        <translation>（没有内容：文档不存在或已删除）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="93"/>
        <source>Base (before both changes)</source>
        <translation>基准（双方修改前）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="94"/>
        <source>Theirs (published elsewhere)</source>
        <translation>对方的（已在别处发布）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="95"/>
        <source>Mine (kept as a draft)</source>
        <translation>我的（保留为草稿）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="100"/>
        <source>theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="100"/>
        <source>mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="108"/>
        <source>Three texts</source>
        <translation>三方内容</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="109"/>
        <source>Theirs ↔ mine</source>
        <translation>对方 ↔ 我的</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="118"/>
        <source>Result (what will be published)</source>
        <translation>结果（将发布的内容）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="123"/>
        <source>Start from theirs</source>
        <translation>从对方的版本开始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="124"/>
        <source>Start from mine</source>
        <translation>从我的版本开始</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="125"/>
        <source>Publish result…</source>
        <translation>发布结果…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="127"/>
        <source>Close (keep as draft)</source>
        <translation>关闭（保留为草稿）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="179"/>
        <source>Publish the resolved text of %1.</source>
        <translation>发布 %1 解决冲突后的内容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="192"/>
        <source>Publishing…</source>
        <translation>发布中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="204"/>
        <source>Published version %1.</source>
        <translation>已发布第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="210"/>
        <source>Not published; your text is kept as a draft.</source>
        <translation>未发布；你的文字已保留为草稿。</translation>
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
        <translation>只显示变更及其前后行</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="175"/>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="176"/>
        <source>Inline</source>
        <translation>行内</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/diffview.py" line="192"/>
        <source>%1 → %2: %n line(s) changed</source>
        <translation>
            <numerusform>%1 → %2：%n 行有变更</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="198"/>
        <source>%1 → %2: no differences</source>
        <translation>%1 → %2：没有差异</translation>
    </message>
</context>
<context>
    <name>DocumentStatusBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="265"/>
        <source>Retired: this document is no longer in use. It is kept for reference and is not found by search.</source>
        <translation>已禁用：这份文档不再使用，仅保留供参考，搜索时不会出现。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="270"/>
        <source>Version %1 comes into force on %2; agents see %3 until then.</source>
        <translation>第 %1 版将于 %2 生效；在此之前客服人员看到的是 %3。</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="179"/>
        <location filename="../../kbdesk/gui/editor.py" line="215"/>
        <source>Discard draft…</source>
        <translation>舍弃草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="181"/>
        <source>Compare with the library's version…</source>
        <translation>与知识库中的版本比较…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="205"/>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="210"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="211"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="212"/>
        <source>Rename / move…</source>
        <translation>重命名／移动…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="213"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="214"/>
        <source>Retire…</source>
        <translation>禁用…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="269"/>
        <source>%1%2 — Editor</source>
        <translation>%1%2 — 编辑</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="287"/>
        <source>Your unpublished draft from %1 was restored.</source>
        <translation>已还原你在 %1 未发布的草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="291"/>
        <source>This is your text from a sync conflict (the same document was changed on another workstation). Compare and publish, or discard it.</source>
        <translation>这是同步冲突时保留的你的文字（同一份文档在另一台工作站上也被修改了）。请比较后发布，或舍弃。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="297"/>
        <source>Version %1 was published since this draft was started from version %2.</source>
        <translation>这份草稿从第 %2 版开始编辑后，第 %1 版已经发布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="313"/>
        <source>Draft saved at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="325"/>
        <source>Discard your draft? The changes in it cannot be recovered.</source>
        <translation>要舍弃草稿吗？其中的修改将无法复原。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="334"/>
        <source>The draft was discarded.</source>
        <translation>草稿已舍弃。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="359"/>
        <source>Publish “%1” as a new version.</source>
        <translation>将「%1」发布为新版本。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="375"/>
        <source>Publishing…</source>
        <translation>发布中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="393"/>
        <source>Published version %1.</source>
        <translation>已发布第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="399"/>
        <source>Not published; your draft is kept.</source>
        <translation>未发布；你的草稿已保留。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="405"/>
        <source>This document was never published: discard the draft instead.</source>
        <translation>这份文档从未发布：请改为舍弃草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="408"/>
        <source>Retire “%1”: agents will no longer find it in search.</source>
        <translation>禁用「%1」：客服人员将无法再搜索到它。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="412"/>
        <source>Retiring…</source>
        <translation>禁用中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="441"/>
        <source>Move “%1” to %2.</source>
        <translation>将「%1」移到 %2。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="456"/>
        <source>Moving…</source>
        <translation>移动中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="474"/>
        <source>Moved to %1 (version %2).</source>
        <translation>已移到 %1（第 %2 版）。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="488"/>
        <source>Not published yet: no history.</source>
        <translation>尚未发布：没有历史纪录。</translation>
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
        <translation>请先打开一份文档。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py"/>
        <source>Editors only: this needs the role editor; your role is %1.</source>
        <translation>仅限编辑：这需要“编辑”角色；你的角色是 %1。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="96"/>
        <source>Found</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="96"/>
        <source>Say instead</source>
        <translation>建议改说</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="112"/>
        <source>From {doc}#{anchor}, line {line}</source>
        <translation>来自 {doc}#{anchor}，第 {line} 行</translation>
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
        <translation>变更说明</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="118"/>
        <source>(not in force: replaced when syncing) </source>
        <translation>（未生效：同步时已被取代）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="122"/>
        <source>(retired) </source>
        <translation>（已禁用）</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="222"/>
        <source>History: %1</source>
        <translation>历史：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="236"/>
        <source>Open version</source>
        <translation>打开版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="237"/>
        <location filename="../../kbdesk/gui/history.py" line="256"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="239"/>
        <source>Select two versions to compare them, or one to compare it with the version before it.</source>
        <translation>选择两个版本进行比较，或选择一个版本与前一版比较。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="242"/>
        <source>Restore as new version…</source>
        <translation>还原为新版本…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="257"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="276"/>
        <source>Loading history…</source>
        <translation>正在加载历史…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/history.py" line="283"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="324"/>
        <source>This version was replaced when syncing and was never in force; its text was kept as the editor's draft.</source>
        <translation>这个版本在同步时已被取代，从未生效；其内容已保留为编辑的草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="352"/>
        <source>This is the first version: nothing to compare.</source>
        <translation>这是第一版：没有可比较的版本。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="356"/>
        <source>Select two versions to compare.</source>
        <translation>请选择两个版本进行比较。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="378"/>
        <source>Select the one version to restore.</source>
        <translation>请选择一个要还原的版本。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="384"/>
        <source>Restore version %1 as a new version. The versions after it stay in the history.</source>
        <translation>将第 %1 版还原为新版本。之后的版本仍保留在历史中。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="397"/>
        <source>Restoring…</source>
        <translation>还原中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="407"/>
        <source>Published v%1.</source>
        <translation>已发布 v%1。</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="43"/>
        <source>Handbook</source>
        <translation>手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="44"/>
        <source>Phrasing</source>
        <translation>话术</translation>
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
        <translation>回复检查</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="126"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="131"/>
        <source>Script:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="139"/>
        <source>How Chinese text is shown (Ctrl+Alt+0…3)</source>
        <translation>中文的显示方式（Ctrl+Alt+0…3）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="245"/>
        <source>No library</source>
        <translation>没有知识库</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="246"/>
        <source>The library cannot be opened</source>
        <translation>无法打开知识库</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/mainwindow.py" line="253"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 份文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/mainwindow.py" line="257"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="303"/>
        <source>The search index cannot be built</source>
        <translation>无法创建搜索索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="308"/>
        <source>Opening the library…</source>
        <translation>正在打开知识库…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="309"/>
        <source>Indexing…</source>
        <translation>正在创建索引…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="310"/>
        <source>Index ready</source>
        <translation>索引已就绪</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="311"/>
        <source>Indexing stopped</source>
        <translation>已停止创建索引</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="312"/>
        <source>Index not available</source>
        <translation>索引无法使用</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="361"/>
        <source>The search index was damaged; rebuilding it…</source>
        <translation>搜索索引已损坏，正在重建…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="376"/>
        <source>Searching as soon as the index is ready…</source>
        <translation>索引就绪后立即搜索…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="378"/>
        <source>Nothing found for “%1”. Try fewer or other words.</source>
        <translation>找不到「%1」。请试试较少或其他的词。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="381"/>
        <source>%1 results with every word, then partial matches:</source>
        <translation>%1 个结果包含所有词语，其后为部分匹配：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="383"/>
        <source>No result has every word; closest matches:</source>
        <translation>没有结果包含所有词语；最接近的结果：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="396"/>
        <source>The library is not open yet.</source>
        <translation>知识库尚未打开。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="480"/>
        <source>Select a phrasing first.</source>
        <translation>请先选择一则话术。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="490"/>
        <source>This is not a phrasing: nothing to copy.</source>
        <translation>这不是话术：没有可复制的内容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="492"/>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="499"/>
        <source>Link copied: %1</source>
        <translation>已复制链接：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="513"/>
        <source>★ Favourite</source>
        <translation>★ 我的最爱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="514"/>
        <source>☆ Favourite</source>
        <translation>☆ 我的最爱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="562"/>
        <source>The new library folder is used from the next start.</source>
        <translation>新的知识库文件夹会在下次启动时使用。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="579"/>
        <source>About kbdesk</source>
        <translation>关于 kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="580"/>
        <source>kbdesk %1 — an offline knowledge base for customer service teams.</source>
        <translation>kbdesk %1 — 给客服团队的离线知识库。</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="143"/>
        <source>Handbook</source>
        <translation>手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="144"/>
        <source>Phrasing</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="145"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="149"/>
        <source>default: the folder's name</source>
        <translation>默认：文件夹名称</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="151"/>
        <source>comma-separated</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="95"/>
        <source>words agents search for that the text does not use; not shown to agents</source>
        <translation>坐席会搜索、但正文没有的词；不显示给坐席</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="106"/>
        <source>Search keywords</source>
        <translation>搜索关键词</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="156"/>
        <source>Agents must confirm they have read it</source>
        <translation>客服人员必须确认已阅读</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="158"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="159"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="160"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="161"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="162"/>
        <source>Owner</source>
        <translation>负责单位</translation>
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
        <translation>复审期限</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="46"/>
        <source>Use letters, digits, - or _ in the file name.</source>
        <translation>文件名请使用英文字母、数字、- 或 _。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="50"/>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 已存在：请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="63"/>
        <source>New document</source>
        <translation>添加文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="65"/>
        <source>Handbook</source>
        <translation>手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="66"/>
        <source>Phrasing</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="67"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="78"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="79"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="80"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="81"/>
        <source>Path</source>
        <translation>路径</translation>
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
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>PhrasingPanel</name>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="201"/>
        <location filename="../../kbdesk/gui/phrasings.py" line="217"/>
        <source>This document has no phrasings.</source>
        <translation>这份文档没有话术。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="245"/>
        <source>Guidance only: nothing to copy.</source>
        <translation>仅供参考：没有可复制的内容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="253"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="254"/>
        <source>Copy this text (placeholders are filled in first)</source>
        <translation>复制这段文字（先填入占位字段）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="278"/>
        <source>Avoid</source>
        <translation>避免说</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="278"/>
        <source>Say instead</source>
        <translation>建议改说</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="96"/>
        <source>Fill in the phrasing</source>
        <translation>填写话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="115"/>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="120"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="155"/>
        <source>Fill in every field before copying: %1</source>
        <translation>请先填写所有字段再拷贝：%1</translation>
    </message>
</context>
<context>
    <name>ProblemsNotice</name>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="45"/>
        <source>Library problems</source>
        <translation>知识库问题</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="50"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="50"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="51"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/notices.py" line="72"/>
        <source>%n file(s) in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</source>
        <translation>
            <numerusform>知识库中有 %n 个文件无法读取，已略过。其余内容可正常使用。请修正这些文件（或运行 kbdesk check）后重新加载。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="131"/>
        <source>Find in page</source>
        <translation>在本页寻找</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="136"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个符合项目（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="140"/>
        <source>Next match (F3)</source>
        <translation>下一个符合项目（F3）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="144"/>
        <source>Close the find bar (Esc)</source>
        <translation>关闭寻找列（Esc）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="178"/>
        <source>No document open</source>
        <translation>尚未打开文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="179"/>
        <source>Type in the search box, then press Enter to open a result.</source>
        <translation>在搜索框输入文字，再按 Enter 打开结果。</translation>
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
        <translation>负责：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="204"/>
        <source>Updated %1</source>
        <translation>%1 更新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="206"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="440"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="210"/>
        <source>Start</source>
        <translation>开始</translation>
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
        <translation>重命名／移动</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="131"/>
        <source>Title and category change with your next publish. Changing the path moves the file now, as a new version; its history follows it.</source>
        <translation>标题与分类会在下次发布时变更。变更路径会立即移动文件并成为新版本，历史也会一并保留。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="139"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="140"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="141"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="172"/>
        <source>A title is required.</source>
        <translation>必须填写标题。</translation>
    </message>
</context>
<context>
    <name>ReplyCheckPanel</name>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="142"/>
        <source>Paste or type your draft reply here…</source>
        <translation>在这里粘贴或输入你的回复草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="158"/>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="219"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="220"/>
        <source>Replace with the suggested wording</source>
        <translation>改用建议的说法</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/replycheck.py" line="248"/>
        <source>%n phrase(s) to avoid</source>
        <translation>
            <numerusform>%n 个应避免的说法</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="250"/>
        <source>No phrases to avoid found.</source>
        <translation>没有发现应避免的说法。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="252"/>
        <source>Paste a draft reply to check it.</source>
        <translation>粘贴回复草稿即可检查。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="52"/>
        <source>Found as %1</source>
        <translation>以“%1”找到</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="62"/>
        <source>Some words</source>
        <translation>部分词语</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="67"/>
        <source>More from this document: %1</source>
        <translation>本文档的更多结果：%1</translation>
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
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="90"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="91"/>
        <source>Details</source>
        <translation>详细数据</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="134"/>
        <source>Review due</source>
        <translation>待复审</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="135"/>
        <source>Pending</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="142"/>
        <source>Owner: %1</source>
        <translation>负责：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="146"/>
        <source>v%1 comes into force; agents see %2 until then</source>
        <translation>v%1 生效前，客服人员看到的是 %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="99"/>
        <source>Outdated</source>
        <translation>过时</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="100"/>
        <source>Unclear</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="138"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="148"/>
        <source>on v%1: %2</source>
        <translation>v%1：%2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Unpublished edit</source>
        <translation>未发布的修改</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Never published</source>
        <translation>从未发布</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Edited outside kbdesk, not published; agents see v%1</source>
        <translation>在 kbdesk 以外修改，尚未发布；客服看到的是 v%1</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="176"/>
        <source>Review list</source>
        <translation>复审清单</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="194"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="208"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="217"/>
        <source>%1 past their review date, %2 pending</source>
        <translation>%1 份已过复审期限，%2 份待生效</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="205"/>
        <source>Clear flag</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="207"/>
        <source>The flagged section was handled: clear the flag for the whole team</source>
        <translation>已处理被标记的段落：为整个团队清除此标记</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="236"/>
        <source>%1 past their review date, %2 pending, %3 flagged by agents</source>
        <translation>%1 份已过查看日期，%2 份待生效，%3 个客服标记</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="264"/>
        <source>editor</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="30"/>
        <source>Library folder</source>
        <translation>知识库文件夹</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="31"/>
        <source>Display script</source>
        <translation>显示字体</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="32"/>
        <source>Language of the app</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="33"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="34"/>
        <source>Your team</source>
        <translation>你的团队</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="35"/>
        <source>Your staff number</source>
        <translation>你的工号</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="36"/>
        <source>Log searches that find nothing (helps editors)</source>
        <translation>记录没有结果的搜索（协助编辑补强内容）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="38"/>
        <source>I use kbdesk as</source>
        <translation>我的角色</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="39"/>
        <source>Sync every (minutes)</source>
        <translation>同步间隔（分钟）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="43"/>
        <source>As written</source>
        <translation>依原文</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="44"/>
        <source>Traditional (Taiwan)</source>
        <translation>繁体（台湾）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="45"/>
        <source>Traditional (Hong Kong)</source>
        <translation>繁体（香港）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="46"/>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="47"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="51"/>
        <source>Agent</source>
        <translation>客服人员</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="52"/>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="70"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="87"/>
        <source>A new language is used from the next start.</source>
        <translation>新的界面语言会在下次启动时使用。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="120"/>
        <source>Default: your own copy of the demo library</source>
        <translation>默认：你自己的示范知识库副本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="130"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="136"/>
        <source>Choose the library folder</source>
        <translation>选择知识库文件夹</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="40"/>
        <source>This workstation's name</source>
        <translation>这台工作站的名称</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="41"/>
        <source>Share searches that find nothing with the editors</source>
        <translation>与编辑分享找不到结果的搜索</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="1"/>
        <source>Empty: a new name from the computer's name</source>
        <translation>留空：以计算机名称生成新名称</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="0"/>
        <source>Set by your organisation</source>
        <translation>由贵机构设定</translation>
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
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="208"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="208"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
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
        <translation>手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="35"/>
        <source>Phrasings</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="36"/>
        <source>Procedures</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="134"/>
        <source>Search: words, a question, pinyin…  (Ctrl+K)</source>
        <translation>搜索：词语、问句或拼音…（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="176"/>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="177"/>
        <source>Favourites</source>
        <translation>我的最爱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="178"/>
        <source>Recent</source>
        <translation>最近浏览</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="198"/>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="1"/>
        <source>A change that was not signed by an editor was refused; the version in force stays.</source>
        <translation>一项未经编辑签署的变更已被拒绝；现行版本维持不变。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="1"/>
        <source>A change not signed by an editor was refused (last synced %1)</source>
        <translation>已拒绝一项未经编辑签署的变更（上次同步 %1）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="158"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="168"/>
        <source>Syncing… (last synced %1)</source>
        <translation>同步中…（上次同步于 %1）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="170"/>
        <source>Offline: working on the copy last synced %1</source>
        <translation>离线：正在使用 %1 同步的副本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="172"/>
        <source>Sync failed (last synced %1)</source>
        <translation>同步失败（上次同步于 %1）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="174"/>
        <source>Not shared: this library has no remote</source>
        <translation>未共享：这个知识库没有远程副本</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="175"/>
        <source>Last synced %1</source>
        <translation>上次同步于 %1</translation>
    </message>
    <message>
        <source>Sign-in needed for the shared library (last synced %1)</source>
        <translation>共享知识库需要登录（上次同步于 %1）</translation>
    </message>
    <message>
        <source>The Git server does not allow this sign-in (last synced %1)</source>
        <translation>Git 服务器不允许这个账号的操作（上次同步于 %1）</translation>
    </message>
</context>
<context>
    <name>UpdatedBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="159"/>
        <source>What changed?</source>
        <translation>改了什么？</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="182"/>
        <source>Updated since you last read it (v%1 → v%2).</source>
        <translation>自你上次阅读后已更新（v%1 → v%2）。</translation>
    </message>
</context>
<context>
    <name>VersionViewer</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="168"/>
        <source>This version has been superseded. The current version is v%1.</source>
        <translation>此版本已被取代，当前版本为 v%1。</translation>
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
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="102"/>
        <source>Comparing…</source>
        <translation>比较中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="106"/>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="122"/>
        <source>Nothing changed since you last read this document.</source>
        <translation>自你上次阅读以来，这份文档没有变更。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="126"/>
        <source>Changes since the version you last read (%1 → %2):</source>
        <translation>自你上次阅读的版本以来的变更（%1 → %2）：</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="48"/>
        <source>Export HTML site to folder</source>
        <translation>导出 HTML 网站到文件夹</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="62"/>
        <source>Exporting the HTML site…</source>
        <translation>正在导出 HTML 网站…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="64"/>
        <source>Export HTML site</source>
        <translation>导出 HTML 网站</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="94"/>
        <source>Exported %1 documents to %2</source>
        <translation>已导出 %1 份文档到 %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="100"/>
        <source>The HTML site cannot be exported</source>
        <translation>无法导出 HTML 网站</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="104"/>
        <source>Export cancelled; the folder was left as it was</source>
        <translation>已取消导出；文件夹保持原样</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>%1 cannot be exported</source>
        <translation>无法导出 %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Exporting: %1…</source>
        <translation>正在导出：%1…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1 to folder</source>
        <translation>导出 %1 到文件夹</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>The export plugin %1 cannot be used: %2</source>
        <translation>无法使用导出插件 %1：%2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>No export formats</source>
        <translation>没有可用的导出格式</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Looking for export formats…</source>
        <translation>正在查找导出格式…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="375"/>
        <source>Import handbooks</source>
        <translation>导入手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="376"/>
        <source>Documents (*.txt *.md *.docx *.html *.htm)</source>
        <translation>文档 (*.txt *.md *.docx *.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="382"/>
        <source>Importing is for editors (Settings → role).</source>
        <translation>只有编辑可以导入（设置 → 角色）。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>Documents (%1)</source>
        <translation>文档 (%1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>The import plugin %1 cannot be used: %2</source>
        <translation>无法使用导入插件 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="79"/>
        <source>Import handbooks</source>
        <translation>导入手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="90"/>
        <source>Guess from the text</source>
        <translation>根据内容判断</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="94"/>
        <source>Default category</source>
        <translation>默认分类</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="96"/>
        <source>One document per file</source>
        <translation>每个文件一份文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="97"/>
        <source>One document per chapter</source>
        <translation>每章一份文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="99"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="100"/>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="101"/>
        <source>Split:</source>
        <translation>拆分：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="120"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="123"/>
        <source>Saved as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="125"/>
        <source>Detected structure</source>
        <translation>检测到的结构</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="125"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="133"/>
        <source>Removed (untick to keep the text):</source>
        <translation>已移除（取消勾选即保留该段文字）：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="135"/>
        <source>To check:</source>
        <translation>请检查：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="144"/>
        <source>Save as drafts</source>
        <translation>存为草稿</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="145"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="146"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="164"/>
        <source>Handbook</source>
        <translation>手册</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="164"/>
        <source>Phrasing</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="165"/>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="187"/>
        <source>Reading the files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="217"/>
        <source>%1 document(s) found; %2 piece(s) of text removed. Nothing is written until you save or publish.</source>
        <translation>找到 %1 份文档；移除了 %2 段文字。保存或发布之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="224"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="225"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="250"/>
        <source>(introduction)</source>
        <translation>（前言）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="266"/>
        <source>whole document</source>
        <translation>整份文档</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="275"/>
        <source>line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="322"/>
        <source>Publish %1 imported document(s).</source>
        <translation>发布 %1 份导入的文档。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="339"/>
        <source>Publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="339"/>
        <source>Saving drafts…</source>
        <translation>正在保存草稿…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="345"/>
        <source>%1 document(s) published.</source>
        <translation>已发布 %1 份文档。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="359"/>
        <source>%1 duplicate(s) of library documents not published again.</source>
        <translation>另有 %1 份与文档库中文档重复，未再次发布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="347"/>
        <source>%1 draft(s) saved; review and publish them in the editor.</source>
        <translation>已保存 %1 份草稿；请在编辑器中审阅后发布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="279"/>
        <source>(character %1)</source>
        <translation>（第 %1 个字）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Confidence:</source>
        <translation>可信度：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Low: no structure found (no chapters or sections)</source>
        <translation>低：找不到结构（没有章节）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Medium: something was guessed; see “To check”</source>
        <translation>中：有些地方是推测的，请看“请检查”</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>No structure was found in %1. Publish anyway?</source>
        <translation>“%1”找不到任何章节结构。仍要发布吗？</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="157"/>
        <source>Flag this section</source>
        <translation>标记此段</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="158"/>
        <source>Outdated</source>
        <translation>过时</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="159"/>
        <source>Unclear</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="166"/>
        <source>What is wrong, in a few words</source>
        <translation>简短说明哪里有问题</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="170"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="183"/>
        <source>The editors see it in their review list with the version you are reading; only your name and this workstation's name are shared.</source>
        <translation>编辑会在查看清单中看到这个标记及你正在阅读的版本；只会分享你的名字与这台工作站的名称。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="255"/>
        <source>Set your name in Settings first: flags carry the name of who raised them.</source>
        <translation>请先在设置中填写你的名字：标记会注明是谁提出的。</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>Trust this key and join</source>
        <translation>信任此密钥并加入</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>This shared library is signed by its editors. Compare the key below with the one your editor or IT department gave you before trusting it:</source>
        <translation>这个共享知识库由编辑签署。信任之前，请将下面的密钥与编辑或信息部门提供给您的核对：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>Editors now:</source>
        <translation>目前的编辑：</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="58"/>
        <source>Welcome to kbdesk</source>
        <translation>欢迎使用 kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="59"/>
        <source>Join a shared library</source>
        <translation>加入共用知识库</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="62"/>
        <source>Your team keeps its library in one shared place (a folder on a file share, or a Git server). Join it, and this workstation syncs with it.</source>
        <translation>你的团队把知识库放在一个共用的位置（文件服务器上的文件夹或 Git 服务器）。加入后，这台工作站会与它同步。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="65"/>
        <source>The library joined is used from the next start.</source>
        <translation>加入的知识库会在下次启动时使用。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="69"/>
        <source>Folder or URL, e.g. //server/share/kb.git</source>
        <translation>文件夹或网址，例如 //server/share/kb.git</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="70"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="72"/>
        <source>Join a shared library (URL or folder)</source>
        <translation>加入共用知识库（网址或文件夹）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="76"/>
        <source>Use the demo library</source>
        <translation>使用示范知识库</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="93"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="104"/>
        <source>The shared library's folder</source>
        <translation>共用知识库的文件夹</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="112"/>
        <source>Type the folder or URL of the shared library.</source>
        <translation>请输入共用知识库的文件夹或网址。</translation>
    </message>
    <message>
        <source>Type your user name and password for the Git server.</source>
        <translation>请输入 Git 服务器的用户名和密码。</translation>
    </message>
    <message>
        <source>The Git server asks for your user name and password.</source>
        <translation>Git 服务器需要您的用户名和密码。</translation>
    </message>
    <message>
        <source>The Git server did not accept this user name and password.</source>
        <translation>Git 服务器不接受这组用户名和密码。</translation>
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="59"/>
        <source>Read receipts of the team</source>
        <translation>团队已读回条</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="65"/>
        <source>Document / agent</source>
        <translation>文档／客服人员</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="65"/>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="66"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="71"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="73"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="91"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="104"/>
        <source>%1 of %2</source>
        <translation>%1／%2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="110"/>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="114"/>
        <source>not read</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="119"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="121"/>
        <source>%1 document(s) to acknowledge; receipts of every workstation known after the last sync (%2).</source>
        <translation>%1 份文档需要确认已读；显示上次同步（%2）后所知的各工作站回条。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="143"/>
        <source>Export read receipts</source>
        <translation>导出已读回条</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="143"/>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>read on paper</source>
        <translation>纸本已读</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Group / person · document</source>
        <translation>组别／人员 · 文档</translation>
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
        <translation>（无组别）</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 not read, %2 overdue</source>
        <translation>%1 未读，%2 逾期</translation>
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
        <translation>%1 份文档需确认已读；按组别列出 team.yaml 中尚未阅读生效版本的人员，逾期最久者在前；回条为上次同步（%2）后所知。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="1"/>
        <source>Not counted: %1</source>
        <translation>未计入：%1</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="197"/>
        <source>To acknowledge</source>
        <translation>待确认已读</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="198"/>
        <source>Nothing to acknowledge.</source>
        <translation>没有需要确认的文档。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="199"/>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="200"/>
        <source>No document changed in the last 30 days.</source>
        <translation>最近 30 天没有文档变更。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="201"/>
        <source>Favourites</source>
        <translation>我的最爱</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="202"/>
        <source>No favourites yet: press Ctrl+D on a document.</source>
        <translation>还没有最爱：在文档上按 Ctrl+D 加入。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>overdue by %1 day(s)</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>read by %1</source>
        <translation>请于 %1 前阅读</translation>
    </message>
</context>
<context>
    <name>TeamUi</name>
    <message>
        <location filename="../../kbdesk/gui/teamui.py" line="84"/>
        <source>Flagged for the editors: it goes with the next sync.</source>
        <translation>已标记给编辑：会在下次同步时送出。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamui.py" line="116"/>
        <source>Joined: %1 is your library from the next start.</source>
        <translation>已加入：下次启动起使用 %1 作为你的知识库。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/teamui.py" line="129"/>
        <source>%n library file(s) could not be read; the editors can see which in File → Library problems.</source>
        <translation>
            <numerusform>有 %n 个知识库文件无法读取；编辑可在「文件 → 知识库问题」查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="46"/>
        <source>Drafts of new documents</source>
        <translation>新文档草稿</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="53"/>
        <source>Open in the editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="68"/>
        <source>No drafts of new documents.</source>
        <translation>没有新文档的草稿。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="69"/>
        <source>Drafts of documents not published yet (imports and new documents). Open one to review and publish it.</source>
        <translation>尚未发布的文档草稿（导入的与新建的文档）。打开一份即可审阅并发布。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="72"/>
        <source>%1 — %2, saved %3</source>
        <translation>%1 — %2，保存于 %3</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the shared library</source>
        <translation>登录共享知识库</translation>
    </message>
    <message>
        <source>The Git server at %1 asks for your user name and password.</source>
        <translation>位于 %1 的 Git 服务器需要您的用户名和密码。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Remember on this computer</source>
        <translation>在这台电脑上记住</translation>
    </message>
    <message>
        <source>Kept in the system's keyring (or a file only you can read where there is none), never in the library</source>
        <translation>保存在系统的密钥环（没有密钥环时，保存在只有您能读取的文件），绝不保存在知识库中</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Search suggestions</source>
        <translation>搜索建议</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Agents searched → then opened</source>
        <translation>客服人员搜索 → 后来打开</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Workstations</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Found with</source>
        <translation>改用的字词</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as keyword</source>
        <translation>采用为关键词</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as synonym group</source>
        <translation>采用为同义词组</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Add the words agents searched to the document's keywords and publish it</source>
        <translation>将客服人员搜索的字词加入文件的关键词并发布</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Add a synonym group to library.yaml and publish it (a group holding one of the words is extended): %1</source>
        <translation>在 library.yaml 新增同义词组并发布（已有词组含其中一个字词时，扩充该词组）：%1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>%1 suggestion(s): words agents on several workstations searched, then opened the document found with other words.</source>
        <translation>%1 条建议：多台工作站的客服人员搜索这些字词后，改用其他字词找到并打开了文档。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>No suggestions. A suggestion needs the same words and document from two or more workstations; only shared search logs count.</source>
        <translation>没有建议。同一组字词与文档须来自两台以上的工作站才会成为建议；只计入已共享的搜索记录。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Only an editor can accept a suggestion.</source>
        <translation>只有编辑可以采用建议。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Publishing…</source>
        <translation>发布中…</translation>
    </message>
</context>
<context>
    <name>Exporters</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>HTML site</source>
        <translation>HTML 网站</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1: options</source>
        <translation>导出 %1：选项</translation>
    </message>
</context>
<context>
    <name>SynonymGroupDialog</name>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as synonym group</source>
        <translation>采用为同义词组</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Agents searched %1, then opened %2. This group will be added to library.yaml and published: each of its words will find what the others find. Leave out words other documents use, or add the words agents say. Separate the words with , or 、.</source>
        <translation>客服人员搜索 %1 后打开了 %2。这个词组将加入 library.yaml 并发布：词组中每个词都会找到其他词找得到的内容。请删去其他文档也在用的词，或加入客服人员的说法。词之间以逗号或顿号（、）分隔。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Publish group</source>
        <translation>发布词组</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>A word of the group is empty.</source>
        <translation>词组中有空的词。</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>A group needs at least two words.</source>
        <translation>词组至少需要两个词。</translation>
    </message>
</context>
</TS>
