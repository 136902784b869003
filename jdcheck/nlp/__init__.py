"""Language processing: tokens and lemmas (spaCy, pymorphy3, an Azerbaijani stemmer), the
language of each clause, numbers in text, and the annotations the rules read."""
