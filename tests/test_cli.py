"""The `kiosk` command: `validate` exits 0 when valid, 1 with one located line per problem, 2 for
bad usage; and no path of any command ends in a traceback."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def _kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, check=False, timeout=60
    )


def test_validate_bundled_content() -> None:
    result = _kiosk("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid (5 visions, 2 tours" in result.stdout


def test_validate_lists_every_problem(
    write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    del data["visions"][0]["headline"]["zh"]
    data["tours"][1]["stops"][0]["hotspot"]["x"] = 1.5
    path = write_content(data)
    result = _kiosk("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{path}: visions[0].headline.zh: field required" in lines
    assert f"{path}: tours[1].stops[0].hotspot.x: input should be less than or equal to 1" in lines
    assert len(lines) == 2
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "content.json"
    path.write_text('{"meta": }', encoding="utf-8")
    result = _kiosk("validate", str(path))
    assert result.returncode == 1
    assert result.stdout.strip() == f"{path}: 1:10: JSON syntax error: Expecting value"


def test_bad_usage_exits_2() -> None:
    result = _kiosk("validate", "a.json", "b.json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert _kiosk("render").returncode == 2  # --out is required
    assert _kiosk("--size", "huge").returncode == 2


def test_help_names_the_contents_languages() -> None:
    other_park = Path(__file__).parent / "other_park" / "content.json"
    languages = " or ".join(
        ", ".join(json.loads(other_park.read_text(encoding="utf-8"))["meta"]["languages"]).rsplit(", ", 1)
    )
    result = _kiosk("run", "--help", "--data", str(other_park))
    assert result.returncode == 0
    assert f"start language: {languages} (default:" in " ".join(result.stdout.split())
    bundled = " ".join(_kiosk("render", "--help").stdout.split())
    assert "--lang LANG zh, en or all (default: all)" in bundled


def test_validate_counts_in_the_singular_where_there_is_one(
    write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(content_dict))
    data["tours"] = data["tours"][:1]
    data["slideshow"]["slides"] = []  # every page in order: none names the tour left out
    result = _kiosk("validate", str(write_content(data)))
    assert result.returncode == 0, result.stdout
    assert ", 1 tour, " in result.stdout


# ---- every path of the command ends in a message, never a traceback -------------------------


def _quiet_kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS` with its own state folders, offscreen unless `env` says otherwise."""
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@pytest.fixture
def kiosk_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_SETTINGS": str(home / "settings.json"),
        **{f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")},
    }


def test_version() -> None:
    import kiosk  # noqa: PLC0415

    result = _quiet_kiosk("--version")
    assert result.returncode == 0
    assert re.fullmatch(
        rf"kiosk {re.escape(kiosk.__version__)} \(Python \d+\.\d+\.\d+, PySide6 6\.\d+\.\d+\S*\)\n",
        result.stdout,
    )
    assert "--version" in _quiet_kiosk("--help").stdout


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("foo", "kiosk: unknown command 'foo'\n"),
        ("repot", "kiosk: unknown command 'repot'; did you mean 'report'?\n"),
        ("exhibition.json", "  to show that content file:  kiosk --data exhibition.json\n"),
    ],
)
def test_an_unknown_command_is_named_with_the_commands_there_are(word: str, expected: str) -> None:
    result = _quiet_kiosk(word)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "the commands: run, validate, render" in result.stderr
    assert "unrecognized arguments" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [("validate",), ("validate", "--json"), ("--version",)])
def test_a_reader_that_goes_away_ends_the_output_quietly(args: tuple[str, ...]) -> None:
    """`kiosk validate | head`: the reader closes the pipe once it has what it wants (here before
    anything came). The command stops with SIGPIPE's usual status and says nothing more."""
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        errors = process.stderr.read()
        code = process.wait(timeout=60)
    assert code == 141
    assert errors == ""


# `kiosk` as at a terminal: a shell runs a background job (a CI run started with &) with SIGINT
# ignored, and its children inherit that; at a terminal, Ctrl+C reaches the prompt.
_WITH_CTRL_C = (
    "import runpy, signal, sys\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "sys.argv = ['kiosk', *sys.argv[1:]]\n"
    "runpy.run_module('kiosk', run_name='__main__')\n"
)


def test_ctrl_c_at_the_pin_prompt_ends_quietly(kiosk_env: dict[str, str]) -> None:
    # A session of its own: no terminal, so the prompt goes to stderr and the PIN is read from stdin.
    with subprocess.Popen(
        [sys.executable, "-c", _WITH_CTRL_C, "set-pin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=kiosk_env,
        start_new_session=True,
    ) as process:
        assert process.stderr is not None
        said = b""
        deadline = time.monotonic() + 30
        while b"New admin PIN" not in said and time.monotonic() < deadline:
            if select.select([process.stderr], [], [], 0.5)[0]:
                said += os.read(process.stderr.fileno(), 4096)
        assert b"New admin PIN" in said  # it waits for one
        # Ctrl+C, as a person presses it again when nothing happens; stdin stays open until it
        # has ended (closed, the prompt would read the end of the input: no PIN given, exit 1).
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            process.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=1)
        output, errors = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in output + said + errors
    assert b"KeyboardInterrupt" not in said + errors
    assert not Path(kiosk_env["KIOSK_SETTINGS"]).exists()


def test_set_pin_without_a_terminal_says_how(kiosk_env: dict[str, str]) -> None:
    result = _quiet_kiosk("set-pin", env=kiosk_env)
    assert result.returncode == 1
    assert "kiosk set-pin --pin DIGITS" in result.stdout
    assert not Path(kiosk_env["KIOSK_SETTINGS"]).exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("validate", "/no/such/content.json"), 1, "/no/such/content.json: cannot read the file"),
        (("render", "--out", "{tmp}/pages", "--data", "/no/such.json"), 1, "/no/such.json: cannot read"),
        (("export-pdf", "{tmp}/h.pdf", "--data", "/no/such.json"), 1, "/no/such.json: cannot read"),
        (("check-layout", "--data", "/no/such.json"), 1, "/no/such.json: cannot read the file"),
        (("render", "--out", "{tmp}/a-file", "--page", "home"), 1, "kiosk: {tmp}/a-file is not a folder"),
        (
            ("export-pdf", "{tmp}/a-file/h.pdf"),
            1,
            "kiosk: cannot write {tmp}/a-file/h.pdf: {tmp}/a-file is not",
        ),
        (("export-pdf", "{tmp}"), 1, "kiosk: {tmp} is a folder; name the file to write"),
        (("--size", "huge"), 2, "expected WIDTHxHEIGHT"),
        (("autostart", "start"), 2, "invalid choice: 'start'"),
        (("run", "--lang", "fr"), 2, "kiosk: unknown language 'fr'; the content has zh, en"),
        (("--windowed", "--lang", "fr"), 2, "kiosk: unknown language 'fr'; the content has zh, en"),
        (("slideshow", "--lang", "fr"), 2, "unknown language 'fr'; the content has zh, en"),
        (("render", "--out", "{tmp}/pages", "--lang", "fr"), 2, "unknown language 'fr'"),
        (("export-pdf", "{tmp}/h.pdf", "--lang", "fr"), 2, "unknown language 'fr'"),
        (("check-layout", "--lang", "fr"), 2, "unknown language 'fr'"),
    ],
)
def test_bad_input_gets_one_clear_message(
    tmp_path: Path, kiosk_env: dict[str, str], args: tuple[str, ...], code: int, message: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = _quiet_kiosk(*(arg.format(tmp=tmp_path) for arg in args), env=kiosk_env)
    assert result.returncode == code, result.stdout + result.stderr
    said = result.stdout + result.stderr  # validate's problems are its output
    assert said.count(message.format(tmp=tmp_path)) == 1, said  # once, not logged again too
    assert not list(tmp_path.glob("pages/*")), "work was done before the problem was found"


@pytest.mark.parametrize("command", [("--windowed",), ("slideshow", "--windowed")])
def test_no_display_is_said_plainly(kiosk_env: dict[str, str], command: tuple[str, ...]) -> None:
    env = {k: v for k, v in kiosk_env.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = _quiet_kiosk(*command, env=env)
    assert result.returncode == 1
    assert "kiosk: no display: neither DISPLAY nor WAYLAND_DISPLAY is set" in result.stderr
    assert "xcb-cursor0" not in result.stderr


def test_a_display_that_is_not_there_is_said_plainly(kiosk_env: dict[str, str]) -> None:
    """Qt itself finds no X server at DISPLAY: one line saying so, not Qt's abort (which blames
    a missing libxcb-cursor0)."""
    env = {k: v for k, v in kiosk_env.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    free = next(n for n in range(150, 250) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    env["DISPLAY"] = f":{free}"
    result = _quiet_kiosk("--windowed", env=env)
    assert result.returncode == 1  # not killed by SIGABRT
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"kiosk: no display: cannot connect to display :{free}")
    )
    assert "xcb-cursor0" not in result.stderr
