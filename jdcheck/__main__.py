"""Allow ``python -m jdcheck``."""

from jdcheck.cli import main

main()
