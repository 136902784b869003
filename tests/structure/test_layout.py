"""Layouts that text copied from web pages and typed forms leave behind, read from files."""

from __future__ import annotations

from pathlib import Path

from jdcheck.model import Document
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import write_docx


def _manager(tmp_path: Path, duties: list[str]) -> Document:
    """A manager's job description: the duties given, then a rights section with one item
    (its heading is among ``duties`` when it is glued onto them)."""
    rights = "Получать информацию, необходимую для выполнения обязанностей."
    path = write_docx(tmp_path / "di.docx", ["Должностная инструкция менеджера по работе с клиентами",
                                        "Должностные обязанности:", *duties, rights])
    document = parse(read_document(path))
    assert [(s.kinds, len(s.clauses)) for s in document.sections] == [
        (("duties",), 1), (("rights",), 1)]
    return document


def test_a_heading_glued_onto_a_paragraph_is_split_off(tmp_path: Path) -> None:
    document = _manager(tmp_path, [
        "Принимает заказы клиентов и ведёт их учёт. Консультирует клиентов.Права:"])
    assert document.sections[0].clauses[0].text.endswith("Консультирует клиентов.")
    assert [d.code for d in document.diagnostics if d.code == "D209"] == ["D209"]


def test_a_sentence_glued_onto_another_stays_in_its_clause(tmp_path: Path) -> None:
    document = _manager(tmp_path, ["Принимает заказы клиентов.Ведёт их учёт.", "Права:"])
    assert document.sections[0].clauses[0].text == "Принимает заказы клиентов.Ведёт их учёт."
    assert not [d for d in document.diagnostics if d.code == "D209"]


def test_a_lead_in_that_also_states_something_counts_as_a_clause(tmp_path: Path) -> None:
    from jdcheck.model import summarize

    path = write_docx(tmp_path / "di.docx", [
        "Должностная инструкция продавца",
        "Должностные обязанности:",
        "Продавец выполняет следующие обязанности:",
        "- выкладывает товар;",
        "- обслуживает покупателей.",
        "Продавцы по графику охраняют магазин ночью. Во время дежурства продавцу запрещается:",
        "- покидать магазин;",
        "- отключать сигнализацию.",
    ])
    document = parse(read_document(path))
    # the pure lead-in introduces its list and is not counted; the second one also says what
    # sellers do, so a reader counts it
    assert [len(s.clauses) for s in document.sections] == [6]
    assert [s["clauses"] for s in summarize(document)["sections"]] == [5]


def test_a_number_printed_before_the_same_number_typed(tmp_path: Path) -> None:
    """«I. I.Общие положения»: a list's own number and the typed one, as a PDF shows both."""
    path = tmp_path / "di.txt"
    path.write_text("\n".join([
        "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ торгового представителя", "",
        "I.        I.Общие положения",
        "1.1. Торговый представитель относится к категории технических исполнителей.",
        "II.       II.Должностные обязанности",
        "2.1. Ведёт переговоры с покупателями."]) + "\n", encoding="utf-8")
    document = parse(read_document(path))
    assert [(s.heading, s.kinds, len(s.clauses)) for s in document.sections] == [
        ("Общие положения", ("general",), 1), ("Должностные обязанности", ("duties",), 1)]
