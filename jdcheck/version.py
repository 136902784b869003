"""The release of jdcheck (reports and baselines record it)."""

__version__ = "0.1.0"
