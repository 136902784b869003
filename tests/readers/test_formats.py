"""Each reader on real documents: text, numbering labels, tables, parts, encodings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import CORPORA, REALWORLD, convert, needs_realworld, needs_soffice

SAMPLE_RU = "Должностная инструкция кассира.\nКассир обязан соблюдать кассовую дисциплину."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_text_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "di.txt"
    path.write_bytes(SAMPLE_RU.encode(encoding))
    raw = read_document(path)
    assert [b.text for b in raw.blocks] == SAMPLE_RU.split("\n")
    assert raw.source.encoding is not None


def test_text_normalises_crlf_nbsp_and_soft_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "di.txt"
    path.write_bytes("Бух\u00adгалтер\u00a0обязан\r\nвести учёт.\r\n".encode())
    raw = read_document(path)
    assert [b.text for b in raw.blocks] == ["Бухгалтер обязан", "вести учёт."]


def test_markdown_and_html_fragments_read_as_rendered(tmp_path: Path) -> None:
    md = tmp_path / "di.md"
    md.write_text("# ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\n\n> > **УТВЕРЖДАЮ**\n\n1. Общие положения\n",
                  encoding="utf-8")
    blocks = read_document(md).blocks
    assert blocks[0].heading_level == 1 and blocks[0].text == "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"
    assert blocks[1].text == "УТВЕРЖДАЮ" and blocks[1].bold
    html = tmp_path / "di.txt"
    html.write_text("<h2>1. Права</h2><p>Работник вправе:</p><ul><li>знакомиться</li>"
                    "<li>запрашивать</li></ul><table><tr><td>ФИО</td><td>Подпись</td></tr>"
                    "</table>", encoding="utf-8")
    blocks = read_document(html).blocks
    assert [b.text for b in blocks] == ["1. Права", "Работник вправе:", "знакомиться",
                                        "запрашивать", "ФИО", "Подпись"]
    assert blocks[0].heading_level == 2 and blocks[2].label == "•"
    assert (blocks[5].table, blocks[5].row, blocks[5].cell) == (1, 1, 2)


TWO_COLUMN_HEAD = """\
ООО «Альфа»
                                          УТВЕРЖДАЮ
      ДОЛЖНОСТНАЯ                         Генеральный директор
      ИНСТРУКЦИЯ                          _____________ И.И. Петров
01.02.2024   N 5                          «__» ________ 20__ г.
      кладовщика

1. Общие положения
1.1. Кладовщик относится к категории рабочих.
"""


def test_text_two_column_head_is_read_column_by_column(tmp_path: Path) -> None:
    path = tmp_path / "di.txt"
    path.write_bytes(TWO_COLUMN_HEAD.encode("cp1251"))
    texts = [b.text for b in read_document(path).blocks]
    assert texts[:5] == ["ООО «Альфа»", "ДОЛЖНОСТНАЯ", "ИНСТРУКЦИЯ", "01.02.2024   N 5",
                         "кладовщика"]
    assert texts[5:9] == ["УТВЕРЖДАЮ", "Генеральный директор", "_____________ И.И. Петров",
                          "«__» ________ 20__ г."]
    assert texts[9:] == ["1. Общие положения", "1.1. Кладовщик относится к категории рабочих."]
    document = parse(read_document(path))
    assert document.approval is not None and document.approval.name is not None
    assert document.approval.name.text == "И.И. Петров"
    assert document.title is not None and "ИНСТРУКЦИЯ" in document.title.text.upper()


def test_text_columns_within_a_line_are_not_a_two_column_head(tmp_path: Path) -> None:
    # a signature line and a sheet: every line starts on the left, so nothing is unfolded
    text = ("Должностная инструкция кассира\n\n1. Общие положения\n1.1. Кассир подчиняется "
            "директору.\n\nС инструкцией ознакомлен:\nФ.И.О.                        Дата      "
            "       Подпись\nИванов И.И.                   01.02.2024     ________\n")
    path = tmp_path / "di.txt"
    path.write_text(text, encoding="utf-8")
    assert [b.text for b in read_document(path).blocks] == [
        line.strip() for line in text.splitlines() if line.strip()]


@needs_realworld
def test_rtf_raw_cp1251_bytes_decode_without_mojibake() -> None:
    raw = read_document(REALWORLD / "ru_005_administrator_baz_dannyh.rtf")
    assert "Общие положения" in raw.text
    assert "Ð" not in raw.text and "Ã" not in raw.text


def test_rtf_unicode_escapes_and_tables() -> None:
    raw = read_document(CORPORA / "az_sobe_mudiri.rtf")
    assert "ə" in raw.text and "ş" in raw.text
    assert any(b.bold for b in raw.blocks)


def test_docx_tables_are_read_cell_by_cell() -> None:
    raw = read_document(CORPORA / "ru_kassir.docx")
    cells = [b for b in raw.blocks if b.table is not None]
    assert cells, "the approval grif of ru_kassir sits in a table"
    assert {b.cell for b in cells} >= {1, 2}
    marker = next(b for b in cells if b.text == "УТВЕРЖДАЮ")
    assert marker.cell == 2


@needs_realworld
def test_docx_text_boxes_are_kept_apart_with_a_diagnostic() -> None:
    raw = read_document(REALWORLD / "ru_003_inzhener_metrologii.docx")
    boxes = [b for b in raw.blocks if b.part == "textbox"]
    assert boxes and boxes[0].text.startswith("ДИ")
    assert any(d.code == "D101" for d in raw.diagnostics)


def test_docx_headers_and_footers_are_kept_apart(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "ООО «Альфа» — внутренний документ"
    doc.sections[0].footer.paragraphs[0].text = "Страница 1"
    doc.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ")
    path = tmp_path / "hf.docx"
    doc.save(path)
    raw = read_document(path)
    parts = [(b.part, b.text) for b in raw.blocks]
    assert parts == [("header", "ООО «Альфа» — внутренний документ"),
                     ("body", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"), ("footer", "Страница 1")]


def _lo_labels(txt: str) -> dict[str, list[str]]:
    """Text start -> labels, in order, for every numbered line of LibreOffice's text export."""
    out: dict[str, list[str]] = {}
    for line in txt.splitlines():
        m = re.match(r"^\s*([0-9IVXivxа-яa-z]{1,3}(?:\.[0-9]+)*[.)]|[^\w\s])\s+(.{30})", line)
        if m:
            out.setdefault(m.group(2), []).append(m.group(1))
    return out


AUTO_NUMBERED = [CORPORA / "ru_kassir.docx", CORPORA / "az_kassir.docx",
                 CORPORA / "ru_sistemny_administrator.docx", REALWORLD / "ru_001_buhgalter.docx",
                 REALWORLD / "ru_002_vedushchiy_inzhener_programmist.docx"]


@needs_soffice
@pytest.mark.parametrize("path", AUTO_NUMBERED, ids=lambda p: p.name)
def test_docx_numbering_labels_match_libreoffice(tmp_path: Path, path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not available")
    txt = convert(path, "txt:Text (encoded):UTF8", tmp_path).read_text(encoding="utf-8-sig")
    lo = _lo_labels(txt)
    ours = [(b.label, b.text.strip()[:30]) for b in read_document(path).blocks
            if b.label and b.part == "body" and b.table is None and len(b.text.strip()) >= 30]
    assert len(ours) >= 10
    compared = [(label, lo[text].pop(0)) for label, text in ours if lo.get(text)]
    assert len(compared) >= 0.8 * len(ours)
    bullet = re.compile(r"^[^\w\s]$")
    mismatched = [(a, b) for a, b in compared if a.rstrip(".)") != b.rstrip(".)")
                  and not (bullet.match(a) and bullet.match(b))]
    assert not mismatched


def test_odt_lists_get_their_labels() -> None:
    raw = read_document(CORPORA / "ru_buhgalter.odt")
    labels = [b.label for b in raw.blocks if b.label]
    assert "1." in labels and "1.1." in labels and "2.1." in labels
    assert any(b.heading_level for b in raw.blocks)


def test_pdf_text_layer_is_read_page_by_page() -> None:
    raw = read_document(CORPORA / "ru_yurisconsult.pdf")
    assert raw.source.pages and raw.source.pages >= 2
    assert {b.page for b in raw.blocks} >= {1, 2}
    assert "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" in raw.text.upper()


def test_pdf_running_header_and_page_numbers_are_kept_apart(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("a font with Cyrillic letters (fonts-dejavu-core) is not installed")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    path = tmp_path / "two_pages.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    pages = [["Должностная инструкция кассира", "Должностные обязанности",
              "1. Принимает наличные деньги.", "2. Ведёт кассовую книгу и сверяет её"],
             ["с отчётом кассира.", "3. Сдаёт выручку инкассатору.",
              "4. Составляет кассовый отчёт."]]
    for number, lines in enumerate(pages, start=1):
        canvas.setFont("DejaVuSans", 10)
        canvas.drawString(80, 800, "ООО «Ромашка»")
        canvas.drawString(80, 786, "Московский филиал")
        for n, line in enumerate(lines):
            canvas.drawString(80, 760 - 16 * n, line)
        canvas.drawString(290, 40, f"- {number} -")
        canvas.showPage()
    canvas.save()
    raw = read_document(path)
    body = [b.text for b in raw.blocks if b.part == "body"]
    assert body.count("ООО «Ромашка»") == 1 and body.count("Московский филиал") == 1
    assert not any(t.startswith("- ") for t in body)
    assert {b.text for b in raw.blocks if b.part != "body"} == {
        "ООО «Ромашка»", "Московский филиал", "- 1 -", "- 2 -"}
    document = parse(raw)
    # the sentence broken by the page goes on as one item
    assert [c.text for c in document.sections[0].counted][1] == \
        "Ведёт кассовую книгу и сверяет её с отчётом кассира."
    assert [len(s.counted) for s in document.sections] == [4]


@needs_soffice
def test_legacy_doc_is_converted_and_read(tmp_path: Path) -> None:
    doc = convert(CORPORA / "ru_kassir.docx", "doc", tmp_path)
    raw = read_document(doc)
    assert raw.source.format == "doc"
    assert "УТВЕРЖДАЮ" in raw.text
    assert any(d.code == "D103" for d in raw.diagnostics)
