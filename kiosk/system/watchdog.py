"""systemd's watchdog and readiness protocol (sd_notify), spoken from the UI thread.

Under a unit with `Type=notify` and `WatchdogSec=`, the kiosk says READY=1 once it shows
its first screen, then WATCHDOG=1 at half the watchdog interval from a UI-thread timer. A
frozen UI stops the pings, and systemd restarts the kiosk. Without NOTIFY_SOCKET this is idle.
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify(message: str, address: str | None = None) -> bool:
    """Send one sd_notify datagram; False when there is no systemd to tell."""
    target = address or os.environ.get("NOTIFY_SOCKET")
    if not target:
        return False
    if target.startswith("@"):  # an abstract socket
        target = "\0" + target[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as channel:
            channel.connect(target)
            channel.sendall(message.encode("utf-8"))
    except OSError as error:
        log.warning("sd_notify %r failed: %s", message, error)
        return False
    return True


class Watchdog(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)
        usec = int(os.environ.get("WATCHDOG_USEC", "0") or 0)
        if usec > 0 and os.environ.get("NOTIFY_SOCKET"):
            self.timer.setInterval(max(1000, usec // 2000))  # half the interval, in ms

    def ready(self) -> None:
        notify("READY=1")
        if self.timer.interval() > 0 and os.environ.get("NOTIFY_SOCKET"):
            self.timer.start()

    def ping(self) -> None:
        notify("WATCHDOG=1")
