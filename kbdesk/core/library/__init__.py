"""The library format: documents, front matter, sections, phrasings, procedures and rendering.

A library is a folder of Markdown files with YAML front matter. This package reads them into
:class:`~kbdesk.core.library.model.Document` objects and renders them to sanitised HTML.
"""
