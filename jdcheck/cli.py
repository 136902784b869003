"""Command line: parse options into one frozen object, call the work, pick a reporter, exit.

Exit codes: 0 all inputs read and nothing at or above --fail-on found; 1 findings at or above
--fail-on; 2 usage, configuration or rule-file error; 3 some inputs could not be read.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from jdcheck import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3


def _limits(max_file_size: float, max_unpacked_size: float, timeout: float) -> Any:
    from jdcheck.readers import Limits

    return Limits(max_file_bytes=int(max_file_size * 1024 * 1024),
                  max_unpacked_bytes=int(max_unpacked_size * 1024 * 1024),
                  timeout_seconds=timeout)


def _limit_options(f: Any) -> Any:
    f = click.option("--timeout", type=float, default=60.0, show_default=True,
                     help="Seconds allowed per document.")(f)
    f = click.option("--max-unpacked-size", type=float, default=200.0, show_default=True,
                     help="Largest uncompressed size of a .docx/.odt archive, in MB.")(f)
    return click.option("--max-file-size", type=float, default=50.0, show_default=True,
                        help="Largest input file, in MB.")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jdcheck")
def cli() -> None:
    """Audit job descriptions (должностные инструкции / vəzifə təlimatları).

    \b
    Exit codes:
      0  every input was read and nothing at or above --fail-on was found
      1  findings at or above --fail-on
      2  usage, configuration or rule-file error
      3  some inputs could not be read
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Outline for people, or the full model as JSON.")
@_limit_options
def parse(file: str, fmt: str, max_file_size: float, max_unpacked_size: float,
          timeout: float) -> None:
    """Print the structured model of one document."""
    from jdcheck.reporters.json_report import document_json
    from jdcheck.reporters.outline import outline
    from jdcheck.scan import scan_file

    result = scan_file(file, _limits(max_file_size, max_unpacked_size, timeout))
    if result.error is not None:
        hint = f"\n  hint: {result.error.hint}" if result.error.hint else ""
        click.echo(f"{file}: error {result.error.code}: {result.error.message}{hint}", err=True)
        sys.exit(EXIT_UNREADABLE)
    assert result.document is not None
    click.echo(document_json(result.document) if fmt == "json" else outline(result.document))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format on stdout.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Documents read in parallel.")
@_limit_options
def scan(paths: tuple[str, ...], fmt: str, jobs: int, max_file_size: float,
         max_unpacked_size: float, timeout: float) -> None:
    """Scan files and folders (recursively) and report on every document."""
    from jdcheck.reporters.json_report import scan_json
    from jdcheck.reporters.text import scan_text
    from jdcheck.scan import ScanOptions
    from jdcheck.scan import scan as run_scan

    options = ScanOptions(paths=paths, jobs=jobs,
                          limits=_limits(max_file_size, max_unpacked_size, timeout))
    result = run_scan(options)
    click.echo(scan_json(result) if fmt == "json" else scan_text(result))
    for f in result.unreadable:
        assert f.error is not None
        click.echo(f"{f.path}: error {f.error.code}: {f.error.message}", err=True)
    sys.exit(EXIT_UNREADABLE if result.unreadable else EXIT_OK)


def main() -> None:
    """Entry point: run the CLI; user errors become a message and exit code 2."""
    from jdcheck.errors import JdcheckError

    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_USAGE)
    except JdcheckError as exc:
        click.echo(f"jdcheck: {exc}", err=True)
        sys.exit(EXIT_USAGE)
