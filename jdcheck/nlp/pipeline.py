"""spaCy pipelines for Russian and Azerbaijani: the blank tokenizer plus one component that sets
each token's lemma (pymorphy3 for Russian, the suffix normaliser for Azerbaijani) and its norm
(lower case, ё→е, Azerbaijani letters folded). Every distinct word form is analysed once per
process; nothing is downloaded."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, NamedTuple

from jdcheck.nlp import azerbaijani

_RU_FOLD = str.maketrans("ё", "е")


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=300_000)
def ru_lemma(word: str) -> str:
    """The normal form of a Russian word (pymorphy3's most probable parse)."""
    low = word.lower().translate(_RU_FOLD)
    if not low.isalpha() or not any("а" <= ch <= "я" for ch in low):
        return low
    return _morph().parse(low)[0].normal_form.translate(_RU_FOLD)


@lru_cache(maxsize=20_000)
def ru_term_lemma(word: str) -> str:
    """The lemma a rule's word stands for: the word itself when it is already a normal form
    («вина» stays «вина», though its most probable parse alone would read «вино»)."""
    low = word.lower().translate(_RU_FOLD)
    if not low.isalpha() or not any("а" <= ch <= "я" for ch in low):
        return low
    if any(p.normal_form.translate(_RU_FOLD) == low for p in _morph().parse(low)):
        return low
    return ru_lemma(low)


@lru_cache(maxsize=300_000)
def ru_tag(word: str) -> str:
    """pymorphy3's grammatical tag of the most probable parse (e.g. ``VERB,impf,tran ...``)."""
    low = word.lower().translate(_RU_FOLD)
    if not low.isalpha():
        return ""
    return str(_morph().parse(low)[0].tag)


def norm(word: str, lang: str) -> str:
    """The form rules compare on: lower case, ё→е, Azerbaijani letters folded."""
    if lang == "az":
        return azerbaijani.fold(word)
    return word.lower().translate(_RU_FOLD)


def lemma(word: str, lang: str) -> str:
    """The lemma rules compare on (pymorphy3 normal form, or the Azerbaijani stem)."""
    return azerbaijani.stem(word) if lang == "az" else ru_lemma(word)


@cache
def nlp(lang: str) -> Any:
    """The spaCy pipeline for ``ru`` or ``az`` (built once per process)."""
    import spacy
    from spacy.language import Language

    name = f"jdcheck_lemmas_{lang}"
    if name not in Language.factories:

        @Language.component(name)
        def _lemmas(doc: Any) -> Any:
            # Work on the doc's arrays: each distinct word form is analysed once per process
            # (the same Words the checks read), and no Token object is made per word.
            import numpy
            from spacy.attrs import LEMMA, NORM

            forms, where = distinct_words(doc, lang)
            if forms:
                strings = doc.vocab.strings
                rows = [(strings.add(w.lemma_), strings.add(w.norm_)) for w in forms]
                doc.from_array([LEMMA, NORM], numpy.array(rows, dtype="uint64")[where])
            return doc

    pipeline = spacy.blank("az" if lang == "az" else "ru")
    pipeline.add_pipe(name)
    return pipeline


class Word(NamedTuple):
    """A token as the checks read it, made once per distinct word form (the field names follow
    spaCy's Token, so code reads either)."""

    text: str
    lemma_: str
    norm_: str
    is_alpha: bool
    orth: int


_WORDS: dict[tuple[str, int], Word] = {}


def words(doc: Any, lang: str) -> list[Word]:
    """The Words of a spaCy Doc, built per distinct form (kept across documents)."""
    forms, where = distinct_words(doc, lang)
    return [forms[i] for i in where]


def distinct_words(doc: Any, lang: str) -> tuple[list[Word], list[int]]:
    """The distinct Words of a spaCy Doc and, per token, the index of its Word."""
    import numpy
    from spacy.attrs import ORTH

    if not len(doc):
        return [], []
    strings = doc.vocab.strings
    forms, where = numpy.unique(doc.to_array(ORTH), return_inverse=True)
    made = []
    for orth in forms.tolist():
        word = _WORDS.get((lang, orth))
        if word is None:
            text = strings[orth]
            word = Word(text, lemma(text, lang), norm(text, lang), text.isalpha(), orth)
            if len(_WORDS) < 1_000_000:
                _WORDS[(lang, orth)] = word
        made.append(word)
    return made, where.tolist()
