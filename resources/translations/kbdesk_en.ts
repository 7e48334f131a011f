<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AckBanner</name>
    <message>
        <source>Please read this version and confirm.</source>
        <translation>Please read this version and confirm.</translation>
    </message>
    <message>
        <source>I have read this version</source>
        <translation>I have read this version</translation>
    </message>
    <message>
        <source>Please read version %1 of this document and confirm.</source>
        <translation>Please read version %1 of this document and confirm.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>E&amp;ditor</source>
        <translation>E&amp;ditor</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Reload library</source>
        <translation>Reload library</translation>
    </message>
    <message>
        <source>Rebuild search index</source>
        <translation>Rebuild search index</translation>
    </message>
    <message>
        <source>Stop indexing</source>
        <translation>Stop indexing</translation>
    </message>
    <message>
        <source>Library problems…</source>
        <translation>Library problems…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Go to search box</source>
        <translation>Go to search box</translation>
    </message>
    <message>
        <source>Find (in the page when reading)</source>
        <translation>Find (in the page when reading)</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <source>Copy phrasing</source>
        <translation>Copy phrasing</translation>
    </message>
    <message>
        <source>Copy section link</source>
        <translation>Copy section link</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Handbooks only</source>
        <translation>Handbooks only</translation>
    </message>
    <message>
        <source>Phrasings only</source>
        <translation>Phrasings only</translation>
    </message>
    <message>
        <source>Procedures only</source>
        <translation>Procedures only</translation>
    </message>
    <message>
        <source>Script: as written</source>
        <translation>Script: as written</translation>
    </message>
    <message>
        <source>Script: Traditional (Taiwan)</source>
        <translation>Script: Traditional (Taiwan)</translation>
    </message>
    <message>
        <source>Script: Traditional (Hong Kong)</source>
        <translation>Script: Traditional (Hong Kong)</translation>
    </message>
    <message>
        <source>Script: Simplified</source>
        <translation>Script: Simplified</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <source>Reply check</source>
        <translation>Reply check</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Go to results</source>
        <translation>Go to results</translation>
    </message>
    <message>
        <source>Add to / remove from favourites</source>
        <translation>Add to / remove from favourites</translation>
    </message>
    <message>
        <source>New handbook…</source>
        <translation>New handbook…</translation>
    </message>
    <message>
        <source>New phrasing…</source>
        <translation>New phrasing…</translation>
    </message>
    <message>
        <source>New procedure…</source>
        <translation>New procedure…</translation>
    </message>
    <message>
        <source>Edit current document</source>
        <translation>Edit current document</translation>
    </message>
    <message>
        <source>History of current document</source>
        <translation>History of current document</translation>
    </message>
    <message>
        <source>Review list</source>
        <translation>Review list</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About kbdesk</source>
        <translation>About kbdesk</translation>
    </message>
</context>
<context>
    <name>ChangeNoteDialog</name>
    <message>
        <source>Change note</source>
        <translation>Change note</translation>
    </message>
    <message>
        <source>Say what changed and why. Agents and other editors see this note in the document's history.</source>
        <translation>Say what changed and why. Agents and other editors see this note in the document's history.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>A change note is required: write what changed and why before publishing.</source>
        <translation>A change note is required: write what changed and why before publishing.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Done at {time}</source>
        <translation>Done at {time}</translation>
    </message>
    <message>
        <source>(late)</source>
        <translation>(late)</translation>
    </message>
    <message>
        <source>Overdue by {time}</source>
        <translation>Overdue by {time}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>{time} left</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Time since Start</source>
        <translation>Time since Start</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the timer for this case</source>
        <translation>Start the timer for this case</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Clear the ticks and the timer for the next case</source>
        <translation>Clear the ticks and the timer for the next case</translation>
    </message>
    <message>
        <source>This document has no steps.</source>
        <translation>This document has no steps.</translation>
    </message>
    <message>
        <source>Time limit passed: {steps}</source>
        <translation>Time limit passed: {steps}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve a conflict: %1</source>
        <translation>Resolve a conflict: %1</translation>
    </message>
    <message>
        <source>%1 was changed here and on another workstation. Their version is in the library now; yours is kept as a draft. Edit the result below and publish it.</source>
        <translation>%1 was changed here and on another workstation. Their version is in the library now; yours is kept as a draft. Edit the result below and publish it.</translation>
    </message>
    <message>
        <source>(no text: the document did not exist or was deleted)</source>
        <translation>(no text: the document did not exist or was deleted)</translation>
    </message>
    <message>
        <source>Base (before both changes)</source>
        <translation>Base (before both changes)</translation>
    </message>
    <message>
        <source>Theirs (published elsewhere)</source>
        <translation>Theirs (published elsewhere)</translation>
    </message>
    <message>
        <source>Mine (kept as a draft)</source>
        <translation>Mine (kept as a draft)</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>theirs</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mine</translation>
    </message>
    <message>
        <source>Three texts</source>
        <translation>Three texts</translation>
    </message>
    <message>
        <source>Theirs ↔ mine</source>
        <translation>Theirs ↔ mine</translation>
    </message>
    <message>
        <source>Result (what will be published)</source>
        <translation>Result (what will be published)</translation>
    </message>
    <message>
        <source>Start from theirs</source>
        <translation>Start from theirs</translation>
    </message>
    <message>
        <source>Start from mine</source>
        <translation>Start from mine</translation>
    </message>
    <message>
        <source>Publish result…</source>
        <translation>Publish result…</translation>
    </message>
    <message>
        <source>Close (keep as draft)</source>
        <translation>Close (keep as draft)</translation>
    </message>
    <message>
        <source>Publish the resolved text of %1.</source>
        <translation>Publish the resolved text of %1.</translation>
    </message>
    <message>
        <source>A change note is required: say how the conflict was resolved. Nothing was published.</source>
        <translation>A change note is required: say how the conflict was resolved. Nothing was published.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>Published version %1.</source>
        <translation>Published version %1.</translation>
    </message>
    <message>
        <source>Not published; your text is kept as a draft.</source>
        <translation>Not published; your text is kept as a draft.</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Only changes and the lines around them</source>
        <translation>Only changes and the lines around them</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <source>Inline</source>
        <translation>Inline</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n line(s) changed</source>
        <translation><numerusform>%1 → %2: %n line changed</numerusform><numerusform>%1 → %2: %n lines changed</numerusform></translation>
    </message>
    <message>
        <source>%1 → %2: no differences</source>
        <translation>%1 → %2: no differences</translation>
    </message>
</context>
<context>
    <name>DocumentStatusBanner</name>
    <message>
        <source>Retired: this document is no longer in use. It is kept for reference and is not found by search.</source>
        <translation>Retired: this document is no longer in use. It is kept for reference and is not found by search.</translation>
    </message>
    <message>
        <source>Version %1 comes into force on %2; agents see %3 until then.</source>
        <translation>Version %1 comes into force on %2; agents see %3 until then.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Discard draft…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <source>Compare with the library's version…</source>
        <translation>Compare with the library's version…</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <source>Rename / move…</source>
        <translation>Rename / move…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <source>%1%2 — Editor</source>
        <translation>%1%2 — Editor</translation>
    </message>
    <message>
        <source>Your unpublished draft from %1 was restored.</source>
        <translation>Your unpublished draft from %1 was restored.</translation>
    </message>
    <message>
        <source>This is your text from a sync conflict (the same document was changed on another workstation). Compare and publish, or discard it.</source>
        <translation>This is your text from a sync conflict (the same document was changed on another workstation). Compare and publish, or discard it.</translation>
    </message>
    <message>
        <source>Version %1 was published since this draft was started from version %2.</source>
        <translation>Version %1 was published since this draft was started from version %2.</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <source>Discard your draft? The changes in it cannot be recovered.</source>
        <translation>Discard your draft? The changes in it cannot be recovered.</translation>
    </message>
    <message>
        <source>The draft was discarded.</source>
        <translation>The draft was discarded.</translation>
    </message>
    <message>
        <source>Publish “%1” as a new version.</source>
        <translation>Publish “%1” as a new version.</translation>
    </message>
    <message>
        <source>A change note is required: say what changed and why. Nothing was published.</source>
        <translation>A change note is required: say what changed and why. Nothing was published.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>Published version %1.</source>
        <translation>Published version %1.</translation>
    </message>
    <message>
        <source>Not published; your draft is kept.</source>
        <translation>Not published; your draft is kept.</translation>
    </message>
    <message>
        <source>This document was never published: discard the draft instead.</source>
        <translation>This document was never published: discard the draft instead.</translation>
    </message>
    <message>
        <source>Retire “%1”: agents will no longer find it in search.</source>
        <translation>Retire “%1”: agents will no longer find it in search.</translation>
    </message>
    <message>
        <source>Retiring…</source>
        <translation>Retiring…</translation>
    </message>
    <message>
        <source>Move “%1” to %2.</source>
        <translation>Move “%1” to %2.</translation>
    </message>
    <message>
        <source>A change note is required: say why the document moves. Nothing was moved.</source>
        <translation>A change note is required: say why the document moves. Nothing was moved.</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Moving…</translation>
    </message>
    <message>
        <source>Moved to %1 (version %2).</source>
        <translation>Moved to %1 (version %2).</translation>
    </message>
    <message>
        <source>Not published yet: no history.</source>
        <translation>Not published yet: no history.</translation>
    </message>
</context>
<context>
    <name>EditorialUi</name>
    <message>
        <source>Open a document first.</source>
        <translation>Open a document first.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Say instead</source>
        <translation>Say instead</translation>
    </message>
    <message>
        <source>From {doc}#{anchor}, line {line}</source>
        <translation>From {doc}#{anchor}, line {line}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Change note</translation>
    </message>
    <message>
        <source>(not in force: replaced when syncing) </source>
        <translation>(not in force: replaced when syncing) </translation>
    </message>
    <message>
        <source>(retired) </source>
        <translation>(retired) </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History: %1</source>
        <translation>History: %1</translation>
    </message>
    <message>
        <source>Open version</source>
        <translation>Open version</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Select two versions to compare them, or one to compare it with the version before it.</source>
        <translation>Select two versions to compare them, or one to compare it with the version before it.</translation>
    </message>
    <message>
        <source>Restore as new version…</source>
        <translation>Restore as new version…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Loading history…</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation><numerusform>%n version</numerusform><numerusform>%n versions</numerusform></translation>
    </message>
    <message>
        <source>This version was replaced when syncing and was never in force; its text was kept as the editor's draft.</source>
        <translation>This version was replaced when syncing and was never in force; its text was kept as the editor's draft.</translation>
    </message>
    <message>
        <source>This is the first version: nothing to compare.</source>
        <translation>This is the first version: nothing to compare.</translation>
    </message>
    <message>
        <source>Select two versions to compare.</source>
        <translation>Select two versions to compare.</translation>
    </message>
    <message>
        <source>Select the one version to restore.</source>
        <translation>Select the one version to restore.</translation>
    </message>
    <message>
        <source>Restore version %1 as a new version. The versions after it stay in the history.</source>
        <translation>Restore version %1 as a new version. The versions after it stay in the history.</translation>
    </message>
    <message>
        <source>A change note is required to restore a version.</source>
        <translation>A change note is required to restore a version.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>Published v%1.</source>
        <translation>Published v%1.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reply check</source>
        <translation>Reply check</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>Script:</translation>
    </message>
    <message>
        <source>How Chinese text is shown (Ctrl+Alt+0…3)</source>
        <translation>How Chinese text is shown (Ctrl+Alt+0…3)</translation>
    </message>
    <message>
        <source>No library</source>
        <translation>No library</translation>
    </message>
    <message>
        <source>The library cannot be opened</source>
        <translation>The library cannot be opened</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation><numerusform>%n document</numerusform><numerusform>%n documents</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message>
        <source>The search index cannot be built</source>
        <translation>The search index cannot be built</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Indexing…</translation>
    </message>
    <message>
        <source>Index ready</source>
        <translation>Index ready</translation>
    </message>
    <message>
        <source>Indexing stopped</source>
        <translation>Indexing stopped</translation>
    </message>
    <message>
        <source>Index not available</source>
        <translation>Index not available</translation>
    </message>
    <message>
        <source>Searching as soon as the index is ready…</source>
        <translation>Searching as soon as the index is ready…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Try fewer or other words.</source>
        <translation>Nothing found for “%1”. Try fewer or other words.</translation>
    </message>
    <message>
        <source>No result has every word; closest matches:</source>
        <translation>No result has every word; closest matches:</translation>
    </message>
    <message>
        <source>The library is not open yet.</source>
        <translation>The library is not open yet.</translation>
    </message>
    <message>
        <source>Select a phrasing first.</source>
        <translation>Select a phrasing first.</translation>
    </message>
    <message>
        <source>This is not a phrasing: nothing to copy.</source>
        <translation>This is not a phrasing: nothing to copy.</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>Link copied: %1</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favourite</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favourite</translation>
    </message>
    <message>
        <source>The new library folder is used from the next start.</source>
        <translation>The new library folder is used from the next start.</translation>
    </message>
    <message>
        <source>About kbdesk</source>
        <translation>About kbdesk</translation>
    </message>
    <message>
        <source>kbdesk %1 — an offline knowledge base for customer service teams.</source>
        <translation>kbdesk %1 — an offline knowledge base for customer service teams.</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>default: the folder's name</source>
        <translation>default: the folder's name</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>comma-separated</translation>
    </message>
    <message>
        <source>Agents must confirm they have read it</source>
        <translation>Agents must confirm they have read it</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Review by</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <source>Use letters, digits, - or _ in the file name.</source>
        <translation>Use letters, digits, - or _ in the file name.</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 already exists: choose another name.</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbook</translation>
    </message>
    <message>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>kbdesk</source>
        <translation>kbdesk</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
</context>
<context>
    <name>PhrasingPanel</name>
    <message>
        <source>This document has no phrasings.</source>
        <translation>This document has no phrasings.</translation>
    </message>
    <message>
        <source>Guidance only: nothing to copy.</source>
        <translation>Guidance only: nothing to copy.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy this text (placeholders are filled in first)</source>
        <translation>Copy this text (placeholders are filled in first)</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <source>Say instead</source>
        <translation>Say instead</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <source>Fill in the phrasing</source>
        <translation>Fill in the phrasing</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProblemsNotice</name>
    <message>
        <source>Library problems</source>
        <translation>Library problems</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</source>
        <translation><numerusform>%n file in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</numerusform><numerusform>%n files in the library could not be read and were skipped. The rest of the library works. Fix the files (or run 'kbdesk check') and reload.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Find in page</source>
        <translation>Find in page</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>No document open</translation>
    </message>
    <message>
        <source>Type in the search box, then press Enter to open a result.</source>
        <translation>Type in the search box, then press Enter to open a result.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Effective %1</source>
        <translation>Effective %1</translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation>Owner %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename / move</source>
        <translation>Rename / move</translation>
    </message>
    <message>
        <source>Title and category change with your next publish. Changing the path moves the file now, as a new version; its history follows it.</source>
        <translation>Title and category change with your next publish. Changing the path moves the file now, as a new version; its history follows it.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>A title is required.</translation>
    </message>
</context>
<context>
    <name>ReplyCheckPanel</name>
    <message>
        <source>Paste or type your draft reply here…</source>
        <translation>Paste or type your draft reply here…</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Replace with the suggested wording</source>
        <translation>Replace with the suggested wording</translation>
    </message>
    <message numerus="yes">
        <source>%n phrase(s) to avoid</source>
        <translation><numerusform>%n phrase to avoid</numerusform><numerusform>%n phrases to avoid</numerusform></translation>
    </message>
    <message>
        <source>No phrases to avoid found.</source>
        <translation>No phrases to avoid found.</translation>
    </message>
    <message>
        <source>Paste a draft reply to check it.</source>
        <translation>Paste a draft reply to check it.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Review due</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <source>v%1 comes into force; agents see %2 until then</source>
        <translation>v%1 comes into force; agents see %2 until then</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Review list</source>
        <translation>Review list</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 past their review date, %2 pending</source>
        <translation>%1 past their review date, %2 pending</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Library folder</source>
        <translation>Library folder</translation>
    </message>
    <message>
        <source>Display script</source>
        <translation>Display script</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Language of the app</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Your team</source>
        <translation>Your team</translation>
    </message>
    <message>
        <source>Your staff number</source>
        <translation>Your staff number</translation>
    </message>
    <message>
        <source>Log searches that find nothing (helps editors)</source>
        <translation>Log searches that find nothing (helps editors)</translation>
    </message>
    <message>
        <source>I use kbdesk as</source>
        <translation>I use kbdesk as</translation>
    </message>
    <message>
        <source>Sync every (minutes)</source>
        <translation>Sync every (minutes)</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>As written</translation>
    </message>
    <message>
        <source>Traditional (Taiwan)</source>
        <translation>Traditional (Taiwan)</translation>
    </message>
    <message>
        <source>Traditional (Hong Kong)</source>
        <translation>Traditional (Hong Kong)</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>Simplified</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>A new language is used from the next start.</translation>
    </message>
    <message>
        <source>Default: your own copy of the demo library</source>
        <translation>Default: your own copy of the demo library</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose the library folder</source>
        <translation>Choose the library folder</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>SidePane</name>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Handbooks</source>
        <translation>Handbooks</translation>
    </message>
    <message>
        <source>Phrasings</source>
        <translation>Phrasings</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Search: words, a question, pinyin…  (Ctrl+K)</source>
        <translation>Search: words, a question, pinyin…  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Syncing… (last synced %1)</source>
        <translation>Syncing… (last synced %1)</translation>
    </message>
    <message>
        <source>Offline: working on the copy last synced %1</source>
        <translation>Offline: working on the copy last synced %1</translation>
    </message>
    <message>
        <source>Sync failed (last synced %1)</source>
        <translation>Sync failed (last synced %1)</translation>
    </message>
    <message>
        <source>Not shared: this library has no remote</source>
        <translation>Not shared: this library has no remote</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Last synced %1</translation>
    </message>
</context>
<context>
    <name>UpdatedBanner</name>
    <message>
        <source>What changed?</source>
        <translation>What changed?</translation>
    </message>
    <message>
        <source>Updated since you last read it (v%1 → v%2).</source>
        <translation>Updated since you last read it (v%1 → v%2).</translation>
    </message>
</context>
<context>
    <name>VersionViewer</name>
    <message>
        <source>This version has been superseded. The current version is v%1.</source>
        <translation>This version has been superseded. The current version is v%1.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>WhatChangedDialog</name>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Got it</translation>
    </message>
    <message>
        <source>Nothing changed since you last read this document.</source>
        <translation>Nothing changed since you last read this document.</translation>
    </message>
    <message>
        <source>Changes since the version you last read (%1 → %2):</source>
        <translation>Changes since the version you last read (%1 → %2):</translation>
    </message>
</context>
</TS>
