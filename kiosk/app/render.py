"""`kiosk render`: every page (and every step of a tour or the voices) to PNG, offscreen.

Animations are put at their end state, so the pictures show what a visitor finally sees.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.system.safe_write import SHARED, write_atomically

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

ALL = "all"


def _file_name(page_id: str, step: int | None, lang: str, size: tuple[int, int]) -> str:
    stem = page_id.replace("/", "-")
    if step is not None:
        stem += f"-{step + 1}"
    return f"{stem}_{lang}_{size[0]}x{size[1]}.png"


def _save_png(image: QPixmap, path: Path) -> None:
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write PNG to {path}")


def render_pages(
    out: Path,
    size: tuple[int, int],
    lang: str,
    data: Path | None,
    only: list[str] | None,
) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app.boot import create_application, load_for_command  # noqa: PLC0415 (Qt after the platform)
    from kiosk.ui.snapshot import PageSnapshots  # noqa: PLC0415

    create_application()
    loaded, exit_code = load_for_command(data, () if lang == ALL else (lang,))
    if loaded is None:
        return exit_code
    languages = loaded.content.meta.languages if lang == ALL else (lang,)
    out.mkdir(parents=True, exist_ok=True)
    snapshots = PageSnapshots(loaded, languages[0], size)
    ids = [ref.id for ref in snapshots.session.refs]
    missing = [page_id for page_id in only or () if page_id not in ids]
    if missing:
        print(f"no page {missing[0]!r}; pages: {', '.join(ids)}", file=sys.stderr)
        return 2
    wanted = [page_id for page_id in ids if not only or page_id in only]
    written = 0
    total = len(wanted) * len(languages)
    for code in languages:
        for page_id in wanted:
            steps = snapshots.session.step_count(page_id)
            for step in range(steps):
                image = snapshots.pixmap(page_id, step, code)
                target = out / _file_name(page_id, step if steps > 1 else None, code, size)
                try:
                    write_atomically(target, partial(_save_png, image), mode=SHARED)
                except OSError as error:
                    print(f"could not write {target}: {error}", file=sys.stderr)
                    return 1
                written += 1
            done = wanted.index(page_id) + 1 + languages.index(code) * len(wanted)
            print(f"[{done}/{total}] {page_id} ({code})")
    snapshots.close()
    print(f"{written} PNG files in {out}")
    return 0
