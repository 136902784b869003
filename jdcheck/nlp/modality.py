"""Words that say whether a clause states a duty, a right or liability, in Russian and
Azerbaijani, matched on lemmas (Russian) or folded word forms (Azerbaijani).

Source: the wordings of duties and rights in job descriptions: Russian «обязан», «должен»,
«несёт обязанность», infinitive items under a duties heading, the descriptive present
(«Осуществляет …»); «имеет право», «вправе», «может», «предоставляется право», «пользуется
правом». Azerbaijani «borcludur», «məcburidir», «-malıdır/-məlidir», «öhdəsinə düşür»,
infinitive items, the present («Həyata keçirir …»); «hüququna malikdir», «hüququ var»,
«… edə bilər», «səlahiyyətlidir» (as listed for this check in the project's issue on clause
semantics, and as seen in ../shared/realworld/).
"""

# --- Russian (lemmas as pymorphy3 gives them) --------------------------------------------

# A right stated outright: (lemma, lemma that must follow within three words, or "").
RU_RIGHT = (
    ("вправе", ""), ("правомочный", ""), ("иметь", "право"),
    ("предоставляться", "право"), ("предоставить", "право"), ("наделяться", "право"),
    ("наделять", "право"), ("наделяться", "полномочие"), ("пользоваться", "право"),
    ("обладать", "право"), ("иметь", "полномочие"), ("разрешаться", ""), ("мочь", ""),
    ("иметь", "возможность"),
)
# A duty stated outright.
RU_DUTY = (
    ("обязать", ""), ("обязанный", ""), ("должный", ""), ("обязываться", ""), ("надлежать", ""),
    ("нести", "обязанность"), ("возлагаться", "обязанность"), ("вменяться", "обязанность"),
    ("возлагаться", ""), ("вменяться", ""), ("необходимо", ""), ("запрещаться", ""),
)
# «… запрещено разглашать»: the short forms forbid; the full participle describes («… не
# запрещённых законодательством»), so forms, not the lemma.
RU_FORBIDDEN = ("запрещено", "запрещен", "запрещена", "запрещены")
# In a lead-in line («… осуществляет следующие обязанности:», «… имеет право:»).
RU_LEAD_DUTY = ("обязанность", "функция", "обязанный", "должный", "осуществлять",
                "выполнять", "возлагаться")
RU_LEAD_RIGHT = ("право", "вправе", "полномочие", "мочь")
# Liability stated: «несёт ответственность», «отвечает за», «привлекается к ответственности».
RU_LIABILITY = (
    ("нести", "ответственность"), ("ответственность", ""), ("отвечать", "за"),
    ("привлекаться", "ответственность"), ("возмещать", ""), ("подвергаться", "взыскание"),
)
# Words that open a subordinate clause: a modal word after them is not the clause's own
# («… в каких случаях они вправе …», «… которые могут привести к аварии»).
RU_SUBORDINATORS = ("который", "что", "если", "когда", "где", "чтобы", "какой", "как",
                    "куда", "откуда", "почему", "поскольку", "пока", "чей")
# Verbs after «может» that make it a passive possibility, not a permission («может
# назначаться ответственным», «могут быть возложены»).
RU_MOCH_PASSIVE = ("быть", "назначаться", "привлекаться", "применяться", "возлагаться",
                   "поручаться", "устанавливаться", "переводиться", "направляться",
                   "изменяться", "выдаваться", "предоставляться", "производиться",
                   "осуществляться", "рассматриваться", "освобождаться", "отстраняться",
                   "увольняться", "взыскиваться", "удерживаться", "начисляться",
                   "вызвать", "привести", "повлечь", "возникнуть", "служить", "являться",
                   "составлять", "достигать", "превышать")
# Words of a benefit granted to the employee («пользуется бесплатно …»): a right.
RU_PRIVILEGE = ("бесплатно", "безвозмездно", "льгота", "льготный", "бесплатный")
# Verbs whose negation states a right to refuse («не принимать товар без документов»).
RU_REFUSAL = ("принимать", "подписывать", "визировать", "допускать", "выдавать", "отпускать",
              "приступать", "выполнять", "исполнять")
# Infinitives whose item can only be a right (a duties list is no place for them).
RU_RIGHT_VERBS = ("знакомиться", "обжаловать", "отказываться", "отказаться")
# Right idioms: lemma sequences (gaps of up to three words allowed).
RU_RIGHT_IDIOMS = (("знакомиться", "проект"), ("запрашивать", "получать"),
                   ("требовать", "предоставление"), ("требовать", "выделение"),
                   ("требовать", "руководство", "содействие"),
                   ("требовать", "создание", "условие"),
                   ("требовать", "руководитель", "создание"),
                   ("требовать", "руководитель", "условие"),
                   ("требовать", "руководство", "условие"),
                   ("вносить", "рассмотрение", "руководство"))
# Present-tense verbs that state a right even in the descriptive present («Имеет доступ …»).
RU_RIGHT_PRESENT = ("иметь", "пользоваться", "обладать", "получать", "участвовать",
                    "располагать")
# Infinitives and verbal nouns that can only be a duty (nobody is granted a right to comply).
RU_DUTY_VERBS = ("соблюдать", "выполнять", "исполнять", "обеспечивать", "сдавать",
                 "отчитываться", "следить", "исправлять", "хранить", "поддерживать",
                 "относиться", "встречать", "передавать", "докладывать", "вести",
                 "составление", "ведение", "обеспечение", "соблюдение", "выполнение",
                 "исполнение", "подготовка", "оформление", "учёт", "учет", "хранение")
# Words that make an item an obligation: a prohibition or a fixed rhythm of work.
RU_DUTY_CUES = ("не", "обязательно", "своевременный", "ежедневный", "ежедневно", "еженедельно",
                "ежемесячно", "ежеквартально", "регулярно",
                "своевременно", "постоянно", "систематически", "бережно", "немедленно",
                "незамедлительно", "аккуратно", "тщательно", "строго", "неукоснительно")
# Objects after «вести» that make it a right («вести переговоры / переписку»).
RU_VESTI_RIGHT = ("переговоры", "переписка")

# --- Azerbaijani (folded word forms: ə→e, ı→i, ü→u, ö→o, ğ→g, ş→s, ç→c) -----------------

# A right: a word form starting so, optionally followed within three words by another.
AZ_RIGHT = (
    ("huquq", "malik"), ("huququ", "var"), ("huquqludur", ""), ("huququndan", "istifade"),
    ("selahiyyetlidir", ""), ("selahiyyeti", "var"), ("selahiyyet", "malik"), ("ixtiyari", "var"),
    ("ixtiyar", "malik"), ("ixtiyarindadir", ""), ("biler", ""), ("bilerler", ""),
    ("icaze", "verilir"), ("huququ", "veril"), ("serbestdir", ""), ("haqlidir", ""),
    ("imkani", "var"), ("huququ", "temin"),
)
# Right idioms (folded word prefixes in order, gaps of up to three words).
AZ_RIGHT_IDIOMS = (("layihe", "tanis"), ("mezuniyyet", "istifade"), ("guzest", "istifade"),
                   ("odenis", "almaq"), ("haqq", "almaq"), ("rehberlik", "teleb"),
                   ("serbest",), ("pulsuz", "temin", "olunmaq"))
# Words after which a right is denied («… hüququna malik deyil»): a prohibition, so a duty.
AZ_NEGATION = ("deyil", "yoxdur")
# A fixed rhythm or deadline: an item that can only be a duty.
AZ_DUTY_CUES = ("her gun", "her hefte", "her ay", "her rub", "her il", "gunde", "vaxtinda",
                "mutemadi", "muntezem", "derhal", "erzinde", "mutleq", "her ")
AZ_DUTY = (
    ("borcludur", ""), ("borcludurlar", ""), ("mecburidir", ""), ("ohdesine", "dusur"),
    ("ohdeliyi", "var"), ("ohdeliyidir", ""), ("hevale", "edilir"), ("uzerine", "qoyulur"),
    ("vezifesidir", ""), ("mutleqdir", ""), ("qadagan", "edilir"), ("qadagan", "olunur"),
    ("qadagandir", ""),
)
# A list item that closes on the noun «right» («… imzalamaq hüququ»): a right.
AZ_RIGHT_NOUN = ("huququ", "huququdur", "selahiyyeti", "selahiyyetidir", "ixtiyari")
AZ_LIABILITY = (
    ("mesuliyyet", "dasiyir"), ("mesuliyyet", "dasiyirlar"), ("cavabdehdir", ""),
    ("mesuliyyete", "celb"), ("cavabdeh", ""), ("mesuliyyetini", "dasiyir"),
)
# Endings of a necessity mood («təqdim etməlidir») and of the present tense at the end of a
# clause («təmin edir», «hazırlayır»), in folded spelling.
AZ_NECESSITY = ("mali", "meli")
# What may follow the necessity suffix: «-dır», «-dırlar», or nothing before «və».
AZ_NECESSITY_TAIL = ("dir", "dirler", "dirlar", "dur", "durlar")
# A verb stem made passive («edil-», «veril-», «olun-»): its necessity binds a thing.
AZ_PASSIVE_STEM = ("il", "ul", "iln", "uln", "un", "in")
AZ_NOT_PASSIVE = ("bil", "gel", "ol")
# A passive present closing the clause («verilir», «təmin olunur»).
AZ_PASSIVE_PRESENT = ("ilir", "ulur", "unur", "inir", "nilir", "lanir", "lenir")
AZ_NOT_PASSIVE_PRESENT = ("bilir", "gelir", "silir")
# Voiced stems (et → ed-ir, öyrət → öyrəd-ir): «-dir» here is the present, not «-dır».
AZ_VOICED_PRESENT = ("edir", "edirler", "yaradir", "yaradirlar")
# A locative predicative («öhdəsindədir»), which also ends so.
AZ_LOCATIVE = ("dedir", "tedir", "dadir", "tadir")
# The passive form before «bilər» («cəlb oluna bilər», «verilə bilər»): a possibility.
AZ_PASSIVE_OPTATIVE = ("una", "une", "ile", "ila", "ina", "ine", "ula", "ule")
# A closing word that forbids («… verə bilməz», «… icazə verilmir»).
AZ_PROHIBITION = ("bilmez", "olmaz", "qadagandir", "yolverilmezdir")
# The negative infinitive («yol verməmək»): a prohibition, unless a condition comes first
# («… nasaz olduqda işə başlamamaq»: the right to refuse unsafe work).
AZ_NEGATIVE_INFINITIVE = ("mamaq", "memek")
AZ_CONDITION = ("dikde", "diqda", "duqda", "dukde", "tikde", "tiqda", "tuqda", "tukde")
AZ_PRESENT = ("ir", "ur", "yir", "yur", "ar", "er", "irler", "urlar")
# The predicative («-dır»: «malikdir», «cavabdehdir») is not a present-tense verb.
AZ_PREDICATIVE = ("dir", "dur", "tir", "tur")
AZ_INFINITIVE = ("maq", "mek")
AZ_RIGHT_VERBS = ("etiraz et",)
# Demanding something is how rights are worded («… tələb etmək»): a rhythm word in such an
# item («vaxtında») does not make it a duty.
AZ_DEMAND = ("teleb et",)
# Verb phrases (folded, word-initial) that can only be a duty.
AZ_DUTY_VERBS = ("emel et", "temin et", "icra et", "yerine yetir", "hesabat ver",
                 "hesabat teqdim", "riayet et", "saxla")
