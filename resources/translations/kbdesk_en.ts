<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AckBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="205"/>
        <source>Please read this version and confirm.</source>
        <translation>Please read this version and confirm.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="207"/>
        <source>I have read this version</source>
        <translation>I have read this version</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="233"/>
        <source>Please read version %1 of this document and confirm.</source>
        <translation>Please read version %1 of this document and confirm.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="53"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="54"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="55"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="56"/>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="57"/>
        <source>E&amp;ditor</source>
        <translation>E&amp;ditor</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="58"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="62"/>
        <source>Reload library</source>
        <translation>Reload library</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="63"/>
        <source>Rebuild search index</source>
        <translation>Rebuild search index</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="65"/>
        <source>Stop indexing</source>
        <translation>Stop indexing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="66"/>
        <source>Library problems…</source>
        <translation>Library problems…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Import handbooks…</source>
        <translation>Import handbooks…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="70"/>
        <source>Drafts of new documents…</source>
        <translation>Drafts of new documents…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Export HTML site…</source>
        <translation>Export HTML site…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="69"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="70"/>
        <source>Go to search box</source>
        <translation>Go to search box</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="72"/>
        <source>Find (in the page when reading)</source>
        <translation>Find (in the page when reading)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="74"/>
        <source>Find next</source>
        <translation>Find next</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="75"/>
        <source>Find previous</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="77"/>
        <source>Copy phrasing</source>
        <translation>Copy phrasing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="79"/>
        <source>Copy section link</source>
        <translation>Copy section link</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="81"/>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="83"/>
        <source>Handbooks only</source>
        <translation>Handbooks only</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="85"/>
        <source>Phrasings only</source>
        <translation>Phrasings only</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="87"/>
        <source>Procedures only</source>
        <translation>Procedures only</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="89"/>
        <source>Script: as written</source>
        <translation>Script: as written</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="91"/>
        <source>Script: Traditional (Taiwan)</source>
        <translation>Script: Traditional (Taiwan)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="93"/>
        <source>Script: Traditional (Hong Kong)</source>
        <translation>Script: Traditional (Hong Kong)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="95"/>
        <source>Script: Simplified</source>
        <translation>Script: Simplified</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="97"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="99"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="100"/>
        <source>Normal size</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="102"/>
        <source>Reply check</source>
        <translation>Reply check</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="104"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="106"/>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="108"/>
        <source>Go to results</source>
        <translation>Go to results</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="109"/>
        <source>Add to / remove from favourites</source>
        <translation>Add to / remove from favourites</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="111"/>
        <source>New handbook…</source>
        <translation>New handbook…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="113"/>
        <source>New phrasing…</source>
        <translation>New phrasing…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="115"/>
        <source>New procedure…</source>
        <translation>New procedure…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="117"/>
        <source>Edit current document</source>
        <translation>Edit current document</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="119"/>
        <source>History of current document</source>
        <translation>History of current document</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="121"/>
        <source>Review list</source>
        <translation>Review list</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="123"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="124"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="126"/>
        <source>About kbdesk</source>
        <translation>About kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="68"/>
        <source>Join a shared library…</source>
        <translation>Join a shared library…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="83"/>
        <source>Flag section as outdated or unclear…</source>
        <translation>Flag section as outdated or unclear…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="108"/>
        <source>Contents pane</source>
        <translation>Contents pane</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="110"/>
        <source>Read receipts of the team…</source>
        <translation>Read receipts of the team…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="121"/>
        <source>Search suggestions…</source>
        <translation>Search suggestions…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="112"/>
        <source>Start screen</source>
        <translation>Start screen</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="143"/>
        <source>From the search box into the results</source>
        <translation>From the search box into the results</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="144"/>
        <source>From the first result back to the search box</source>
        <translation>From the first result back to the search box</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="145"/>
        <source>Open the selected result</source>
        <translation>Open the selected result</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="146"/>
        <source>Back to the search box (closes the find bar first)</source>
        <translation>Back to the search box (closes the find bar first)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="147"/>
        <source>Next field / previous field</source>
        <translation>Next field / previous field</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="1"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
</context>
<context>
    <name>ChangeNoteDialog</name>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Your editor key cannot be used: %1</source>
        <translation>Your editor key cannot be used: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Not signed: this workstation has no editor key (a library that requires signing refuses the version; make one with `kbdesk keys init`).</source>
        <translation>Not signed: this workstation has no editor key (a library that requires signing refuses the version; make one with `kbdesk keys init`).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="1"/>
        <source>Signed with your editor key %1</source>
        <translation>Signed with your editor key %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="34"/>
        <source>Change note</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="39"/>
        <source>Say what changed and why. Agents and other editors see this note in the document's history.</source>
        <translation>Say what changed and why. Agents and other editors see this note in the document's history.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="56"/>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="76"/>
        <source>A change note is required: write what changed and why before publishing.</source>
        <translation>A change note is required: write what changed and why before publishing.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/changenote.py" line="75"/>
        <source>Comes into force on:</source>
        <translation>Comes into force on:</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="90"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="139"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="140"/>
        <source>Done at {time}</source>
        <translation>Done at {time}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="141"/>
        <source>(late)</source>
        <translation>(late)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="145"/>
        <source>Overdue by {time}</source>
        <translation>Overdue by {time}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="146"/>
        <source>{time} left</source>
        <translation>{time} left</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="211"/>
        <source>Time since Start</source>
        <translation>Time since Start</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="212"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="213"/>
        <source>Start the timer for this case</source>
        <translation>Start the timer for this case</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="215"/>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="216"/>
        <source>Clear the ticks and the timer for the next case</source>
        <translation>Clear the ticks and the timer for the next case</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="255"/>
        <source>This document has no steps.</source>
        <translation>This document has no steps.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/checklist.py" line="300"/>
        <source>Time limit passed: {steps}</source>
        <translation>Time limit passed: {steps}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="73"/>
        <source>Resolve a conflict: %1</source>
        <translation>Resolve a conflict: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="76"/>
        <source>%1 was changed here and on another workstation. Their version is in the library now; yours is kept as a draft. Edit the result below and publish it.</source>
        <translation>%1 was changed here and on another workstation. Their version is in the library now; yours is kept as a draft. Edit the result below and publish it.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="82"/>
        <source>(no text: the document did not exist or was deleted)</source>
        <translation>(no text: the document did not exist or was deleted)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="93"/>
        <source>Base (before both changes)</source>
        <translation>Base (before both changes)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="94"/>
        <source>Theirs (published elsewhere)</source>
        <translation>Theirs (published elsewhere)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="95"/>
        <source>Mine (kept as a draft)</source>
        <translation>Mine (kept as a draft)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="100"/>
        <source>theirs</source>
        <translation>theirs</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="100"/>
        <source>mine</source>
        <translation>mine</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="108"/>
        <source>Three texts</source>
        <translation>Three texts</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="109"/>
        <source>Theirs ↔ mine</source>
        <translation>Theirs ↔ mine</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="118"/>
        <source>Result (what will be published)</source>
        <translation>Result (what will be published)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="123"/>
        <source>Start from theirs</source>
        <translation>Start from theirs</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="124"/>
        <source>Start from mine</source>
        <translation>Start from mine</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="125"/>
        <source>Publish result…</source>
        <translation>Publish result…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="127"/>
        <source>Close (keep as draft)</source>
        <translation>Close (keep as draft)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="179"/>
        <source>Publish the resolved text of %1.</source>
        <translation>Publish the resolved text of %1.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="192"/>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="204"/>
        <source>Published version %1.</source>
        <translation>Published version %1.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="210"/>
        <source>Not published; your text is kept as a draft.</source>
        <translation>Not published; your text is kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/conflict.py" line="118"/>
        <source>Your other draft (%1, %2)</source>
        <translation>Your other draft (%1, %2)</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="164"/>
        <source>Only changes and the lines around them</source>
        <translation>Only changes and the lines around them</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="175"/>
        <source>Side by side</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="176"/>
        <source>Inline</source>
        <translation>Inline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/diffview.py" line="192"/>
        <source>%1 → %2: %n line(s) changed</source>
        <translation>
            <numerusform>%1 → %2: %n line changed</numerusform>
            <numerusform>%1 → %2: %n lines changed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/diffview.py" line="198"/>
        <source>%1 → %2: no differences</source>
        <translation>%1 → %2: no differences</translation>
    </message>
</context>
<context>
    <name>DocumentStatusBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="265"/>
        <source>Retired: this document is no longer in use. It is kept for reference and is not found by search.</source>
        <translation>Retired: this document is no longer in use. It is kept for reference and is not found by search.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="270"/>
        <source>Version %1 comes into force on %2; agents see %3 until then.</source>
        <translation>Version %1 comes into force on %2; agents see %3 until then.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="179"/>
        <location filename="../../kbdesk/gui/editor.py" line="215"/>
        <source>Discard draft…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="181"/>
        <source>Compare with the library's version…</source>
        <translation>Compare with the library's version…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="205"/>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="210"/>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="211"/>
        <source>Publish…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="212"/>
        <source>Rename / move…</source>
        <translation>Rename / move…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="213"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="214"/>
        <source>Retire…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="269"/>
        <source>%1%2 — Editor</source>
        <translation>%1%2 — Editor</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="287"/>
        <source>Your unpublished draft from %1 was restored.</source>
        <translation>Your unpublished draft from %1 was restored.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="291"/>
        <source>This is your text from a sync conflict (the same document was changed on another workstation). Compare and publish, or discard it.</source>
        <translation>This is your text from a sync conflict (the same document was changed on another workstation). Compare and publish, or discard it.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="297"/>
        <source>Version %1 was published since this draft was started from version %2.</source>
        <translation>Version %1 was published since this draft was started from version %2.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="313"/>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="325"/>
        <source>Discard your draft? The changes in it cannot be recovered.</source>
        <translation>Discard your draft? The changes in it cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="334"/>
        <source>The draft was discarded.</source>
        <translation>The draft was discarded.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="359"/>
        <source>Publish “%1” as a new version.</source>
        <translation>Publish “%1” as a new version.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="375"/>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="393"/>
        <source>Published version %1.</source>
        <translation>Published version %1.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="399"/>
        <source>Not published; your draft is kept.</source>
        <translation>Not published; your draft is kept.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="405"/>
        <source>This document was never published: discard the draft instead.</source>
        <translation>This document was never published: discard the draft instead.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="408"/>
        <source>Retire “%1”: agents will no longer find it in search.</source>
        <translation>Retire “%1”: agents will no longer find it in search.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="412"/>
        <source>Retiring…</source>
        <translation>Retiring…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="441"/>
        <source>Move “%1” to %2.</source>
        <translation>Move “%1” to %2.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="456"/>
        <source>Moving…</source>
        <translation>Moving…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="474"/>
        <source>Moved to %1 (version %2).</source>
        <translation>Moved to %1 (version %2).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editor.py" line="488"/>
        <source>Not published yet: no history.</source>
        <translation>Not published yet: no history.</translation>
    </message>
</context>
<context>
    <name>EditorialUi</name>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py" line="182"/>
        <source>%1 is not in force yet.</source>
        <translation>%1 is not in force yet.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py" line="235"/>
        <location filename="../../kbdesk/gui/editorial_ui.py" line="254"/>
        <source>Open a document first.</source>
        <translation>Open a document first.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editorial_ui.py"/>
        <source>Editors only: this needs the role editor; your role is %1.</source>
        <translation>Editors only: this needs the role editor; your role is %1.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="96"/>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="96"/>
        <source>Say instead</source>
        <translation>Say instead</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="112"/>
        <source>From {doc}#{anchor}, line {line}</source>
        <translation>From {doc}#{anchor}, line {line}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="70"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="71"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="72"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="73"/>
        <source>Change note</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="118"/>
        <source>(not in force: replaced when syncing) </source>
        <translation>(not in force: replaced when syncing) </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="122"/>
        <source>(retired) </source>
        <translation>(retired) </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="222"/>
        <source>History: %1</source>
        <translation>History: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="236"/>
        <source>Open version</source>
        <translation>Open version</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="237"/>
        <location filename="../../kbdesk/gui/history.py" line="256"/>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="239"/>
        <source>Select two versions to compare them, or one to compare it with the version before it.</source>
        <translation>Select two versions to compare them, or one to compare it with the version before it.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="242"/>
        <source>Restore as new version…</source>
        <translation>Restore as new version…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="257"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="276"/>
        <source>Loading history…</source>
        <translation>Loading history…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/history.py" line="283"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="324"/>
        <source>This version was replaced when syncing and was never in force; its text was kept as the editor's draft.</source>
        <translation>This version was replaced when syncing and was never in force; its text was kept as the editor's draft.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="352"/>
        <source>This is the first version: nothing to compare.</source>
        <translation>This is the first version: nothing to compare.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="356"/>
        <source>Select two versions to compare.</source>
        <translation>Select two versions to compare.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="378"/>
        <source>Select the one version to restore.</source>
        <translation>Select the one version to restore.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="384"/>
        <source>Restore version %1 as a new version. The versions after it stay in the history.</source>
        <translation>Restore version %1 as a new version. The versions after it stay in the history.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="397"/>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="407"/>
        <source>Published v%1.</source>
        <translation>Published v%1.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="43"/>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="44"/>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="45"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="98"/>
        <source>Reply check</source>
        <translation>Reply check</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="126"/>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="131"/>
        <source>Script:</source>
        <translation>Script:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="139"/>
        <source>How Chinese text is shown (Ctrl+Alt+0…3)</source>
        <translation>How Chinese text is shown (Ctrl+Alt+0…3)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="245"/>
        <source>No library</source>
        <translation>No library</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="246"/>
        <source>The library cannot be opened</source>
        <translation>The library cannot be opened</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/mainwindow.py" line="253"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/mainwindow.py" line="257"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="303"/>
        <source>The search index cannot be built</source>
        <translation>The search index cannot be built</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="308"/>
        <source>Opening the library…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="309"/>
        <source>Indexing…</source>
        <translation>Indexing…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="310"/>
        <source>Index ready</source>
        <translation>Index ready</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="311"/>
        <source>Indexing stopped</source>
        <translation>Indexing stopped</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="312"/>
        <source>Index not available</source>
        <translation>Index not available</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="361"/>
        <source>The search index was damaged; rebuilding it…</source>
        <translation>The search index was damaged; rebuilding it…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="376"/>
        <source>Searching as soon as the index is ready…</source>
        <translation>Searching as soon as the index is ready…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="378"/>
        <source>Nothing found for “%1”. Try fewer or other words.</source>
        <translation>Nothing found for “%1”. Try fewer or other words.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="381"/>
        <source>%1 results with every word, then partial matches:</source>
        <translation>%1 results with every word, then partial matches:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="383"/>
        <source>No result has every word; closest matches:</source>
        <translation>No result has every word; closest matches:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="396"/>
        <source>The library is not open yet.</source>
        <translation>The library is not open yet.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="480"/>
        <source>Select a phrasing first.</source>
        <translation>Select a phrasing first.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="490"/>
        <source>This is not a phrasing: nothing to copy.</source>
        <translation>This is not a phrasing: nothing to copy.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="492"/>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="499"/>
        <source>Link copied: %1</source>
        <translation>Link copied: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="513"/>
        <source>★ Favourite</source>
        <translation>★ Favourite</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="514"/>
        <source>☆ Favourite</source>
        <translation>☆ Favourite</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="562"/>
        <source>The new library folder is used from the next start.</source>
        <translation>The new library folder is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="579"/>
        <source>About kbdesk</source>
        <translation>About kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/mainwindow.py" line="580"/>
        <source>kbdesk %1 — an offline knowledge base for customer service teams.</source>
        <translation>kbdesk %1 — an offline knowledge base for customer service teams.</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="143"/>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="144"/>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="145"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="149"/>
        <source>default: the folder's name</source>
        <translation>default: the folder's name</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="151"/>
        <source>comma-separated</source>
        <translation>comma-separated</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="95"/>
        <source>words agents search for that the text does not use; not shown to agents</source>
        <translation>words agents search for that the text does not use; not shown to agents</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="106"/>
        <source>Search keywords</source>
        <translation>Search keywords</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="156"/>
        <source>Agents must confirm they have read it</source>
        <translation>Agents must confirm they have read it</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="158"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="159"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="160"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="161"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="162"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="163"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="164"/>
        <source>Effective from</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/metaform.py" line="165"/>
        <source>Review by</source>
        <translation>Review by</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="46"/>
        <source>Use letters, digits, - or _ in the file name.</source>
        <translation>Use letters, digits, - or _ in the file name.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="50"/>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 already exists: choose another name.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="63"/>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="65"/>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="66"/>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="67"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="78"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="79"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="80"/>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="81"/>
        <source>Path</source>
        <translation>Path</translation>
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
        <translation>Set</translation>
    </message>
</context>
<context>
    <name>PhrasingPanel</name>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="201"/>
        <location filename="../../kbdesk/gui/phrasings.py" line="217"/>
        <source>This document has no phrasings.</source>
        <translation>This document has no phrasings.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="245"/>
        <source>Guidance only: nothing to copy.</source>
        <translation>Guidance only: nothing to copy.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="253"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="254"/>
        <source>Copy this text (placeholders are filled in first)</source>
        <translation>Copy this text (placeholders are filled in first)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="278"/>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="278"/>
        <source>Say instead</source>
        <translation>Say instead</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="96"/>
        <source>Fill in the phrasing</source>
        <translation>Fill in the phrasing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="115"/>
        <source>Preview:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="120"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="121"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/phrasings.py" line="155"/>
        <source>Fill in every field before copying: %1</source>
        <translation>Fill in every field before copying: %1</translation>
    </message>
</context>
<context>
    <name>ProblemsNotice</name>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="45"/>
        <source>Library problems</source>
        <translation>Library problems</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="50"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="50"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/notices.py" line="51"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/notices.py" line="72"/>
        <source>%n file(s) in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</source>
        <translation>
            <numerusform>%n file in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</numerusform>
            <numerusform>%n files in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="131"/>
        <source>Find in page</source>
        <translation>Find in page</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="136"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="140"/>
        <source>Next match (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="144"/>
        <source>Close the find bar (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="178"/>
        <source>No document open</source>
        <translation>No document open</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="179"/>
        <source>Type in the search box, then press Enter to open a result.</source>
        <translation>Type in the search box, then press Enter to open a result.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="197"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="199"/>
        <source>Effective %1</source>
        <translation>Effective %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="201"/>
        <source>Owner %1</source>
        <translation>Owner %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="204"/>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="206"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="440"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="210"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/reader.py" line="275"/>
        <source>Rendering…</source>
        <translation>Rendering…</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="126"/>
        <source>Rename / move</source>
        <translation>Rename / move</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="131"/>
        <source>Title and category change with your next publish. Changing the path moves the file now, as a new version; its history follows it.</source>
        <translation>Title and category change with your next publish. Changing the path moves the file now, as a new version; its history follows it.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="139"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="140"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="141"/>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/editordialogs.py" line="172"/>
        <source>A title is required.</source>
        <translation>A title is required.</translation>
    </message>
</context>
<context>
    <name>ReplyCheckPanel</name>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="142"/>
        <source>Paste or type your draft reply here…</source>
        <translation>Paste or type your draft reply here…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="158"/>
        <source>Replace all</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="219"/>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="220"/>
        <source>Replace with the suggested wording</source>
        <translation>Replace with the suggested wording</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/replycheck.py" line="248"/>
        <source>%n phrase(s) to avoid</source>
        <translation>
            <numerusform>%n phrase to avoid</numerusform>
            <numerusform>%n phrases to avoid</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="250"/>
        <source>No phrases to avoid found.</source>
        <translation>No phrases to avoid found.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/replycheck.py" line="252"/>
        <source>Paste a draft reply to check it.</source>
        <translation>Paste a draft reply to check it.</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="52"/>
        <source>Found as %1</source>
        <translation>Found as %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="62"/>
        <source>Some words</source>
        <translation>Some words</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="67"/>
        <source>More from this document: %1</source>
        <translation>More from this document: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/results.py" line="52"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="88"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="89"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="90"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="91"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="134"/>
        <source>Review due</source>
        <translation>Review due</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="135"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="142"/>
        <source>Owner: %1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="146"/>
        <source>v%1 comes into force; agents see %2 until then</source>
        <translation>v%1 comes into force; agents see %2 until then</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="99"/>
        <source>Outdated</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="100"/>
        <source>Unclear</source>
        <translation>Unclear</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="138"/>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="148"/>
        <source>on v%1: %2</source>
        <translation>on v%1: %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Unpublished edit</source>
        <translation>Unpublished edit</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Never published</source>
        <translation>Never published</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="140"/>
        <source>Edited outside kbdesk, not published; agents see v%1</source>
        <translation>Edited outside kbdesk, not published; agents see v%1</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="176"/>
        <source>Review list</source>
        <translation>Review list</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="194"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="208"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="217"/>
        <source>%1 past their review date, %2 pending</source>
        <translation>%1 past their review date, %2 pending</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="205"/>
        <source>Clear flag</source>
        <translation>Clear flag</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="207"/>
        <source>The flagged section was handled: clear the flag for the whole team</source>
        <translation>The flagged section was handled: clear the flag for the whole team</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="236"/>
        <source>%1 past their review date, %2 pending, %3 flagged by agents</source>
        <translation>%1 past their review date, %2 pending, %3 flagged by agents</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/review.py" line="264"/>
        <source>editor</source>
        <translation>editor</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="30"/>
        <source>Library folder</source>
        <translation>Library folder</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="31"/>
        <source>Display script</source>
        <translation>Display script</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="32"/>
        <source>Language of the app</source>
        <translation>Language of the app</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="33"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="34"/>
        <source>Your team</source>
        <translation>Your team</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="35"/>
        <source>Your staff number</source>
        <translation>Your staff number</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="36"/>
        <source>Log searches that find nothing (helps editors)</source>
        <translation>Log searches that find nothing (helps editors)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="38"/>
        <source>I use kbdesk as</source>
        <translation>I use kbdesk as</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="39"/>
        <source>Sync every (minutes)</source>
        <translation>Sync every (minutes)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="43"/>
        <source>As written</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="44"/>
        <source>Traditional (Taiwan)</source>
        <translation>Traditional (Taiwan)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="45"/>
        <source>Traditional (Hong Kong)</source>
        <translation>Traditional (Hong Kong)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="46"/>
        <source>Simplified</source>
        <translation>Simplified</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="47"/>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="51"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="52"/>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="70"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="87"/>
        <source>A new language is used from the next start.</source>
        <translation>A new language is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="120"/>
        <source>Default: your own copy of the demo library</source>
        <translation>Default: your own copy of the demo library</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="130"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="136"/>
        <source>Choose the library folder</source>
        <translation>Choose the library folder</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="40"/>
        <source>This workstation's name</source>
        <translation>This workstation's name</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="41"/>
        <source>Share searches that find nothing with the editors</source>
        <translation>Share searches that find nothing with the editors</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="1"/>
        <source>Empty: a new name from the computer's name</source>
        <translation>Empty: a new name from the computer's name</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py" line="0"/>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/settingsdialog.py"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="205"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="208"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/actions.py" line="208"/>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>SidePane</name>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="33"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="34"/>
        <source>Handbooks</source>
        <translation>Handbooks</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="35"/>
        <source>Phrasings</source>
        <translation>Phrasings</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="36"/>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="134"/>
        <source>Search: words, a question, pinyin…  (Ctrl+K)</source>
        <translation>Search: words, a question, pinyin…  (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="176"/>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="177"/>
        <source>Favourites</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="178"/>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/sidepane.py" line="198"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="1"/>
        <source>A change that was not signed by an editor was refused; the version in force stays.</source>
        <translation>A change that was not signed by an editor was refused; the version in force stays.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="1"/>
        <source>A change not signed by an editor was refused (last synced %1)</source>
        <translation>A change not signed by an editor was refused (last synced %1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="158"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="168"/>
        <source>Syncing… (last synced %1)</source>
        <translation>Syncing… (last synced %1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="170"/>
        <source>Offline: working on the copy last synced %1</source>
        <translation>Offline: working on the copy last synced %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="172"/>
        <source>Sync failed (last synced %1)</source>
        <translation>Sync failed (last synced %1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="174"/>
        <source>Not shared: this library has no remote</source>
        <translation>Not shared: this library has no remote</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/syncing.py" line="175"/>
        <source>Last synced %1</source>
        <translation>Last synced %1</translation>
    </message>
    <message>
        <source>Sign-in needed for the shared library (last synced %1)</source>
        <translation>Sign-in needed for the shared library (last synced %1)</translation>
    </message>
    <message>
        <source>The Git server does not allow this sign-in (last synced %1)</source>
        <translation>The Git server does not allow this sign-in (last synced %1)</translation>
    </message>
</context>
<context>
    <name>UpdatedBanner</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="159"/>
        <source>What changed?</source>
        <translation>What changed?</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="182"/>
        <source>Updated since you last read it (v%1 → v%2).</source>
        <translation>Updated since you last read it (v%1 → v%2).</translation>
    </message>
</context>
<context>
    <name>VersionViewer</name>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="168"/>
        <source>This version has been superseded. The current version is v%1.</source>
        <translation>This version has been superseded. The current version is v%1.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/history.py" line="175"/>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>WhatChangedDialog</name>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="101"/>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="102"/>
        <source>Comparing…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="106"/>
        <source>Got it</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="122"/>
        <source>Nothing changed since you last read this document.</source>
        <translation>Nothing changed since you last read this document.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/doc_changes.py" line="126"/>
        <source>Changes since the version you last read (%1 → %2):</source>
        <translation>Changes since the version you last read (%1 → %2):</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="48"/>
        <source>Export HTML site to folder</source>
        <translation>Export HTML site to folder</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="62"/>
        <source>Exporting the HTML site…</source>
        <translation>Exporting the HTML site…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="62"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="64"/>
        <source>Export HTML site</source>
        <translation>Export HTML site</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="94"/>
        <source>Exported %1 documents to %2</source>
        <translation>Exported %1 documents to %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="100"/>
        <source>The HTML site cannot be exported</source>
        <translation>The HTML site cannot be exported</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="104"/>
        <source>Export cancelled; the folder was left as it was</source>
        <translation>Export cancelled; the folder was left as it was</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>%1 cannot be exported</source>
        <translation>%1 cannot be exported</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Exporting: %1…</source>
        <translation>Exporting: %1…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1 to folder</source>
        <translation>Export %1 to folder</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>The export plugin %1 cannot be used: %2</source>
        <translation>The export plugin %1 cannot be used: %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>No export formats</source>
        <translation>No export formats</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Looking for export formats…</source>
        <translation>Looking for export formats…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="375"/>
        <source>Import handbooks</source>
        <translation>Import handbooks</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="376"/>
        <source>Documents (*.txt *.md *.docx *.html *.htm)</source>
        <translation>Documents (*.txt *.md *.docx *.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="382"/>
        <source>Importing is for editors (Settings → role).</source>
        <translation>Importing is for editors (Settings → role).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="1"/>
        <source>The import plugin %1 cannot be used: %2</source>
        <translation>The import plugin %1 cannot be used: %2</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="79"/>
        <source>Import handbooks</source>
        <translation>Import handbooks</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="90"/>
        <source>Guess from the text</source>
        <translation>Guess from the text</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="94"/>
        <source>Default category</source>
        <translation>Default category</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="96"/>
        <source>One document per file</source>
        <translation>One document per file</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="97"/>
        <source>One document per chapter</source>
        <translation>One document per chapter</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="99"/>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="100"/>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="101"/>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="120"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="123"/>
        <source>Saved as:</source>
        <translation>Saved as:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="125"/>
        <source>Detected structure</source>
        <translation>Detected structure</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="125"/>
        <source>Characters</source>
        <translation>Characters</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="133"/>
        <source>Removed (untick to keep the text):</source>
        <translation>Removed (untick to keep the text):</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="135"/>
        <source>To check:</source>
        <translation>To check:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="144"/>
        <source>Save as drafts</source>
        <translation>Save as drafts</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="145"/>
        <source>Publish…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="146"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="164"/>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="164"/>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="165"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="187"/>
        <source>Reading the files…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="217"/>
        <source>%1 document(s) found; %2 piece(s) of text removed. Nothing is written until you save or publish.</source>
        <translation>%1 document(s) found; %2 piece(s) of text removed. Nothing is written until you save or publish.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="224"/>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="225"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="250"/>
        <source>(introduction)</source>
        <translation>(introduction)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="266"/>
        <source>whole document</source>
        <translation>whole document</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="275"/>
        <source>line %1, %2: %3</source>
        <translation>line %1, %2: %3</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="322"/>
        <source>Publish %1 imported document(s).</source>
        <translation>Publish %1 imported document(s).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="339"/>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="339"/>
        <source>Saving drafts…</source>
        <translation>Saving drafts…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="345"/>
        <source>%1 document(s) published.</source>
        <translation>%1 document(s) published.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="359"/>
        <source>%1 duplicate(s) of library documents not published again.</source>
        <translation>%1 duplicate(s) of library documents not published again.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="347"/>
        <source>%1 draft(s) saved; review and publish them in the editor.</source>
        <translation>%1 draft(s) saved; review and publish them in the editor.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="279"/>
        <source>(character %1)</source>
        <translation>(character %1)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Confidence:</source>
        <translation>Confidence:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Low: no structure found (no chapters or sections)</source>
        <translation>Low: no structure found (no chapters or sections)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>Medium: something was guessed; see “To check”</source>
        <translation>Medium: something was guessed; see “To check”</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/importwizard.py" line="0"/>
        <source>No structure was found in %1. Publish anyway?</source>
        <translation>No structure was found in %1. Publish anyway?</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="157"/>
        <source>Flag this section</source>
        <translation>Flag this section</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="158"/>
        <source>Outdated</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="159"/>
        <source>Unclear</source>
        <translation>Unclear</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="166"/>
        <source>What is wrong, in a few words</source>
        <translation>What is wrong, in a few words</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="170"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="183"/>
        <source>The editors see it in their review list with the version you are reading; only your name and this workstation's name are shared.</source>
        <translation>The editors see it in their review list with the version you are reading; only your name and this workstation's name are shared.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="255"/>
        <source>Set your name in Settings first: flags carry the name of who raised them.</source>
        <translation>Set your name in Settings first: flags carry the name of who raised them.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>Trust this key and join</source>
        <translation>Trust this key and join</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>This shared library is signed by its editors. Compare the key below with the one your editor or IT department gave you before trusting it:</source>
        <translation>This shared library is signed by its editors. Compare the key below with the one your editor or IT department gave you before trusting it:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="1"/>
        <source>Editors now:</source>
        <translation>Editors now:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="58"/>
        <source>Welcome to kbdesk</source>
        <translation>Welcome to kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="59"/>
        <source>Join a shared library</source>
        <translation>Join a shared library</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="62"/>
        <source>Your team keeps its library in one shared place (a folder on a file share, or a Git server). Join it, and this workstation syncs with it.</source>
        <translation>Your team keeps its library in one shared place (a folder on a file share, or a Git server). Join it, and this workstation syncs with it.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="65"/>
        <source>The library joined is used from the next start.</source>
        <translation>The library joined is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="69"/>
        <source>Folder or URL, e.g. //server/share/kb.git</source>
        <translation>Folder or URL, e.g. //server/share/kb.git</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="70"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="72"/>
        <source>Join a shared library (URL or folder)</source>
        <translation>Join a shared library (URL or folder)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="76"/>
        <source>Use the demo library</source>
        <translation>Use the demo library</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="93"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="104"/>
        <source>The shared library's folder</source>
        <translation>The shared library's folder</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/joining.py" line="112"/>
        <source>Type the folder or URL of the shared library.</source>
        <translation>Type the folder or URL of the shared library.</translation>
    </message>
    <message>
        <source>Type your user name and password for the Git server.</source>
        <translation>Type your user name and password for the Git server.</translation>
    </message>
    <message>
        <source>The Git server asks for your user name and password.</source>
        <translation>The Git server asks for your user name and password.</translation>
    </message>
    <message>
        <source>The Git server did not accept this user name and password.</source>
        <translation>The Git server did not accept this user name and password.</translation>
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="59"/>
        <source>Read receipts of the team</source>
        <translation>Read receipts of the team</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="65"/>
        <source>Document / agent</source>
        <translation>Document / agent</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="65"/>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="66"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="71"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="73"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="91"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="104"/>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="110"/>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="114"/>
        <source>not read</source>
        <translation>not read</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="119"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="121"/>
        <source>%1 document(s) to acknowledge; receipts of every workstation known after the last sync (%2).</source>
        <translation>%1 document(s) to acknowledge; receipts of every workstation known after the last sync (%2).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="143"/>
        <source>Export read receipts</source>
        <translation>Export read receipts</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="143"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>read on paper</source>
        <translation>read on paper</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Group / person · document</source>
        <translation>Group / person · document</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>(no group)</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 not read, %2 overdue</source>
        <translation>%1 not read, %2 overdue</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 day(s)</source>
        <translation>%1 day(s)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>%1 document(s) to acknowledge; who in team.yaml has not read the version in force, per group, most overdue first; receipts known after the last sync (%2).</source>
        <translation>%1 document(s) to acknowledge; who in team.yaml has not read the version in force, per group, most overdue first; receipts known after the last sync (%2).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="1"/>
        <source>Not counted: %1</source>
        <translation>Not counted: %1</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="197"/>
        <source>To acknowledge</source>
        <translation>To acknowledge</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="198"/>
        <source>Nothing to acknowledge.</source>
        <translation>Nothing to acknowledge.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="199"/>
        <source>Recently updated</source>
        <translation>Recently updated</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="200"/>
        <source>No document changed in the last 30 days.</source>
        <translation>No document changed in the last 30 days.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="201"/>
        <source>Favourites</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py" line="202"/>
        <source>No favourites yet: press Ctrl+D on a document.</source>
        <translation>No favourites yet: press Ctrl+D on a document.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>overdue by %1 day(s)</source>
        <translation>overdue by %1 day(s)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamviews.py"/>
        <source>read by %1</source>
        <translation>read by %1</translation>
    </message>
</context>
<context>
    <name>TeamUi</name>
    <message>
        <location filename="../../kbdesk/gui/teamui.py" line="84"/>
        <source>Flagged for the editors: it goes with the next sync.</source>
        <translation>Flagged for the editors: it goes with the next sync.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/teamui.py" line="116"/>
        <source>Joined: %1 is your library from the next start.</source>
        <translation>Joined: %1 is your library from the next start.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/gui/teamui.py" line="129"/>
        <source>%n library file(s) could not be read; the editors can see which in File → Library problems.</source>
        <translation>
            <numerusform>%n library file could not be read; the editors can see which in File → Library problems.</numerusform>
            <numerusform>%n library files could not be read; the editors can see which in File → Library problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="46"/>
        <source>Drafts of new documents</source>
        <translation>Drafts of new documents</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="53"/>
        <source>Open in the editor</source>
        <translation>Open in the editor</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="68"/>
        <source>No drafts of new documents.</source>
        <translation>No drafts of new documents.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="69"/>
        <source>Drafts of documents not published yet (imports and new documents). Open one to review and publish it.</source>
        <translation>Drafts of documents not published yet (imports and new documents). Open one to review and publish it.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/draftlist.py" line="72"/>
        <source>%1 — %2, saved %3</source>
        <translation>%1 — %2, saved %3</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the shared library</source>
        <translation>Sign in to the shared library</translation>
    </message>
    <message>
        <source>The Git server at %1 asks for your user name and password.</source>
        <translation>The Git server at %1 asks for your user name and password.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Remember on this computer</source>
        <translation>Remember on this computer</translation>
    </message>
    <message>
        <source>Kept in the system's keyring (or a file only you can read where there is none), never in the library</source>
        <translation>Kept in the system's keyring (or a file only you can read where there is none), never in the library</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Search suggestions</source>
        <translation>Search suggestions</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Agents searched → then opened</source>
        <translation>Agents searched → then opened</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Times</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Workstations</source>
        <translation>Workstations</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Found with</source>
        <translation>Found with</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as keyword</source>
        <translation>Accept as keyword</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as synonym group</source>
        <translation>Accept as synonym group</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Add the words agents searched to the document's keywords and publish it</source>
        <translation>Add the words agents searched to the document's keywords and publish it</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Add a synonym group to library.yaml and publish it (a group holding one of the words is extended): %1</source>
        <translation>Add a synonym group to library.yaml and publish it (a group holding one of the words is extended): %1</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>%1 suggestion(s): words agents on several workstations searched, then opened the document found with other words.</source>
        <translation>%1 suggestion(s): words agents on several workstations searched, then opened the document found with other words.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>No suggestions. A suggestion needs the same words and document from two or more workstations; only shared search logs count.</source>
        <translation>No suggestions. A suggestion needs the same words and document from two or more workstations; only shared search logs count.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Only an editor can accept a suggestion.</source>
        <translation>Only an editor can accept a suggestion.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
</context>
<context>
    <name>Exporters</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>HTML site</source>
        <translation>HTML site</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../kbdesk/gui/exporting.py" line="1"/>
        <source>Export %1: options</source>
        <translation>Export %1: options</translation>
    </message>
</context>
<context>
    <name>SynonymGroupDialog</name>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Accept as synonym group</source>
        <translation>Accept as synonym group</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Agents searched %1, then opened %2. This group will be added to library.yaml and published: each of its words will find what the others find. Leave out words other documents use, or add the words agents say. Separate the words with , or 、.</source>
        <translation>Agents searched %1, then opened %2. This group will be added to library.yaml and published: each of its words will find what the others find. Leave out words other documents use, or add the words agents say. Separate the words with , or 、.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>Publish group</source>
        <translation>Publish group</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>A word of the group is empty.</source>
        <translation>A word of the group is empty.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/gui/suggestionsview.py" line="1"/>
        <source>A group needs at least two words.</source>
        <translation>A group needs at least two words.</translation>
    </message>
</context>
</TS>
