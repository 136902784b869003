"""Readers: turn a file into a RawDocument of blocks. One module per format, imported lazily."""

from jdcheck.readers.base import SUPPORTED_SUFFIXES, Limits, read_document

__all__ = ["SUPPORTED_SUFFIXES", "Limits", "read_document"]
