"""jdcheck: audit job descriptions for structure and labour-law compliance."""

__version__ = "0.1.0"
