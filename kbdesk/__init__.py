"""kbdesk: an offline knowledge base and SOP manager for Chinese-language service teams."""

__version__ = "0.1.0"
