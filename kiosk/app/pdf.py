"""`kiosk export-pdf FILE`: the slides as a PDF handout, one slide a page (final states, text
as vector text), with the speaker notes under each slide when asked."""

from __future__ import annotations

import os
from pathlib import Path


def export_pdf(target: Path, lang: str | None, notes: bool, data: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QRectF, Qt  # noqa: PLC0415 (Qt after the platform)
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: PLC0415

    from kiosk.app.boot import create_application, load_for_command  # noqa: PLC0415
    from kiosk.content.pages import slide_list  # noqa: PLC0415
    from kiosk.system.safe_write import write_atomically  # noqa: PLC0415
    from kiosk.ui import theme as th  # noqa: PLC0415
    from kiosk.ui.snapshot import PageSnapshots  # noqa: PLC0415

    create_application()
    loaded, code = load_for_command(data, (lang,) if lang else ())
    if loaded is None:
        return code
    content = loaded.content
    lang = lang or content.meta.default_language
    size = (1920, 1080)
    snapshots = PageSnapshots(loaded, lang, size, navigation=False)
    slides = slide_list(content)

    def write(path: Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setTitle(content.meta.title[lang])
        writer.setCreator("kiosk export-pdf")
        writer.setResolution(144)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(10, 10, 10, 10),
                QPageLayout.Unit.Millimeter,
            )
        )
        area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        area.moveTo(0, 0)
        painter = QPainter(writer)
        note_font = QFont(th.FONT_FAMILY)
        note_font.setPixelSize(28)
        for index, slide in enumerate(slides):
            if index:
                writer.newPage()
            room = area.height() * (0.72 if notes else 0.94)
            scale = min(area.width() / size[0], room / size[1])
            painter.save()
            painter.translate(area.left() + (area.width() - size[0] * scale) / 2, area.top())
            painter.scale(scale, scale)
            snapshots.paint(painter, slide.page, slide.step)
            painter.restore()
            below = QRectF(area.left(), area.top() + size[1] * scale + 16, area.width(), area.height())
            painter.setFont(note_font)
            painter.setPen(QColor("#333333"))
            if notes and slide.notes is not None:
                flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
                painter.drawText(below.adjusted(0, 0, 0, -60), flags, slide.notes[lang])
            footer = QRectF(area.left(), area.bottom() - 40, area.width(), 40)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight), f"{index + 1} / {len(slides)}")
            print(
                f"[{index + 1}/{len(slides)}] {slide.page}"
                + (f" #{slide.step + 1}" if slide.step is not None else "")
            )
        painter.end()

    write_atomically(target, write)
    snapshots.close()
    print(f"{len(slides)} slides in {target}")
    return 0
