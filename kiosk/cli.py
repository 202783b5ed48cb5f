"""The `kiosk` command: run the kiosk, validate a content file, render pages to PNG, check layouts.

Kept thin: Qt is imported only by the commands that show or render something, so
`kiosk validate` answers fast and without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content import ContentProblem

from kiosk.system.problems import OperatorError

COMMANDS = (
    "run",
    "validate",
    "render",
    "check-layout",
    "set-pin",
    "autostart",
    "report",
    "slideshow",
    "export-pdf",
)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1920x1080, not {text!r}") from None
    if not (320 <= width <= 8192 and 320 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"size {text} is outside 320..8192 pixels")
    return width, height


def _either(choices: Sequence[str]) -> str:
    """("de", "en", "ar") -> "de, en or ar"."""
    return " or ".join(", ".join(choices).rsplit(", ", 1))


def _lang_help(languages: Sequence[str]) -> str:
    some = _either(languages) if languages else "a language of the content"
    return f"{some} (default: the content's default language)"


def _content_languages(args: Sequence[str]) -> tuple[str, ...]:
    """The languages the content file declares, for the help text (read, not validated: only
    when help is asked for, so no other command pays for it)."""
    if not any(arg in ("-h", "--help") for arg in args):
        return ()
    import json  # noqa: PLC0415

    from kiosk.content.files import MAX_CONTENT_BYTES, read_limited  # noqa: PLC0415
    from kiosk.system.resources import default_content_path  # noqa: PLC0415

    given = [value for flag, value in itertools.pairwise(args) if flag == "--data"]
    given += [arg.removeprefix("--data=") for arg in args if arg.startswith("--data=")]
    source = Path(given[-1]) if given else default_content_path()
    try:
        meta = json.loads(read_limited(source, MAX_CONTENT_BYTES)).get("meta", {})
        languages = meta.get("languages", [])
    except (OSError, ValueError, AttributeError):
        return ()
    if isinstance(languages, list) and all(isinstance(lang, str) for lang in languages):
        return tuple(languages)
    return ()


def _add_report_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report", help="what visitors did: visits, pages, languages, tours (several kiosks' databases merged)"
    )
    report.add_argument(
        "databases",
        nargs="*",
        type=Path,
        metavar="DATABASE",
        help="analytics databases (default: this kiosk's)",
    )
    report.add_argument("--since", metavar="DATE", help="only visits from this date on (2026-11-27)")
    report.add_argument("--csv", type=Path, metavar="FILE", help="also write the summary tables as CSV")
    report.add_argument("--events", type=Path, metavar="FILE", help="also write every recorded event as CSV")
    report.add_argument("--png", type=Path, metavar="FILE", help="also draw the one-page summary as PNG")
    report.add_argument("--pdf", type=Path, metavar="FILE", help="also draw the one-page summary as PDF")
    report.add_argument("--db", type=Path, action="append", default=[], help="a database (repeatable)")


def _add_run(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], languages: tuple[str, ...]
) -> None:
    run = commands.add_parser("run", help="start the kiosk (the default command)")
    run.add_argument("--data", type=Path, help="content file (default: the bundled content)")
    run.add_argument("--lang", help=f"start language: {_lang_help(languages)}")
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")
    run.add_argument("--size", type=_size, default=(1920, 1080), help="window size with --windowed")
    run.add_argument("--reduced-motion", action="store_true", help="no slides or count-ups")
    run.add_argument("--screen", type=int, metavar="N", help="the screen to fill (0 = the first)")
    run.add_argument(
        "--allow-default-pin",
        action="store_true",
        help="kiosk mode although no admin PIN was set (a demonstration): the published 2025 opens it",
    )
    run.add_argument(
        "--screen-report",
        type=Path,
        metavar="FILE",
        help="append what each screen shows (controls, layout problems) to FILE as JSON lines",
    )


def _parser(languages: tuple[str, ...] = ()) -> argparse.ArgumentParser:
    """The command line; `languages` (the content's) name the choices of --lang in the help."""
    parser = argparse.ArgumentParser(prog="kiosk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="store_true", help="the kiosk's version, and Python's and Qt's")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    _add_run(commands, languages)

    validate = commands.add_parser("validate", help="check a content file; exit 1 listing every problem")
    validate.add_argument("path", nargs="?", type=Path, help="content file (default: the bundled content)")
    validate.add_argument("--json", action="store_true", help="the problems as a JSON list, for tools")

    set_pin = commands.add_parser("set-pin", help="set the admin PIN (4-12 digits), stored hashed")
    set_pin.add_argument("--pin", help="the new PIN (asked for when left out)")

    autostart = commands.add_parser(
        "autostart", help="start the kiosk with the session, restarted if it stops"
    )
    autostart.add_argument("action", choices=("install", "remove"))
    autostart.add_argument("--data", type=Path, help="content file the kiosk should show")
    autostart.add_argument("--screen", type=int, metavar="N", help="the screen to fill")

    _add_report_parser(commands)

    slides = commands.add_parser("slideshow", help="present the content: keys or a clicker, a presenter view")
    slides.add_argument(
        "--interval", type=float, metavar="S", help="auto-advance, seconds (default: content)"
    )
    slides.add_argument("--loop", action="store_true", help="after the last slide, start again")
    slides.add_argument("--presenter-screen", type=int, metavar="N", help="the presenter view's screen")
    slides.add_argument("--lang", help=_lang_help(languages))
    slides.add_argument("--data", type=Path, help="content file (default: the bundled content)")
    slides.add_argument("--windowed", action="store_true", help="windows instead of full screen")

    pdf = commands.add_parser("export-pdf", help="the slides as a PDF handout, one slide a page")
    pdf.add_argument("file", type=Path)
    pdf.add_argument("--lang", default=None, help=_lang_help(languages))
    pdf.add_argument("--notes", action="store_true", help="speaker notes under each slide")
    pdf.add_argument("--data", type=Path, help="content file (default: the bundled content)")

    render = commands.add_parser("render", help="render every page to PNG, offscreen")
    render.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    render.add_argument("--size", type=_size, default=(1920, 1080), help="page size, e.g. 1080x1920")
    render.add_argument(
        "--lang", default="all", help=f"{_either((*(languages or ['a language']), 'all'))} (default: all)"
    )
    render.add_argument("--data", type=Path, help="content file (default: the bundled content)")
    render.add_argument("--page", action="append", metavar="ID", help="only this page (repeatable)")

    check = commands.add_parser(
        "check-layout",
        help="audit every page and overlay at every size, language and text size; exit 1 listing problems",
    )
    check.add_argument("--data", type=Path, help="content file (default: the bundled content)")
    check.add_argument(
        "--size", type=_size, action="append", help="screen size, repeatable (default: the five of the brief)"
    )
    check.add_argument("--lang", action="append", help="a language, repeatable (default: all of the content)")
    check.add_argument(
        "--text-scale", type=float, action="append", help="1, 1.25 or 1.5, repeatable (default: all three)"
    )
    check.add_argument(
        "--high-contrast",
        action="store_true",
        help="high contrast at every text scale (default: x1 and x1.5)",
    )
    check.add_argument("--json", action="store_true", help="the problems as JSON, for tools")
    return parser


def _validate(path: Path | None, as_json: bool) -> int:
    import json  # noqa: PLC0415 (commands import what they use: start-up stays lean)

    from kiosk.content import ContentError, load_content  # noqa: PLC0415
    from kiosk.i18n.strings import content_string_problems, ui_text  # noqa: PLC0415
    from kiosk.system.image_check import check_image  # noqa: PLC0415
    from kiosk.system.resources import default_content_path  # noqa: PLC0415

    source = path or default_content_path()
    try:
        loaded = load_content(source, check_image)
        problems = content_string_problems(loaded.content)
        if problems:
            raise ContentError(str(source), problems)
        undrawable = _undrawable_characters(source)
        if undrawable:
            raise ContentError(str(source), undrawable)
    except ContentError as error:
        if as_json:
            problems_json = [
                {"file": error.source, "path": p.path, "message": p.message} for p in error.problems
            ]
            print(json.dumps(problems_json, ensure_ascii=False, indent=2))
        else:
            for line in error.lines():
                print(line)
        return 1
    if as_json:
        print("[]")
        return 0
    content = loaded.content
    counts = (
        ui_text("count-visions", "en", n=len(content.visions)),
        ui_text("count-tours", "en", n=len(content.tours)),
        ui_text("count-figures", "en", n=len(content.figures)),
        ui_text("count-voices", "en", n=len(content.voices)),
    )
    print(f"{source}: valid ({', '.join(counts)})")
    return 0


def _undrawable_characters(source: Path) -> list[ContentProblem]:
    """Characters of the content no bundled font draws (empty boxes on screen), per language."""
    import json  # noqa: PLC0415

    from kiosk.content.glyphs import GlyphCoverage, undrawable_characters  # noqa: PLC0415
    from kiosk.system.resources import fonts_dir  # noqa: PLC0415

    coverage = GlyphCoverage.read(fonts_dir() / "coverage.json")
    return undrawable_characters(json.loads(source.read_text(encoding="utf-8-sig")), coverage)


def _set_pin(pin: str | None) -> int:
    import getpass  # noqa: PLC0415
    from dataclasses import replace  # noqa: PLC0415

    from kiosk.showfloor.admin_pin import DEFAULT_PIN, hash_pin, valid_pin  # noqa: PLC0415
    from kiosk.system.settings import Settings, settings_path  # noqa: PLC0415

    if pin is None:
        try:
            pin = getpass.getpass("New admin PIN (4-12 digits): ")
            again = getpass.getpass("Once more: ")
        except EOFError:  # no terminal to ask on, and nothing piped in
            print("No PIN given (kiosk set-pin --pin DIGITS, without a terminal); nothing changed.")
            return 1
        if again != pin:
            print("The two PINs differ; nothing changed.")
            return 1
    if not valid_pin(pin):
        print("A PIN is 4 to 12 digits; nothing changed.")
        return 2
    if pin == DEFAULT_PIN:
        # The README publishes it: as "this kiosk's own" it would silence the warning about it.
        print(f"{DEFAULT_PIN} is the published default PIN; choose another. Nothing changed.")
        return 2
    salt, digest = hash_pin(pin)
    path = settings_path()
    try:
        replace(Settings.load(path), pin_salt=salt, pin_hash=digest).save(path)
    except OSError as error:
        print(f"Cannot write {path}: {error}. Nothing changed.")
        return 1
    print(f"PIN saved (hashed) in {path}; a running kiosk takes it from the next PIN entered.")
    print("In kiosk mode staff leave by holding the top-left corner for 3 s, then this PIN, then Exit twice.")
    return 0


def _autostart(args: argparse.Namespace) -> int:
    from platformdirs import user_state_path  # noqa: PLC0415

    from kiosk.showfloor.admin_pin import PinGate, default_pin_opens  # noqa: PLC0415
    from kiosk.system import autostart  # noqa: PLC0415
    from kiosk.system.settings import APP_NAME, Settings  # noqa: PLC0415

    if args.action == "remove":
        print("\n".join(autostart.remove()))
        return 0
    options = ["--data", str(args.data.resolve())] if args.data else []
    options += ["--screen", str(args.screen)] if args.screen is not None else []
    print("\n".join(autostart.install(options)))
    if default_pin_opens(Settings.load(), user_state_path(APP_NAME) / PinGate.STATE_FILE):
        print("note: no admin PIN is set yet; the kiosk will not start until `kiosk set-pin` sets one")
    return 0


def _slideshow(args: argparse.Namespace) -> int:
    from kiosk.app.slideshow import run_slideshow  # noqa: PLC0415

    return run_slideshow(args.data, args.lang, args.interval, args.loop, args.presenter_screen, args.windowed)


def _export_pdf(args: argparse.Namespace) -> int:
    from kiosk.app.pdf import export_pdf  # noqa: PLC0415

    _check_output(args.file, folder=False)

    return export_pdf(args.file, args.lang, args.notes, args.data)


def _report(args: argparse.Namespace) -> int:
    from platformdirs import user_data_path  # noqa: PLC0415

    from kiosk.app.report import run_report  # noqa: PLC0415
    from kiosk.system.settings import APP_NAME  # noqa: PLC0415

    databases = [*args.databases, *args.db] or [user_data_path(APP_NAME) / "visits.sqlite3"]
    return run_report(databases, args.since, args.csv, args.png, args.pdf, args.events)


def _output_problem(path: Path, folder: bool) -> str | None:
    """Why `path` cannot receive the output (a folder to fill, or a file to write), found before
    any page is drawn; None when nothing stands in the way."""
    if folder and path.exists() and not path.is_dir():
        return f"{path} is not a folder"
    if not folder and path.is_dir():
        return f"{path} is a folder; name the file to write"
    existing = path if folder and path.exists() else path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"cannot write {path}: {existing} is not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"cannot write {path}: no permission to write in {existing}"
    return None


def _check_output(path: Path, folder: bool) -> None:
    problem = _output_problem(path, folder)
    if problem is not None:
        raise OperatorError(problem)


def _render(args: argparse.Namespace) -> int:
    from kiosk.app.render import render_pages  # noqa: PLC0415

    _check_output(args.out, folder=True)

    return render_pages(args.out, args.size, args.lang, args.data, args.page)


def _check_layout(args: argparse.Namespace) -> int:
    from kiosk.app.layout_check import check_layout  # noqa: PLC0415

    return check_layout(args.data, args.size, args.lang, args.text_scale, args.high_contrast, args.json)


def _run(args: argparse.Namespace) -> int:
    from kiosk.app.start_frame import StartRequest, show_stored_frame  # noqa: PLC0415

    # The home screen as last drawn, on screen before the kiosk's UI modules are even imported.
    request = StartRequest(
        args.data, args.lang, args.windowed, args.reduced_motion, args.screen, args.allow_default_pin
    )
    start = show_stored_frame(request)

    from kiosk.app.kiosk import run  # noqa: PLC0415

    return run(
        args.data,
        args.lang,
        args.windowed,
        args.size,
        args.reduced_motion,
        args.screen,
        args.screen_report,
        args.allow_default_pin,
        start,
    )


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": lambda args: _validate(args.path, args.json),
    "autostart": _autostart,
    "slideshow": _slideshow,
    "export-pdf": _export_pdf,
    "report": _report,
    "set-pin": lambda args: _set_pin(args.pin),
    "render": _render,
    "check-layout": _check_layout,
    "run": _run,
}


def _version() -> str:
    import kiosk  # noqa: PLC0415

    try:
        # The package's own version whichever wheel brought it (PySide6-Essentials or PySide6).
        from PySide6 import __version__ as pyside  # noqa: PLC0415

        qt = f"PySide6 {pyside}"
    except ImportError:
        qt = "PySide6 not installed"
    python = ".".join(str(part) for part in sys.version_info[:3])
    return f"kiosk {kiosk.__version__} (Python {python}, {qt})"


def _unknown_command(word: str) -> str:
    import difflib  # noqa: PLC0415

    lines = [f"kiosk: unknown command {word!r}"]
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    if close:
        lines[0] += f"; did you mean {close[0]!r}?"
    if Path(word).suffix.lower() == ".json":
        lines.append(f"  to show that content file:  kiosk --data {word}")
    lines.append(f"  the commands: {', '.join(COMMANDS)}; `kiosk --help` explains them")
    return "\n".join(lines)


def _dispatch(args_in: list[str]) -> int:
    if args_in[:1] == ["--version"]:
        print(_version())
        return 0
    if not args_in or (args_in[0].startswith("-") and args_in[0] not in ("-h", "--help")):
        args_in.insert(0, "run")  # `kiosk --windowed` is `kiosk run --windowed`
    elif args_in[0] not in (*COMMANDS, "-h", "--help"):
        print(_unknown_command(args_in[0]), file=sys.stderr)
        return 2
    args = _parser(_content_languages(args_in)).parse_args(args_in)
    return _COMMANDS[args.command](args)


def _silence_stdout() -> None:
    """The reader of our output has gone (`kiosk validate | head`): what is left to print goes
    nowhere, and Python's flush at exit must not fail on the closed pipe either."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """The `kiosk` command. Whatever goes wrong ends in one line on stderr and an exit code:
    1 when a command failed, 2 for what it will not do (bad arguments, unknown commands),
    130 after Ctrl+C, 141 when the output's reader went away (as a shell tool killed by SIGPIPE).
    KIOSK_DEBUG=1 lets an unexpected error's traceback through."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            code = _dispatch(args_in)
        except SystemExit as leaving:  # argparse, after --help or a usage error
            code = leaving.code if isinstance(leaving.code, int) else int(leaving.code is not None)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
    except BrokenPipeError:
        _silence_stdout()
        return 141
    except KeyboardInterrupt:
        print(file=sys.stderr)  # off the line the terminal's ^C was echoed on
        return 130
    except OperatorError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return error.exit_code
    except OSError as error:
        print(f"kiosk: {_describe(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        if os.environ.get("KIOSK_DEBUG"):
            raise
        print(
            f"kiosk: unexpected error: {type(error).__name__}: {error} (KIOSK_DEBUG=1 shows where)",
            file=sys.stderr,
        )
        return 1
    return code


def _describe(error: OSError) -> str:
    """An OSError as one line: the file, then what the system said."""
    what = error.strerror or str(error)
    if error.filename is None:
        return what
    return f"{error.filename}: {what}" + (f" -> {error.filename2}" if error.filename2 is not None else "")
