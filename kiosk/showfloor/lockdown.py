"""Kiosk lockdown: no key, menu or close that leads a visitor out, and no cursor in sight.

A guard of the input router (the one application-wide event filter): it swallows the escape
keys (Alt+F4, Ctrl+Q, Ctrl+W, Esc, F1, F11), every context-menu request and tooltip, and hides
the mouse cursor after a few seconds without movement. The main window refuses to close
unless an admin unlocked it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent

CURSOR_HIDE_MS = 3000

_BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_F11}
_BLOCKED_WITH_CONTROL = {Qt.Key.Key_Q, Qt.Key.Key_W}
_BLOCKED_WITH_ALT = {Qt.Key.Key_F4, Qt.Key.Key_Tab}
_SWALLOWED = {
    QEvent.Type.ContextMenu,
    QEvent.Type.ToolTip,
    QEvent.Type.WhatsThis,
    QEvent.Type.QueryWhatsThis,
    QEvent.Type.StatusTip,
}


def is_escape_key(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    modifiers = event.modifiers()
    if key in _BLOCKED_KEYS:
        return True
    if modifiers & Qt.KeyboardModifier.ControlModifier and key in _BLOCKED_WITH_CONTROL:
        return True
    return bool(modifiers & Qt.KeyboardModifier.AltModifier and key in _BLOCKED_WITH_ALT)


class Lockdown(QObject):
    """Give `guard` to the input router: `router.add_guard(lockdown.guard)`."""

    def __init__(self, cursor_hide_ms: int = CURSOR_HIDE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unlocked = False  # an admin may close the kiosk
        self.blocked_keys = 0
        self._cursor_hidden = False
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(cursor_hide_ms)
        self._cursor_timer.timeout.connect(self.hide_cursor)
        self._cursor_timer.start()

    @property
    def cursor_hidden(self) -> bool:
        return self._cursor_hidden

    def hide_cursor(self) -> None:
        if not self._cursor_hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True

    def show_cursor(self) -> None:
        if self._cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_hidden = False

    def release(self) -> None:
        """Undo what the lockdown changed (when an admin exits)."""
        self._cursor_timer.stop()
        self.show_cursor()
        self.unlocked = True

    def guard(self, event: QEvent) -> bool:
        """True for an event that must not reach the kiosk."""
        kind = event.type()
        if kind in _SWALLOWED:
            return True
        is_key = kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent)
        if is_key and not self.unlocked and is_escape_key(event):  # type: ignore[arg-type]
            if kind == QEvent.Type.KeyPress:
                self.blocked_keys += 1
            return True
        if kind == QEvent.Type.MouseMove and not self.unlocked:
            self.show_cursor()
            self._cursor_timer.start()
        return False
