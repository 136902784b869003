"""Lexicon terms: lemmas, folded Azerbaijani prefixes, alternatives, word classes, exclusions."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdcheck.nlp.pipeline import nlp
from jdcheck.nlp.terms import Lexicon, LexiconError, TermMatcher, load_lexicons


def _found(terms: dict[str, dict[str, tuple[str, ...]]], text: str, lang: str) -> set[str]:
    lexicons = {name: Lexicon(name, {"ru": (), "az": (), **t}) for name, t in terms.items()}
    doc = nlp(lang)(text)
    return {key.split(":", 1)[1] for key in TermMatcher(lexicons).match(lang, doc)}


def test_russian_terms_match_any_inflection() -> None:
    terms = {"full": {"ru": ("полный материальный ответственность",)}}
    assert _found(terms, "Кладовщик несёт полную материальную ответственность.", "ru") == {"full"}
    assert _found(terms, "Они несут полной материальной ответственности", "ru") == {"full"}
    assert not _found(terms, "Он несёт материальную ответственность.", "ru")


def test_a_normal_form_in_a_term_stays_itself() -> None:
    # «вина» is also a form of «вино»; the rule means the noun «вина» (fault)
    terms = {"fault": {"ru": ("независимо от ... вина",)}}
    assert _found(terms, "Отвечает независимо от наличия своей вины.", "ru") == {"fault"}


def test_azerbaijani_terms_match_prefixes_with_and_without_diacritics() -> None:
    terms = {"liab": {"az": ("maddi məsuliyyət",)}}
    assert _found(terms, "İşçi maddi məsuliyyətindən azad edilmir.", "az") == {"liab"}
    assert _found(terms, "Isci maddi mesuliyyet dasiyir.", "az") == {"liab"}


def test_alternatives_classes_and_exclusions() -> None:
    terms = {
        "third": {"ru": ("клиент", "покупатель"), "az": ("müştəri", "alıcı")},
        "debt": {"ru": ("задолженность ... @third",), "az": ("@third ... borc",)},
        "pay": {"ru": ("возмещать|компенсировать ... доход",)},
        "deduct": {"az": ("!nəzərdə tutul",)},
    }
    assert "debt" in _found(terms, "Отвечает за задолженность покупателей.", "ru")
    assert "debt" not in _found(terms, "Отвечает за задолженность по налогам.", "ru")
    assert "debt" in _found(terms, "Alıcıların borcuna görə cavabdehdir.", "az")
    assert "pay" in _found(terms, "Мастер компенсирует салону доход.", "ru")
    assert "deduct" in _found(terms, "Ziyan əmək haqqından tutulur.", "az")
    assert "deduct" not in _found(terms, "Qanunda nəzərdə tutulmuş qaydada.", "az")


def test_numbers_match_as_numbers_not_as_prefixes() -> None:
    terms = {"art": {"az": ("199",), "ru": ("243",)}}
    assert _found(terms, "ƏM-in 199-cu maddəsinə uyğun.", "az") == {"art"}
    assert not _found(terms, "1990-cı ildə.", "az")
    assert _found(terms, "в случаях ст. 243 ТК РФ", "ru") == {"art"}


def test_lexicon_files_name_their_mistakes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[a]\nru = ["@missing ... долг"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="no lexicon «missing»"):
        load_lexicons([bad])
    wide = tmp_path / "wide.toml"
    wide.write_text('[cls]\nru = ["два слова"]\n[b]\nru = ["@cls долг"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="single words only"):
        load_lexicons([wide])
