"""`kiosk report`: what visitors did, from the local analytics database, as text, CSV or a chart."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime
from pathlib import Path

from kiosk.showfloor.analytics import Report, build_report
from kiosk.system.safe_write import SHARED, write_atomically, write_text_atomically


def report_csv(report: Report) -> str:
    """One table: section, key, value (and seconds where there are some)."""
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(["section", "key", "value", "seconds"])
    table.writerow(["visits", "total", report.visits, ""])
    table.writerow(["visits", "median length", "", round(report.median_seconds, 1)])
    for day, count in sorted(report.per_day.items()):
        table.writerow(["per day", day, count, ""])
    for hour, count in sorted(report.per_hour.items()):
        table.writerow(["per hour", f"{hour:02d}", count, ""])
    for page, views, seconds in report.top_pages:
        table.writerow(["page", page, views, round(seconds, 1)])
    for lang, count in sorted(report.languages.items()):
        table.writerow(["language", lang, count, ""])
    for page, (started, done) in sorted(report.tours.items()):
        table.writerow(["tour started", page, started, ""])
        table.writerow(["tour completed", page, done, ""])
    return buffer.getvalue()


def report_png(report: Report, target: Path) -> None:
    """Visits per hour of the day as a bar chart."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt  # noqa: PLC0415 (Qt only for the picture)
    from PySide6.QtGui import QColor, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from kiosk.ui import theme as th  # noqa: PLC0415

    # A QApplication (not the lighter QGuiApplication): a later widget UI can reuse it.
    app = QApplication.instance() or QApplication([])
    width, height, margin = 1600, 800, 90
    image = QImage(width, height, QImage.Format.Format_RGB32)
    # An operator's chart, not a visitor's screen: always the normal colours.
    colours = th.NORMAL_PALETTE
    image.fill(QColor(colours.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colours.text))
    title = painter.font()
    title.setPixelSize(36)
    painter.setFont(title)
    painter.drawText(
        margin, 60, f"Visits per hour of day  ({report.visits} visits, median {report.median_seconds:.0f} s)"
    )
    most = max(report.per_hour.values(), default=0) or 1
    slot = (width - 2 * margin) / 24
    base = height - margin
    small = painter.font()
    small.setPixelSize(22)
    painter.setFont(small)
    for hour in range(24):
        count = report.per_hour.get(hour, 0)
        bar = (base - 120) * count / most
        left = margin + hour * slot
        painter.fillRect(QRectF(left + 6, base - bar, slot - 12, bar), QColor(colours.accent))
        painter.setPen(QColor(colours.text_secondary))
        painter.drawText(QRectF(left, base + 10, slot, 30), int(Qt.AlignmentFlag.AlignCenter), f"{hour:02d}")
        if count:
            painter.setPen(QColor(colours.text))
            painter.drawText(
                QRectF(left, base - bar - 34, slot, 30), int(Qt.AlignmentFlag.AlignCenter), str(count)
            )
    painter.end()
    del app

    def save(path: Path) -> None:
        # PySide6 takes the format as a str; its stub says bytes.
        if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
            raise OSError(f"cannot write PNG to {path}")

    write_atomically(target, save, mode=SHARED)


def run_report(database: Path, since: str | None, csv_path: Path | None, png_path: Path | None) -> int:
    try:
        start = datetime.fromisoformat(since).timestamp() if since else 0.0
    except ValueError:
        print(f"--since wants a date like 2026-11-27, not {since!r}")
        return 2
    report = build_report(database, start)
    print(f"{database}")
    print("\n".join(report.lines()))
    if csv_path is not None:
        write_text_atomically(csv_path, report_csv(report), mode=SHARED)
        print(f"wrote {csv_path}")
    if png_path is not None:
        report_png(report, png_path)
        print(f"wrote {png_path}")
    return 0
