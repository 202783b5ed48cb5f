"""`kiosk report`'s outputs: the summary as CSV, every event as CSV, and the one-page printable
summary drawn with a QPainter (on a PNG or a PDF page; `kiosk.app.report` makes those)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from kiosk.showfloor.analytics import EVENT_COLUMNS, Report

# The page is laid out in tenths of a millimetre of an A4 sheet in landscape.
PAGE_WIDTH, PAGE_HEIGHT = 2970, 2100
_MARGIN = 120

# Printed on white paper, not shown on the kiosk's dark screen: ink colours of their own.
_INK = QColor("#14213D")
_MUTED = QColor("#5B6780")
_RULE = QColor("#C9D1DE")
_BAR = QColor("#2F6BD8")
_DONE = QColor("#1E9E6A")
_SHOWN_PAGES = 8
_SHOWN_DAYS = 31


def report_csv(report: Report) -> str:
    """The summary as one table: section, key, value (and seconds where there are some)."""
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(["section", "key", "value", "seconds"])
    table.writerow(["visits", "total", report.visits, ""])
    table.writerow(["visits", "median length", "", round(report.median_seconds, 1)])
    for kiosk, count in sorted(report.kiosks.items()):
        table.writerow(["kiosk", kiosk, count, ""])
    for kiosk, at, count in report.recovered:
        table.writerow(["recovered visits", f"{kiosk} {datetime.fromtimestamp(at).date()}", count, ""])
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
    for figure, count in sorted(report.figure_taps.items(), key=lambda item: (-item[1], item[0])):
        table.writerow(["figure tap", figure, count, ""])
    return buffer.getvalue()


def events_csv(rows: Iterable[tuple[object, ...]]) -> str:
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(EVENT_COLUMNS)
    table.writerows(rows)
    return buffer.getvalue()


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _font(painter: QPainter, size: float, bold: bool = False) -> None:
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    painter.setFont(font)


def _text(painter: QPainter, rect: QRectF, text: str, colour: QColor, align: Qt.AlignmentFlag) -> None:
    painter.setPen(colour)
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)


def _heading(painter: QPainter, rect: QRectF, title: str) -> QRectF:
    """The section's title and rule; the rectangle left under them."""
    _font(painter, 44, bold=True)
    _text(painter, QRectF(rect.left(), rect.top(), rect.width(), 60), title, _INK, Qt.AlignmentFlag.AlignLeft)
    painter.fillRect(QRectF(rect.left(), rect.top() + 66, rect.width(), 3), _RULE)
    return rect.adjusted(0, 90, 0, 0)


def _columns(painter: QPainter, rect: QRectF, bars: list[tuple[str, int]], label_every: int = 1) -> None:
    """Upright bars with their counts above and labels below."""
    if not bars:
        _font(painter, 34)
        _text(painter, rect, "no visits", _MUTED, Qt.AlignmentFlag.AlignCenter)
        return
    most = max(count for _label, count in bars) or 1
    slot = rect.width() / len(bars)
    base = rect.bottom() - 50
    tallest = base - rect.top() - 50
    for index, (label, count) in enumerate(bars):
        left = rect.left() + index * slot
        height = tallest * count / most
        painter.fillRect(QRectF(left + slot * 0.15, base - height, slot * 0.7, height), _BAR)
        _font(painter, min(30, slot * 0.55))
        if count:
            _text(
                painter,
                QRectF(left - 20, base - height - 44, slot + 40, 40),
                str(count),
                _INK,
                Qt.AlignmentFlag.AlignHCenter,
            )
        if index % label_every == 0:
            _text(
                painter,
                QRectF(left - 40, base + 6, slot + 80, 40),
                label,
                _MUTED,
                Qt.AlignmentFlag.AlignHCenter,
            )
    painter.fillRect(QRectF(rect.left(), base, rect.width(), 2), _MUTED)


def _rows(painter: QPainter, rect: QRectF, rows: list[tuple[str, float, str]], colour: QColor) -> None:
    """Lying bars, one a row: label, a bar for `share` (0..1) and the figure written out."""
    if not rows:
        _font(painter, 34)
        _text(
            painter,
            QRectF(rect.left(), rect.top(), rect.width(), 60),
            "none recorded",
            _MUTED,
            Qt.AlignmentFlag.AlignLeft,
        )
        return
    height = min(70.0, rect.height() / len(rows))
    _font(painter, min(34, height * 0.55))
    metrics = painter.fontMetrics()
    # The figures keep their whole width; the labels give way (elided in the middle).
    figure_width = max(metrics.horizontalAdvance(figure) for _label, _share, figure in rows) + 24
    label_width = rect.width() * 0.34
    track = max(40.0, rect.width() - label_width - figure_width)
    for index, (label, share, figure) in enumerate(rows):
        top = rect.top() + index * height
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_width - 16))
        _text(
            painter,
            QRectF(rect.left(), top, label_width - 16, height),
            shown,
            _INK,
            Qt.AlignmentFlag.AlignLeft,
        )
        bar = QRectF(rect.left() + label_width, top + height * 0.22, track, height * 0.56)
        painter.fillRect(bar, _RULE)
        painter.fillRect(
            QRectF(bar.left(), bar.top(), track * max(0.0, min(1.0, share)), bar.height()), colour
        )
        figure_rect = QRectF(rect.right() - figure_width, top, figure_width, height)
        _text(painter, figure_rect, figure, _MUTED, Qt.AlignmentFlag.AlignRight)


def _key_figures(painter: QPainter, rect: QRectF, report: Report) -> None:
    days = len(report.per_day) or 1
    started = sum(started for started, _done in report.tours.values())
    done = sum(done for _started, done in report.tours.values())
    figures = [
        (f"{report.visits:,}", "visits"),
        (_duration(report.median_seconds), "median visit"),
        (f"{report.visits / days:,.0f}", f"visits a day ({len(report.per_day)} day(s) with visits)"),
        (f"{done / started:.0%}" if started else "–", f"of {started} tours started were completed"),
    ]
    width = rect.width() / len(figures)
    for index, (number, caption) in enumerate(figures):
        left = rect.left() + index * width
        _font(painter, 96, bold=True)
        _text(painter, QRectF(left, rect.top(), width - 40, 120), number, _INK, Qt.AlignmentFlag.AlignLeft)
        _font(painter, 32)
        _text(
            painter,
            QRectF(left, rect.top() + 120, width - 40, 50),
            caption,
            _MUTED,
            Qt.AlignmentFlag.AlignLeft,
        )


def _subtitle(report: Report, printed: datetime) -> str:
    if report.first is None or report.last is None:
        period = "no visits in the period"
    else:
        first, last = (datetime.fromtimestamp(moment).date() for moment in (report.first, report.last))
        period = f"{first} to {last}" if first != last else f"{first}"
    kiosks = ", ".join(f"{kiosk} ({count})" for kiosk, count in sorted(report.kiosks.items())) or "none"
    return f"{period}  ·  kiosks: {kiosks}  ·  printed {printed:%Y-%m-%d %H:%M}"


# A printer's sans-serif from the system, not the kiosk's CJK font: with that one a PDF reader
# reads its digits back as private-use characters (kiosk.app.pdf works around that for slides).
_PRINT_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"]


def draw_summary(painter: QPainter, report: Report, printed: datetime) -> None:
    """The printable summary on a `PAGE_WIDTH` x `PAGE_HEIGHT` page (the painter scaled to it)."""
    font = QFont()
    font.setFamilies(_PRINT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, PAGE_WIDTH, PAGE_HEIGHT), QColor("white"))
    inner = QRectF(_MARGIN, _MARGIN, PAGE_WIDTH - 2 * _MARGIN, PAGE_HEIGHT - 2 * _MARGIN)
    _font(painter, 72, bold=True)
    _text(
        painter,
        QRectF(inner.left(), inner.top(), inner.width(), 90),
        "Kiosk visitors: summary",
        _INK,
        Qt.AlignmentFlag.AlignLeft,
    )
    _font(painter, 34)
    _text(
        painter,
        QRectF(inner.left(), inner.top() + 96, inner.width(), 50),
        _subtitle(report, printed),
        _MUTED,
        Qt.AlignmentFlag.AlignLeft,
    )
    top = inner.top() + 190
    _key_figures(painter, QRectF(inner.left(), top, inner.width(), 180), report)
    if report.recovered or report.notes:
        saved = sum(count for _kiosk, _at, count in report.recovered)
        note = f"{saved} visit(s) were recovered from damaged databases and are counted here."
        if report.notes:
            note += f" {len(report.notes)} database(s) given were damaged and read through a recovery."
        _font(painter, 30)
        _text(
            painter,
            QRectF(inner.left(), top + 176, inner.width(), 44),
            note,
            _MUTED,
            Qt.AlignmentFlag.AlignLeft,
        )
    gap = 90
    half = (inner.width() - gap) / 2
    charts_top, charts_height = top + 250, 640
    days = sorted(report.per_day.items())[-_SHOWN_DAYS:]
    day_title = "Visits per day" + (
        f" (the last {_SHOWN_DAYS} days with visits)" if len(report.per_day) > _SHOWN_DAYS else ""
    )
    area = _heading(painter, QRectF(inner.left(), charts_top, half, charts_height), day_title)
    _columns(painter, area, [(day[5:], count) for day, count in days], label_every=max(1, len(days) // 10))
    area = _heading(
        painter,
        QRectF(inner.left() + half + gap, charts_top, half, charts_height),
        "Visits by hour of the day",
    )
    hours = [(f"{hour:02d}", report.per_hour.get(hour, 0)) for hour in range(24)]
    _columns(painter, area, hours if report.visits else [], label_every=2)

    _lists(painter, report, QRectF(inner.left(), charts_top + charts_height + 60, inner.width(), 0), inner)


def _lists(painter: QPainter, report: Report, place: QRectF, inner: QRectF) -> None:
    """The bottom third: pages, languages and figures, tours and kiosks."""
    gap = 90
    lists_top = place.top()
    lists_height = inner.bottom() - lists_top
    third = (inner.width() - 2 * gap) / 3
    most_views = max((views for _page, views, _seconds in report.top_pages), default=1) or 1
    pages = [
        (page, views / most_views, f"{views} · {_duration(seconds / views)} each")
        for page, views, seconds in report.top_pages[:_SHOWN_PAGES]
    ]
    area = _heading(painter, QRectF(inner.left(), lists_top, third, lists_height), "Most viewed pages")
    _rows(painter, area, pages, _BAR)
    visits = report.visits or 1
    languages = [
        (lang, count / visits, f"{count} · {count / visits:.0%}")
        for lang, count in sorted(report.languages.items(), key=lambda item: -item[1])
    ]
    left = inner.left() + third + gap
    area = _heading(painter, QRectF(left, lists_top, third, lists_height), "Languages used (share of visits)")
    _rows(painter, area.adjusted(0, 0, 0, -(area.height() / 2)), languages, _BAR)
    taps = sorted(report.figure_taps.items(), key=lambda item: (-item[1], item[0]))[:4]
    most_taps = max((count for _figure, count in taps), default=1)
    area = _heading(
        painter, QRectF(left, lists_top + lists_height / 2, third, lists_height / 2), "Figures tapped most"
    )
    _rows(painter, area, [(figure, count / most_taps, str(count)) for figure, count in taps], _BAR)
    tours = [
        (
            page,
            done / started if started else 0.0,
            f"{done} of {started} · {done / started if started else 0:.0%}",
        )
        for page, (started, done) in sorted(report.tours.items())
    ]
    right = left + third + gap
    half_height = lists_height / 2
    area = _heading(painter, QRectF(right, lists_top, third, half_height), "Tours: reached the last stop")
    _rows(painter, area, tours, _DONE)
    area = _heading(painter, QRectF(right, lists_top + half_height, third, half_height), "Visits per kiosk")
    kiosks = sorted(report.kiosks.items(), key=lambda item: (-item[1], item[0]))[:4]
    per_kiosk = [(kiosk, count / visits, f"{count} · {count / visits:.0%}") for kiosk, count in kiosks]
    _rows(painter, area, per_kiosk, _BAR)
