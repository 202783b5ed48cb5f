"""A separate process that validates content files and renders every page of each, for the
rendering property test: a crash in Qt kills this process, not pytest, and the test reports
it with the content that caused it.

One request a line on stdin (JSON: content path, sizes, languages or null for all, steps "all"
or "ends"), one answer a line on the original stdout (JSON: the validation problems, the pages
drawn, and every Python error or Qt warning met while drawing).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QtMsgType, qInstallMessageHandler

from kiosk.app.boot import create_application
from kiosk.content import ContentError, load_content
from kiosk.system.image_check import check_image
from kiosk.ui.snapshot import PageSnapshots

IGNORED = ("This plugin does not support propagateSizeHints",)
messages: list[str] = []


def _on_qt_message(kind: QtMsgType, _context: object, text: str) -> None:
    if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) and not text.startswith(IGNORED):
        messages.append(f"Qt {kind.name}: {text}")


def _steps(count: int, which: str) -> list[int]:
    return list(range(count)) if which == "all" else sorted({0, count - 1})


def render(request: dict[str, Any]) -> dict[str, Any]:
    messages.clear()
    try:
        loaded = load_content(request["content"], check_image)
    except ContentError as error:
        return {"problems": [str(p) for p in error.problems], "drawn": 0, "errors": []}
    languages = request["languages"] or list(loaded.content.meta.languages)
    drawn, errors = 0, []
    for width, height in request["sizes"]:
        snapshots = PageSnapshots(loaded, languages[0], (width, height))
        try:
            for lang in languages:
                for ref in snapshots.session.refs:
                    for step in _steps(snapshots.session.step_count(ref.id), request["steps"]):
                        where = f"{ref.id} step {step} ({lang}, {width}x{height})"
                        try:
                            if snapshots.pixmap(ref.id, step, lang).isNull():
                                errors.append(f"{where}: drawn as a null picture")
                        except Exception:
                            errors.append(f"{where}: {traceback.format_exc()}")
                        drawn += 1
                        errors += [f"{where}: {message}" for message in messages]
                        messages.clear()
        finally:
            snapshots.close()
            # Freed now, not at an event loop this process never runs: examples add up.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {"problems": [], "drawn": drawn, "errors": errors}


def main() -> None:
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # stray prints must not mix with the answers
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    create_application(["kiosk-render-worker"])
    qInstallMessageHandler(_on_qt_message)
    for line in sys.stdin:
        answers.write(json.dumps(render(json.loads(line))) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
