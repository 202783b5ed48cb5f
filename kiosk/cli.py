"""The `kiosk` command: run the kiosk, validate a content file, render pages to PNG, check layouts.

Kept thin: Qt is imported only by the commands that show or render something, so
`kiosk validate` answers fast and without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content import ContentProblem

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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the kiosk (the default command)")
    run.add_argument("--data", type=Path, help="content file (default: the bundled content)")
    run.add_argument("--lang", help="start language, e.g. zh or en (default: the content's)")
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")
    run.add_argument("--size", type=_size, default=(1920, 1080), help="window size with --windowed")
    run.add_argument("--reduced-motion", action="store_true", help="no slides or count-ups")
    run.add_argument("--screen", type=int, metavar="N", help="the screen to fill (0 = the first)")
    run.add_argument(
        "--screen-report",
        type=Path,
        metavar="FILE",
        help="append what each screen shows (controls, layout problems) to FILE as JSON lines",
    )

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

    report = commands.add_parser("report", help="what visitors did: visits, pages, languages, tours")
    report.add_argument("--since", metavar="DATE", help="only visits from this date on (2026-11-27)")
    report.add_argument("--csv", type=Path, metavar="FILE", help="also write the tables as CSV")
    report.add_argument("--png", type=Path, metavar="FILE", help="also draw visits per hour as PNG")
    report.add_argument("--db", type=Path, help="the analytics database (default: the kiosk's own)")

    slides = commands.add_parser("slideshow", help="present the content: keys or a clicker, a presenter view")
    slides.add_argument(
        "--interval", type=float, metavar="S", help="auto-advance, seconds (default: content)"
    )
    slides.add_argument("--loop", action="store_true", help="after the last slide, start again")
    slides.add_argument("--presenter-screen", type=int, metavar="N", help="the presenter view's screen")
    slides.add_argument("--lang", help="zh or en")
    slides.add_argument("--data", type=Path, help="content file (default: the bundled content)")
    slides.add_argument("--windowed", action="store_true", help="windows instead of full screen")

    pdf = commands.add_parser("export-pdf", help="the slides as a PDF handout, one slide a page")
    pdf.add_argument("file", type=Path)
    pdf.add_argument("--lang", default=None, help="zh or en")
    pdf.add_argument("--notes", action="store_true", help="speaker notes under each slide")
    pdf.add_argument("--data", type=Path, help="content file (default: the bundled content)")

    render = commands.add_parser("render", help="render every page to PNG, offscreen")
    render.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    render.add_argument("--size", type=_size, default=(1920, 1080), help="page size, e.g. 1080x1920")
    render.add_argument("--lang", default="all", help="zh, en or all (default: all)")
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
    from kiosk.system.image_check import check_image  # noqa: PLC0415
    from kiosk.system.resources import default_content_path  # noqa: PLC0415

    source = path or default_content_path()
    try:
        loaded = load_content(source, check_image)
        undrawable = _undrawable_characters(source)
        if undrawable:
            raise ContentError(str(source), undrawable)
    except ContentError as error:
        if as_json:
            problems = [{"file": error.source, "path": p.path, "message": p.message} for p in error.problems]
            print(json.dumps(problems, ensure_ascii=False, indent=2))
        else:
            for line in error.lines():
                print(line)
        return 1
    if as_json:
        print("[]")
        return 0
    content = loaded.content
    print(
        f"{source}: valid ({len(content.visions)} visions, {len(content.tours)} tours, "
        f"{len(content.figures)} figures, {len(content.voices)} voices)"
    )
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
        pin = getpass.getpass("New admin PIN (4-12 digits): ")
        if getpass.getpass("Once more: ") != pin:
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
    return 0


def _autostart(args: argparse.Namespace) -> int:
    from kiosk.system import autostart  # noqa: PLC0415

    options = ["--data", str(args.data.resolve())] if args.data else []
    options += ["--screen", str(args.screen)] if args.screen is not None else []
    print("\n".join(autostart.install(options) if args.action == "install" else autostart.remove()))
    return 0


def _slideshow(args: argparse.Namespace) -> int:
    from kiosk.app.slideshow import run_slideshow  # noqa: PLC0415

    return run_slideshow(args.data, args.lang, args.interval, args.loop, args.presenter_screen, args.windowed)


def _export_pdf(args: argparse.Namespace) -> int:
    from kiosk.app.pdf import export_pdf  # noqa: PLC0415

    return export_pdf(args.file, args.lang, args.notes, args.data)


def _report(args: argparse.Namespace) -> int:
    from platformdirs import user_data_path  # noqa: PLC0415

    from kiosk.showfloor.report import run_report  # noqa: PLC0415
    from kiosk.system.settings import APP_NAME  # noqa: PLC0415

    return run_report(args.db or user_data_path(APP_NAME) / "visits.sqlite3", args.since, args.csv, args.png)


def _render(args: argparse.Namespace) -> int:
    from kiosk.app.render import render_pages  # noqa: PLC0415

    return render_pages(args.out, args.size, args.lang, args.data, args.page)


def _check_layout(args: argparse.Namespace) -> int:
    from kiosk.app.layout_check import check_layout  # noqa: PLC0415

    return check_layout(args.data, args.size, args.lang, args.text_scale, args.high_contrast, args.json)


def _run(args: argparse.Namespace) -> int:
    from kiosk.app.kiosk import run  # noqa: PLC0415

    return run(
        args.data, args.lang, args.windowed, args.size, args.reduced_motion, args.screen, args.screen_report
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


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or args_in[0] not in (*COMMANDS, "-h", "--help"):
        args_in.insert(0, "run")
    args = _parser().parse_args(args_in)
    return _COMMANDS[args.command](args)
