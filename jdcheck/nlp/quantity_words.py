"""Words for parts of pay and for currencies, as regular expressions over lower-case text.

Source: ordinary Russian and Azerbaijani usage in pay and liability clauses («половина оклада»,
«aylıq əmək haqqının yarısı», «dörddə bir») and the currency names of the two countries.
"""

# (pattern, share of pay) — checked in this order; the first match at a place wins.
SHARE_WORDS: tuple[tuple[str, float], ...] = (
    (r"двух\s+третей|2/3", 2 / 3),
    (r"трех\s+четвертей|трёх\s+четвертей", 0.75),
    (r"половин\w*", 0.5),
    (r"четверт(?:и|ь|ью|ей)\b", 0.25),
    (r"трет(?:ь|и|ью)\b", 1 / 3),
    (r"(?:двух|двойн\w*|2-х)\s+(?:должностн\w+\s+)?оклад\w*", 2.0),
    (r"(?:трех|трёх|тройн\w*|3-х)\s+(?:должностн\w+\s+)?оклад\w*", 3.0),
    (r"yarı\w*|yari\w*", 0.5),
    (r"dörddə\s+bir\w*|dordde\s+bir\w*", 0.25),
    (r"üçdə\s+bir\w*|ucde\s+bir\w*", 1 / 3),
    (r"iki\s+(?:aylıq|ayliq)\s+", 2.0),
)

# A whole month's pay named as the measure («в размере оклада», «aylıq əmək haqqı məbləğində»).
WHOLE_PAY = (r"в\s+размере\s+(?:месячного\s+|своего\s+|должностного\s+)*(?:оклада|заработка|"
             r"заработной\s+платы)|(?:aylıq|ayliq)\s+(?:əmək|emek)\s+(?:haqqı|haqqi)\w*\s+"
             r"(?:məbləğində|meblegində|meblegnde|miqdarında|miqdarinda)")

CURRENCY = r"(?:руб\w*|р\.|₽|тенге|manat\w*|azn|азн|\$|долл\w*|евро|eur\w*)"
