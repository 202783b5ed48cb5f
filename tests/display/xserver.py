"""Private X servers, real XTEST input and screenshots for the display tests and benchmarks.

Plain helpers with no pytest in them: start an Xvfb (one screen) or an Xvfb hosting an Xephyr
with two xrandr monitors (a laptop and a projector, as Qt sees them), start the kiosk on it as
a subprocess, drive it with XTEST (taps, drags, long presses, keys) and read back only what a
person or a window manager could: the root window's pixels and the windows' X properties.
Every process started here is stopped by its own PID.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import numpy as np
import numpy.typing as npt
from Xlib import XK, X, Xatom
from Xlib import display as xdisplay
from Xlib.error import XError
from Xlib.ext import xtest

from kiosk.showfloor.admin_pin import hash_pin

ROOT = Path(__file__).resolve().parents[2]
SETUP_HINT = "bash scripts/setup.sh --test"
KIOSK_BACKGROUND = (0x0B, 0x14, 0x26)
START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 5.0

Image = npt.NDArray[np.uint8]  # height x width x 3, RGB
T = TypeVar("T")


class MissingToolError(RuntimeError):
    """A program the display tests need is not installed."""


class KioskStartError(RuntimeError):
    """The kiosk exited or never showed its windows (not what a display test asserts on)."""


def require(*programs: str) -> None:
    missing = [name for name in programs if shutil.which(name) is None]
    if missing:
        raise MissingToolError(
            f"the display tests need {', '.join(missing)} on PATH; install them with `{SETUP_HINT}`"
        )


def wait_until(predicate: Callable[[], T], timeout: float, what: str = "condition", poll: float = 0.02) -> T:
    """Poll `predicate` until it returns something truthy; return that, or raise TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what}: not within {timeout:.1f} s")
        time.sleep(poll)


def stop_process(process: subprocess.Popen[Any], timeout: float = STOP_TIMEOUT_S) -> int | None:
    """SIGTERM, then SIGKILL after `timeout`; only this PID. Returns the exit code."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout)
    return process.returncode


# ---- servers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Monitor:
    name: str
    x: int
    y: int
    width: int
    height: int
    primary: bool = False

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.x + self.width and self.y <= y < self.y + self.height

    @property
    def rect(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.width, self.height


@dataclass
class XServer:
    """A running private X server: its display name, size, monitors and our processes."""

    display: str
    width: int
    height: int
    monitors: list[Monitor]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _logs: list[IO[bytes]] = field(default_factory=list)

    def alive(self) -> bool:
        return all(process.poll() is None for process in self.processes)

    def xrandr(self, *arguments: str) -> str:
        env = {**os.environ, "DISPLAY": self.display}
        env.pop("XAUTHORITY", None)
        return subprocess.run(
            ["xrandr", *arguments], env=env, check=True, capture_output=True, text=True, timeout=20
        ).stdout

    def unplug(self, monitor: Monitor) -> None:
        """As if `monitor`'s cable were pulled: the X server no longer lists it."""
        self.xrandr("--delmonitor", monitor.name)

    def plug(self, monitor: Monitor) -> None:
        """`monitor` back (a projector plugged in): listed again where it was."""
        self.xrandr("--setmonitor", monitor.name, _monitor_geometry(monitor), "none")

    def stop(self) -> None:
        # The nested server first: Xephyr is a client of the host Xvfb.
        for process in reversed(self.processes):
            stop_process(process)
        for log in self._logs:
            log.close()
        self._logs.clear()

    def __enter__(self) -> XServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _start_with_displayfd(
    command: Sequence[str], env: dict[str, str] | None, log: IO[bytes]
) -> tuple[subprocess.Popen[bytes], str]:
    """Start an X server that writes its display number to a pipe when it accepts clients."""
    read, write = os.pipe()
    try:
        process = subprocess.Popen(
            [*command, "-displayfd", str(write)],
            pass_fds=(write,),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,  # a Ctrl+C in the terminal goes to pytest, which stops it
        )
    finally:
        os.close(write)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        text = b""
        while not text.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or process.poll() is not None:
                stop_process(process)
                raise RuntimeError(f"{command[0]} did not start (exit code {process.returncode})")
            ready, _, _ = select.select([read], [], [], min(left, 0.2))
            if ready:
                chunk = os.read(read, 64)
                if not chunk:  # the server closed the pipe without a number: it failed
                    continue
                text += chunk
    finally:
        os.close(read)
    return process, f":{text.decode().strip()}"


def start_xvfb(width: int = 1920, height: int = 1080, log_path: Path | None = None) -> XServer:
    """A private Xvfb with one screen of `width` x `height`, 24-bit, local clients only."""
    require("Xvfb")
    log = open(log_path or os.devnull, "ab")  # noqa: SIM115 (closed by XServer.stop)
    try:
        process, name = _start_with_displayfd(
            ["Xvfb", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"], None, log
        )
    except BaseException:
        log.close()
        raise
    monitors = [Monitor("screen", 0, 0, width, height, primary=True)]
    return XServer(name, width, height, monitors, [process], [log])


MakeXvfb = Callable[[int, int], XServer]  # the `make_xvfb` fixture: (width, height)


LAPTOP = Monitor("LAPTOP", 0, 0, 1920, 1080, primary=True)
PROJECTOR = Monitor("PROJECTOR", 1920, 0, 1920, 1080)


# Physical sizes in mm: a 15.6" laptop panel and a projector (Qt reads its DPI from them).
_MILLIMETRES = {"LAPTOP": (344, 194), "PROJECTOR": (508, 286)}


def _monitor_geometry(monitor: Monitor) -> str:
    """xrandr's monitor geometry: width/mm x height/mm + x + y."""
    mm_wide, mm_high = _MILLIMETRES[monitor.name]
    return f"{monitor.width}/{mm_wide}x{monitor.height}/{mm_high}+{monitor.x}+{monitor.y}"


def start_two_screens(log_dir: Path | None = None) -> XServer:
    """A laptop (primary, left) and a projector (right) as two xrandr monitors of one Xephyr
    display, nested in a wide Xvfb: Xvfb alone cannot give Qt two screens."""
    require("Xvfb", "Xephyr", "xrandr")
    host = start_xvfb(3840, 1080, log_dir / "xvfb-host.log" if log_dir else None)
    nested_log = open(log_dir / "xephyr.log" if log_dir else os.devnull, "ab")  # noqa: SIM115
    host._logs.append(nested_log)
    try:
        env = {**os.environ, "DISPLAY": host.display}
        env.pop("XAUTHORITY", None)
        process, name = _start_with_displayfd(
            ["Xephyr", "-screen", "3840x1080", "-ac", "-noreset", "-nolisten", "tcp"], env, nested_log
        )
        host.processes.append(process)
        env["DISPLAY"] = name
        for arguments in (
            ["--setmonitor", "LAPTOP", _monitor_geometry(LAPTOP), "default"],
            ["--setmonitor", "PROJECTOR", _monitor_geometry(PROJECTOR), "none"],
            ["--output", "default", "--primary"],
        ):
            subprocess.run(["xrandr", *arguments], env=env, check=True, capture_output=True, timeout=20)
        listed = subprocess.run(
            ["xrandr", "--listmonitors"], env=env, check=True, capture_output=True, text=True, timeout=20
        ).stdout
        if "LAPTOP" not in listed or "PROJECTOR" not in listed:
            raise RuntimeError(f"xrandr did not set up two monitors:\n{listed}")
    except BaseException:
        host.stop()
        raise
    return XServer(name, 3840, 1080, [LAPTOP, PROJECTOR], host.processes, host._logs)


# ---- the kiosk as a subprocess -------------------------------------------------------------


# The admin PIN of the kiosks these tests start: kiosk mode refuses the published default.
STAFF_PIN = "4711"
_STAFF_PIN_HASH = hash_pin(STAFF_PIN, "ab" * 16)


def kiosk_environment(display: str, home: Path) -> dict[str, str]:
    """The kiosk's environment: this display, Qt's X11 platform, settings (with the staff's own
    PIN, as `kiosk set-pin` leaves them), analytics, logs and cache in `home` so no test sees
    another's state."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QT_", "XDG_", "WAYLAND", "KIOSK_")) and key not in {"XAUTHORITY", "DISPLAY"}
    }
    runtime = home / "runtime"
    for folder in ("config", "data", "state", "cache"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    # A test's own settings keep what they say; the PIN is added when they have none.
    settings = home / "config" / "zgc-kiosk" / "settings.json"
    stored = json.loads(settings.read_text(encoding="utf-8")) if settings.exists() else {}
    if isinstance(stored, dict) and "pin_hash" not in stored:
        stored["pin_salt"], stored["pin_hash"] = _STAFF_PIN_HASH
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(stored), encoding="utf-8")
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    return env


@dataclass
class Kiosk:
    """The kiosk process on a display, with its output files."""

    process: subprocess.Popen[bytes]
    stdout_path: Path
    stderr_path: Path
    _files: list[IO[bytes]] = field(default_factory=list)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log(self) -> str:
        """stderr then stdout, as text (the kiosk logs to stderr)."""
        parts = [path.read_text(errors="replace") for path in (self.stderr_path, self.stdout_path)]
        return "\n".join(part for part in parts if part)

    def stop(self) -> int | None:
        code = stop_process(self.process)
        for file in self._files:
            file.close()
        self._files.clear()
        return code


def start_kiosk(display: str, arguments: Sequence[str], workdir: Path) -> Kiosk:
    """`python -m kiosk ARGUMENTS` from the checkout, on `display`, with its state in `workdir`."""
    workdir.mkdir(parents=True, exist_ok=True)
    stdout_path, stderr_path = workdir / "kiosk.stdout.log", workdir / "kiosk.stderr.log"
    stdout, stderr = open(stdout_path, "wb"), open(stderr_path, "wb")  # noqa: SIM115 (closed by stop)
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *arguments],
        cwd=ROOT,
        env=kiosk_environment(display, workdir / "home"),
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=stderr,
    )
    return Kiosk(process, stdout_path, stderr_path, [stdout, stderr])


# ---- windows -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """A top-level window as the X server sees it."""

    id: int
    name: str
    x: int
    y: int
    width: int
    height: int
    mapped: bool
    override_redirect: bool
    pid: int | None
    wm_class: tuple[str, ...]

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.x + self.width and self.y <= y < self.y + self.height

    @property
    def rect(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.width, self.height

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2

    def describe(self) -> str:
        flags = ("mapped " if self.mapped else "") + ("override-redirect " if self.override_redirect else "")
        return (
            f"0x{self.id:x} {self.name!r} {self.width}x{self.height}+{self.x}+{self.y} "
            f"{flags}pid={self.pid} class={self.wm_class}"
        )


# ---- the X connection: input, screenshots, windows ----------------------------------------

_MODIFIERS = {
    "alt": "Alt_L",
    "ctrl": "Control_L",
    "control": "Control_L",
    "shift": "Shift_L",
    "super": "Super_L",
    "meta": "Meta_L",
}


class XSession:
    """One client connection to a display: XTEST input, root screenshots, window listing."""

    def __init__(self, display: str) -> None:
        self.display_name = display
        self.connection = xdisplay.Display(display)
        if not self.connection.has_extension("XTEST"):
            self.connection.close()
            raise RuntimeError(f"{display} has no XTEST extension")
        self.root = self.connection.screen().root
        geometry = self.root.get_geometry()
        self.width, self.height = int(geometry.width), int(geometry.height)
        self._atoms: dict[str, int] = {}
        self._held_buttons: set[int] = set()
        self._held_keys: set[int] = set()

    def close(self) -> None:
        # The server may already be gone (a failed test, a nested server stopped first).
        with contextlib.suppress(Exception):
            self.release_all()
        with contextlib.suppress(Exception):
            self.connection.close()

    def __enter__(self) -> XSession:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---- pointer -----------------------------------------------------------------------

    def move(self, x: int, y: int) -> None:
        xtest.fake_input(self.connection, X.MotionNotify, x=int(x), y=int(y))
        self.connection.sync()

    def press(self, button: int = 1) -> None:
        xtest.fake_input(self.connection, X.ButtonPress, button)
        self._held_buttons.add(button)
        self.connection.sync()

    def release(self, button: int = 1) -> None:
        xtest.fake_input(self.connection, X.ButtonRelease, button)
        self._held_buttons.discard(button)
        self.connection.sync()

    def tap(self, x: int, y: int, button: int = 1, hold_s: float = 0.03) -> None:
        """A finger tap as a touchscreen reports it: move there, press, release."""
        self.move(x, y)
        self.press(button)
        # A touch is never 0 ms long; Qt also needs the press and release as separate events.
        time.sleep(hold_s)
        self.release(button)

    def drag(
        self, start: tuple[int, int], end: tuple[int, int], steps: int = 10, step_s: float = 0.012
    ) -> None:
        """A swipe: press at `start`, move in `steps` even steps, release at `end`."""
        self.move(*start)
        self.press(1)
        for step in range(1, steps + 1):
            time.sleep(step_s)  # a finger moves over time; a swipe's speed is part of it
            self.move(
                round(start[0] + (end[0] - start[0]) * step / steps),
                round(start[1] + (end[1] - start[1]) * step / steps),
            )
        self.release(1)

    def long_press(self, x: int, y: int, ms: int) -> None:
        """Press and hold still for `ms` milliseconds: the hold is the gesture itself."""
        self.move(x, y)
        self.press(1)
        time.sleep(ms / 1000)
        self.release(1)

    # ---- keys --------------------------------------------------------------------------

    def keycode(self, name: str) -> int:
        keysym = XK.string_to_keysym(name)
        if keysym == X.NoSymbol and len(name) == 1:
            keysym = ord(name)
        code = int(self.connection.keysym_to_keycode(keysym)) if keysym != X.NoSymbol else 0
        if code == 0:
            raise ValueError(f"no key for {name!r} in this server's keymap")
        return code

    def key(self, combo: str) -> None:
        """Press and release a key with its modifiers: "Next", "alt+F4", "shift+F5", "ctrl+w"."""
        *modifiers, name = combo.split("+")
        held = [self.keycode(_MODIFIERS[modifier.lower()]) for modifier in modifiers]
        code = self.keycode(name)
        for modifier in held:
            self._fake_key(X.KeyPress, modifier)
        self._fake_key(X.KeyPress, code)
        self._fake_key(X.KeyRelease, code)
        for modifier in reversed(held):
            self._fake_key(X.KeyRelease, modifier)
        self.connection.sync()

    def _fake_key(self, kind: int, code: int) -> None:
        xtest.fake_input(self.connection, kind, code)
        if kind == X.KeyPress:
            self._held_keys.add(code)
        else:
            self._held_keys.discard(code)

    def release_all(self) -> None:
        """Nothing stays pressed after a test that stopped half-way through a gesture."""
        for code in list(self._held_keys):
            self._fake_key(X.KeyRelease, code)
        for button in list(self._held_buttons):
            xtest.fake_input(self.connection, X.ButtonRelease, button)
        self._held_buttons.clear()
        self.connection.sync()

    def input_focus(self) -> int:
        """The window that has the keyboard focus (0 for none, 1 for PointerRoot)."""
        focus = self.connection.get_input_focus().focus
        return focus if isinstance(focus, int) else int(focus.id)

    def top_level_of(self, window_id: int) -> int | None:
        """The child of the root that holds `window_id`, or None."""
        current = window_id
        root = int(self.root.id)
        for _ in range(64):
            if current in (0, 1, root):
                return None
            try:
                parent = int(self.connection.create_resource_object("window", current).query_tree().parent.id)
            except XError:
                return None
            if parent == root:
                return current
            current = parent
        return None

    # ---- screenshots -------------------------------------------------------------------

    def screenshot(self, rect: tuple[int, int, int, int] | None = None) -> Image:
        """The root window's pixels (x, y, width, height; default all) as RGB."""
        x, y, width, height = rect or (0, 0, self.width, self.height)
        reply = self.root.get_image(x, y, width, height, X.ZPixmap, 0xFFFFFFFF)
        raw = np.frombuffer(reply.data, dtype=np.uint8)
        if raw.size != width * height * 4:
            raise RuntimeError(f"expected 32-bit pixels from {self.display_name}, got depth {reply.depth}")
        # 24-bit depth in 32-bit pixels, little-endian: B, G, R, unused.
        return raw.reshape(height, width, 4)[:, :, 2::-1].copy()

    # ---- windows -----------------------------------------------------------------------

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = int(self.connection.intern_atom(name))
        return self._atoms[name]

    def windows(self) -> list[Window]:
        """Every child of the root, bottom to top (X stacking order)."""
        found: list[Window] = []
        for child in self.root.query_tree().children:
            try:
                found.append(self._describe(child))
            except XError:  # gone between the listing and the question
                continue
        return found

    def mapped_windows(self) -> list[Window]:
        return [window for window in self.windows() if window.mapped]

    def topmost_at(self, x: int, y: int) -> Window | None:
        for window in reversed(self.mapped_windows()):
            if window.contains(x, y):
                return window
        return None

    def _describe(self, child: Any) -> Window:
        attributes = child.get_attributes()
        geometry = child.get_geometry()
        pid_property = child.get_full_property(self.atom("_NET_WM_PID"), Xatom.CARDINAL)
        pid = int(pid_property.value[0]) if pid_property is not None and len(pid_property.value) else None
        wm_class = child.get_wm_class() or ()
        return Window(
            id=int(child.id),
            name=self._name(child),
            x=int(geometry.x),
            y=int(geometry.y),
            width=int(geometry.width),
            height=int(geometry.height),
            mapped=attributes.map_state == X.IsViewable,
            override_redirect=bool(attributes.override_redirect),
            pid=pid,
            wm_class=tuple(wm_class),
        )

    def _name(self, child: Any) -> str:
        utf8 = child.get_full_property(self.atom("_NET_WM_NAME"), self.atom("UTF8_STRING"))
        if utf8 is not None and utf8.value:
            value = utf8.value
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        name = child.get_wm_name()
        if isinstance(name, bytes):
            return name.decode("latin-1")
        return name or ""


# ---- the kiosk seen from outside ----------------------------------------------------------

PRESENTER_TITLE = "Presenter"


@dataclass
class KioskRun:
    """The kiosk on a display, seen from outside: its windows, the screen, its log."""

    kiosk: Kiosk
    server: XServer
    x: XSession
    folder: Path

    @property
    def process(self) -> subprocess.Popen[bytes]:
        return self.kiosk.process

    @property
    def pid(self) -> int:
        return self.kiosk.pid

    def alive(self) -> bool:
        return self.kiosk.alive()

    def log(self) -> str:
        return self.kiosk.log()

    def windows(self) -> list[Window]:
        """The kiosk's mapped top-level windows, bottom to top."""
        return [window for window in self.x.mapped_windows() if window.pid == self.pid]

    def window(self, title: str | None = None, not_title: str | None = None) -> Window:
        """The one mapped kiosk window with this title (or without that one)."""
        found = [
            window
            for window in self.windows()
            if (title is None or window.name == title) and (not_title is None or window.name != not_title)
        ]
        assert len(found) == 1, f"expected one such window\n{self.describe()}"
        return found[0]

    def focus(self) -> Window | None:
        """The mapped top-level window that has the keyboard focus."""
        top = self.x.top_level_of(self.x.input_focus())
        return next((window for window in self.x.mapped_windows() if window.id == top), None)

    def screenshot(self, rect: tuple[int, int, int, int] | None = None) -> Image:
        return self.x.screenshot(rect)

    def save(self, name: str, image: Image | None = None) -> Path:
        return save_png(self.screenshot() if image is None else image, self.folder / f"{name}.png")

    def settle(
        self, rect: tuple[int, int, int, int] | None = None, quiet_s: float = 0.35, timeout: float = 10.0
    ) -> Image:
        """The picture once it has not changed for `quiet_s` (slides and fades done)."""
        last = self.screenshot(rect)
        since = time.monotonic()

        def quiet() -> bool:
            nonlocal last, since
            current = self.screenshot(rect)
            if changed_fraction(last, current, threshold=3) > 0:
                last, since = current, time.monotonic()
            return time.monotonic() - since >= quiet_s

        wait_until(quiet, timeout, "the screen to settle", poll=0.05)
        return last

    def describe(self) -> str:
        lines = [window.describe() for window in self.x.windows()]
        return f"kiosk pid {self.pid} ({self.folder}); windows bottom to top:\n  " + "\n  ".join(lines)

    def stop(self) -> int | None:
        code = self.kiosk.stop()
        self.x.close()
        return code


LaunchKiosk = Callable[..., KioskRun]  # the `kiosk` fixture: (*arguments, server=, windows=)


def launch_kiosk(
    server: XServer,
    arguments: Sequence[str],
    folder: Path,
    windows: int = 1,
    timeout: float = 30.0,
    started: Callable[[KioskRun], None] | None = None,
) -> KioskRun:
    """Start the kiosk on `server` and return once `windows` of its windows are mapped and
    have painted (not the empty server's black). `started` sees the run before the wait, so a
    caller can stop it even when the wait fails."""
    x = XSession(server.display)
    try:
        # A kiosk from before on a shared server must be gone before this one starts.
        wait_until(lambda: not x.mapped_windows(), 10, "the windows of an earlier kiosk to go")
    except BaseException:
        x.close()
        raise
    run = KioskRun(start_kiosk(server.display, arguments, folder), server, x, folder)
    if started is not None:
        started(run)

    def painted() -> bool:
        if not run.alive():
            raise KioskStartError(f"the kiosk exited with {run.process.returncode}:\n{run.log()}")
        mapped = run.windows()
        if len(mapped) < windows:
            return False
        corners = [run.screenshot((w.x, w.y, min(w.width, 64), min(w.height, 64))) for w in mapped]
        return not any(is_black(corner) for corner in corners) and not is_black(run.screenshot())

    try:
        wait_until(painted, timeout, "the kiosk's windows to map and paint")
    except TimeoutError as error:
        message = f"{error}\n{run.describe()}\nlog:\n{run.log()}"
        if started is None:
            run.stop()
        raise KioskStartError(message) from None
    except BaseException:
        if started is None:
            run.stop()
        raise
    return run


# ---- images ------------------------------------------------------------------------------


def save_png(image: Image, path: Path) -> Path:
    """Write an RGB array as PNG, with nothing but zlib (usable without Qt)."""
    height, width, _ = image.shape
    rows = np.hstack([np.zeros((height, 1), dtype=np.uint8), image.reshape(height, width * 3)])

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 3))
        + chunk(b"IEND", b"")
    )
    return path


def changed_fraction(before: Image, after: Image, threshold: int = 24) -> float:
    """The share of pixels whose colour moved by more than `threshold` in any channel."""
    difference = np.abs(before.astype(np.int16) - after.astype(np.int16)).max(axis=2)
    return float((difference > threshold).mean())


def colour_fraction(image: Image, colour: tuple[int, int, int], tolerance: int = 12) -> float:
    """The share of pixels within `tolerance` of `colour`."""
    distance = np.abs(image.astype(np.int16) - np.array(colour, dtype=np.int16)).max(axis=2)
    return float((distance <= tolerance).mean())


def visible_mask(windows: Sequence[Window], target: Window, width: int, height: int) -> npt.NDArray[np.bool_]:
    """Where on a `width` x `height` screen `target` is the topmost of `windows` (bottom to top)."""
    mask = np.zeros((height, width), dtype=bool)
    seen = False
    for window in windows:
        if not window.mapped:
            continue
        x0, y0 = max(window.x, 0), max(window.y, 0)
        x1, y1 = min(window.x + window.width, width), min(window.y + window.height, height)
        if window.id == target.id:
            seen = True
            mask[y0:y1, x0:x1] = True
        elif seen:
            mask[y0:y1, x0:x1] = False
    return mask


def changed_within(before: Image, after: Image, mask: npt.NDArray[np.bool_], threshold: int = 24) -> float:
    """The share of the pixels under `mask` whose colour moved by more than `threshold`."""
    if not mask.any():
        return 0.0
    difference = np.abs(before.astype(np.int16) - after.astype(np.int16)).max(axis=2)
    return float((difference[mask] > threshold).mean())


def is_black(image: Image) -> bool:
    return int(image.max()) <= 8
