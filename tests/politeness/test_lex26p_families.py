"""Tests lex26p (session 18): ideas of the English and Azerbaijani rounds carried into Russian from general
knowledge, not from any labelled set, and the set phrases whose ты is anyone's («ничего не поделаешь»).

Positives are in other words than the entries where the entry allows it; the hard negatives use the same words
sincerely or politely.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
 ("ru","С людьми вроде вас всегда одно и то же.","rude"),
 ("ru","Вы явно понятия не имеете, что делаете с настройками.","rude"),
 ("ru","Сделайте всем нам одолжение и прочитайте инструкцию.","rude"),
 ("ru","Объяснять вам это — как об стенку горох.","rude"),
 ("ru","Такую ошибку заметил бы даже школьник.","rude"),
 ("ru","И ежу понятно, что пароль нельзя никому сообщать.","rude"),
 ("ru","Срывайте своё раздражение на ком-нибудь другом.","rude"),
 ("ru","Это следствие вашей халатности при оформлении.","blame"),
 ("ru","За списание можете благодарить только себя.","blame"),
 ("ru","Пеняйте на себя: срок был указан в письме.","blame"),
 ("ru","Вы опять допустили ту же ошибку в реквизитах.","blame"),
 ("ru","Вы сами собственноручно удалили общую папку.","blame"),
 ("ru","В следующий раз проверяйте адрес перед оплатой.","blame"),
 ("ru","Пересказывать условия тарифа я вам не буду — там всё и так понятно.","dismissive"),
 ("ru","Больше этим вопросом мы заниматься не будем.","dismissive"),
 ("ru","Покопайтесь в настройках, там всё есть.","dismissive"),
 ("ru","Договаривайтесь с продавцом сами.","dismissive"),
 ("ru","Мелочами мы не занимаемся.","dismissive"),
 ("ru","Нет значит нет, ничего не поделаешь.","dismissive"),
 ("ru","Настоящий проблеск гения — вставить пароль в тему письма.","sarcasm"),
 ("ru","Ого, целых десять минут ожидания!","sarcasm"),
 ("ru","Вы опять превзошли самого себя.","sarcasm"),
 ("ru","Ну прямо конец света, курьер опоздал на пять минут.","sarcasm"),
 ("ru","Может, вам ещё и лимузин к подъезду подать?","sarcasm"),
 ("ru","Мы с вами категорически не согласны.","argumentative"),
 ("ru","Давайте не будем ходить по кругу.","argumentative"),
 ("ru","Нравится вам это или нет, правила одни для всех.","argumentative"),
 ("ru","Ваши претензии не имеют под собой никаких оснований.","argumentative"),
 ("ru","Сколько бы вы ни жаловались, решение не изменится.","argumentative"),
]

HARD_NEGATIVES = [
 ("ru","Мы не согласны списывать с Вас эту сумму без Вашего подтверждения, поэтому вернули её."),
 ("ru","Ваш детский тариф подключён: ребёнок может пользоваться картой с завтрашнего дня."),
 ("ru","Проверьте, пожалуйста, адрес доставки ещё раз перед оплатой — иногда браузер подставляет старый."),
 ("ru","Пересылать пароль по почте не нужно: ссылку для сброса мы отправили на Ваш адрес."),
 ("ru","Я понимаю, что ожидание в десять минут раздражает, и прошу прощения за задержку."),
 ("ru","Если результат проверки Вас не устроит, Вы можете обратиться в арбитраж — мы приложим все документы."),
 ("ru","Договор Вы можете обсудить с продавцом напрямую; если он не ответит за 3 дня, напишите нам, и мы подключимся."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex26p_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex26p_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    "body",
    ["Что поделаешь, бывает.", "Тут не угадаешь, когда придёт курьер.", "Сколько продлится проверка — никогда не знаешь заранее, но я напишу Вам завтра."],
)
def test_set_phrases_with_anyones_ty_are_not_informal(body: str) -> None:
    assert "informal_address" not in found("ru", body)


@pytest.mark.parametrize("body", ["Если не знаешь, где кнопка, напиши.", "Ты же сам знаешь.", "Ничего не поделаешь, но ты не переживай."])
def test_ty_addressed_to_the_customer_stays_informal(body: str) -> None:
    assert "informal_address" in found("ru", body)
