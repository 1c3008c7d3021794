"""Provides `load_library` and `merge`: the canned replies an agent picks from, and what is wrong with them.

Replies come from three places, in this order of precedence:

1. the user's folder (`paths.config_dir() / "replies"`, passed in by the caller, `*.md` at any depth);
2. the starter packs shipped in this package (`starter/{en,ru,az}/*.md`);
3. the helpdesk's own macros (`merge`), shown beside the local ones, marked `source="server"`.

A user file with the same shortcut and language as a shipped one replaces it (`disabled = true`
hides it). A broken file is reported as a `Problem` and skipped; the others still load.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from supportterm.domain.models import CannedReply

from . import frontmatter, placeholders

KEYS = ("title", "language", "tags", "shortcut", "disabled")
"""Front-matter keys; others are reported as warnings."""
STARTER, USER, SERVER = "starter", "user", "server"
_SHORTCUT = re.compile(r"^[\w][\w.-]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]+)?$")
_BRACES = re.compile(r"\{\{|\}\}")


@dataclass(frozen=True, slots=True)
class LibraryReply(CannedReply):
    """A canned reply plus where it came from and the shortcut typed after `::` in the composer."""

    shortcut: str = ""
    source: str = STARTER
    """"starter", "user" or "server"."""
    path: str | None = None
    """The file it was read from (None for server replies)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in one file; `severity` "error" means the reply was not loaded."""

    file: str
    line: int | None
    message: str
    suggestion: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        hint = f" (did you mean {self.suggestion}?)" if self.suggestion else ""
        return f"{where}: {self.severity}: {self.message}{hint}"


@dataclass(frozen=True, slots=True)
class _Source:
    """One file to read: what to call it in messages, how to read it, and its folder's name."""

    name: str
    read: Traversable | Path
    folder: str


def starter_files() -> Iterator[_Source]:
    """The shipped starter replies (package data), sorted by language and file name."""
    root = resources.files("supportterm.replies").joinpath("starter")
    if not root.is_dir():
        return
    for lang_dir in sorted(root.iterdir(), key=lambda t: t.name):
        if not lang_dir.is_dir():
            continue
        for item in sorted(lang_dir.iterdir(), key=lambda t: t.name):
            if item.name.endswith(".md") and item.is_file():
                yield _Source(f"starter/{lang_dir.name}/{item.name}", item, lang_dir.name)


def user_files(folder: Path) -> Iterator[_Source]:
    """The user's `*.md` files under `folder`, at any depth, sorted; nothing when it does not exist."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.md")):
        if path.is_file():
            yield _Source(str(path), path, path.parent.name)


def check_body(body: str, body_line: int, file: str) -> list[Problem]:
    """Unknown or malformed placeholders (errors) and single-brace ones (warnings) in a body."""
    def line_of(offset: int) -> int:
        return body_line + body.count("\n", 0, offset)

    out = []
    for match in placeholders.PATTERN.finditer(body):
        name = match.group(1)
        if name not in placeholders.PLACEHOLDERS:
            hint = placeholders.suggest(name)
            out.append(Problem(file, line_of(match.start()), f"unknown placeholder {{{{{name}}}}}",
                               "{{" + hint + "}}" if hint else None))
    covered = [(m.start(), m.end()) for m in placeholders.PATTERN.finditer(body)]
    for stray in _BRACES.finditer(body):
        if not any(start <= stray.start() < end for start, end in covered):
            out.append(Problem(file, line_of(stray.start()),
                               f"stray '{stray.group()}' that is not part of a placeholder"))
    for name, offset in placeholders.single_brace_names(body):
        out.append(Problem(file, line_of(offset), f"{{{name}}} in single braces is plain text",
                           "{{" + name + "}}", severity="warning"))
    return out


def _text_field(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def check_meta(doc: frontmatter.Document, file: str) -> list[Problem]:
    """Problems with the front-matter keys: missing title, wrong types, unknown keys."""
    meta, lines = doc.meta, doc.key_lines
    out = []
    if _text_field(meta, "title") is None:
        out.append(Problem(file, lines.get("title", 2), "front matter needs a non-empty title = \"…\""))
    for key in ("language", "shortcut"):
        if key in meta and _text_field(meta, key) is None:
            out.append(Problem(file, lines.get(key), f"{key} must be a non-empty string"))
    shortcut = _text_field(meta, "shortcut")
    if shortcut and not _SHORTCUT.match(shortcut):
        out.append(Problem(file, lines.get("shortcut"), f"shortcut {shortcut!r} may hold only letters, "
                           "digits, '-', '_' and '.'"))
    language = _text_field(meta, "language")
    if language and not _LANGUAGE.match(language.lower()):
        out.append(Problem(file, lines.get("language"), f"language {language!r} is not a code like 'en'"))
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        out.append(Problem(file, lines.get("tags"), "tags must be a list of strings"))
    if not isinstance(meta.get("disabled", False), bool):
        out.append(Problem(file, lines.get("disabled"), "disabled must be true or false"))
    for key in meta:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            out.append(Problem(file, lines.get(key), f"unknown front-matter key {key!r}",
                               close[0] if close else None, severity="warning"))
    return out


def _language(meta: dict[str, Any], folder: str) -> str | None:
    """The front matter's language, else the folder's name when it looks like a language code."""
    value = _text_field(meta, "language")
    if value:
        return value.lower()
    return folder.lower() if _LANGUAGE.match(folder.lower()) else None


def parse_reply(text: str, file: str, *, folder: str, source: str, stem: str) -> tuple[
        LibraryReply | None, bool, list[Problem]]:
    """One file's reply (None if it has errors), whether it is `disabled`, and its problems."""
    try:
        doc = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        return None, False, [Problem(file, exc.line, exc.message)]
    problems = check_meta(doc, file) + check_body(doc.body, doc.body_line, file)
    if any(p.severity == "error" for p in problems):
        return None, False, problems
    meta = doc.meta
    language = _language(meta, folder)
    shortcut = _text_field(meta, "shortcut") or stem
    reply = LibraryReply(
        id=f"{source}:{language or '*'}/{shortcut}", title=_text_field(meta, "title") or stem,
        body=doc.body, language=language, tags=tuple(t.strip() for t in meta.get("tags", []) if t.strip()),
        shortcut=shortcut, source=source, path=file,
    )
    return reply, bool(meta.get("disabled", False)), problems


def _read(item: _Source) -> str:
    return item.read.read_bytes().decode("utf-8")


_Loaded = dict[tuple[str, str | None], tuple[LibraryReply, bool]]
"""(reply, disabled) by (shortcut, language)."""


def _load(items: Iterable[_Source], source: str, problems: list[Problem]) -> _Loaded:
    """Replies keyed by (shortcut, language); a later duplicate wins and is reported."""
    out: _Loaded = {}
    for item in items:
        try:
            text = _read(item)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(item.name, None, f"cannot read the file: {exc}"))
            continue
        reply, disabled, found = parse_reply(text, item.name, folder=item.folder, source=source,
                                             stem=Path(item.name).stem)
        problems.extend(found)
        if reply is None:
            continue
        key = (reply.shortcut, reply.language)
        if key in out:
            where = f"{reply.shortcut!r} ({reply.language or 'any language'})"
            problems.append(Problem(item.name, None, f"shortcut {where} is also in {out[key][0].path}; "
                                    "this file wins", severity="warning"))
        out[key] = (reply, disabled)
    return out


def load_library(user_dir: Path | None, *, starter: bool = True) -> tuple[list[LibraryReply], list[Problem]]:
    """Load the starter packs and the user's folder; user files override same shortcut + language.

    Args:
        user_dir: the user's replies folder, normally `paths.config_dir() / "replies"`; None for none.
        starter: include the shipped starter packs.

    Returns:
        (replies sorted by language, then title; problems in file order). Files with errors are
        left out; the rest always load.
    """
    problems: list[Problem] = []
    merged = _load(starter_files(), STARTER, problems) if starter else {}
    if user_dir is not None:
        merged.update(_load(user_files(user_dir), USER, problems))
    replies = [reply for reply, disabled in merged.values() if not disabled]
    replies.sort(key=lambda r: (r.language or "", r.title.casefold(), r.shortcut))
    return replies, problems


def _slug(title: str) -> str:
    words = re.findall(r"\w+", title.casefold())
    return "-".join(words) or "reply"


def from_server(reply: CannedReply) -> LibraryReply:
    """A server macro as a library reply: source "server", tag "server", helpdesk names mapped."""
    tags = reply.tags if "server" in reply.tags else (*reply.tags, "server")
    return LibraryReply(
        id=reply.id, title=reply.title, body=placeholders.normalise_server_body(reply.body),
        language=reply.language.lower() if reply.language else None, tags=tags,
        shortcut=_slug(reply.title), source=SERVER, path=None,
    )


def merge(local: Iterable[CannedReply], server: Iterable[CannedReply]) -> list[LibraryReply]:
    """Local replies, then the server's (marked `source="server"`); ids stay unique.

    A server id that clashes with a local one is prefixed "server:"; a server reply already
    present (merging twice) is not added again.
    """
    out: list[LibraryReply] = []
    seen: dict[str, LibraryReply] = {}
    for reply in local:
        item = reply if isinstance(reply, LibraryReply) else LibraryReply(
            id=reply.id, title=reply.title, body=reply.body, language=reply.language, tags=reply.tags,
            shortcut=_slug(reply.title), source=USER)
        out.append(item)
        seen[item.id] = item
    for reply in server:
        item = reply if isinstance(reply, LibraryReply) and reply.source == SERVER else from_server(reply)
        if item.id in seen and seen[item.id].source != SERVER:
            item = replace(item, id=f"server:{item.id}")
        if item.id not in seen:
            out.append(item)
            seen[item.id] = item
    return out

