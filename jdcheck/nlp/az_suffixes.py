"""Azerbaijani inflectional endings, in folded spelling (ə→e, ı→i, ü→u, ö→o, ğ→g, ş→s, ç→c).

Source: the order of Azerbaijani inflection (stem + plural + possessive + case + predicative,
and the verb's tense/mood endings) as set out in standard reference grammars. The stemmer
strips at most one ending per layer, from the outside in, so chains come off in order
(«hüquq-lar-ı-na», «məsuliyyət-i-ndən», «öhdə-si-nə»). Derivational endings («-lı», «-sız»,
«-lıq», «-çı») change the word's meaning and are not listed.
"""

# Outermost: the predicative («-dır»), with the 3rd person plural.
PREDICATIVE = ("dirlar", "dirler", "durlar", "durler", "tirlar", "tirler", "dir", "dur", "tir",
               "tur")
# Verb endings: necessity, future, perfect, infinitive (with case), converbs, present, aorist.
VERBAL = ("malidir", "melidir", "mali", "meli", "acaq", "ecek", "maqla", "mekle", "maga", "meye",
          "maqdan", "mekden", "maq", "mek", "madan", "meden", "mis", "mus", "ib", "ub", "yib",
          "yir", "yur", "ir", "ur", "ar", "er")
# Case endings, with the buffer consonants n and y.
CASE = ("ndan", "nden", "dan", "den", "tan", "ten", "nda", "nde", "da", "de", "ta", "te",
        "nin", "nun", "in", "un", "na", "ne", "ya", "ye", "ni", "nu", "a", "e", "i", "u")
# Possessive endings.
POSSESSIVE = ("imiz", "umuz", "iniz", "unuz", "si", "su", "im", "um", "i", "u")
# Plural.
PLURAL = ("lar", "ler")

LAYERS = (PREDICATIVE, VERBAL, CASE, POSSESSIVE, PLURAL)
