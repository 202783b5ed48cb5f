"""`kiosk autostart install|remove`: start the kiosk with the user's session and keep it up, the
way each system does it.

- Linux: a systemd user unit (Restart=always, a watchdog the UI thread feeds, a start limit)
  and an XDG autostart entry that hands the session's display to it and starts it.
- Windows: a Task Scheduler task, started at the user's logon in the user's desktop, tried
  again when it fails; `schtasks` registers it (its XML is kept beside the settings).
- macOS: a LaunchAgent that launchd starts at login and again after a crash (not after the
  admin's Exit, which ends with status 0).
- Anything else: an `AutostartError` saying so.

Each writer is plain file writing, testable on any system; only Windows' registration runs a
command. The commands print what they did and what to run next.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from platformdirs import user_config_path, user_log_path

from kiosk.system.problems import OperatorError
from kiosk.system.safe_write import write_atomically, write_text_atomically
from kiosk.system.settings import APP_NAME

UNIT = "zgc-kiosk.service"
WATCHDOG_S = 30
# The outer guard against a crash loop: the kiosk's start journal already starts safe after
# two quick deaths (kiosk.app.safe_start); if even that keeps dying, systemd gives up instead
# of restarting it every two seconds for ever.
START_LIMIT_INTERVAL_S = 600
START_LIMIT_BURST = 10
# The kiosk's exit status for a start it refuses (bad arguments, kiosk mode with the default
# PIN): starting it again cannot help.
REFUSED_STATUS = 2

TASK_NAME = "zgc-kiosk"
TASK_NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task"
AGENT_LABEL = "local.zgc-kiosk"

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


class AutostartError(OperatorError):
    """Autostart cannot be set up here, or the system refused it."""


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True, check=False, timeout=60)


# ---- Linux: systemd and XDG autostart ------------------------------------------------------


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
# A start the kiosk refuses (no admin PIN set yet) says why in the journal, once.
RestartPreventExitStatus={REFUSED_STATUS}
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


def _install_linux(arguments: list[str], config: Path | None) -> list[str]:
    unit, desktop = paths(config)
    write_text_atomically(unit, unit_text(arguments))
    write_text_atomically(desktop, desktop_text())
    return [
        f"wrote {unit}",
        f"wrote {desktop}",
        "then: systemctl --user daemon-reload  (the kiosk starts at the next login)",
    ]


def _remove_linux(config: Path | None) -> list[str]:
    lines = []
    for path in paths(config):
        if path.exists():
            path.unlink()
            lines.append(f"removed {path}")
    lines.append(f"then: systemctl --user daemon-reload; systemctl --user stop {UNIT}")
    return lines


# ---- Windows: a Task Scheduler task ---------------------------------------------------------


def windows_python(executable: str = sys.executable) -> str:
    """pythonw.exe beside python.exe: the same interpreter without a console window."""
    windowless = Path(executable).with_name("pythonw.exe")
    return str(windowless) if windowless.exists() else executable


def windows_user() -> str:
    domain, name = os.environ.get("USERDOMAIN", ""), os.environ.get("USERNAME", "")
    if not name:
        import getpass  # noqa: PLC0415

        name = getpass.getuser()
    return f"{domain}\\{name}" if domain else name


def task_xml(arguments: list[str], user: str, python: str) -> str:
    """The task: at `user`'s logon, in their desktop session, with their rights; no time limit,
    on battery too; one instance; a failed run tried again a minute later, up to the start
    limit's count."""
    ns = f"{{{TASK_NAMESPACE}}}"
    ET.register_namespace("", TASK_NAMESPACE)
    task = ET.Element(f"{ns}Task", version="1.2")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{ns}{tag}", attributes)
        element.text = text
        return element

    add(add(task, "RegistrationInfo"), "Description", "Zhongguancun exhibition kiosk")
    logon = add(add(task, "Triggers"), "LogonTrigger")
    add(logon, "Enabled", "true")
    add(logon, "UserId", user)
    principal = add(add(task, "Principals"), "Principal", id="Author")
    add(principal, "UserId", user)
    add(principal, "LogonType", "InteractiveToken")
    add(principal, "RunLevel", "LeastPrivilege")
    settings = add(task, "Settings")
    add(settings, "MultipleInstancesPolicy", "IgnoreNew")
    add(settings, "DisallowStartIfOnBatteries", "false")
    add(settings, "StopIfGoingOnBatteries", "false")
    add(settings, "ExecutionTimeLimit", "PT0S")  # none: the kiosk runs all day
    restart = add(settings, "RestartOnFailure")
    add(restart, "Interval", "PT1M")  # Task Scheduler's shortest
    add(restart, "Count", str(START_LIMIT_BURST))
    add(settings, "AllowStartOnDemand", "true")
    add(settings, "Enabled", "true")
    idle = add(settings, "IdleSettings")
    add(idle, "StopOnIdleEnd", "false")
    add(idle, "RestartOnIdle", "false")
    run = add(add(task, "Actions", Context="Author"), "Exec")
    add(run, "Command", python)
    add(run, "Arguments", subprocess.list2cmdline(["-m", "kiosk", *arguments]))
    ET.indent(task)
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + ET.tostring(task, encoding="unicode") + "\n"


def task_file(config: Path | None = None) -> Path:
    return (config or user_config_path(APP_NAME)) / "autostart-task.xml"


def _install_windows(arguments: list[str], config: Path | None, run: Runner) -> list[str]:
    target = task_file(config)
    text = task_xml(arguments, windows_user(), windows_python())
    # schtasks reads the file as UTF-16, as Task Scheduler exports it.
    write_atomically(target, lambda path: path.write_text(text, encoding="utf-16"))
    command = ["schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(target), "/F"]
    try:
        result = run(command)
    except (OSError, subprocess.SubprocessError) as error:
        raise AutostartError(f"wrote {target}, but cannot run schtasks: {error}") from None
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        raise AutostartError(
            f"wrote {target}, but schtasks refused the task: {said[-1] if said else result.returncode}"
        )
    return [
        f"wrote {target}",
        f"registered the Task Scheduler task {TASK_NAME!r} (the kiosk starts at the next logon)",
        f"to start it now: schtasks /Run /TN {TASK_NAME}",
    ]


def _remove_windows(config: Path | None, run: Runner) -> list[str]:
    lines = []
    try:
        result = run(["schtasks", "/Delete", "/TN", TASK_NAME, "/F"])
    except (OSError, subprocess.SubprocessError) as error:
        raise AutostartError(f"cannot run schtasks: {error}") from None
    if result.returncode == 0:
        lines.append(f"removed the Task Scheduler task {TASK_NAME!r}")
    target = task_file(config)
    if target.exists():
        target.unlink()
        lines.append(f"removed {target}")
    program = Path(windows_python()).name
    lines.append(f"a kiosk running now stays until it is closed (admin panel, or: taskkill /IM {program})")
    return lines


# ---- macOS: a LaunchAgent -------------------------------------------------------------------


def agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"


def agent_plist(arguments: list[str], logs: Path) -> bytes:
    return plistlib.dumps(
        {
            "Label": AGENT_LABEL,
            "ProgramArguments": [sys.executable, "-m", "kiosk", *arguments],
            "RunAtLoad": True,
            # Started again after a crash or a kill, not after the admin's Exit (status 0).
            "KeepAlive": {"SuccessfulExit": False},
            "ThrottleInterval": 10,
            "ProcessType": "Interactive",
            # Only in a logged-in user's graphical session, where there is a screen.
            "LimitLoadToSessionType": "Aqua",
            "StandardOutPath": str(logs / "autostart.out.log"),
            "StandardErrorPath": str(logs / "autostart.err.log"),
        }
    )


def _install_macos(arguments: list[str], home: Path | None) -> list[str]:
    target = agent_file(home)
    logs = user_log_path(APP_NAME)
    data = agent_plist(arguments, logs)
    write_atomically(target, lambda path: path.write_bytes(data))
    return [
        f"wrote {target}",
        f"then: launchctl bootstrap gui/$(id -u) {shlex.quote(str(target))}  (or log out and in)",
    ]


def _remove_macos(home: Path | None) -> list[str]:
    target = agent_file(home)
    lines = [f"then: launchctl bootout gui/$(id -u)/{AGENT_LABEL}  (if it is loaded)"]
    if target.exists():
        target.unlink()
        lines.insert(0, f"removed {target}")
    return lines


# ---- the command ----------------------------------------------------------------------------


def _unsupported(platform: str) -> AutostartError:
    return AutostartError(
        f"kiosk autostart does not know how to start programs with the session on {platform!r}: "
        "start `kiosk` from the system's own session start-up"
    )


def install(
    arguments: list[str],
    config: Path | None = None,
    *,
    platform: str = sys.platform,
    home: Path | None = None,
    run: Runner = _run,
) -> list[str]:
    """Set the kiosk (`kiosk ARGUMENTS`) to start with the session; the lines say what was done."""
    if platform.startswith("linux"):
        return _install_linux(arguments, config)
    if platform == "win32":
        return _install_windows(arguments, config, run)
    if platform == "darwin":
        return _install_macos(arguments, home)
    raise _unsupported(platform)


def remove(
    config: Path | None = None,
    *,
    platform: str = sys.platform,
    home: Path | None = None,
    run: Runner = _run,
) -> list[str]:
    if platform.startswith("linux"):
        return _remove_linux(config)
    if platform == "win32":
        return _remove_windows(config, run)
    if platform == "darwin":
        return _remove_macos(home)
    raise _unsupported(platform)
