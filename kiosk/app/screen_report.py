"""`kiosk run --screen-report FILE`: what each screen showed, as the kiosk itself saw it.

Once the screen has settled after a change (a new page or step, language, theme, or any
press), one JSON line is appended to FILE: the page, the window's size, the language and text
size, every control a visitor can press (its text and where it is on the screen) and every
layout problem `kiosk check-layout` would report there. For operators trying content on the
real screen, and for the display tests, which find controls by their text and read what the
kiosk saw without reaching into it.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QTimer

from kiosk.app.layout_check import page_rules
from kiosk.ui.layout_audit import audit, pressable
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SETTLE_MS = 500  # longer than a page's slide (280 ms) and an overlay's opening


class ScreenReport(QObject):
    def __init__(self, window: MainWindow, path: Path, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.write)
        session = window.session
        for signal in (
            session.page_changed,
            session.step_changed,
            session.theme_changed,
            session.content_changed,
            session.language.changed,
            window.router.pressed,
            window.first_frame,
        ):
            signal.connect(self._settle.start)

    def record(self) -> dict[str, object]:
        window, session = self._window, self._window.session
        theme = session.theme
        ref = session.current_ref
        must_fit, in_view = page_rules(theme, ref.type if ref else "error")
        problems = audit(
            window,
            must_fit=must_fit,
            targets_in_view=in_view,
            nav=window.nav,
            min_target_px=theme.target(64),
            min_gap_px=theme.target_gap(),
        )
        origin = window.mapToGlobal(QPoint(0, 0))
        return {
            "time": round(time.time(), 3),
            "page": session.current_id,
            "step": session.step_index(),
            "size": [window.width(), window.height()],
            "language": session.language.current,
            "text_scale": theme.text_scale,
            "high_contrast": theme.high_contrast,
            "pressable": [
                {
                    "text": text,
                    "rect": [rect.x() + origin.x(), rect.y() + origin.y(), rect.width(), rect.height()],
                }
                for text, rect in pressable(window)
            ],
            "problems": [
                {"kind": problem.kind, "widget": problem.widget, "detail": problem.detail}
                for problem in problems
            ],
        }

    def write(self) -> None:
        try:
            line = json.dumps(self.record(), ensure_ascii=False)
            with self._path.open("a", encoding="utf-8") as report:
                report.write(line + "\n")
        except Exception:  # a report must never take the kiosk down
            log.exception("could not write the screen report to %s", self._path)
