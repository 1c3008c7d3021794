"""Provides e-mail body clean-up for reading: HTML to plain text, and quoted history split off.

HTML mail is converted, never rendered: scripts, styles and images are dropped and nothing is
fetched. Quoted history (">" lines, "On ... wrote:", Outlook's "Original Message") is split off so
the thread shows what is new, with the history one key away.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_HINT = re.compile(r"<(html|body|div|p|br|table|span|a|b|i|style|script)[\s/>]", re.IGNORECASE)
_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "blockquote", "table", "ul", "ol", "hr"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_TAG = re.compile(r"<[^>]*>?")
_SKIPPED_BLOCK = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_QUOTE_HEAD = re.compile(
    r"^\s*(On .{4,200} wrote:|.{0,80}\d{4}.{0,80}(написал|пишет|yazıb|yazdı)\S*:|-{2,}\s*Original Message\s*-{2,}"
    r"|-{2,}\s*Исходное сообщение\s*-{2,}|From: .+)\s*$",
    re.IGNORECASE,
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            self.parts.append(f"[image{': ' + alt if alt else ''}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def looks_like_html(body: str) -> bool:
    """Whether a body is HTML mail rather than plain text."""
    return bool(_HTML_HINT.search(body[:4000]))


def html_to_text(body: str) -> str:
    """Readable plain text from HTML: tags dropped, blocks as line breaks, blank runs squeezed."""
    parser = _TextExtractor()
    # Scripts and styles go before parsing too: a parser misled by broken markup ("<!<script>") would
    # otherwise hand their insides over as text.
    body = _SKIPPED_BLOCK.sub(" ", body)
    try:
        parser.feed(body)
        if parser.rawdata.startswith("<"):
            # An unterminated comment, tag or declaration at the end: a browser shows none of it, and
            # close() would hand it over as text (an unclosed "<!--" could hide a script).
            parser.rawdata = ""
        parser.close()
        text = "".join(parser.parts)
    except Exception:  # noqa: BLE001 - hostile HTML must never break reading; fall back to dropping tags
        text = _TAG.sub(" ", _SKIPPED_BLOCK.sub(" ", body))
    text = text.replace("\u00ad", "")  # soft hyphens: line-break hints with no use in a terminal
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def readable(body: str) -> str:
    """The body as plain text, whatever the customer's mail client sent."""
    return html_to_text(body) if looks_like_html(body) else body


def split_quoted(body: str) -> tuple[str, str]:
    """(new text, quoted history). The history starts at a quote header or a trailing block of ">" lines."""
    lines = body.splitlines()
    for index, line in enumerate(lines):
        if index > 0 and _QUOTE_HEAD.match(line):
            return "\n".join(lines[:index]).rstrip(), "\n".join(lines[index:])
    end = len(lines)
    while end > 0 and (lines[end - 1].startswith(">") or not lines[end - 1].strip()):
        end -= 1
    if end < len(lines) and any(line.startswith(">") for line in lines[end:]) and end > 0:
        return "\n".join(lines[:end]).rstrip(), "\n".join(lines[end:]).strip("\n")
    return body, ""
