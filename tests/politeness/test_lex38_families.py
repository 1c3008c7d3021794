"""Tests the rules added in session 21 from the misses and false alarms of blind59, blind60 and blind61 (declared seen
after their one scoring by the checker after lex37). Each idea of a miss was written in the three languages where it
reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ('en', 'Brilliant bit of detective work there, spotting it after the print run.', 'sarcasm'),
    ('en', 'Leaving the lights on all weekend was a masterstroke.', 'sarcasm'),
    ('en', 'Thank you ever so much for the free masterclass on lighting.', 'sarcasm'),
    ('en', "Evidently you don't know the first thing about printing.", 'rude'),
    ('en', 'Stop it, you numpty.', 'rude'),
    ('en', 'A child could tap the download button.', 'rude'),
    ('en', 'This one comes down to your own settings.', 'blame'),
    ('en', 'Missing the deadline was really down to you.', 'blame'),
    ('en', 'The answer should be in there somewhere; have a look.', 'dismissive'),
    ('en', "That's not what I said in my last email.", 'argumentative'),
    ('en', 'It would save us both time if the manual were read first.', 'argumentative'),
    ('en', "That's one for the charger maker rather than for us.", 'dismissive'),
    ('en', 'Resetting the app is bloody simple.', 'rude'),
    ('en', 'Most of the blame lies with the missing drainage.', 'blame'),
    ('ru', 'Спасибо, что держите нас в тонусе своими отменами.', 'sarcasm'),
    ('ru', 'Ваше письмо — прямо праздник какой-то.', 'sarcasm'),
    ('ru', 'Давайте без базарных выпадов.', 'rude'),
    ('ru', 'Выражения свои оставьте для друзей.', 'rude'),
    ('ru', 'Вы так и не поставили фильтр, который мы советовали.', 'blame'),
    ('ru', 'В интернете полно роликов на эту тему.', 'dismissive'),
    ('ru', 'Ещё раз подчеркну то, что уже писала.', 'argumentative'),
    ('ru', 'Никто Вам такого не обещал.', 'argumentative'),
    ('ru', 'Большая часть вины тут на Вашей стороне.', 'blame'),
    ('ru', 'По нашей внутренней статистике так бывает редко.', 'confidential'),
    ('az', 'Bəli, qışda soyuq olması doğrudan da gözlənilməz hadisədir.', 'sarcasm'),
    ('az', 'Rekord artıq Sizdədir, təbriklər.', 'sarcasm'),
    ('az', 'Xırda məsələlərə görə dəstəyə yazmağa ehtiyac yoxdur.', 'dismissive'),
    ('az', 'Hər gün eyni sualı yazmağınız heç nəyi dəyişmir.', 'argumentative'),
    ('az', 'Sadə cümləni anlamaq üçün xüsusi ağıl tələb olunmur.', 'rude'),
    ('az', 'Günahın böyük hissəsi elə buradadır.', 'blame'),
    ('az', 'Kompensasiya məsələsinə baxmırıq.', 'dismissive'),
    ('az', 'Dəstək xidməti oyunçular arasındakı mübahisələrə qarışmır.', 'dismissive'),
]

HARD_NEGATIVES = [
    ('en', 'Pick the bike up on your way north and drop it back on the way home.'),
    ('en', 'It only took three days to arrive, which we were pleased about.'),
    ('en', "Please don't click Agree without reading the terms."),
    ('ru', 'Платёж поступил сегодня, банку просто нужно было время на зачисление.'),
    ('ru', 'Мастер опоздал; мы уже обсудили это с ним.'),
    ('ru', 'Одевайтесь потеплее: в горах ночью холодно.'),
    ('ru', 'Если шум повторится, позвоните дежурному администратору по номеру +7 343 300-12-12.'),
    ('az', 'Parolunuzu unutduğunuz üçün narahat olmayın, yeni keçid göndərdik.'),
    ('az', 'GPA.3345-1029-4471-55210 nömrəli sifarişi seçin və «Geri ödəmə» düyməsini basın.'),
    ('az', 'Məktubunuz çox təsirləndiricidir, təşəkkür edirik.'),
    ('az', 'PDF faylını oxuya bilmirsinizsə, yazın, yenidən göndərək.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex38_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex38_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_the_customers_own_insult_repeated_to_agree_is_theirs() -> None:
    reply = ("Hi Ms Wood,\n\nI'm sorry. A ripped saddle is not how a bike should arrive, and I understand why you'd call it "
             "crap.\n\nKind regards,\nNadia Haddad")
    theirs = "The replacement bike you sent is crap, the saddle is ripped."
    assert "rude" not in {f.category for f in check(reply, customer_text=theirs).findings}
    assert "rude" in {f.category for f in check(reply, customer_text="The saddle is ripped.").findings}


@pytest.mark.parametrize(
    "signature",
    ["Alov Games | Oyunçu Dəstəyi", "Dəstək operatoru №14", "Отдел обслуживания гостей, сеть хостелов «Соседи»"],
)
def test_a_firm_and_its_team_sign_for_nobody(signature: str) -> None:
    reply = f"Salam!\n\nYeniləmə 12 noyabrda çıxacaq.\n\nHörmətlə,\n{signature}"
    assert "impersonal_signature" in {f.category for f in check(reply).findings}


def test_thanks_for_an_attached_photo_are_sincere() -> None:
    """A short message with a photo attached has given detail (blind59 en); praise of a short text stays sarcasm."""
    asked = "The colors on the cover are way off compared to the proof I approved."
    photo = "Hello,\n\nThank you for the photo next to the proof; it's very helpful. I've escalated it.\n\nCeline Moreau"
    assert "sarcasm" not in {f.category for f in check(photo, customer_text=asked).findings}
    praise = "Hello,\n\nThank you for your very detailed description. I've escalated it.\n\nCeline Moreau"
    assert "sarcasm" in {f.category for f in check(praise, customer_text="Broken.").findings}
    picture = "Hello,\n\nThank you for such a detailed message; it really paints a picture.\n\nGemma Hart"
    assert "sarcasm" in {f.category for f in check(picture, customer_text="refund").findings}  # no attachment (blind40)
