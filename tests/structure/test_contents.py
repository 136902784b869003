"""A document's own table of contents, and lists written without marks, read from files."""

from __future__ import annotations

from pathlib import Path

import docx

from jdcheck.model import Document
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse

_PROSE = ("Раннер помогает старшему смены и официанту поддерживать чистоту в зале, встречает "
          "гостей, выдаёт заказы и следит за тем, чтобы на столах было всё необходимое.")


def _sections(document: Document) -> list[tuple[str, tuple[str, ...], int]]:
    return [(s.heading, s.kinds, len(s.counted)) for s in document.sections]


def test_the_table_of_contents_names_the_sections_of_a_docx(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["Должностная инструкция раннера", "Содержание", "Кто такой раннер?\t2",
                 "Наши ценности\t2", "Твои обязанности\t3", "1. Выполнение задач\t3",
                 "2. Обслуживание гостей\t4",
                 "Кто такой раннер?", _PROSE,
                 "Наши ценности", "Честность.", "Открытость.",
                 "Твои обязанности", "1. Выполнение задач", "Выполняет задачи по чек-листу.",
                 "2. Обслуживание гостей", "Встречает гостей."]:
        document.add_paragraph(text)
    document.add_heading("Примечания", level=2)
    document.add_paragraph("Документ преобразован автоматически.")
    path = tmp_path / "ranner.docx"
    document.save(str(path))
    parsed = parse(read_document(path))
    # the numbered entries sit under «Твои обязанности»: its items, not sections; the styled
    # heading the contents do not list ends the body
    assert _sections(parsed) == [("Кто такой раннер?", ("other",), 1),
                                 ("Наши ценности", ("other",), 2),
                                 ("Твои обязанности", ("duties",), 4)]
    assert {s.recognised_by for s in parsed.sections} == {"contents"}


def test_page_numbers_glued_onto_the_entries_of_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "ranner.txt"
    path.write_text("\n\n".join([
        "Должностная инструкция раннера", "СОДЕРЖАНИЕ", "Описание должности2", "График работы2",
        "Условия работы3", "Привет! " + _PROSE,
        "Описание должности", "График работы", "С 08:00 до 20:00, по сменам.",
        "Условия работы", "Работа в зале и на кухне кофейни."]) + "\n", encoding="utf-8")
    parsed = parse(read_document(path))
    assert _sections(parsed) == [("Описание должности", ("other",), 0),
                                 ("График работы", ("other",), 1),
                                 ("Условия работы", ("other",), 1)]


def test_without_contents_the_vocabulary_decides(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\n\n".join([
        "Должностная инструкция раннера", "Наши ценности", "Честность.",
        "Должностные обязанности", "Встречает гостей."]) + "\n", encoding="utf-8")
    parsed = parse(read_document(path))
    assert [s.kinds for s in parsed.sections] == [("duties",)]


def _duties(tmp_path: Path, lines: list[str]) -> Document:
    path = tmp_path / "di.txt"
    path.write_text("\n\n".join(["Должностная инструкция раннера", "Должностные обязанности",
                                 *lines]) + "\n", encoding="utf-8")
    return parse(read_document(path))


def test_a_lead_in_and_the_list_without_marks_under_it(tmp_path: Path) -> None:
    document = _duties(tmp_path, [
        "Раннер подчиняется:", "Директору кофейни и старшему смены",
        "Будь опрятным на рабочем месте. Следи за одеждой:",
        "одежда чистая и поглажена", "обувь чистая", "волосы убраны"])
    counted = [c.text for c in document.sections[0].counted]
    # the one-sentence lead-in does not count; the one that states something first does;
    # each unmarked line is its own item although none ends with punctuation
    assert counted == ["Директору кофейни и старшему смены",
                       "Будь опрятным на рабочем месте. Следи за одеждой:",
                       "одежда чистая и поглажена", "обувь чистая", "волосы убраны"]


def test_plain_text_sub_titles_are_not_clauses(tmp_path: Path) -> None:
    document = _duties(tmp_path, [
        "Встречает гостей с улыбкой.", "Работа в зале", _PROSE,
        "Что является результатом?", "все столы чистые, посуда убрана."])
    counted = [c.text[:12] for c in document.sections[0].counted]
    assert counted == ["Встречает го", _PROSE[:12], "все столы чи"]
    assert [d.code for d in document.diagnostics].count("D204") == 2


def test_a_flat_copy_of_a_table_is_not_read_as_clauses(tmp_path: Path) -> None:
    path = tmp_path / "di.md"
    path.write_text("\n\n".join([
        "# Должностная инструкция раннера", "## Должностные обязанности",
        "Подаёт блюда гостям.",
        "| Позиция | В чем подаем |\n| --- | --- |\n| СэндвичиРоллы | на плоских тарелках |\n"
        "| Салаты | в таре |",
        "Позиция", "В чем подаем", "Сэндвичи", "Роллы", "на плоских тарелках", "Салаты",
        "в таре", "Убирает посуду со столов."]) + "\n", encoding="utf-8")
    document = parse(read_document(path))
    counted = [c.text for c in document.sections[0].counted]
    assert counted == ["Подаёт блюда гостям.", "Убирает посуду со столов."]
    assert [d.code for d in document.diagnostics].count("D212") == 1
