"""Touch targets drawn for the exhibit: press feedback in the same frame, action on release."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.content import LocalText
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.direction import begin_painter, visual_rect, visual_x
from kiosk.ui.language import LanguageState, TextSource
from kiosk.ui.widgets.icons import icon_pixmap
from kiosk.ui.widgets.text import broken_text

PRESSED_SCALE = 0.97
CHECK_ICON = icon_path("check")
_NAME_ROLES = ("h2", "label")  # the largest and the least size of a tile's name


class _PressableButton(QAbstractButton):
    """Shared press look: the whole target shrinks to 97 % and darkens while held."""

    def __init__(self, language: LanguageState, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._theme = theme
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, False)
        language.changed.connect(self._on_language_changed)

    def _on_language_changed(self, lang: str) -> None:
        self._update_accessible_name()
        self.updateGeometry()
        self.update()

    def _update_accessible_name(self) -> None:
        self.setAccessibleName(self.text())

    def _begin(self) -> QPainter:
        painter = begin_painter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isDown():
            centre = QRectF(self.rect()).center()
            painter.translate(centre)
            painter.scale(PRESSED_SCALE, PRESSED_SCALE)
            painter.translate(-centre)
        return painter

    def _rounded(self, rect: QRectF, radius: float) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        return path


class TouchButton(_PressableButton):
    """An icon with an optional label: the navigation bar's buttons and chips."""

    def __init__(
        self,
        language: LanguageState,
        theme: th.Theme,
        label: TextSource | None = None,
        icon: Path | None = None,
        filled: bool = False,
        colour: str | None = None,
        spoken: TextSource | None = None,
        parent: QWidget | None = None,
        *,
        outlined: bool = False,
    ) -> None:
        super().__init__(language, theme, parent)
        self._spoken = spoken  # the name for assistive technology when the button shows no label
        self._label = label
        self._icon = icon
        self._filled = filled
        # A key or an option (PIN pad, admin actions, choices): its shape is drawn, not only its
        # label; checkable buttons always are. High contrast outlines every button.
        self._outlined = outlined
        self._colour = colour or theme.palette.text
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._update_accessible_name()

    def text(self) -> str:
        return self._language.text(self._label) if self._label is not None else ""

    def _update_accessible_name(self) -> None:
        spoken = self._spoken if self._label is None and getattr(self, "_spoken", None) else None
        self.setAccessibleName(self._language.text(spoken) if spoken is not None else self.text())

    def set_icon(self, icon: Path | None) -> None:
        self._icon = icon
        self.update()

    def set_filled(self, filled: bool) -> None:
        self._filled = filled
        self.update()

    def set_label(self, label: TextSource) -> None:
        self._label = label
        self._update_accessible_name()
        self.updateGeometry()
        self.update()

    def _icon_size(self) -> int:
        return self._theme.text_px(40)  # grows with a visitor's larger text, as the label does

    def sizeHint(self) -> QSize:
        side = self._theme.drawn_target(88)
        text = self.text()
        if not text:
            return QSize(side, side)
        metrics = QFontMetrics(self._theme.font("label"))
        pad = self._theme.text_px(28)  # larger words keep their room inside the pill
        # A checkable button keeps room for the check mark its chosen state shows.
        shows_icon = self._icon is not None or self.isCheckable()
        icon = self._icon_size() + self._theme.px(14) if shows_icon else 0
        return QSize(max(side, pad * 2 + icon + metrics.horizontalAdvance(text)), side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _shows_shape(self) -> bool:
        return self._outlined or self.isCheckable() or self._theme.high_contrast

    def _look(self) -> tuple[QColor | None, QColor | None, QColor]:
        """(fill, outline, ink) for the button's state. A chosen option is filled in its colour
        with dark ink (high contrast: white, black ink), never in the panel's own colour; high
        contrast fills nothing else and outlines everything."""
        colours = self._theme.palette
        contrast = self._theme.high_contrast
        chosen = self.isChecked() if self.isCheckable() else self._filled
        fill: QColor | None = None
        outline: QColor | None = None
        if contrast:
            outline = QColor(self._colour)
            fill = QColor(colours.text) if self.isChecked() else None
            ink = QColor(colours.background if self.isChecked() else colours.text)
        elif chosen:
            fill = QColor(self._colour)
            outline = QColor(self._colour) if self._shows_shape() else None
            ink = QColor(colours.on_colour)
        else:
            ink = QColor(self._colour)
            if self._shows_shape():
                fill = QColor(colours.surface)
                outline = th.color(self._colour, 0.7)
        if self.isDown():
            fill = fill.darker(135) if fill is not None and chosen else QColor(colours.line)
            if contrast and not self.isChecked():
                fill = th.color(colours.text, 0.3)
        if not self.isEnabled():
            ink.setAlphaF(0.3)
            if outline is not None:
                outline.setAlphaF(0.3)
        return fill, outline, ink

    def outline_width(self) -> int:
        """The drawn outline's width: 2 px at the design's size, 3 in high contrast."""
        return self._theme.px(3 if self._theme.high_contrast else 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._begin()
        inset = th.PAINT_INSET
        rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        radius = rect.height() / 2
        fill, outline, ink = self._look()
        if fill is not None:
            painter.fillPath(self._rounded(rect, radius), fill)
        if outline is not None:
            width = self.outline_width()
            edge = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
            painter.setPen(QPen(outline, width))
            painter.drawPath(self._rounded(edge, edge.height() / 2))
        text = self.text()
        size = self._icon_size()
        font = self._theme.font("label")
        metrics = QFontMetrics(font)
        # The chosen option carries a check mark, so its state is not told by colour alone.
        icon = CHECK_ICON if self.isCheckable() and self.isChecked() and text else self._icon
        gap = self._theme.px(14) if text and icon else 0
        content = (size if icon else 0) + gap + (metrics.horizontalAdvance(text) if text else 0)
        x = rect.center().x() - content / 2
        if icon:
            pixmap = icon_pixmap(
                icon, size, ink, self.devicePixelRatioF(), right_to_left=self.isRightToLeft()
            )
            painter.drawPixmap(QPointF(visual_x(self, rect, x, size), rect.center().y() - size / 2), pixmap)
            x += size + gap
        if text:
            painter.setFont(font)
            painter.setPen(ink)
            painter.drawText(
                visual_rect(self, rect, QRectF(x, rect.top(), content, rect.height())),
                # Unclipped: right to left the box ends where the text starts, and a first
                # letter's ink may reach a pixel or two past its advance.
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip),
                text,
            )
        painter.end()


class ColourTile(_PressableButton):
    """A large tile filled with a vision's colour: icon, name, and the name in the other language.

    The name is set as large as h2 where every peer's name fits one line, smaller (down to the
    label size) where one would not; the icon and the padding grow with a visitor's larger text.
    A row too narrow for the names at the label size is the grid's to reflow (`ReflowGrid`,
    with `least_width`).
    """

    def __init__(
        self,
        language: LanguageState,
        theme: th.Theme,
        name: LocalText,
        colour: str,
        icon: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(language, theme, parent)
        self._low = theme.portrait  # asks only for the height of its icon beside the names
        self._name = name
        self._colour = colour
        self._icon = icon
        self._peers: list[ColourTile] = [self]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._update_accessible_name()

    def text(self) -> str:
        return self._language.text(self._name)

    def other_text(self) -> str:
        """The name in the next language, shown small under the main name."""
        others = [lang for lang in self._language.languages if lang != self._language.current]
        return self._name[others[0]] if others else ""

    def share_name_size_with(self, peers: list[ColourTile]) -> None:
        """Tiles of one row set their names at one size: the size the longest name allows."""
        self._peers = peers

    # ---- metrics: one place for the painting, the size hints and the grid ---------------------

    def _pad(self) -> int:
        return self._theme.text_px(20)

    def _icon_side(self) -> int:
        return self._theme.text_px(56)

    def _own_name_px(self, width: float) -> int:
        """The largest name size (h2 down to label) that sets this name on one line in `width`."""
        largest, least = self._theme.font_px(_NAME_ROLES[0]), self._theme.font_px(_NAME_ROLES[-1])
        natural = QFontMetricsF(self._theme.font(_NAME_ROLES[0])).horizontalAdvance(self.text())
        if natural <= width:
            return largest
        return max(least, int(largest * width / natural))

    def name_font(self, width: float) -> QFont:
        """The name's font for a text box `width` wide: one size for every peer."""
        font = self._theme.font(_NAME_ROLES[0])
        font.setPixelSize(min(peer._own_name_px(width) for peer in self._peers))
        return font

    def least_width(self) -> int:
        """The narrowest tile that still sets this name on one line (at the label size), and the
        name in the other language under it."""
        name = QFontMetricsF(self._theme.font(_NAME_ROLES[-1])).horizontalAdvance(self.text())
        # The other language's name, small under it, whole at its caption size.
        name = max(name, QFontMetricsF(self._theme.font("caption")).horizontalAdvance(self.other_text()))
        # Low tiles (portrait, a small panel) are wide: the icon stands beside the names.
        beside = self._pad() + self._icon_side() if self._low else 0
        return max(self._theme.target(160), math.ceil(name) + 2 * self._pad() + beside + 2)

    def _names_height(self, width: float) -> int:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        box = QRectF(0, 0, max(1.0, width), 10_000).toRect()
        name = QFontMetrics(self.name_font(width)).boundingRect(box, flags, self.text())
        other = QFontMetrics(self._other_font(width)).height() + self._theme.px(4) if self.other_text() else 0
        return name.height() + other

    def _stacked_height(self, width: float) -> int:
        """The height the tile needs with its icon above the names (how it reads best)."""
        pad = self._pad()
        return pad * 2 + self._icon_side() + self._theme.px(8) + self._names_height(width - 2 * pad)

    def _beside_text_width(self, width: float) -> float:
        return width - self._pad() * 3 - self._icon_side()

    def _beside_height(self, width: float) -> int:
        """The height the tile needs with its icon beside the names (a low, wide tile)."""
        names = self._names_height(self._beside_text_width(width))
        return self._pad() * 2 + max(self._icon_side(), names)

    def _width(self) -> int:
        return self.width() if self.width() > 0 else self._theme.px(320)

    def minimumSizeHint(self) -> QSize:
        width = self._width()
        return QSize(self._theme.target(160), max(self._theme.target(96), self._beside_height(width) + 2))

    def sizeHint(self) -> QSize:
        # Preferred height stays modest: height-for-width layouts (the page's scroll area)
        # add preferred heights, and the row's stretch gives tiles whatever room is left.
        width = self._width()
        if self._low:
            return QSize(self._theme.px(320), max(self._theme.target(104), self._beside_height(width) + 2))
        return QSize(self._theme.px(320), max(self._theme.target(160), self._stacked_height(width) + 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._begin()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self._theme.high_contrast:
            # Black with the vision's colour as a 4 px outline: high contrast fills no tile.
            _draw_outline(painter, rect, self._theme.radius, self._colour, self._theme.px(4))
            if self.isDown():
                painter.fillPath(self._rounded(rect, self._theme.radius), th.color(self._colour, 0.3))
            ink = QColor(self._theme.palette.text)
        else:
            base = QColor(self._colour)
            gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
            gradient.setColorAt(0.0, base.lighter(112))
            gradient.setColorAt(1.0, base.darker(118))
            painter.fillPath(self._rounded(rect, self._theme.radius), gradient)
            if self.isDown():
                painter.fillPath(self._rounded(rect, self._theme.radius), QColor(0, 0, 0, 60))
            ink = QColor(self._theme.palette.on_colour)
        pad, icon = self._pad(), self._icon_side()
        if rect.height() >= self._stacked_height(rect.width()):  # icon above the names
            pixmap = icon_pixmap(self._icon, icon, ink, self.devicePixelRatioF())
            corner = QPointF(visual_x(self, rect, rect.left() + pad, icon), rect.top() + pad)
            painter.drawPixmap(corner, pixmap)
            text_rect = rect.adjusted(pad, pad + icon, -pad, -pad)
            self._draw_names(painter, text_rect, ink, Qt.AlignmentFlag.AlignBottom)
            painter.end()
            return
        # Low and wide: icon on the left, names beside it.
        icon = min(icon, int(rect.height() - pad))
        pixmap = icon_pixmap(self._icon, icon, ink, self.devicePixelRatioF())
        painter.drawPixmap(
            QPointF(visual_x(self, rect, rect.left() + pad, icon), rect.center().y() - icon / 2), pixmap
        )
        text_rect = visual_rect(
            self,
            rect,
            QRectF(rect.left() + pad * 2 + icon, rect.top(), rect.width() - pad * 3 - icon, rect.height()),
        )
        self._draw_names(painter, text_rect, ink, Qt.AlignmentFlag.AlignVCenter)
        painter.end()

    def _other_font(self, width: float) -> QFont:
        """The small other-language name: caption size, shrunk (to 16 px at least) to fit one line."""
        font = self._theme.font("caption")
        natural = QFontMetrics(font).horizontalAdvance(self.other_text())
        if natural > width > 0:
            font.setPixelSize(max(16, int(font.pixelSize() * width / natural)))
        return font

    def _draw_names(self, painter: QPainter, rect: QRectF, ink: QColor, align: Qt.AlignmentFlag) -> None:
        name_font = self.name_font(rect.width())
        small_font = self._other_font(rect.width())
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        name_box = QFontMetrics(name_font).boundingRect(rect.toRect(), flags, self.text())
        other = QFontMetrics(small_font).elidedText(
            self.other_text(), Qt.TextElideMode.ElideRight, int(rect.width())
        )
        small_height = QFontMetrics(small_font).height() if other else 0
        gap = self._theme.px(4) if other else 0
        total = name_box.height() + gap + small_height
        top = (
            rect.bottom() - total if align == Qt.AlignmentFlag.AlignBottom else rect.center().y() - total / 2
        )
        painter.setPen(ink)
        painter.setFont(name_font)
        painter.drawText(QRectF(rect.left(), top, rect.width(), name_box.height()), flags, self.text())
        if other:
            painter.setFont(small_font)
            faded = QColor(ink)
            faded.setAlphaF(0.78)
            painter.setPen(faded)
            y = top + name_box.height() + gap
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), small_height), int(Qt.AlignmentFlag.AlignLeft), other
            )


class EntryCard(_PressableButton):
    """An entry on the home screen (a tour, the figures, the voices): icon, title, a hint."""

    def __init__(
        self,
        language: LanguageState,
        theme: th.Theme,
        title: TextSource,
        hint: TextSource,
        colour: str,
        icon: Path | None,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(language, theme, parent)
        self._title = title
        self._hint = hint
        self._colour = colour
        self._icon = icon
        self._compact = compact
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._update_accessible_name()

    def text(self) -> str:
        return self._language.text(self._title)

    def hint_text(self) -> str:
        return self._language.text(self._hint)

    def _shown_title(self, width: float) -> str:
        return broken_text(self.text(), self._theme.font("label"), width)

    def _shown_hint(self, width: float) -> str:
        return broken_text(self.hint_text(), self._theme.font("caption"), width)

    def _layout(self, width: float) -> tuple[int, int, int, int]:
        """icon size, padding, title height and hint height for a card `width` wide."""
        pad = self._theme.px(16 if self._compact else 24)
        icon = self._theme.text_px(56) if self._icon is not None else 0
        # As `paintEvent` places the text: after the colour bar, the icon and its gap if any.
        text_width = max(40, int(width) - 2 - pad * 2 - self._theme.px(8) - icon - (pad if icon else 0))
        flags = int(Qt.TextFlag.TextWordWrap)
        title_h = QFontMetrics(self._theme.font("label")).boundingRect(
            0, 0, text_width, 10_000, flags, self._shown_title(text_width)
        )
        hint = self._shown_hint(text_width)
        hint_h = QFontMetrics(self._theme.font("caption")).boundingRect(0, 0, text_width, 10_000, flags, hint)
        return icon, pad, title_h.height(), hint_h.height() if hint else 0

    def least_width(self) -> int:
        """The narrowest card that breaks its title and hint only between words (a Chinese
        title, without spaces, kept whole): with larger text the grid takes fewer columns."""
        pad = self._theme.px(16 if self._compact else 24)
        icon = self._theme.text_px(56) if self._icon is not None else 0
        chrome = 2 + pad * 2 + self._theme.px(8) + icon + (pad if icon else 0)
        words = [
            QFontMetrics(self._theme.font(role)).horizontalAdvance(word)
            for role, text in (("label", self.text()), ("caption", self.hint_text()))
            for word in text.split()
        ]
        return max(self._theme.target(160), chrome + max(words, default=0) + 2)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _, pad, title_h, hint_h = self._layout(width)
        least = self._theme.target(72 if self._compact else 104)
        return max(least, pad * 2 + title_h + hint_h + self._theme.px(4))

    def sizeHint(self) -> QSize:
        width = self._theme.px(400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._theme.px(260)
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._begin()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = self._theme.radius
        colours = self._theme.palette
        fill = (
            colours.line
            if self.isDown()
            else (colours.surface_raised if self.isChecked() else colours.surface)
        )
        painter.fillPath(self._rounded(rect, radius), QColor(fill))
        if not self.isCheckable() or self.isChecked():
            bar = visual_rect(self, rect, QRectF(rect.left(), rect.top(), self._theme.px(8), rect.height()))
            painter.save()
            painter.setClipPath(self._rounded(rect, radius))
            painter.fillRect(bar, QColor(self._colour))
            painter.restore()
        if self._theme.high_contrast:
            # On black the card's fill is gone: its outline shows where to tap (the chosen one's
            # is wider, in its colour).
            chosen = self.isCheckable() and self.isChecked()
            edge = self._colour if chosen else colours.text
            _draw_outline(painter, rect, radius, edge, self._theme.px(4 if chosen else 2))
        icon, pad, title_h, hint_h = self._layout(rect.width())
        left = rect.left() + pad + self._theme.px(8)
        if self._icon is not None:
            painter.drawPixmap(
                QPointF(visual_x(self, rect, left, icon), rect.center().y() - icon / 2),
                icon_pixmap(self._icon, icon, QColor(self._colour), self.devicePixelRatioF()),
            )
        text_left = left + icon + (pad if icon else 0)
        text_width = rect.right() - pad - text_left
        gap = self._theme.px(4) if hint_h else 0
        top = rect.center().y() - (title_h + hint_h + gap) / 2
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        painter.setPen(QColor(colours.text))
        painter.setFont(self._theme.font("label"))
        painter.drawText(
            visual_rect(self, rect, QRectF(text_left, top, text_width, title_h)),
            flags,
            self._shown_title(text_width),
        )
        painter.setPen(QColor(colours.text_secondary))
        painter.setFont(self._theme.font("caption"))
        hint_box = QRectF(text_left, top + title_h + self._theme.px(4), text_width, hint_h)
        painter.drawText(visual_rect(self, rect, hint_box), flags, self._shown_hint(text_width))
        painter.end()


def _draw_outline(painter: QPainter, rect: QRectF, radius: float, colour: str, width: int) -> None:
    """A rounded outline drawn inside `rect`, `width` px wide."""
    edge = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
    painter.save()
    painter.setPen(QPen(QColor(colour), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(edge, max(0.0, radius - width / 2), max(0.0, radius - width / 2))
    painter.restore()
