"""The rules engine: evaluates rules over documents and annotations; it never opens files."""
