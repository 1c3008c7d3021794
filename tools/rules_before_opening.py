"""Provides the rules' verdict on each seen blind set as the rules were just before the set was opened.

Why: a learned model OR-ed with the rules can only be judged on replies the rules had not been tuned on.
Every blind set was tuned on right after it was opened (lex15-lex19 and earlier rounds), so today's rules
catch almost all of its faults and would hide any gain a model brings there. The fair baseline for a
leave-one-author-out experiment is the checker of the commit before the set entered the repository: this
script finds that commit for each set (the parent of the first commit that added
`tests/politeness/<set>/en.jsonl`), checks each reply of the set (read from this tree) with that commit's
checker, once with its backstop as shipped then and once with the backstop off (`backstop.use({})`), with
the language detected as `politeness_report.py` does (so a reply in the wrong language is flagged as it
was scored), and writes one JSON file:

    {"<set>": {"commit": "<hash>", "<lang>": {"checker": "0110…", "rules": "0100…"}}, ...}

One character per reply, in the order of the lines of the set's file; 1 = an error or warning finding.
Sealed sets are never read. Each set costs a temporary worktree and one process (about 10 s).

    .venv/bin/python tools/rules_before_opening.py [--sets blind7,blind8,...] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = tuple(f"blind{n}" for n in range(7, 70))
LANGS = ("en", "ru", "az")

_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from supportterm.politeness import backstop, check
from supportterm.politeness.findings import HINT
out = {}
for lang, path in json.loads(sys.argv[2]).items():
    items = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    checker, rules = [], []
    for item in items:
        text, customer = item["text"], item.get("customer_text")
        checker.append(any(f.severity != HINT for f in check(text, customer_text=customer).findings))
        saved = backstop.use({})
        try:
            found = check(text, customer_text=customer).findings
        finally:
            backstop.use(saved)
        rules.append(any(f.severity != HINT for f in found))
    out[lang] = {"checker": "".join("01"[f] for f in checker), "rules": "".join("01"[f] for f in rules)}
print(json.dumps(out))
"""
"""Runs inside the old commit's tree: its checker, this tree's replies (passed as absolute paths)."""


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def commit_before(name: str) -> str:
    """The parent of the first commit that added the set's English file."""
    first_file = f"tests/politeness/{name}/en.jsonl"
    added = _git("log", "--diff-filter=A", "--format=%H", "--", first_file).splitlines()
    if not added:
        raise SystemExit(f"{name}: no commit adds its files (still sealed?)")
    return _git("rev-parse", f"{added[-1]}^")


def verdicts(name: str) -> dict[str, object]:
    """The old checker's verdicts on one set, from a temporary worktree of the commit before it."""
    commit = commit_before(name)
    paths = {lang: str(ROOT / "tests" / "politeness" / name / f"{lang}.jsonl") for lang in LANGS}
    with tempfile.TemporaryDirectory(prefix="rules-before-") as tmp:
        tree = Path(tmp) / "tree"
        _git("worktree", "add", "--detach", str(tree), commit)
        try:
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, str(tree), json.dumps(paths)],
                check=True, capture_output=True, text=True,
                env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"},
            )
        finally:
            _git("worktree", "remove", "--force", str(tree))
    return {"commit": commit, **json.loads(done.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--out", type=Path, default=ROOT / "tools" / "rules_before_opening.json",
                        help="where the JSON goes (default tools/rules_before_opening.json)")
    args = parser.parse_args()
    result = {}
    for name in args.sets.split(","):
        result[name] = verdicts(name)
        flagged = {lang: result[name][lang]["rules"].count("1") for lang in LANGS}
        print(f"{name}: commit {result[name]['commit'][:10]}, rules flag {flagged}", flush=True)
    lines = ",\n".join(f"{json.dumps(name)}: {json.dumps(entry)}" for name, entry in result.items())
    args.out.write_text("{\n" + lines + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
