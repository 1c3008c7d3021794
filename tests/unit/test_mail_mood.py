"""Reading aids: HTML mail to text, quoted history split off, upset customers marked."""

from __future__ import annotations

from supportterm.domain.mail import html_to_text, looks_like_html, readable, split_quoted
from supportterm.domain.mood import heat, is_angry


def test_html_becomes_text_without_scripts_styles_or_remote_images() -> None:
    html = ('<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>'
            '<p>Hello&nbsp;team,</p><div>my invoice <b>NB-1</b> is wrong</div>'
            '<img src="https://tracker.example/x.gif" alt="logo"><br>Thanks</body></html>')
    text = html_to_text(html)
    assert looks_like_html(html) and not looks_like_html("a < b and c > d")
    assert "alert" not in text and "color" not in text and "tracker.example" not in text
    lines = [line for line in text.splitlines() if line]
    assert lines == ["Hello team,", "my invoice NB-1 is wrong", "[image: logo]", "Thanks"]
    assert readable("plain <3 text") == "plain <3 text"


def test_quoted_history_is_split_at_the_usual_headers() -> None:
    body = "It is back now.\nOlivia\n\nOn Wed, 18 Nov 2026 at 15:50, Aysel <support@nimbus.example> wrote:\n> Hello\n> fixed"
    new, quoted = split_quoted(body)
    assert new == "It is back now.\nOlivia" and quoted.startswith("On Wed")
    ru = "Спасибо!\n\nсб, 14 нояб. 2026 г. в 01:37, Андрей Иванов написал:\n> текст"
    assert split_quoted(ru)[0] == "Спасибо!"
    trailing = "Still broken.\n\n> old line 1\n> old line 2\n"
    assert split_quoted(trailing) == ("Still broken.", "> old line 1\n> old line 2")
    assert split_quoted("no history here\n> but a quote in the middle\nand more") == (
        "no history here\n> but a quote in the middle\nand more", "")


def test_upset_customers_are_marked_in_three_languages_and_calm_ones_are_not() -> None:
    assert is_angry("THIS IS RIDICULOUS!!! Fix it NOW")
    assert is_angry("Безобразие!!! Жду ответа СЕГОДНЯ.")
    assert is_angry("Bu nə biabırçılıqdır?! Cavabı BU GÜN gözləyirəm.")
    for calm in ("Hello, could you help me reset my password? Thanks!",
                 "Здравствуйте! Подскажите, пожалуйста, как сменить тариф?",
                 "Salam! Hesab-fakturada VÖEN lazımdır, zəhmət olmasa. Təşəkkürlər."):
        assert not is_angry(calm), calm
    assert heat("") == 0.0 and heat("OK") < 0.3
