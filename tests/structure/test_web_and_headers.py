"""Web pages saved as text and merged header columns, read from files as a person reads them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from jdcheck.model import Document
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import write_docx

_PROSE = ("Bu bölmədə işin əsas cəhətləri ətraflı izah olunur və oxucuya hansı sənədlərin "
          "hazırlanmalı olduğu, kimlərlə razılaşdırılmalı olduğu, hansı müddətlərə əməl "
          "edilməli olduğu və nəticənin necə yoxlanılacağı barədə aydın təsəvvür yaradılır.")


def _txt(path: Path, lines: list[str], sep: str = "\n\n") -> Document:
    path.write_text(sep.join(lines) + "\n", encoding="utf-8")
    return parse(read_document(path))


def _docx(path: Path, paragraphs: list[str]) -> Document:
    return parse(read_document(write_docx(path, paragraphs)))


def _codes(document: Document) -> list[str]:
    return [d.code for d in document.diagnostics]


def test_the_teaser_of_another_post_is_left_out(tmp_path: Path) -> None:
    lines = ["İşçi hansı hallarda işdən azad edilə bilər?",
             "Azərbaycan Respublikasının Əmək Məcəlləsinin 70-ci maddəsi əsasları sadalayır:",
             "a) müəssisə ləğv edildikdə;", "b) işçilərin sayı ixtisar edildikdə;",
             "Davamı →",
             "Anbardarın vəzifə təlimatı",
             "Vəzifə öhdəlikləri",
             "1. Malların qəbulunu və saxlanmasını təşkil edir.",
             "2. Anbar uçotunu aparır."]
    document = _txt(tmp_path / "page.txt", lines)
    assert document.jurisdiction.code == "unknown"
    assert [(s.kinds, len(s.clauses)) for s in document.sections] == [(("duties",), 2)]
    assert "D210" in _codes(document)
    # the same page without the link: the teaser is read and its law reference counts
    alone = _txt(tmp_path / "alone.txt", lines[:4] + lines[5:])
    assert alone.jurisdiction.code == "az"
    assert "D210" not in _codes(alone)


def test_a_qualification_characteristic_is_titled_by_the_post(tmp_path: Path) -> None:
    document = _docx(tmp_path / "char.docx", [
        "Sürücünün əmək funksiyası (dərəcələr üzrə)",
        "3. Avtomobil sürücüsü",
        "İşin xüsusiyyəti.",
        "4-cü dərəcə",
        "Minik avtomobillərinin idarə olunması. Avtomobilin texniki vəziyyətinin yoxlanılması.",
        "5-ci dərəcə",
        "Yük maşınlarının idarə olunması. Yüklərin yerləşdirilməsinə nəzarət."])
    assert document.kind == "qualification-characteristic"
    assert document.title is not None and document.title.text.startswith("Sürücünün")
    assert document.position == "avtomobil sürücüsü"
    # the grade lines group the text and are not clauses
    assert [(s.kinds, len(s.clauses)) for s in document.sections] == [(("duties",), 2)]


def test_a_text_about_a_posts_duties_rights_and_liability_is_an_article(tmp_path: Path) -> None:
    document = _txt(tmp_path / "article.txt", [
        "Məsuliyyət",
        "Mühasibin vəzifələri, hüquqları və məsuliyyəti",
        "Hər bir müəssisənin mühasibatlığına baş mühasib rəhbərlik edir. " + _PROSE,
        "Baş mühasibin vəzifələri aşağıdakılardan ibarətdir:",
        "• Baş mühasib mühasibat uçotunun düzgün təşkil edilməsinə nail olmalıdır.",
        "• Baş mühasib kassa intizamını ciddi gözləməlidir."])
    assert document.kind == "article" and not document.is_job_description
    assert document.sections == ()
    assert document.title is not None and document.title.text.startswith("Mühasibin")


def test_the_same_heading_in_a_job_description_is_a_section(tmp_path: Path) -> None:
    document = _txt(tmp_path / "di.txt", [
        "Mühasibin vəzifə təlimatı",
        "1. Ümumi müddəalar",
        "1.1. Mühasib baş mühasibə tabedir.",
        "2. Mühasibin vəzifələri, hüquqları və məsuliyyəti",
        "2.1. İlkin sənədləri qəbul edir və yoxlayır.",
        "2.2. Mühasib qanunvericiliyə uyğun məsuliyyət daşıyır."])
    assert document.kind == "job-description"
    assert [s.kinds for s in document.sections] == [
        ("general",), ("duties", "rights", "liability")]


def test_an_article_is_divided_by_its_sub_headings(tmp_path: Path) -> None:
    document = _txt(tmp_path / "article.txt", [
        "Müəllimlər üçün iş təsviri",
        "Anonim",
        "Giriş olaraq qeyd edək ki, " + _PROSE,
        "Müəllim vəzifəsinin xüsusiyyətləri",
        "Müəllim işi yaş ixtisası ilə bağlıdır. " + _PROSE,
        "Müəllimlərin iş təsviri",
        "Müəllimlərin iş təsviri",
        "İş təsvirləri məktəbin növündən asılı olaraq dəyişə bilər. " + _PROSE])
    assert [(s.heading, len(s.clauses)) for s in document.sections] == [
        ("Müəllim vəzifəsinin xüsusiyyətləri", 1), ("Müəllimlərin iş təsviri", 1)]
    assert {k for s in document.sections for k in s.kinds} == {"other"}
    assert document.kind == "article"
    assert "D202" in _codes(document)


def test_merged_header_columns_keep_each_grif(tmp_path: Path) -> None:
    """Three header columns whose lines a PDF export merged one by one."""
    document = _txt(tmp_path / "header.txt", [
        "РАССМОТРЕНА", "на заседании педагогического", "совета школы",
        "(протокол №12 от 29.08.2025)",
        "СОГЛАСОВАНА", "УТВЕРЖДЕНА", "Председателем",
        "профкома Приказом по школе № 168 от", "школы", "средняя « 29» .08.2025г.",
        "В.В. Николаева (протокол № 1", "от « 29» 08.2025г.)",
        "Должностная инструкция учителя",
        "1. Общие положения",
        "1.1. Учитель относится к категории специалистов."], sep="\n")
    approval = document.approval
    assert approval is not None and approval.form == "order"
    assert approval.date is not None and approval.date.value == date(2025, 8, 29)
    assert approval.order is not None and approval.order.number == "168"
    considered, agreed = document.agreements
    assert len(considered.signatories) == 1
    assert considered.signatories[0].date is not None
    assert [s.name.text for s in agreed.signatories if s.name] == ["В.В. Николаева"]
    assert "D211" in _codes(document)
    assert [(s.kinds, len(s.clauses)) for s in document.sections] == [(("general",), 1)]


def test_an_azerbaijani_approval_by_order_in_a_table_cell(tmp_path: Path) -> None:
    document = docx.Document()
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].text = "«Gəncə Nəqliyyat» MMC"
    cells[1].text = ("Təsdiq edilmişdir\n«Gəncə Nəqliyyat» MMC-nin baş direktorunun\n"
                     "23.05.2025-ci il tarixli 25 nömrəli əmri ilə")
    for text in ["MENECERİN VƏZİFƏ TƏLİMATI", "1. Ümumi müddəalar",
                 "1.1. Menecer baş direktorun əmri ilə vəzifəyə təyin edilir."]:
        document.add_paragraph(text)
    path = tmp_path / "menecer.docx"
    document.save(str(path))
    approval = parse(read_document(path)).approval
    assert approval is not None and approval.form == "order"
    assert approval.position is not None and "direktorunun" in approval.position.text
    assert approval.date is not None and approval.date.value == date(2025, 5, 23)
    assert approval.order is not None and approval.order.number == "25"


def test_a_two_column_head_gives_each_column_its_grif(tmp_path: Path) -> None:
    """Approval on the right, agreement on the left, typed with tabs."""
    document = _docx(tmp_path / "inzibatci.docx", [
        "«Kur Texnologiya» MMC\t\t\t\tTəsdiq edilmişdir",
        "\t\t\t\t\t\t\t«Kur Texnologiya» MMC-nin direktorunun",
        "RAZILAŞDIRILMIŞDIR\t\t\t\t«___» ____________ 20__-ci il tarixli ___ nömrəli əmri ilə",
        "Baş mühasib", "____________ R.Ə. Məmmədov",
        "Vəzifə təlimatı", "1. Ümumi müddəalar",
        "1.1. Sistem inzibatçısı direktorun əmri ilə vəzifəyə təyin edilir."])
    approval = document.approval
    assert approval is not None and approval.form == "order" and approval.position is not None
    assert approval.date is not None and approval.date.blank
    (agreement,) = document.agreements
    assert [(s.position.text if s.position else None, s.name.text if s.name else None)
            for s in agreement.signatories] == [("Baş mühasib", "R.Ə. Məmmədov")]


def test_an_acknowledgment_sheet_in_plain_text(tmp_path: Path) -> None:
    body = ["Kassirin vəzifə təlimatı", "1. Vəzifə öhdəlikləri", "1.1. Nağd pulu qəbul edir.",
            "Vəzifə təlimatı ilə tanış oldum"]
    rows = ["______________________________ «___» __________ 20__-ci il ____________"] * 2
    # the captions set apart by wide spacing, as typed
    typed = _txt(tmp_path / "typed.txt", body + [
        "Soyadı, adı, atasının adı      Tanış olma tarixi           İmza", *rows], sep="\n")
    # one caption per line, as a PDF's text layer gives a table
    pdf_like = _txt(tmp_path / "pdf_like.txt", body + [
        "Soyadı, adı, atasının adı", "Tanış olma tarixi", "İmza", *rows], sep="\n")
    # blanks with bracketed captions under them are a line, not a sheet
    line = _txt(tmp_path / "line.txt", body[:3] + [
        "С инструкцией ознакомлен: ______________   ____________________",
        "                                 (подпись)           (Ф.И.О.)"], sep="\n")
    assert [d.acknowledgment.form if d.acknowledgment else None
            for d in (typed, pdf_like, line)] == ["sheet", "sheet", "line"]


def test_a_plain_text_head_whose_columns_touch(tmp_path: Path) -> None:
    """The organisation's long name leaves one space before «Утверждаю»; the lines of the
    right-hand block below it start at different depths."""
    pad = " " * 40
    document = _txt(tmp_path / "operator.txt", [
        "Открытое акционерное общество «Неманстройматериалы» Утверждаю",
        pad + "Генеральный директор",
        " " * 12 + "открытого акционерного общества «Неманстройматериалы»",
        pad + "____________ Д.А. Морозов",
        pad + "«07» мая 2023 г.",
        "",
        " " * 25 + "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ оператора",
        "1. Общие положения", "1.1. Оператор назначается на должность приказом."], sep="\n")
    approval = document.approval
    assert approval is not None and approval.form == "signature"
    assert approval.position is not None and approval.position.text.startswith("Генеральный")
    assert "акционерного общества" in approval.position.text
    assert approval.name is not None and approval.name.text == "Д.А. Морозов"
    assert approval.date is not None and approval.date.value == date(2023, 5, 7)


def test_an_approval_above_an_agreement_on_the_right(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["УТВЕРЖДАЮ", "Генеральный директор", "____________ Д.А. Морозов",
                 "«08» декабря 2021 г.", "СОГЛАСОВАНО", "Юрисконсульт", "____________ В.К. Зайцев",
                 "Главный бухгалтер", "____________ Н.Г. Орлова"]:
        document.add_paragraph(text).alignment = 2          # right
    for text in ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира", "1. Общие положения",
                 "1.1. Кассир назначается на должность приказом."]:
        document.add_paragraph(text)
    path = tmp_path / "kassir.docx"
    document.save(str(path))
    parsed = parse(read_document(path))
    assert parsed.approval is not None and parsed.approval.name is not None
    assert parsed.approval.name.text == "Д.А. Морозов"
    (agreement,) = parsed.agreements
    assert [s.name.text for s in agreement.signatories if s.name] == ["В.К. Зайцев",
                                                                     "Н.Г. Орлова"]


def test_agreeing_people_in_one_table_cell(tmp_path: Path) -> None:
    document = docx.Document()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.text = "СОГЛАСОВАНО"
    for text in ["Юрисконсульт", "____________ Н.Г. Орлова", "Главный бухгалтер",
                 "____________ Д.А. Морозов", "Начальник отдела кадров",
                 "____________ О.Н. Кузнецов"]:
        left.add_paragraph(text)
    right.text = "УТВЕРЖДАЮ"
    for text in ["Директор", "____________ И.И. Петров", "«01» марта 2024 г."]:
        right.add_paragraph(text)
    for text in ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира", "1. Общие положения",
                 "1.1. Кассир назначается на должность приказом."]:
        document.add_paragraph(text)
    path = tmp_path / "kassir.docx"
    document.save(str(path))
    parsed = parse(read_document(path))
    (agreement,) = parsed.agreements
    assert [s.position.text if s.position else None for s in agreement.signatories] == [
        "Юрисконсульт", "Главный бухгалтер", "Начальник отдела кадров"]
    assert parsed.approval is not None and parsed.approval.name is not None
    assert parsed.approval.name.text == "И.И. Петров"


def test_a_left_column_signature_at_the_margin(tmp_path: Path) -> None:
    """The right column's approval ends where the left column's agreement goes on alone."""
    document = _docx(tmp_path / "menedzher.docx", [
        "ООО «Балтийская швейная фабрика»\t\tУтверждаю",
        "\t\t\t\t\t\t\tДиректор ООО «Балтийская швейная фабрика»",
        "СОГЛАСОВАНО\t\t\t\t\t\t____________ Т.В. Волкова",
        "Начальник юридического отдела\t\t\t«11» декабря 2025 г.",
        "____________ Е.С. Павлова",
        "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ менеджера по продажам", "1. Общие положения",
        "1.1. Менеджер назначается на должность приказом директора."])
    approval = document.approval
    assert approval is not None and approval.name is not None
    assert approval.name.text == "Т.В. Волкова"
    assert approval.date is not None and approval.date.value == date(2025, 12, 11)
    (agreement,) = document.agreements
    assert [(s.position.text if s.position else None, s.name.text if s.name else None)
            for s in agreement.signatories] == [("Начальник юридического отдела",
                                                 "Е.С. Павлова")]


def test_a_typed_head_whose_left_column_runs_into_the_grif(tmp_path: Path) -> None:
    pad = " " * 36
    document = _txt(tmp_path / "prodmarket.txt", [
        "Общество с ограниченной ответственностью «Продмаркет Волга» УТВЕРЖДАЮ",
        pad + "Директор ООО «Продмаркет Волга»",
        "СОГЛАСОВАНО" + " " * 25 + "____________ С.М. Лебедев",
        "Юрисконсульт" + " " * 24 + "«15» мая 2022 г.",
        "____________ Д.А. Морозов", "",
        " " * 25 + "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира", "",
        "1. Общие положения", "1.1. Кассир назначается на должность приказом."], sep="\n")
    approval = document.approval
    assert approval is not None and approval.name is not None
    assert approval.name.text == "С.М. Лебедев"
    assert approval.date is not None and approval.date.value == date(2022, 5, 15)
    (agreement,) = document.agreements
    assert [s.name.text for s in agreement.signatories if s.name] == ["Д.А. Морозов"]


def test_an_azerbaijani_order_grif_wrapped_over_lines(tmp_path: Path) -> None:
    document = _txt(tmp_path / "menecer.txt", [
        "«Qafqaz Qida Paylanma» MMC", "Təsdiq edilmişdir", "«Qafqaz Qida Paylanma» MMC-nin",
        "direktorunun", "«___» ____________ 20__-ci il tarixli ___ nömrəli", "əmri ilə",
        "Satış menecerinin vəzifə təlimatı", "1. Ümumi müddəalar",
        "1.1. Menecer direktorun əmri ilə vəzifəyə təyin edilir."], sep="\n")
    approval = document.approval
    assert approval is not None and approval.form == "order"
    assert approval.position is not None and approval.position.text.endswith("direktorunun")
    assert approval.date is not None and approval.date.blank
