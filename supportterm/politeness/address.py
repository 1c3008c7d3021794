"""Provides the informal-address heuristics that a word list cannot express: verb endings.

The pronoun and imperative lists live in the lexicons (category `informal_address`); this module
adds 2nd-person-singular verbs: Russian -ешь/-ишь (можешь → можете), imperatives in -ай/-яй/-уй
at the start of a clause (выгружай → выгружайте), the singular past after "спасибо, что"
(написал → написали), and Azerbaijani -san/-sən (edirsən → edirsiniz), a few past forms
(etdin → etdiniz) and participles with -ın before "üçün" (yazdığın üçün → yazdığınız üçün).
They run on masked, folded text.
"""

from __future__ import annotations

import re
from functools import cache

from .findings import Finding, finding, translatable
from .literals import may_match, required_literals
from .openers import finditer_at, finditer_at_openers, opener_positions
from .prepared import Prepared

_RU_VERB = re.compile(
    r"(?<![\w-])(?!(?:лишь|мышь|тишь|глушь|финишь|малышь)(?!\w))(\w{2,}?)([еи])шь(?:ся)?(?!\w)"
)
_RU_IMPERATIVE_END = re.compile(
    r"[аяуеюои](?:(?<=[аяую])й(?![\w-])|(?<=[аяуеюо])йся(?![\w-])|(?<=[^\Wплт]и)(?<!вши)сь(?![\w-]))"
)
"""The ending of singular imperatives (выгружай, попробуй, not the gerund разобравшись); the word is then
read back to its start. Its vowel opens the pattern (checked again by lookbehinds), so `re` skips to
vowels: twice as fast."""
_RU_IMPERATIVE_AFTER_VOWEL = ("й", "сь")
"""What follows the vowel of every match."""
_RU_IMPERATIVE_AT_Y = re.compile(r"й(?:(?<=[аяую]й)(?![\w-])|(?<=[аяуеюо]й)ся(?![\w-]))")
_RU_IMPERATIVE_AT_SOFT_SIGN = re.compile(r"ь(?<=[^\Wплт]ись)(?<!вшись)(?![\w-])")
"""`_RU_IMPERATIVE_END` split by what follows its vowel and opened there: its й branches at the й, its сь
branch at the ь, the vowel (and the letters before it) checked by look-behinds. A pattern opening with
one letter is searched like a string; the vowel class, or the й/сь positions listed by `str.find` and
tried one by one, cost two to three times as much."""
_RU_SAYING = re.compile(
    r"(?<![\w-])(?:как\s+(?:говорится|гласит|в\s+(?:пословице|поговорке))|по\s+пословице)[^.!?\n]*"
)
"""'Как говорится, тише едешь — дальше будешь': a proverb's generic ты addresses nobody."""
_RU_SAYING_NEEDS = required_literals(_RU_SAYING.pattern)
"""Its words (как … говорится / пословице): most replies lack them and skip the search."""
_RU_GENERIC_YOU = re.compile(
    r"(?<![\w-])(?:(?:ничего|что)\s+(?:тут\s+|уж\s+|же\s+)?(?:не\s+)?поделаешь"
    r"|(?:никогда\s+(?:не\s+)?|заранее\s+не\s+)(?:знаешь|угадаешь)|(?:тут|здесь|заранее)\s+не\s+угадаешь"
    r"|(?:заранее|сразу|точно)\s+(?:и\s+)?не\s+скажешь)(?!\w)"
)
"""'Ничего не поделаешь', 'никогда не знаешь': set phrases whose ты is anyone's, like a proverb's."""
_RU_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.!?,;:—–\n-]\s*|(?<![\w-])(?:и|а|или|но|пока|просто|лучше|сначала|теперь|потом|пожалуйста|не|тогда|затем)\s+)$"
)
"""What may stand right before an imperative: the start of a clause or a linking word."""
_RU_NOT_IMPERATIVES = frozenset(
    "случай край чай май рай сарай трамвай урожай обычай китай шанхай каравай дубай уругвай парагвай попугай "
    "самурай лишай николай исай бабай негодяй лентяй разгильдяй буй".split()
)
"""Nouns and names that end like singular imperatives."""
_RU_PARTICIPLE_ENDS = ("щейся", "шейся")
"""Participles that end like reflexive imperatives: «с карты, оканчивающейся на 7731» (надейся stays)."""
_RU_THANKS_PAST = re.compile(
    r"(?<![\w-])(?:спасибо|благодарю|благодарим),?\s+что\s+(?:(?:ты|сразу|быстро|так|уже|все-таки|вовремя)\s+)*"
    r"(\w+[аиеоуыя]л(?:а|ся|ась)?)(?![\w-])"
)
"""'Спасибо, что написал': a singular past verb thanks one person informally (formal: написали)."""
_RU_THANKS_OPENERS = ("спасибо", "благодар")
"""Every match opens with one of these: the pattern is tried only there (openers.py)."""
_RU_THANKS_THAT = "что"
"""Every match holds this word after its opener: a chunk without it (most, where "спасибо" is common)
skips listing the openers (one `in` test against two `find` loops and a try at each opener)."""
_AZ_SUFFIX = (
    r"(?:m[ıiuü]|[ıiuü]r|[ae]r|ar|[əe]r|m[ıiuü]ş|m[ıiuü]r|m[ae]z|m[əe]z|[ae]c[ae]q|[əe]c[əe]k|"
    r"m[ae]l[ıi]|m[əe]l[ıi]|[ıi]rd[ıi]n|d[ıi]r|d[ae]|d[əe]|t[ae]|t[əe])"
)
_AZ_BODY = re.compile(r"[\wəıöüğşç]{2,}" + _AZ_SUFFIX)
_AZ_ENDING = re.compile(r"s[aə]n(?!\w)")
_AZ_PAST = re.compile(
    r"(?<!\w)(etd[ıi]n|yazd[ıi]n|gördün|(?<!yenidən\s)oxudun|bildin|basd[ıi]n|göndərdin|ald[ıi]n|ded[ıi]n|"
    r"sild[ıi]n|yoxlad[ıi]n|etmədin|oxumad[ıi]n|başa düşmədin|gəldin|verdin|açd[ıi]n|bağlad[ıi]n)(?!\w)"
)
"""Singular past verbs (sən). 'yenidən oxudun' is the formal imperative of oxutmaq (reload a config)."""
_AZ_PAST_ENDINGS = ("din", "dın", "dün", "dun")
"""Every past form ends in one of these (the tests check it)."""
_AZ_PAST_ENDING = re.compile(r"d[ıiüu]n")
"""The same endings in one search, opening with its d (found like a string): `_az_past_forms` tries the
pattern only at the words that end with one."""
_AZ_PAST_OPENERS = (
    "etd", "yazd", "gördün", "oxudun", "bildin", "basd", "göndərdin", "ald", "ded", "sild", "yoxlad",
    "etmədin", "oxumad", "başa düşmədin", "gəldin", "verdin", "açd", "bağlad",
)
"""How each past form opens (its letters up to the first choice of ı/i): the places the pattern was tried
at before `_az_past_forms` (kept as the reference the tests compare with)."""
_AZ_PARTICIPLE = re.compile(r"(?<!\w)(\w+(?:d|t)[ıiuü](?:ğ|y)[ıiuü]n)(?=\s+(?:üçün|ucun)(?!\w))")
"""'yazdığın üçün': a participle with the sən possessive (formal: yazdığınız üçün)."""
_AZ_FOR = ("üçün", "ucun")
_AZ_BARE_STEMS = frozenset(
    "aç bağla seç sil yaz göndər yoxla bas gir çıx yüklə yenilə dəyiş qoş söndür yandır doldur "
    "saxla tap sına izlə ver başlat dayandır gözlə bax et ol axtar oxu unut gəl get al "
    "yarat təkrarla sıfırla quraşdır aktivləşdir götür ye".split()
)
"""Common verb stems: bare at the end of a clause (…, yaz. / aç və …) they are the sən imperative.
Not 'köçür': it is also the present of köçmək ("pul hesabınıza köçür", the money moves)."""
_AZ_CLAUSE_END = re.compile(r"[.!;,\n]| və ")
_AZ_STEM_FINALS = frozenset(stem[-1] for stem in _AZ_BARE_STEMS)
"""The letters the stems end with: a clause end after another character cannot close a stem, so the
walk back over its word is skipped (most clause ends follow a noun or a suffix)."""


_AZ_STEMS_IN_ORDER = tuple(sorted(_AZ_BARE_STEMS))


@cache
def _az_stems_before_clause_ends() -> tuple[re.Pattern[str], re.Pattern[str]]:
    r"""A bare stem right before a clause end (`_AZ_CLAUSE_END`, spaces or tabs between), in the text
    read backwards: at a mark ("yaz," is ",zay"), and before " və ".

    Backwards, the pattern opens with the clause end, which `re` skips to, and tries the stems only
    there (grouped by their last letter); forwards it would open with a stem's letters, and the
    whole-word search that was the gate before tried a stem after every space. Compiled on first use.
    """
    by_last: dict[str, list[str]] = {}
    for stem in _AZ_STEMS_IN_ORDER:
        by_last.setdefault(stem[-1], []).append(re.escape(stem[-2::-1]))
    groups = "|".join(f"{re.escape(last)}(?:{'|'.join(rests)})" for last, rests in by_last.items())
    return re.compile(rf"[.!;,\n][ \t]*(?:{groups})"), re.compile(rf" əv [ \t]*(?:{groups})")


def _may_end_clause_with_stem(text: str) -> bool:
    """False when the clause-end walk of `_az_verbs` cannot find a bare stem, so it is skipped.

    The walk reads the letters right before each clause end (after spaces and tabs) and before the end
    of the text; where it finds a stem, one of these searches finds its letters there too. Most replies
    have none: a third of the cost of the whole-word stem search it replaced (session 11).
    """
    if text.rstrip().endswith(_AZ_STEMS_IN_ORDER):
        return True
    at_mark, before_and = _az_stems_before_clause_ends()
    backwards = text[::-1]
    return at_mark.search(backwards) is not None or (" və " in text and before_and.search(backwards) is not None)


_AZ_NOT_BEFORE_STEM = re.compile(r"(?:[«\"'’→>/(-]|\b(?:bu|gələn|keçən|hər)\s)$")
"""A label or path before the stem («Sil», → Sil, "(aç)") or a season word before 'yaz' (bu yaz)."""
_AZ_SEASONS_AFTER = re.compile(r"\s*(?:və|,)\s*(?:payız|qış|yay)(?!\w)")
"""'yaz və payız' (spring and autumn): 'yaz' in a list of seasons is no imperative."""
_AZ_NOT_VERBS = frozenset({"insan", "hesab", "nisan", "ehsan", "lisan", "ərsan"})
"""Nouns that end like 2nd-person verbs."""


def _ru_imperatives(prep: Prepared) -> list[Finding]:
    out = []
    text = prep.folded
    for start, end in _ru_imperative_ends(text):
        while start and text[start - 1].isalpha():
            start -= 1
        word = text[start:end]
        if len(word) < 4 or word in _RU_NOT_IMPERATIVES or (start and text[start - 1] in "-_0123456789"):
            continue
        if word.endswith(_RU_PARTICIPLE_ENDS):
            continue
        formal = word[:-2] + "тесь" if word.endswith(("ся", "сь")) else word + "те"
        if not _RU_CLAUSE_BEFORE.search(text, max(0, start - 16), start):
            continue
        if text.startswith(" вы ", end):
            continue  # "прочитай вы инструкцию, …" is the conditional mood, not a ты-imperative
        out.append(
            finding(
                "informal_address",
                start,
                end,
                translatable("Informal imperative (ты): use the вы form."),
                _keep_case(prep.text, start, formal),
            )
        )
    thanks = finditer_at_openers(_RU_THANKS_PAST, text, _RU_THANKS_OPENERS) if _RU_THANKS_THAT in text else ()
    for m in thanks:
        verb = m.group(1)
        stem = verb[: verb.rindex("л") + 1]
        formal = stem + ("ись" if verb.endswith(("ся", "сь")) else "и")
        out.append(
            finding(
                "informal_address",
                m.start(1),
                m.end(1),
                translatable("Singular past (ты): thank the customer with the вы form."),
                _keep_case(prep.text, m.start(1), formal),
            )
        )
    return out


def _ru_imperative_ends(text: str) -> list[tuple[int, int]]:
    """The spans of `_RU_IMPERATIVE_END.finditer(text)`, found by its two split patterns.

    Their matches never overlap (each ends before a non-word character, and the next one's vowel is a
    word character), so together they are the matches of the whole pattern, in text order once sorted.
    """
    y, soft_sign = _RU_IMPERATIVE_AFTER_VOWEL
    spans = [(m.start() - 1, m.end()) for m in _RU_IMPERATIVE_AT_Y.finditer(text)] if y in text else []
    if soft_sign in text:
        spans += [(m.start() - 2, m.end()) for m in _RU_IMPERATIVE_AT_SOFT_SIGN.finditer(text)]
        spans.sort()
    return spans


def _ru_verbs(prep: Prepared) -> list[Finding]:
    out = _ru_imperatives(prep)
    saying = may_match(_RU_SAYING_NEEDS, prep.folded)
    sayings = [m.span() for m in _RU_SAYING.finditer(prep.folded)] if saying else []
    sayings += [m.span() for m in _RU_GENERIC_YOU.finditer(prep.folded)] if "ешь" in prep.folded else []
    for m in _RU_VERB.finditer(prep.folded) if "шь" in prep.folded else ():  # every match has -шь
        if any(s <= m.start() < e for s, e in sayings):
            continue
        stem, vowel = m.group(1), m.group(2)
        reflexive = m.group().endswith("ся")
        formal = stem + vowel + "те" + ("сь" if reflexive else "")
        out.append(
            finding(
                "informal_address",
                m.start(),
                m.end(),
                translatable("Informal verb form (ты): use the вы form."),
                _keep_case(prep.text, m.start(), formal),
            )
        )
    return out


def _az_verbs(prep: Prepared) -> list[Finding]:
    out = []
    text = prep.folded
    for m in _AZ_ENDING.finditer(text):
        start = m.start()
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        body = text[start : m.start()]
        if body + m.group() in _AZ_NOT_VERBS or not _AZ_BODY.fullmatch(body):
            continue
        formal = body + "s" + _harmony(body)
        out.append(
            finding(
                "informal_address",
                start,
                m.end(),
                translatable("Informal verb form (sən): use the siz form."),
                _keep_case(prep.text, start, formal),
            )
        )
    ends = {m.start() for m in _AZ_CLAUSE_END.finditer(text)} if _may_end_clause_with_stem(text) else set()
    if ends:
        ends.add(len(text.rstrip()))
    for end in ends:
        while end and text[end - 1] in " \t":
            end -= 1
        if not end or text[end - 1] not in _AZ_STEM_FINALS:
            continue  # the word before (if any) does not end like a stem, so it is none
        start = end
        while start and text[start - 1].isalpha():
            start -= 1
        stem = text[start:end]
        if stem not in _AZ_BARE_STEMS or (start and text[start - 1].isdigit()):
            continue
        if _AZ_NOT_BEFORE_STEM.search(text, max(0, start - 8), start) or (
            stem == "yaz" and _AZ_SEASONS_AFTER.match(text, end)
        ):
            continue
        out.append(
            finding(
                "informal_address",
                start,
                end,
                translatable("Informal imperative (sən): use the siz form."),
                _keep_case(prep.text, start, _formal_imperative(stem)),
            )
        )
    for m in _az_participles(text):
        word = m.group(1)
        formal = word + {"ı": "ız", "i": "iz", "u": "uz", "ü": "üz"}[word[-2]]
        out.append(
            finding(
                "informal_address",
                m.start(1),
                m.end(1),
                translatable("Informal possessive (sən): use the siz form."),
                _keep_case(prep.text, m.start(1), formal),
            )
        )
    for m in _az_past_forms(text):
        formal = m.group() + _harmony(m.group())[2:]
        out.append(
            finding(
                "informal_address",
                m.start(),
                m.end(),
                translatable("Informal verb form (sən): use the siz form."),
                _keep_case(prep.text, m.start(), formal),
            )
        )
    return out


def _az_past_forms(text: str) -> list[re.Match[str]]:
    r"""`_AZ_PAST.finditer(text)`, tried only at the word that ends before each `_AZ_PAST_ENDING` (and at
    the word before that one, for "başa düşmədin").

    Every past form ends in d[ıiüu]n before a non-word character, and all but "başa düşmədin" are one
    word, so a match starts where the word holding such an ending starts (`(?<!\w)`: walking back over
    `\w`, which is `str.isalnum` or "_"), or one space and a word before it. The endings are found like
    a string (the pattern opens with its d); listing the 18 openers by `str.find` cost a needle
    conversion each on non-ASCII text.
    """
    starts = set()
    for ending in _AZ_PAST_ENDING.finditer(text):
        end = ending.end()
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue  # a match ends before a non-word character
        start = _word_start(text, ending.start())
        starts.add(start)
        if start >= 2 and text[start - 1] == " ":
            starts.add(_word_start(text, start - 1))
    return finditer_at(_AZ_PAST, text, sorted(starts))


def _word_start(text: str, at: int) -> int:
    r"""Where the run of `\w` characters that ends at `at` starts."""
    while at and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
    return at


def _az_participles(text: str) -> list[re.Match[str]]:
    r"""`_AZ_PARTICIPLE.finditer(text)`, tried only at the word before each üçün/ucun.

    A match is a whole word (`\w+`, not after a word character) followed by spaces and üçün, so
    the word is found by walking back from üçün over spaces (`\s`) and word characters (`\w`);
    the pattern there decides. Its look-behind opening made `re` try it at every position.
    """
    if _AZ_FOR[0] not in text and _AZ_FOR[1] not in text:
        return []  # most replies: two string tests instead of listing no positions
    starts = set()
    for at in opener_positions(text, _AZ_FOR):
        end = at
        while end and text[end - 1].isspace():
            end -= 1
        start = end
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if start < end < at:
            starts.add(start)
    return finditer_at(_AZ_PARTICIPLE, text, sorted(starts))


_HARMONY = {
    "a": "ınız",
    "ı": "ınız",
    "e": "iniz",
    "ə": "iniz",
    "i": "iniz",
    "o": "unuz",
    "u": "unuz",
    "ö": "ünüz",
    "ü": "ünüz",
}


def _formal_imperative(stem: str) -> str:
    """The siz imperative of a verb stem: yaz → yazın, yoxla → yoxlayın, et → edin."""
    if stem in _VOICED_IMPERATIVES:
        return _VOICED_IMPERATIVES[stem]
    suffix = _HARMONY_IMPERATIVE[_harmony(stem)]
    return stem + ("y" if stem[-1] in _HARMONY else "") + suffix


_VOICED_IMPERATIVES = {"et": "edin", "get": "gedin", "yarat": "yaradın"}
"""Stems whose final t voices before a vowel (et → edin, not etin)."""
_HARMONY_IMPERATIVE = {"ınız": "ın", "iniz": "in", "unuz": "un", "ünüz": "ün"}


def _harmony(body: str) -> str:
    """The 2nd-person plural ending that agrees with the last vowel of `body` (vowel harmony)."""
    for ch in reversed(body):
        if ch in _HARMONY:
            return _HARMONY[ch]
    return "iniz"


def _keep_case(text: str, start: int, word: str) -> str:
    return word[:1].upper() + word[1:] if text[start : start + 1].isupper() else word


def verb_rules(prep: Prepared) -> list[Finding]:
    """2nd-person-singular verb forms in Russian and Azerbaijani replies."""
    if prep.lang == "ru":
        return _ru_verbs(prep)
    if prep.lang == "az":
        return _az_verbs(prep)
    return []
