"""Fixtures for the display tests: private X servers and the real kiosk running on them.

The kiosk is started as a subprocess (`python -m kiosk` from this checkout) on an Xvfb or on a
two-monitor Xephyr, with its settings, analytics, logs and cache in the test's tmp_path. Tests
see it only as a person or a window manager would: the screen's pixels and the X windows.
Every test in this folder is marked `display`. A missing X server is an error, not a skip:
CI must run these tests.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from xserver import (
    KioskRun,
    LaunchKiosk,
    MakeXvfb,
    MissingToolError,
    XServer,
    launch_kiosk,
    require,
    save_png,
    start_two_screens,
    start_xvfb,
)

HERE = Path(__file__).resolve().parent
_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.display)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Teardown needs to know whether the test failed, to keep its screenshot.
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


def _failed(request: pytest.FixtureRequest) -> bool:
    reports = request.node.stash.get(_REPORTS, {})
    return any(report.failed or hasattr(report, "wasxfail") for report in reports.values())


def _tools_or_fail(*programs: str) -> None:
    problem = None
    try:
        require(*programs)
    except MissingToolError as error:
        problem = str(error)
    if problem is not None:  # outside the except: the message alone, without a chained traceback
        pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def xvfb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XServer]:
    """One Xvfb 1920x1080 for the session; tests on it start and stop their own kiosk."""
    _tools_or_fail("Xvfb")
    with start_xvfb(1920, 1080, tmp_path_factory.mktemp("xvfb") / "xvfb.log") as server:
        yield server


@pytest.fixture
def make_xvfb(tmp_path: Path) -> Iterator[MakeXvfb]:
    """A fresh Xvfb of a chosen size, for a test that needs its own server."""
    _tools_or_fail("Xvfb")
    servers: list[XServer] = []

    def make(width: int, height: int) -> XServer:
        servers.append(start_xvfb(width, height, tmp_path / f"xvfb-{len(servers)}.log"))
        return servers[-1]

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def two_screens(tmp_path: Path) -> Iterator[XServer]:
    """A laptop (LAPTOP, primary, x 0..1920) and a projector (PROJECTOR, x 1920..3840)."""
    _tools_or_fail("Xvfb", "Xephyr", "xrandr")
    with start_two_screens(tmp_path) as server:
        yield server


@pytest.fixture
def kiosk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LaunchKiosk]:
    """Start the kiosk: `kiosk(*arguments, server=xvfb, windows=1)`. Returns once `windows`
    kiosk windows are mapped and have painted (not the empty server's black)."""
    runs: list[KioskRun] = []

    def launch(*arguments: str, server: XServer, windows: int = 1, timeout: float = 30.0) -> KioskRun:
        folder = tmp_path / f"kiosk-{len(runs)}" if runs else tmp_path
        return launch_kiosk(server, arguments, folder, windows, timeout, started=runs.append)

    yield launch
    failed = _failed(request)
    for run in runs:
        if failed:
            try:
                path = save_png(run.screenshot(), run.folder / "final-screen.png")
                print(f"screen at the end: {path}\nkiosk log: {run.kiosk.stderr_path}\n{run.describe()}")
            except Exception as error:  # the server may be gone too; the log still tells
                print(f"no final screenshot: {error}")
        run.stop()
