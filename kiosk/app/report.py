"""`kiosk report`: what visitors did at one kiosk or several (their databases merged), printed
as text, and written as a summary CSV, an every-event CSV and a printable one-page summary
(PNG or PDF). Every failure is one line on stderr and exit code 1."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from kiosk.showfloor.analytics import Report, ReportError, build_report, events
from kiosk.system.safe_write import SHARED, write_atomically, write_text_atomically

_PNG_DPI = 150  # an A4 page in landscape: 1754 x 1240 pixels, sharp enough to print


def _draw_png(report: Report, target: Path) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415 (Qt only for pictures)
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415

    from kiosk.showfloor.report import PAGE_HEIGHT, PAGE_WIDTH, draw_summary  # noqa: PLC0415

    width = round(PAGE_WIDTH / 254 * _PNG_DPI)
    height = round(PAGE_HEIGHT / 254 * _PNG_DPI)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(_PNG_DPI / 0.0254))
    image.setDotsPerMeterY(round(_PNG_DPI / 0.0254))
    painter = QPainter(image)
    painter.scale(width / PAGE_WIDTH, height / PAGE_HEIGHT)
    draw_summary(painter, report, datetime.now())
    painter.end()
    # Encoded in memory and written by Python: a full disk is then an OSError with its reason,
    # not libpng's own message on stderr.
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as a str; its stub says bytes.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    encoded = bytes(data.data())
    write_atomically(target, lambda path: path.write_bytes(encoded), mode=SHARED)


def _draw_pdf(report: Report, target: Path) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF  # noqa: PLC0415
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: PLC0415

    from kiosk.showfloor.report import PAGE_HEIGHT, PAGE_WIDTH, draw_summary  # noqa: PLC0415

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("Kiosk visitors: summary")
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)
    )
    writer.setPageLayout(layout)
    writer.setResolution(300)
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    painter.scale(page.width() / PAGE_WIDTH, page.height() / PAGE_HEIGHT)
    draw_summary(painter, report, datetime.now())
    painter.end()
    buffer.close()
    encoded = bytes(data.data())
    write_atomically(target, lambda path: path.write_bytes(encoded), mode=SHARED)


def _application() -> None:
    from kiosk.app.boot import create_application, load_fonts  # noqa: PLC0415

    # A picture for the printer needs no screen: the report also runs over SSH.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_application()
    load_fonts()


def run_report(
    databases: Path | Sequence[Path],
    since: str | None,
    csv_path: Path | None = None,
    png_path: Path | None = None,
    pdf_path: Path | None = None,
    events_path: Path | None = None,
) -> int:
    """Print the report of `databases` (merged) and write the files asked for; 0, or 1 with
    the reason in one line on stderr."""
    paths = [databases] if isinstance(databases, Path) else list(databases)
    try:
        start = datetime.fromisoformat(since).timestamp() if since else 0.0
    except ValueError:
        return _fail(f"--since wants a date like 2026-11-27, not {since!r}")
    try:
        report = build_report(paths, start)
        print(", ".join(str(path) for path in paths))
        print("\n".join(report.lines()))
        if csv_path is not None:
            from kiosk.showfloor.report import report_csv  # noqa: PLC0415

            _write(csv_path, lambda: write_text_atomically(csv_path, report_csv(report), mode=SHARED))
        if events_path is not None:
            from kiosk.showfloor.report import events_csv  # noqa: PLC0415

            text = events_csv(events(paths, start))
            _write(events_path, lambda: write_text_atomically(events_path, text, mode=SHARED))
        for target, draw in ((png_path, _draw_png), (pdf_path, _draw_pdf)):
            if target is not None:
                _application()
                _write(target, lambda: draw(report, target))  # noqa: B023 (called at once)
        sys.stdout.flush()  # here, where a reader gone away is answered, not at the exit
    except ReportError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader went away (`kiosk report | head`): nothing left to say, and nowhere to say
        # it; Python's own flush at exit must not fail on the closed pipe either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 1
    return 0


def _write(target: Path, write: Callable[[], None]) -> None:
    try:
        write()
    except OSError as error:
        raise ReportError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"wrote {target}")


def _fail(line: str) -> int:
    print(f"kiosk report: {line}", file=sys.stderr)
    return 1
