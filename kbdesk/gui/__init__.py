"""The desktop app (PySide6): a thin client of the Qt-free ``KnowledgeBase`` facade."""
