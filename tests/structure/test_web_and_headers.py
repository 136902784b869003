"""Web pages saved as text and merged header columns, read from files as a person reads them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from jdcheck.model import Document
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse

_PROSE = ("Bu bölmədə işin əsas cəhətləri ətraflı izah olunur və oxucuya hansı sənədlərin "
          "hazırlanmalı olduğu, kimlərlə razılaşdırılmalı olduğu, hansı müddətlərə əməl "
          "edilməli olduğu və nəticənin necə yoxlanılacağı barədə aydın təsəvvür yaradılır.")


def _txt(path: Path, lines: list[str], sep: str = "\n\n") -> Document:
    path.write_text(sep.join(lines) + "\n", encoding="utf-8")
    return parse(read_document(path))


def _docx(path: Path, paragraphs: list[str]) -> Document:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return parse(read_document(path))


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
