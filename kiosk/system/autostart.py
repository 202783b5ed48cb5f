"""`kiosk autostart install|remove`: start the kiosk with the graphical session and keep it up.

Installs a systemd user unit (Restart=always, a watchdog the UI thread feeds, a start limit)
and an XDG autostart entry that hands the session's display to it and starts it. Pure file
writing: the commands print what they did and what to run next.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from platformdirs import user_config_path

from kiosk.system.safe_write import write_text_atomically

UNIT = "zgc-kiosk.service"
WATCHDOG_S = 30
# The outer guard against a crash loop: the kiosk's start journal already starts safe after
# two quick deaths (kiosk.app.safe_start); if even that keeps dying, systemd gives up instead
# of restarting it every two seconds for ever.
START_LIMIT_INTERVAL_S = 600
START_LIMIT_BURST = 10


def unit_text(arguments: list[str]) -> str:
    command = shlex.join([sys.executable, "-m", "kiosk", *arguments])
    return f"""[Unit]
Description=Zhongguancun exhibition kiosk
After=graphical-session.target
PartOf=graphical-session.target
StartLimitIntervalSec={START_LIMIT_INTERVAL_S}
StartLimitBurst={START_LIMIT_BURST}

[Service]
Type=notify
ExecStart={command}
Restart=always
RestartSec=2
WatchdogSec={WATCHDOG_S}
# The kiosk feeds the watchdog from its UI thread: a frozen screen is restarted.
NotifyAccess=main

[Install]
WantedBy=graphical-session.target
"""


def desktop_text() -> str:
    start = (
        "systemctl --user import-environment DISPLAY XAUTHORITY WAYLAND_DISPLAY && "
        f"systemctl --user start {UNIT}"
    )
    return f"""[Desktop Entry]
Type=Application
Name=Zhongguancun kiosk
Comment=Starts the exhibition kiosk with the session
Exec=sh -c {shlex.quote(start)}
X-GNOME-Autostart-enabled=true
NoDisplay=true
"""


def paths(config: Path | None = None) -> tuple[Path, Path]:
    base = config or user_config_path()
    return base / "systemd" / "user" / UNIT, base / "autostart" / "zgc-kiosk.desktop"


def install(arguments: list[str], config: Path | None = None) -> list[str]:
    unit, desktop = paths(config)
    write_text_atomically(unit, unit_text(arguments))
    write_text_atomically(desktop, desktop_text())
    return [
        f"wrote {unit}",
        f"wrote {desktop}",
        "then: systemctl --user daemon-reload  (the kiosk starts at the next login)",
    ]


def remove(config: Path | None = None) -> list[str]:
    lines = []
    for path in paths(config):
        if path.exists():
            path.unlink()
            lines.append(f"removed {path}")
    lines.append(f"then: systemctl --user daemon-reload; systemctl --user stop {UNIT}")
    return lines
