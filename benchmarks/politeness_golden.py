"""Provides the golden output of the politeness checker: a canonical dump to prove a speed-up changes nothing.

Every item of every labelled set under tests/politeness/*/ (the jsonl files, with their customer text)
is checked as the evaluation tools check it, then again as an internal note and with the file's
language forced; the phrases of paraphrase/faulty_sentences.json are checked alone; the 2 KB replies
of benchmarks/politeness_latency.py are checked cold, then edited one character at a time with the
cache kept, as in its typing measurement (so a stale per-paragraph cache would show). The dump lists
every finding (category, severity, span, message, suggestion), the language and the tone, as sorted,
indented JSON: an engine change must leave it byte-identical. Every string of the demo corpus
(supportterm/demo/corpus: scenario texts and the `*_talk` modules' replies, greetings, notes, …) is
checked too, once with the language detected and once with its pack's language forced.

Every set under tests/politeness/ is included: none of them is blind any more (its README); the
frozen sets kept outside the repository are never read.

    .venv/bin/python benchmarks/politeness_golden.py --write /tmp/golden.json [--root /work/main]
    .venv/bin/python benchmarks/politeness_golden.py --compare /tmp/golden.json
Exit status 1 when --compare finds a difference (the first differing records are printed).
--root picks the source tree whose checker is imported (default: this file's repository).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
FROZEN_SETS: frozenset[str] = frozenset()
"""Sets nobody may look at outside their scoring run (tests/politeness/README.md): none in the repo now."""
TYPING_EDITS = 5
"""One-character edits per benchmark reply checked with the cache kept."""

Record = dict[str, Any]


def report_record(report: Any) -> Record:
    """The parts of a `Report` a change must not alter, in a JSON-ready shape."""
    return {
        "language": report.language,
        "tone": report.tone,
        "findings": [
            [f.category, f.severity, f.start, f.end, f.message, f.suggestion] for f in report.findings
        ],
    }


def labelled_items(root: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, item) of every line of every jsonl file under tests/politeness/*/, sets in name order."""
    base = root / "tests" / "politeness"
    for path in sorted(base.glob("**/*.jsonl")):
        name = path.relative_to(base).as_posix()
        if name.split("/")[0] in FROZEN_SETS:
            continue
        lines = path.read_text("utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.strip():
                yield f"{name}:{n + 1}", json.loads(line)


def sentence_items(root: Path) -> Iterator[tuple[str, str, str]]:
    """(id, language, sentence) of paraphrase/faulty_sentences.json, when present."""
    path = root / "tests" / "politeness" / "paraphrase" / "faulty_sentences.json"
    if not path.exists():
        return
    for lang, sentences in sorted(json.loads(path.read_text("utf-8")).items()):
        for n, sentence in enumerate(sentences):
            yield f"paraphrase/faulty_sentences.json:{lang}:{n}", lang, sentence


def _strings(value: Any) -> Iterator[str]:
    """Every string inside `value`: nested tuples, lists, dicts (keys and values) and dataclasses."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in sorted(value) if isinstance(value, (set, frozenset)) else value:
            yield from _strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for field in value.__dataclass_fields__:
            yield from _strings(getattr(value, field))


def demo_items() -> Iterator[tuple[str, str, str]]:
    """(id, language, text) of every distinct string of the demo corpus packs, in a stable order."""
    from supportterm.demo.corpus import PACKS

    for lang, pack in sorted(PACKS.items()):
        texts = list(_strings(pack.scenarios))
        for name in sorted(vars(pack.talk)):
            if name.isupper():
                texts += _strings(getattr(pack.talk, name))
        for n, text in enumerate(dict.fromkeys(texts)):
            yield f"demo:{lang}:{n:04d}", lang, text


def benchmark_replies(root: Path) -> list[tuple[str, str | None]]:
    """The 2 KB replies of the latency benchmark, built by its own code with its seed and order."""
    path = root / "benchmarks" / "politeness_latency.py"
    spec = importlib.util.spec_from_file_location("politeness_latency", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rng = random.Random(5)
    samples = {lang: bench.replies(lang, 30, rng) for lang in ("en", "ru", "az")}
    return [item for lang in ("en", "ru", "az") for item in samples[lang]]


def golden(root: Path) -> dict[str, Record]:
    """Every record of the dump, by id."""
    from supportterm.politeness import check
    from supportterm.politeness.checker import clear_cache

    out: dict[str, Record] = {}
    for key, item in labelled_items(root):
        text, customer = str(item["text"]), item.get("customer_text")
        out[key] = report_record(check(text, customer_text=customer))
        out[key + ":internal"] = report_record(check(text, customer_text=customer, internal=True))
        out[key + ":lang"] = report_record(check(text, lang=str(item["lang"]), customer_text=customer))
    for key, lang, sentence in sentence_items(root):
        out[key] = report_record(check(sentence, lang=lang))
    for key, lang, text in demo_items():
        out[key] = report_record(check(text))
        out[key + ":lang"] = report_record(check(text, lang=lang))
    rng = random.Random(7)
    for n, (text, customer) in enumerate(benchmark_replies(root)):
        clear_cache()
        out[f"benchmark:{n:03d}:cold"] = report_record(check(text, customer_text=customer))
        for edit in range(TYPING_EDITS):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice("abcdeo ,.") + text[at:]
            out[f"benchmark:{n:03d}:typed{edit}"] = report_record(check(text, customer_text=customer))
    return out


def dump(records: dict[str, Record]) -> str:
    """The canonical text of the dump: sorted keys, one finding per line, non-ASCII kept."""
    return json.dumps(records, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def compare(expected: dict[str, Record], actual: dict[str, Record], limit: int = 10) -> list[str]:
    """Readable lines for the first `limit` records that differ, are missing or are new."""
    lines = []
    for key in sorted(expected.keys() | actual.keys()):
        if expected.get(key) != actual.get(key):
            lines.append(f"{key}\n  golden: {expected.get(key)}\n  now:    {actual.get(key)}")
            if len(lines) >= limit:
                break
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the dump to this file")
    action.add_argument("--compare", type=Path, help="compare with a dump written before")
    parser.add_argument("--root", type=Path, default=HERE, help="source tree whose checker is used")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    records = golden(root)
    text = dump(records)
    print(f"checker imported from {sys.modules['supportterm.politeness.checker'].__file__}", file=sys.stderr)
    if args.write:
        args.write.write_text(text, "utf-8")
        print(f"{len(records)} records written to {args.write}")
        return 0
    expected_text = args.compare.read_text("utf-8")
    if expected_text == text:
        print(f"identical: {len(records)} records")
        return 0
    differences = compare(json.loads(expected_text), records)
    note = "" if differences else "; the records are equal, only the text differs"
    print("DIFFERENT (byte-level)" + note)
    print("\n".join(differences))
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
