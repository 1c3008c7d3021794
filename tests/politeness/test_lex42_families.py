"""Tests the rules added in session 23 from the misses and false alarms of blind68 and blind69 (declared seen
after their one scoring by the checker after lex41 and the two general rules). Each idea of a miss was written in
the three languages where it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.closure import announces_closing
from tests.politeness.test_families import found

FAMILIES = [
    ('en', "Whoever set this up didn't have the faintest idea what they were doing.", 'rude'),
    ('en', 'That is a rather dim question.', 'rude'),
    ('en', "Spelling isn't everyone's strong suit, I know.", 'rude'),
    ('en', "That's a basic mistake for someone who runs a reef tank.", 'rude'),
    ('en', 'Good luck finding a courier who will do it for that price.', 'sarcasm'),
    ('en', "Such a treat to start the week with an email like this.", 'sarcasm'),
    ('en', 'Your ten-page essay made for a riveting lunch break.', 'sarcasm'),
    ('en', 'All the answers are covered in the FAQ.', 'dismissive'),
    ('en', "You'll have to work this out for yourself.", 'dismissive'),
    ('en', 'As stated in my previous email, the fee applies.', 'argumentative'),
    ('en', "I'd rather we stick to the facts.", 'argumentative'),
    ('en', "It looks like you forgot to tighten the lid.", 'blame'),
    ('en', 'Our internal delivery rate was 91% last month.', 'confidential'),
    ('ru', 'Что может пойти не так, правда?', 'sarcasm'),
    ('ru', 'Вы, как всегда, удивительно терпеливы.', 'sarcasm'),
    ('ru', 'Вы, конечно, лучше нашего технолога знаете, как сохнет краска.', 'sarcasm'),
    ('ru', 'Только потом не прибегайте к нам плакаться.', 'rude'),
    ('ru', 'Спорить с мастером смысла нет.', 'argumentative'),
    ('ru', 'Мы уже трижды обсуждали этот вопрос.', 'argumentative'),
    ('ru', 'Похоже, вы не закрепили крышку.', 'blame'),
    ('az', 'Bu, həqiqətən orijinal ideyadır.', 'sarcasm'),
    ('az', 'Saata baxmağı bacarmayan adam belə yazmaz.', 'rude'),
    ('az', '“Hamı deyir” heç bir arqument sayılmaz.', 'argumentative'),
]

HARD_NEGATIVES = [
    ('en', 'If you could forward the email to phishing@coralcove.co.uk, we will report it.'),
    ('en', 'You wrote that we took the money. I want to make sure that is not what happened.'),
    ('en', 'Thanks for asking first. I would have to respectfully disagree with that advice, though.'),
    ('ru', 'Если что-то не заработает, пришлите ссылку на страницу — посмотрим.'),
    ('ru', 'Спорить с Вашими ощущениями я не буду, а разберусь по существу.'),
    ('ru', 'Нет глупых вопросов, спрашивайте.'),
    ('ru', 'Вы, безусловно, вправе сами решать, что делать со своей внешностью, и мы это уважаем.'),
    ('az', 'Sifarişin ən vacib hissəsi elə təhlükəsizlikdir.'),
    ('az', 'Bu, tamamilə bizim səhvimizdir. Sifarişdə ad düzgün idi, lakin sexə ötürülərkən səhv yazılıb.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex42_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex42_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Priyanka,\n\nThank you for your message. The rider is 6 minutes away.\n\nHave a good afternoon,\n"
        "Agent 07, Support Desk",
        "Hello,\n\nYour pickup moves to 22 Call Lane from Monday.\n\nKind regards,\nPedalpost Dispatch",
    ],
)
def test_a_desk_or_dispatch_signs_for_nobody(reply: str) -> None:
    assert "impersonal_signature" in {f.category for f in check(reply).findings}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "We've had quite a few questions like this one today. I'm going to mark this ticket as resolved."),
        ("ru", "Возвратами занимается бухгалтерия. Со своей стороны обращение закрываю."),
    ],
)
def test_closing_after_nothing_done_is_dismissive(lang: str, body: str) -> None:
    assert "dismissive" in found(lang, body)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("az", "Problemin həll olunmasına şadıq, ona görə müraciəti bağlayırıq."),
        ("az", "Məbləğ kartınıza daxil olacaq. Daxil olanda mənə yazsanız, müraciəti bağlayacağam."),
    ],
)
def test_closing_after_good_news_stays_fine(lang: str, body: str) -> None:
    assert "dismissive" not in found(lang, body)


@pytest.mark.parametrize(
    ("lang", "sentence", "closing"),
    [
        ("en", "thanks for confirming everything works now! i'm closing this ticket.", True),
        ("en", "i'll mark this ticket as resolved.", True),
        ("en", "let's close this topic here.", False),
        ("ru", "обращение закрываю.", True),
        ("ru", "так что давайте на этом закроем вопрос.", False),
        ("az", "müraciətinizi bağlayırıq.", True),
    ],
)
def test_the_learned_model_leaves_closings_to_the_closing_rule(lang: str, sentence: str, closing: bool) -> None:
    assert announces_closing(lang, sentence, 0, len(sentence)) is closing
