"""Command line: parse options into one frozen object, call the work, pick a reporter, exit.

Exit codes: 0 all inputs read and nothing at or above --fail-on found; 1 findings at or above
--fail-on; 2 usage, configuration or rule-file error; 3 some inputs could not be read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from jdcheck.version import __version__

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


def _rule_options(f: Any) -> Any:
    options = [
        click.option("--config", type=click.Path(dir_okay=False, exists=True),
                     help="Configuration file (default: jdcheck.toml or pyproject.toml found "
                          "upward from the first path)."),
        click.option("--jurisdiction", type=click.Choice(["ru", "az", "by", "kz", "uz", "kg",
                                                          "ua"]),
                     help="Labour code for documents that cite none."),
        click.option("--lang", type=click.Choice(["en", "ru", "az"]),
                     help="Language of the report's messages."),
        click.option("--mode", type=click.Choice(["draft", "final"]),
                     help="draft allows blank dates and signatures; final does not."),
        click.option("--select", multiple=True, help="Only these rule ids or categories."),
        click.option("--ignore", multiple=True, help="Skip these rule ids or categories."),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True),
                     help="Extra folder of rule files (repeatable)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _settings(first: str, config: str | None, **flags: Any) -> Any:
    from jdcheck.config import find_config, make_settings

    path = Path(config) if config else find_config(first)
    if flags.get("rule_dirs"):
        flags["rule_dirs"] = tuple(str(Path(d).resolve()) for d in flags["rule_dirs"])
    return make_settings(path, flags)


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
    from jdcheck.errors import ReadError
    from jdcheck.readers import read_document
    from jdcheck.reporters.json_report import document_json
    from jdcheck.reporters.outline import outline
    from jdcheck.structure.parser import parse as parse_document

    try:
        document = parse_document(read_document(file, _limits(max_file_size, max_unpacked_size,
                                                              timeout)))
    except ReadError as exc:
        hint = f"\n  hint: {exc.hint}" if exc.hint else ""
        click.echo(f"{file}: error {exc.code}: {exc.message}{hint}", err=True)
        sys.exit(EXIT_UNREADABLE)
    click.echo(document_json(document) if fmt == "json" else outline(document))


FORMATS = ("text", "json", "html", "sarif", "junit", "csv")


def render(result: Any, fmt: str, quiet: bool = False, colour: bool = False) -> str:
    """A scan report in one of FORMATS."""
    lang = result.settings.lang
    if fmt == "json":
        from jdcheck.reporters.json_report import scan_json

        return scan_json(result)
    if fmt == "html":
        from jdcheck.dsl.loader import load
        from jdcheck.reporters.html import render_html

        return render_html(result, lang, load(result.settings.rule_dirs).rules)
    if fmt == "sarif":
        from jdcheck.dsl.loader import load
        from jdcheck.reporters.sarif import render_sarif

        return render_sarif(result, lang, load(result.settings.rule_dirs).rules)
    if fmt == "junit":
        from jdcheck.reporters.junit import render_junit

        return render_junit(result, lang)
    if fmt == "csv":
        from jdcheck.reporters.csv_report import render_csv

        return render_csv(result)
    from jdcheck.reporters.text import scan_text

    return scan_text(result, quiet=quiet, colour=colour)


def _write(path: str, text: str) -> None:
    """Write a report file whole or not at all (a temporary file renamed into place)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.jdcheck-tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:  # the text keeps its own line ends
        fh.write(text if text.endswith("\n") else text + "\n")
    tmp.replace(target)


def _guard_outputs(outputs: list[str], inputs: list[str]) -> None:
    """No report may overwrite a document being scanned."""
    scanned = {Path(p).resolve() for p in inputs}
    for out in outputs:
        if Path(out).resolve() in scanned:
            raise click.UsageError(f"{out} is one of the documents being scanned; "
                                   "choose another output file")


def _progress(enabled: bool | None) -> Any:
    """A progress line on stderr, when it is a terminal (or when asked)."""
    if enabled is False or (enabled is None and not sys.stderr.isatty()):
        return None

    def show(n: int, total: int, path: str) -> None:
        tail = path if len(path) <= 50 else "…" + path[-49:]
        sys.stderr.write(f"\r\033[K[{n}/{total}] {tail}" if n < total else "\r\033[K")
        sys.stderr.flush()

    return show


def _output_options(f: Any) -> Any:
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
                     show_default=True, help="Report format (stdout, or --output)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False),
                     help="Write the report to this file instead of stdout."),
        click.option("--output-json", type=click.Path(dir_okay=False),
                     help="Also write the JSON report to this file."),
        click.option("--output-html", type=click.Path(dir_okay=False),
                     help="Also write the HTML report to this file."),
        click.option("--output-sarif", type=click.Path(dir_okay=False),
                     help="Also write a SARIF 2.1.0 report to this file."),
        click.option("--output-junit", type=click.Path(dir_okay=False),
                     help="Also write a JUnit XML report to this file."),
        click.option("--output-csv", type=click.Path(dir_okay=False),
                     help="Also write the findings as CSV to this file."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_output_options
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Documents read in parallel.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--no-fail", is_flag=True, help="Report only: findings never set exit code 1.")
@click.option("-q", "--quiet", is_flag=True, help="Show only files that failed or were unreadable.")
@click.option("--baseline", type=click.Path(dir_okay=False, exists=True),
              help="Report only findings not recorded in this baseline file.")
@click.option("--annotate-dir", type=click.Path(file_okay=False),
              help="Write a copy of each document with the findings as Word comments here.")
@click.option("--progress/--no-progress", default=None,
              help="Progress on stderr (default: when stderr is a terminal).")
@_rule_options
@_limit_options
def scan(paths: tuple[str, ...], fmt: str, output: str | None, output_json: str | None,
         output_html: str | None, output_sarif: str | None, output_junit: str | None,
         output_csv: str | None, jobs: int, fail_on: str | None, no_fail: bool, quiet: bool,
         baseline: str | None, annotate_dir: str | None, progress: bool | None,
         config: str | None, max_file_size: float, max_unpacked_size: float, timeout: float,
         **flags: Any) -> None:
    """Scan files and folders (recursively), check every document and report the findings."""
    from jdcheck.allocator import keep_freed_memory
    from jdcheck.baseline import expired, load_baseline
    from jdcheck.reporters.verdict import FAIL_ON
    from jdcheck.scan import ScanOptions, iter_files
    from jdcheck.scan import scan as run_scan

    keep_freed_memory()
    settings = _settings(paths[0], config, fail_on=fail_on, **flags)
    extra = {"json": output_json, "html": output_html, "sarif": output_sarif,
             "junit": output_junit, "csv": output_csv}
    outputs = [p for p in (output, *extra.values()) if p]
    _guard_outputs(outputs, [p for p, _ in iter_files(paths, settings.exclude)])
    options = ScanOptions(paths=paths, jobs=jobs, settings=settings,
                          limits=_limits(max_file_size, max_unpacked_size, timeout),
                          baseline=load_baseline(baseline) if baseline else None,
                          progress=_progress(progress))
    result = run_scan(options)
    main_report = render(result, fmt, quiet=quiet,
                         colour=fmt == "text" and output is None and sys.stdout.isatty())
    if output:
        _write(output, main_report)
    else:
        click.echo(main_report)
    for kind, path in extra.items():
        if path:
            _write(path, render(result, kind))
    if annotate_dir:
        _annotate_all(result, paths, annotate_dir)
    for f in result.unreadable:
        assert f.error is not None
        click.echo(f"{f.path}: error {f.error.code}: {f.error.message}", err=True)
    for waiver, finding in expired(result):
        name = waiver.fingerprint or waiver.rule
        click.echo(f"{finding.file}: waiver {name} expired on {waiver.expires}; "
                   f"{finding.rule} is reported again", err=True)
    if result.unreadable:
        sys.exit(EXIT_UNREADABLE)
    failed = any(f.worst() >= FAIL_ON[settings.fail_on] for f in result.files)
    sys.exit(EXIT_FINDINGS if failed and not no_fail else EXIT_OK)


def _annotated_name(path: str, roots: tuple[str, ...], folder: str) -> Path:
    """Where the annotated copy of a scanned file goes: its path under the scanned folder,
    kept inside ``folder``, with the .docx extension."""
    source = Path(path).resolve()
    for root in roots:
        base = Path(root).resolve()
        if base.is_dir() and source.is_relative_to(base):
            return Path(folder) / source.relative_to(base).with_suffix(".docx")
    return Path(folder) / source.with_suffix(".docx").name


def _annotate_all(result: Any, roots: tuple[str, ...], folder: str) -> None:
    from jdcheck.annotate import annotate_file
    from jdcheck.errors import JdcheckError

    for f in result.files:
        if f.error is not None:
            continue
        out = _annotated_name(f.path, roots, folder)
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            annotate_file(f.path, f.findings, out)
        except JdcheckError as exc:
            click.echo(f"{f.path}: not annotated: {exc.message}", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The annotated copy (.docx); the original is never changed.")
@_rule_options
@_limit_options
def annotate(file: str, output: str, config: str | None, max_file_size: float,
             max_unpacked_size: float, timeout: float, **flags: Any) -> None:
    """Write a copy of a document with each finding as a Word comment on its paragraph."""
    from jdcheck.annotate import annotate_file
    from jdcheck.errors import JdcheckError
    from jdcheck.scan import scan_file

    settings = _settings(file, config, **flags)
    _guard_outputs([output], [file])
    result = scan_file(file, _limits(max_file_size, max_unpacked_size, timeout), settings)
    if result.error is not None:
        click.echo(f"{file}: error {result.error.code}: {result.error.message}", err=True)
        sys.exit(EXIT_UNREADABLE)
    try:
        done = annotate_file(file, result.findings, output)
    except JdcheckError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{output}: {done.comments} comments")
    for note in done.notes:
        click.echo(f"  note: {note}", err=True)


@cli.group()
def baseline() -> None:
    """Record the current findings, so later scans report only new ones."""


@baseline.command("create")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", default="jdcheck-baseline.json", show_default=True,
              type=click.Path(dir_okay=False), help="The baseline file to write.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Documents read in parallel.")
@_rule_options
@_limit_options
def baseline_create(paths: tuple[str, ...], output: str, jobs: int, config: str | None,
                    max_file_size: float, max_unpacked_size: float, timeout: float,
                    **flags: Any) -> None:
    """Scan PATHS and write every finding to a baseline file (for «scan --baseline»)."""
    from jdcheck.baseline import baseline_json, make_baseline
    from jdcheck.scan import ScanOptions, iter_files
    from jdcheck.scan import scan as run_scan

    settings = _settings(paths[0], config, **flags)
    _guard_outputs([output], [p for p, _ in iter_files(paths, settings.exclude)])
    result = run_scan(ScanOptions(paths=paths, jobs=jobs, settings=settings,
                                  limits=_limits(max_file_size, max_unpacked_size, timeout)))
    recorded = make_baseline(result, output)
    _write(output, baseline_json(recorded))
    click.echo(f"{output}: {len(recorded.findings)} findings of {len(result.files)} files")
    for f in result.unreadable:
        assert f.error is not None
        click.echo(f"{f.path}: error {f.error.code}: {f.error.message}", err=True)


@cli.group()
def rules() -> None:
    """List, explain, test and check rules."""


def _ruleset(paths: tuple[str, ...] = ()) -> Any:
    from jdcheck.dsl.loader import load

    return load(paths)


@rules.command("list")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra folder of rule files.")
def rules_list(rule_dirs: tuple[str, ...]) -> None:
    """List the loaded rules."""
    for r in _ruleset(rule_dirs).rules:
        kind = r.category + (f"/{r.subtype}" if r.subtype else "")
        where = ",".join(r.jurisdictions) or "any"
        click.echo(f"{r.id:14s} {r.severity:8s} {kind:42s} {where:10s} {r.name}")


@rules.command("explain")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra folder of rule files.")
def rules_explain(rule_id: str, rule_dirs: tuple[str, ...]) -> None:
    """Show a rule: messages, explanation, legal reference, examples."""
    from jdcheck.reporters.rules import explain

    rule = _ruleset(rule_dirs).get(rule_id)
    if rule is None:
        raise click.UsageError(f"no rule {rule_id}; see «jdcheck rules list»")
    click.echo(explain(rule))


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def rules_test(paths: tuple[str, ...]) -> None:
    """Run every rule's examples (of the given files or folders, else of all loaded rules);
    a rule without examples, or whose example misbehaves, fails."""
    from jdcheck.dsl.loader import load
    from jdcheck.engine.evaluate import compile_rules
    from jdcheck.engine.examples import run_examples

    ruleset = load(paths)
    compiled = compile_rules(ruleset)
    chosen = {str(Path(p).resolve()) for p in paths}
    failed = 0
    for rule in ruleset.rules:
        if chosen and not any(rule.pos.file.startswith(c) for c in chosen):
            continue
        results = run_examples(rule, compiled)
        bad = [r for r in results if not r.ok]
        failed += bool(bad)
        click.echo(f"{'ok  ' if not bad else 'FAIL'} {rule.id} ({len(results)} examples)")
        for r in bad:
            click.echo(f"     {r.example.pos}: example {r.example.verdict}: {r.detail}")
    click.echo(f"{failed} rules failed" if failed else "all rules passed their examples")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@rules.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
def rules_check(files: tuple[str, ...]) -> None:
    """Validate rule files (syntax and meaning) against the shipped lexicons."""
    _ruleset(files)
    click.echo(f"ok: {', '.join(files)}")


def main() -> None:
    """Entry point: run the CLI; user errors become a message and exit code 2."""
    from jdcheck.dsl.errors import RuleErrors
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
    except RuleErrors as exc:
        for error in exc.errors:
            click.echo(error.render(_source(error.pos.file)), err=True)
        sys.exit(EXIT_USAGE)
    except JdcheckError as exc:
        click.echo(f"jdcheck: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def _source(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return None
