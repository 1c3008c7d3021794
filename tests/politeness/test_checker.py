"""Tests of `check`: each category in each language, hard negatives, context and the result types."""

from __future__ import annotations


import pytest

from supportterm.politeness import CATEGORIES, SEVERITY, Finding, check

GREET = {"en": "Hi Anna,\n\n", "ru": "Здравствуйте, Анна!\n\n", "az": "Salam, Aysel xanım!\n\n"}
CLOSE = {"en": "\n\nBest regards,\nOmar", "ru": "\n\nС уважением,\nОлег", "az": "\n\nHörmətlə,\nElvin"}


def cats(text: str, **kwargs: object) -> set[str]:
    """Error and warning categories found in `text`."""
    return {f.category for f in check(text, **kwargs).findings if f.severity != "hint"}  # type: ignore[arg-type]


def wrap(lang: str, body: str) -> str:
    return GREET[lang] + body + CLOSE[lang]


@pytest.mark.parametrize(
    ("lang", "body", "category"),
    [
        ("en", "Only an idiot would do that.", "rude"),
        ("en", "You didn't read the guide, that's why it failed.", "blame"),
        ("en", "That's not our problem, ask your host.", "dismissive"),
        ("en", "Thanks for nothing, really.", "sarcasm"),
        ("en", "As I already said, the limit is 50.", "argumentative"),
        ("en", "WE ARE WORKING ON IT, STOP WRITING.", "shouting"),
        ("en", "It works now!!!", "shouting"),
        ("en", "Our revenue last year was $4.2 million.", "confidential"),
        ("ru", "Вы что, тупой? Там всё написано.", "rude"),
        ("ru", "Сами виноваты: надо было читать инструкцию.", "blame"),
        ("ru", "Это не наша проблема.", "dismissive"),
        ("ru", "Ну конечно, опять мы виноваты.", "sarcasm"),
        ("ru", "Как я уже писал, лимит 50.", "argumentative"),
        ("ru", "Ты можешь перезагрузить роутер?", "informal_address"),
        ("ru", "Проверь настройки, пожалуйста.", "informal_address"),
        ("ru", "Выручка компании за год — 800 млн рублей.", "confidential"),
        ("az", "Yalnız axmaq bunu edər.", "rude"),
        ("az", "Günah sizdədir: ehtiyat nüsxə çıxarmalı idiniz.", "blame"),
        ("az", "Bu bizim problemimiz deyil.", "dismissive"),
        ("az", "Əlbəttə, necə də, yenə biz günahkarıq.", "sarcasm"),
        ("az", "Artıq yazmışam, limit 50-dir.", "argumentative"),
        ("az", "Sən routeri yenidən yüklə.", "informal_address"),
        ("az", "Parametrləri yoxlayırsan?", "informal_address"),
        ("az", "SƏNİN hesabın aktivdir.", "informal_address"),
        ("az", "Şirkətin illik dövriyyəsi 20 milyon manatdır.", "confidential"),
    ],
)
def test_category_found(lang: str, body: str, category: str) -> None:
    report = check(wrap(lang, body))
    assert report.language == lang
    assert category in {f.category for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "To stop it, run `kill -9 4412` and start the service again."),
        ("en", "You can abort the job from the Jobs page."),
        ("en", "Please rebase on the master branch first."),
        ("en", "Treat the region as a dummy variable."),
        ("en", "Kill the process that holds the lock and try again."),
        ("en", "Unfortunately the old API was retired; the new one takes the same fields."),
        ("en", 'You wrote "you are all idiots" and I understand why.'),
        ("en", "> you idiots never answer\nSorry for the wait: it is fixed now."),
        ("en", "If you didn't get the e-mail, check the spam folder."),
        ("ru", "Вы написали «ты вообще понимаешь, что делаешь?» — понимаю ваше раздражение."),
        ("ru", "Если вы забыли пароль, воспользуйтесь ссылкой «Забыли пароль?»."),
        ("ru", "Лишь одна настройка отличается от стандартной."),
        ("ru", "Чтобы остановить процесс, выполните `kill -9 4412`."),
        ("az", 'Siz yazmısınız: "sən heç nə başa düşmürsən". Narazılığınızı başa düşürəm.'),
        ("az", "İnsan faktoru istisna deyil, amma jurnal təmizdir."),
        ("az", "Bütün müraciətlərə bu gün baxılacaq."),
    ],
)
def test_hard_negatives_are_fine(lang: str, body: str) -> None:
    assert cats(wrap(lang, body)) == set()


def test_customer_own_email_and_phone_are_allowed() -> None:
    text = wrap("en", "I've sent it to laura@example.org and will call +1 415 555 0142.")
    customer = "Please use laura@example.org or call me at +1 415 555 0142."
    assert cats(text, customer_text=customer) == set()
    assert cats(text) == {"secret"}


def test_allowed_and_role_emails() -> None:
    text = wrap("en", "Write to help@ourco.com or to ana@ourco.com.")
    assert cats(text, allowed_emails=("ana@ourco.com",)) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Use sk_live_51Hx9Qa8ZpT2mVvN4kLrC7sYd3eWq to test.",
        "Token: ghp_8fK2LmQ9xT4vB7nR1sW3yZ6pA0cD5eH2jU9k",
        "Slack: xoxb-1234567890-abcdefghij",
        "AWS key AKIAIOSFODNN7EXAMPLE",
        "password: Tr0ub4dor&3",
        "пароль: Qw3rty!2024",
        "şifrə: Baku2024!x",
        "The host is db-03.internal, port 5432.",
        "Try 192.168.10.14 or 172.20.3.9.",
        "Open http://localhost:8443/status",
        "api_key = 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n-----END OPENSSH PRIVATE KEY-----",
    ],
)
def test_secrets(body: str) -> None:
    assert "secret" in cats(wrap("en", body))


def test_password_placeholder_is_not_a_secret() -> None:
    assert (
        cats(wrap("en", "Your password is reset; the new one is in the e-mail. Password: ********")) == set()
    )


def test_internal_note_reports_secrets_only() -> None:
    text = "Customer is an idiot. DB at db-03.internal, password: Qw3rty!2024"
    report = check(text, internal=True)
    assert {f.category for f in report.findings} == {"secret"}
    assert report.tone == 0.0


def test_confidential_terms_from_the_team() -> None:
    text = wrap("en", "This will be fixed in Project Falcon next month.")
    assert cats(text, confidential_terms=("project falcon",)) == {"confidential"}
    assert cats(text) == set()


def test_figure_word_without_number_is_fine() -> None:
    assert cats(wrap("en", "Our revenue team will send the invoice today.")) == set()


def test_language_mismatch_with_customer() -> None:
    report = check(
        "Hello! We fixed the export, please try again.",
        customer_text="Здравствуйте, выгрузка снова падает с ошибкой 500. Помогите, пожалуйста.",
    )
    assert [f.category for f in report.findings] == ["language_mismatch"]
    assert report.findings[0].severity == "warning"


@pytest.mark.parametrize(
    "signature", ["Support Unit 1", "Customer Support Team", "Служба поддержки", "Dəstək xidməti"]
)
def test_impersonal_signature(signature: str) -> None:
    assert "impersonal_signature" in cats(f"Hello,\n\nThe fix is live.\n\nRegards,\n{signature}")


def test_hints_for_missing_greeting_and_closing() -> None:
    text = "The export finished and the file is in your Reports folder now, ready to download whenever."
    found = {f.category: f.severity for f in check(text).findings}
    assert found == {"missing_greeting": "hint", "missing_closing": "hint"}


def test_informal_address_suggestions() -> None:
    report = check("Здравствуйте!\n\nТы можешь проверить твой ящик?\n\nС уважением,\nОлег")
    fixes = {
        report_text(f, "Здравствуйте!\n\nТы можешь проверить твой ящик?\n\nС уважением,\nОлег"): f.suggestion
        for f in report.findings
        if f.category == "informal_address"
    }
    assert fixes == {"Ты": "Вы", "можешь": "можете", "твой": "ваш"}


def test_azerbaijani_verb_suggestion_follows_vowel_harmony() -> None:
    text = "Salam!\n\nNiyə başa düşmürsən?\n\nHörmətlə,\nElvin"
    [f] = [f for f in check(text).findings if f.category == "informal_address"]
    assert f.suggestion == "düşmürsünüz"


@pytest.mark.parametrize(
    ("text", "lang"), [("Du kannst dein Passwort ändern.", "de"), ("Tu peux changer ton mot de passe.", "fr")]
)
def test_german_and_french_informal_address(text: str, lang: str) -> None:
    report = check(text, lang=lang)
    assert {f.category for f in report.findings} == {"informal_address"}


def report_text(f: Finding, text: str) -> str:
    return text[f.start : f.end]


def test_spans_and_shape() -> None:
    text = wrap("en", "Only an idiot would do that. As I already said, READ THE MANUAL!!!")
    report = check(text)
    assert list(report.findings) == sorted(report.findings, key=lambda f: f.start)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.severity == SEVERITY[f.category] and f.category in CATEGORIES
    with pytest.raises(AttributeError):  # findings are immutable
        report.findings[0].start = 3  # type: ignore[misc]
    data = report.to_dict()
    assert set(data) == {"language", "findings", "tone"}
    assert set(data["findings"][0]) == {"category", "severity", "start", "end", "message", "suggestion"}  # type: ignore[index]
    assert report.has_errors


def test_explicit_language_and_empty_text() -> None:
    assert check("", lang="ru").findings == ()
    assert check("Hello there, all good.", lang="en").language == "en"
