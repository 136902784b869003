"""A document's own table of contents, and lists written without marks, read from files."""

from __future__ import annotations

from pathlib import Path

import docx

from jdcheck.model import Document
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import write_docx

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


def _wrapped(tmp_path: Path, body: list[str]) -> Document:
    """A plain-text job description whose paragraphs are hard-wrapped without blank lines."""
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ юрисконсульта", "", *body]) + "\n",
                    encoding="utf-8")
    return parse(read_document(path))


def test_hard_wrapped_paragraphs_without_blank_lines(tmp_path: Path) -> None:
    document = _wrapped(tmp_path, [
        "1. Общие положения",
        "Юрисконсульт относится к категории специалистов юридического отдела и",
        "подчиняется его начальнику.",
        "На должность юрисконсульта назначается лицо, отвечающее следующим",
        "требованиям:",
        "— высшее юридическое образование;",
        "— стаж работы по специальности не менее двух лет.",
        "Юрисконсульт руководствуется законодательством Российской Федерации и",
        "локальными актами Общества.",
        "2. Ответственность",
        "Материальная ответственность юрисконсульта наступает в пределах, которые",
        "установлены главой",
        "39 ТК РФ.",
        "Взыскание ущерба производится в порядке, предусмотренном статьёй 248 ТК",
        "РФ, с учётом обстоятельств, при которых он причинён работнику Обществом.",
        "3. Заключительные положения",
        "Инструкция разработана на основе Положения о юридическом отделе и вступает",
        "в силу со дня её утверждения.",
        "Начальник юридического отдела ____________ П.А. Голованов"])
    general, liability, final = document.sections
    # a sentence ending a line over a capital starts a paragraph; the wrapped lead-in is one
    assert [c.text[:14] for c in general.counted] == [
        "Юрисконсульт о", "высшее юридиче", "стаж работы по", "Юрисконсульт р"]
    assert [c.lead_in for c in general.clauses] == [False, True, False, False, False]
    # «39 ТК РФ.» continues the sentence above it; it is not item 39
    assert len(liability.counted) == 2 and liability.clauses[0].text.endswith("главой 39 ТК РФ.")
    # a whole sentence about how the instruction was made is a clause, not the sign-off
    assert [c.text[:22] for c in final.counted] == ["Инструкция разработана"]


def test_numbered_items_that_look_like_headings(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "menedzher.docx", [
        "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ менеджера", "1. Общие положения",
        "Требования к квалификации: высшее экономическое образование.",
        "Менеджер назначается на должность приказом директора.",
        "2. Должностные обязанности", "1. Ведёт переговоры с клиентами.",
        "2. Менеджер должен знать:", "— условия договоров;", "— тарифы Общества.",
        "3. Квалификационные требования к менеджеру:", "— высшее образование.",
        "3. Права", "Получать информацию, необходимую для работы."])
    parsed = parse(read_document(path))
    # a run-in «Требования к квалификации: …» under a standalone heading is its item, and so is
    # the numbered «3. Квалификационные требования …:» that follows item 2 and its sub-items
    assert [(s.kinds, len(s.counted)) for s in parsed.sections] == [
        (("general",), 2), (("duties",), 6), (("rights",), 1)]


def test_an_azerbaijani_adjective_is_not_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "huquqshunas.txt"
    path.write_text("\n\n".join([
        "HÜQUQŞÜNASIN VƏZİFƏ TƏLİMATI", "FUNKSİYALAR",
        "Struktur bölmələrə hüquqi məsələlər üzrə məsləhət verilməsi.",
        "Müqavilə işinin hüquqi müşayiəti.", "HÜQUQLAR",
        "Lazımi məlumatları tələb etmək."]) + "\n", encoding="utf-8")
    parsed = parse(read_document(path))
    assert [(s.kinds, len(s.counted)) for s in parsed.sections] == [
        (("functions",), 2), (("rights",), 1)]


def test_the_post_above_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["KASSİRİN", "VƏZİFƏ TƏLİMATI", "Ümumi müddəalar",
                 "Kassir direktorun əmri ilə vəzifəyə təyin edilir."]:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = text.isupper() or text == "Ümumi müddəalar"
    path = tmp_path / "kassir.docx"
    document.save(str(path))
    parsed = parse(read_document(path))
    assert parsed.position == "kassirin"
    assert [(s.kinds, len(s.counted)) for s in parsed.sections] == [(("general",), 1)]
