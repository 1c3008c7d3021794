"""A third-party adapter, built and installed from tests/plugin_pkg like any other distribution, is
found through the `supportterm.backends` entry-point group and syncs through the real engine.

The package is installed with pip into a temporary folder (no network: `--no-index`, `--no-deps`, and
the build backend, hatchling, comes from this environment), and a fresh interpreter with that folder
on its path does the rest, because this process has long since read its entry points.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[1] / "plugin_pkg"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/plugin_pkg built and installed into its own folder (a stand-in for site-packages)."""
    pytest.importorskip("hatchling", reason="the plug-in's build backend is needed to build it offline")
    work = tmp_path_factory.mktemp("plugin")
    source = shutil.copytree(PLUGIN, work / "src", ignore=shutil.ignore_patterns("drive.py", "__pycache__"))
    target = work / "site"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index",
         "--no-deps", "--no-build-isolation", "--target", str(target), str(source)],
        capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stderr
    return target


def _drive(site: Path | None, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPPORTTERM_HOME": str(home)}
    env.pop("PYTHONPATH", None)
    if site is not None:
        env["PYTHONPATH"] = str(site)
    # -P: the script's folder (holding the plug-in's source) must not shadow the installed copy.
    return subprocess.run([sys.executable, "-P", str(PLUGIN / "drive.py"), str(home)], capture_output=True,
                          text=True, env=env, check=False)


def test_the_installed_plugin_is_found_by_name_and_syncs(installed: Path, tmp_path: Path) -> None:
    dist_info = next(installed.glob("supportterm_tinydesk-0.1.0.dist-info"))
    assert "tinydesk = supportterm_tinydesk:TinyDeskBackend" in (dist_info / "entry_points.txt").read_text()

    run = _drive(installed, tmp_path)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert "tinydesk" in result["names"] and "generic" in result["names"]
    assert result["class"] == "supportterm_tinydesk.TinyDeskBackend"
    assert Path(result["module_file"]).is_relative_to(installed)  # the installed copy, not the source tree
    assert (result["error"], result["tickets_changed"]) == (None, 2)
    assert result["subjects"] == ["Printer on fire", "VPN drops"]
    assert result["agent"] == "Aysel"


def test_without_the_plugin_the_name_is_unknown_and_the_installed_ones_are_listed(tmp_path: Path) -> None:
    run = _drive(None, tmp_path)
    assert run.returncode != 0
    assert "Unknown backend 'tinydesk'. Installed backends:" in run.stderr
    assert "django-helpdesk" in run.stderr
