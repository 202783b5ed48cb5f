"""Screenshot tests' set-up: the --refresh-references option and one render per language per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_compare import (
    CHANGED,
    DIFF_FOLDER,
    LANGUAGES,
    REFERENCES,
    finish_render,
    reduce,
    save_png,
    start_render,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--refresh-references",
        action="store_true",
        default=False,
        help="rewrite tests/screens/references from fresh renders (after a deliberate change)",
    )


@pytest.fixture(scope="session")
def refresh(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--refresh-references", default=False))


@pytest.fixture(scope="session")
def diff_folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where a failing page leaves its expected, actual and diff pictures."""
    folder = tmp_path_factory.getbasetemp() / "screens-diff"
    request.config.stash[DIFF_FOLDER] = folder
    return folder


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory, refresh: bool) -> dict[str, Path]:
    """Every page in every language at 1920x1080, by reference name (`vision-green_en`).

    The languages render in parallel, each in its own process, as `python -m kiosk render`: the
    command line is the interface that stays put while the package's insides move. With
    --refresh-references the references are rewritten from these renders before any comparison.
    """
    home = tmp_path_factory.mktemp("screens-home")
    outs = {lang: tmp_path_factory.mktemp(f"screens-{lang}") for lang in LANGUAGES}
    renders = [start_render(outs[lang], lang, home / lang) for lang in LANGUAGES]
    pictures: dict[str, Path] = {}
    try:
        for render in renders:
            pictures |= finish_render(render)
    finally:
        # One language failing must not leave the other running past the session.
        for render in renders:
            if render.process.poll() is None:
                render.process.kill()
                render.process.communicate()
    if refresh:
        REFERENCES.mkdir(exist_ok=True)
        for name, path in pictures.items():
            save_png(reduce(path), REFERENCES / f"{name}.png")
        for stale in REFERENCES.glob("*.png"):
            if stale.stem not in pictures:
                stale.unlink()
    return pictures


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Every changed page in one list, with the folder its pictures are in."""
    changed = config.stash.get(CHANGED, [])
    if not changed:
        return
    folder = config.stash.get(DIFF_FOLDER, None)
    terminalreporter.section("screens that differ from their references", sep="-")
    for name, figure in sorted(changed):
        terminalreporter.write_line(f"{name}: {figure}")
    terminalreporter.write_line(f"expected, actual and diff pictures in {folder}")
    terminalreporter.write_line(
        "after a deliberate change: .venv/bin/pytest tests/screens --refresh-references"
    )
