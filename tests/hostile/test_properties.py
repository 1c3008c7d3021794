"""Property tests: for any string, `inert` / `one_line` leave nothing that can drive a terminal and keep
the printable text; `html_to_text` never raises and never lets script, style or URLs through."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.text import Text

from supportterm.domain.mail import html_to_text, readable
from supportterm.domain.text import editable, inert, one_line, terminal_safe_json

UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
"""Controls, invisible format characters (bidi, zero-width), surrogates, line/paragraph separators."""

any_text = st.text(alphabet=st.characters(codec=None), max_size=300)
hostile_text = st.lists(
    st.sampled_from([
        "\x1b", "\x1b[", "\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x9b", "\x9d", "\x90", "\x07", "\x08", "\r",
        "\t", "\n", "\x00", "\x7f", "\u202e", "\u2066", "\u200b", "\ufeff", "\ud800", "\U000e0041", "[b]",
        "[/]", "[@click=app.quit]", "[link=https://x]", "0;title", "52;c;aGk=", "31m", "a", "é", "ж", "ə",
        "字", "😀",
    ]),
    max_size=60,
).map("".join)


def _safe(shown: str, *, newlines: bool) -> None:
    for ch in shown:
        if ch == "\n" and newlines:
            continue
        assert unicodedata.category(ch) not in UNSAFE_CATEGORIES, f"{ch!r} left in {shown!r}"


FILLERS = set("\u034f\u115f\u1160\u3164\uffa0")
"""Letters and marks by category that print as nothing; domain.text treats them as invisible too."""


def _printable(text: str) -> list[str]:
    """The characters a reader should still see: not controls, invisibles, fillers or whitespace."""
    return [ch for ch in text
            if unicodedata.category(ch) not in UNSAFE_CATEGORIES and not ch.isspace() and ch not in FILLERS]


@settings(max_examples=400)
@given(st.one_of(any_text, hostile_text))
@example("\x1b]52;c;c2VjcmV0\x07\x1b]0;pwned\x07\x9b2J")
def test_inert_leaves_no_control_and_keeps_printable_text_in_order(text: str) -> None:
    shown = inert(text)
    _safe(shown, newlines=True)
    assert "\x1b" not in shown
    kept = iter(shown)
    assert all(ch in kept for ch in _printable(text))  # a subsequence: nothing printable lost or reordered


@settings(max_examples=400)
@given(st.one_of(any_text, hostile_text))
def test_one_line_is_one_safe_line_with_the_same_words(text: str) -> None:
    shown = one_line(text)
    _safe(shown, newlines=False)
    assert "\n" not in shown
    kept = iter(shown)
    assert all(ch in kept for ch in _printable(text))


@given(st.one_of(any_text, hostile_text))
def test_inert_text_is_plain_in_rich_even_with_markup_in_it(text: str) -> None:
    shown = inert(text)
    assert Text(shown).plain == shown  # a Text is never parsed as markup; nothing is swallowed
    assert not Text(shown).spans


@given(st.one_of(any_text, hostile_text))
def test_terminal_safe_json_is_the_same_data_with_nothing_unsafe_written_raw(text: str) -> None:
    raw = terminal_safe_json({"subject": text, "n": [text]})
    assert json.loads(raw) == {"subject": text, "n": [text]}
    _safe(raw, newlines=False)


def test_the_format_character_table_covers_every_invisible_of_this_python() -> None:
    """The ranges in domain.text are written out (computing them costs start-up time); check them."""
    missing = [f"U+{c:04X}" for c in range(0x110000)
               if unicodedata.category(chr(c)) in UNSAFE_CATEGORIES and c not in (0x09, 0x0A)
               and inert(chr(c)) == chr(c)]
    assert missing == []


TAGS = ["p", "div", "span", "a", "b", "br", "img", "script", "style", "table", "tr", "td", "iframe", "title",
        "head", "body", "html", "noscript", "template", "svg", "object", "embed", "form", "math", "textarea"]
ATTRS = ['href="javascript:alert(1)"', 'src="https://tracker.example/p.gif"', 'onerror="steal()"',
         'style="color:red"', 'alt="[@click=app.quit]x"', 'href="https://evil.example/?t=1"']
html_fragment = st.one_of(
    st.builds(lambda t, a: f"<{t} {a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS)),
    st.sampled_from([f"</{t}>" for t in TAGS]),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml ?>", "&amp;", "&#x1b;",
                     "&#27;", "&#155;", "&#8238;", "&lt;script&gt;", "<", ">", "&", "<!", "<![", "</", "<a",
                     "<script>SECRET_SCRIPT()</script>", "<style>.SECRET_STYLE{}</style>"]),
    hostile_text,
)
html_doc = st.lists(html_fragment, max_size=40).map("".join)


@settings(max_examples=400)
@given(html_doc)
@example("<![if !supportLists]>x<![endif]>")
@example("<!-- unclosed <script>SECRET_SCRIPT()")
@example("<![CDATA[ x")
def test_html_to_text_never_raises_and_drops_scripts_styles_and_urls(html: str) -> None:
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "SECRET_SCRIPT" not in text and "SECRET_STYLE" not in text
    assert "javascript:" not in text and "tracker.example" not in text and "evil.example" not in text
    assert "onerror" not in text and "style=" not in text  # attributes never reach the text
    shown = inert(text)
    _safe(shown, newlines=True)
    assert Text(shown).plain == shown


@given(st.one_of(any_text, html_doc))
def test_readable_never_raises(body: str) -> None:
    assert isinstance(readable(body), str)


@given(st.one_of(any_text, hostile_text))
def test_editable_text_drops_what_an_editor_would_draw_raw_and_keeps_the_rest(text: str) -> None:
    kept = editable(text)
    _safe(kept.replace("\t", " "), newlines=True)  # an editor handles tabs
    assert [c for c in _printable(kept) if c != "\ufffd"] == [c for c in _printable(text) if c != "\ufffd"]
    assert kept.count("\ufffd") == text.count("\ufffd") + sum(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert kept.count("\t") == text.count("\t")
