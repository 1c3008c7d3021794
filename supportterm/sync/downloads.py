"""Provides `save_download`: an attachment's bytes written into the downloads folder, whole or not at all.

The bytes go to a hidden temporary file first and are then linked under a sanitised, unused name, so a
crash, a full disk or a cut connection never leaves half a file under the real name, and an existing
file is never overwritten (two `report.pdf` become `report.pdf` and `report (1).pdf`).
"""

from __future__ import annotations

import os
import tempfile
from itertools import islice
from pathlib import Path

from supportterm.domain.attachments import name_variants, safe_filename
from supportterm.domain.models import Attachment

MAX_VARIANTS = 1000
TEMP_PREFIX = ".supportterm-"
TEMP_SUFFIX = ".part"


def save_download(folder: Path, attachment: Attachment, content: bytes) -> Path:
    """Write `content` under the attachment's safe name in `folder`; returns the path it got.

    Raises OSError when the folder cannot be written (the temporary file is removed first).
    """
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_filename(attachment.filename, fallback=f"attachment-{attachment.id}")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        return _claim_name(folder, name, Path(temp))
    finally:
        Path(temp).unlink(missing_ok=True)


def _claim_name(folder: Path, name: str, temp: Path) -> Path:
    """Give the finished temp file the first free variant of `name`, never replacing a file."""
    for candidate in islice(name_variants(name), MAX_VARIANTS):
        target = folder / candidate
        try:
            os.link(temp, target)  # atomic, and fails rather than replacing an existing file
            return target
        except FileExistsError:
            continue
        except OSError:
            # No hard links on this file system (some FAT or network mounts): check, then rename.
            if target.exists():
                continue
            temp.replace(target)
            return target
    raise OSError(f"{folder} already holds {MAX_VARIANTS} files named like {name}; clean it up first.")
