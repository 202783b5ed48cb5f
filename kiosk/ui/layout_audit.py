"""What a visitor would see as broken in a shown widget tree, found by walking it once."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPaintEngine,
    QPaintEngineState,
    QPainterPath,
    QRegion,
    QTextItem,
    QTransform,
)
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from kiosk.i18n.line_breaks import WORD_JOINER
from kiosk.ui.pages.base import Page, PageScrollArea
from kiosk.ui.widgets.text import wrapped_lines

# The problem kinds, in the order a report lists them.
TEXT_CUT = "text-cut"
TEXT_ELIDED = "text-elided"
OUTSIDE_WINDOW = "outside-window"
OVERFLOW = "overflow"
CLIPPED = "clipped"
OVER_NAV = "over-nav"
NEEDS_SCROLL = "needs-scroll"
TARGET_HIDDEN = "target-under-fade"
SMALL_TARGET = "small-target"
CROWDED_TARGETS = "crowded-targets"
NUMBER_SPLIT = "number-split"
LONE_CHARACTER = "lone-character"
KINDS = (
    TEXT_CUT,
    TEXT_ELIDED,
    OUTSIDE_WINDOW,
    OVERFLOW,
    CLIPPED,
    OVER_NAV,
    NEEDS_SCROLL,
    TARGET_HIDDEN,
    SMALL_TARGET,
    CROWDED_TARGETS,
    NUMBER_SPLIT,
    LONE_CHARACTER,
)

ELLIPSIS = "…"
TOLERANCE = 1.0  # px: rounding, never a visible cut
# Glyph boxes come in whole pixels, rounded outwards: ink cut by less than this is not seen.
INK_TOLERANCE = 2.0
EXCERPT = 28

# A number and the unit or measure word after it belong on one line ("近 130 家", "3.5 万").
_UNITS = (
    "平方公里",
    "平方米",
    "公里",
    "公顷",
    *"万亿千百个家项所名位台辆座件次人元倍年月日余多种条届场亩米%％",
)
_NUMBER_END = re.compile(r"\d[.,]?$")
_NUMBER_START = re.compile(r"^[.,]?\d")
_CLOSING = "。，、；：！？”’）》」』〉】….,;:!?)\"' \u3000"


def _cjk(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF


@dataclass(frozen=True)
class LayoutProblem:
    kind: str
    widget: str  # class#objectName "text excerpt"
    detail: str


def describe(widget: QWidget) -> str:
    """The widget as a curator can find it: class, object name and the start of its text."""
    name = type(widget).__name__
    if widget.objectName():
        name += f"#{widget.objectName()}"
    text = _own_text(widget) or widget.accessibleName()
    text = " ".join(text.split())
    if text:
        name += f' "{text[:EXCERPT]}{ELLIPSIS if len(text) > EXCERPT else ""}"'
    return name


def _own_text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    if callable(text):
        value = text()
        if isinstance(value, str):
            return value
    return ""


# ---- what custom-painted widgets draw ---------------------------------------------------------


@dataclass
class _DrawnText:
    text: str
    font: QFont
    origin: QPointF  # the start of its baseline, in the widget's coordinates
    ink: QRectF  # in the widget's coordinates
    clip: QRectF | None  # the painter's clip then, in the widget's coordinates


class _TextRecorder(QPaintEngine):
    """Draws nothing; keeps every run of text with where its ink lands and the clip it had."""

    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.texts: list[_DrawnText] = []
        self._ink: dict[tuple[str, str], QRectF] = {}

    def begin(self, device: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state: QPaintEngineState) -> None:
        pass

    def drawPixmap(self, *args: object) -> None:
        pass

    def drawTiledPixmap(self, *args: object) -> None:
        pass

    def drawImage(self, *args: object) -> None:
        pass

    def drawPolygon(self, *args: object) -> None:
        pass

    def drawPath(self, *args: object) -> None:
        pass

    def drawRects(self, *args: object) -> None:
        pass

    def drawLines(self, *args: object) -> None:
        pass

    def drawEllipse(self, *args: object) -> None:
        pass

    def drawPoints(self, *args: object) -> None:
        pass

    def drawTextItem(self, p: QPointF | QPoint | QPainterPath.Element, text_item: QTextItem) -> None:
        text = text_item.text()
        if not text.replace(WORD_JOINER, "").strip():  # a joiner alone (a run of its own) has no ink
            return
        font = text_item.font()
        key = (font.key(), text)
        ink = self._ink.get(key)
        if ink is None:
            ink = QFontMetricsF(font).tightBoundingRect(text)
            self._ink[key] = ink
        painter = self.painter()
        transform: QTransform = painter.transform()
        clip = transform.mapRect(painter.clipBoundingRect()) if painter.hasClipping() else None
        origin = QPointF(p) if isinstance(p, (QPointF, QPoint)) else QPointF(p.x, p.y)
        self.texts.append(
            _DrawnText(text, font, transform.map(origin), transform.mapRect(ink.translated(origin)), clip)
        )


class _RecordingDevice(QPaintDevice):
    """A paint device the size and resolution of the widget painting on it, that keeps its text."""

    def __init__(self) -> None:
        super().__init__()
        self.engine = _TextRecorder()
        self.metrics: dict[QPaintDevice.PaintDeviceMetric, int] = {}

    def fit(self, widget: QWidget) -> None:
        kind = QPaintDevice.PaintDeviceMetric
        width, height = max(1, widget.width()), max(1, widget.height())
        self.metrics = {
            kind.PdmWidth: width,
            kind.PdmHeight: height,
            kind.PdmWidthMM: widget.widthMM(),
            kind.PdmHeightMM: widget.heightMM(),
            kind.PdmNumColors: widget.colorCount(),
            kind.PdmDepth: widget.depth(),
            kind.PdmDpiX: widget.logicalDpiX(),
            kind.PdmDpiY: widget.logicalDpiY(),
            kind.PdmPhysicalDpiX: widget.physicalDpiX(),
            kind.PdmPhysicalDpiY: widget.physicalDpiY(),
            kind.PdmDevicePixelRatio: round(widget.devicePixelRatioF()),
            kind.PdmDevicePixelRatioScaled: round(
                widget.devicePixelRatioF() * QPaintDevice.devicePixelRatioFScale()
            ),
        }

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        return self.metrics.get(metric, 0)


_DEVICE: _RecordingDevice | None = None


def drawn_texts(widget: QWidget) -> list[_DrawnText]:
    """The runs of text `widget` itself paints (not its children), from a real paint event."""
    global _DEVICE  # noqa: PLW0603 (one device for every call: building one costs more than painting)
    if _DEVICE is None:
        _DEVICE = _RecordingDevice()
    device = _DEVICE
    device.fit(widget)
    device.engine.texts = []
    widget.render(device, QPoint(0, 0), QRegion(), QWidget.RenderFlag(0))
    texts, device.engine.texts = device.engine.texts, []
    return texts


def _painted_by_the_kiosk(widget: QWidget) -> bool:
    """Widgets that draw their own text (a kiosk class with a paintEvent), and every button."""
    if isinstance(widget, QAbstractButton):
        return True
    for cls in type(widget).__mro__:
        if cls.__module__.startswith("kiosk.") and "paintEvent" in cls.__dict__:
            return True
    return False


def _paragraphs(runs: list[_DrawnText]) -> list[list[str]]:
    """The wrapped texts among the runs: lines (runs on one baseline, left to right) that start
    at one left edge, one line height apart, in one font. Separate words (a diagram's numbers)
    never join."""
    lines: list[list[_DrawnText]] = []
    for run in runs:
        if lines and abs(run.origin.y() - lines[-1][0].origin.y()) < 0.5:
            lines[-1].append(run)
        else:
            lines.append([run])
    blocks: list[list[list[_DrawnText]]] = []
    for line in lines:
        first = min(line, key=lambda run: run.origin.x())
        if blocks:
            previous = min(blocks[-1][-1], key=lambda run: run.origin.x())
            step = first.origin.y() - previous.origin.y()
            spacing = _metrics(first.font).lineSpacing()
            if (
                first.font == previous.font
                and abs(first.origin.x() - previous.origin.x()) < 0.5
                and 0.5 * spacing < step < 2 * spacing
            ):
                blocks[-1].append(line)
                continue
        blocks.append([line])
    return [
        ["".join(run.text for run in sorted(line, key=lambda run: run.origin.x())) for line in block]
        for block in blocks
    ]


def label_lines(label: QLabel, width: float) -> list[str]:
    """The lines a word-wrapped plain-text label shows at `width`, as QLabel lays them out
    (a TextLabel's as it paints them: its `text()` is its words, without its breaks)."""
    painted = getattr(label, "painted_text", None)
    text = (painted() if callable(painted) else label.text()).replace("\n", "\u2028")
    return wrapped_lines(text, label.font(), width)


def line_break_problems(lines: list[str]) -> list[tuple[str, str]]:
    """(kind, detail) for line breaks that read wrongly in Chinese: a number torn from its unit
    or measure word ("130|家") or torn in two ("1,0|00"), one character alone on the last line."""
    found: list[tuple[str, str]] = []
    shown = [line for line in lines if line.strip()]
    for before, after in itertools.pairwise(shown):
        end, start = before.rstrip(), after.lstrip()
        if not _NUMBER_END.search(end):
            continue
        unit = next((u for u in _UNITS if start.startswith(u)), None)
        # Two numbers a space apart may break there; one number may not.
        torn = end == before and start == after and _NUMBER_START.search(start)
        if unit is not None or torn:
            what = f"'{unit}' from its number" if unit else "a number"
            found.append((NUMBER_SPLIT, f"a line break splits {what}: {end[-12:]}|{start[:6]}"))
    if len(shown) >= 2:
        last, previous = shown[-1].strip(), shown[-2]
        kept = last.rstrip(_CLOSING)
        if (len(kept) == 1 and _cjk(kept)) or (not kept and any(_cjk(c) for c in previous)):
            found.append((LONE_CHARACTER, f"the last line holds only '{last}'"))
    return found


# ---- the walk ---------------------------------------------------------------------------------


@dataclass
class _Seen:
    widget: QWidget
    rect: QRectF  # in the window's coordinates
    bounds: QRectF  # what its ancestors let show, counting what scrolls into view
    view: QRectF  # what of it shows now, on the screen
    scroll: QAbstractScrollArea | None  # the scroll area it scrolls in, if any
    parent: _Seen | None
    cut: bool = False  # it or an ancestor is cut off: its own cuts follow from that
    squeezed: bool = False  # it or an ancestor got less height than it needs: bottom cuts follow
    leaf: bool = True  # no visible children: what a container holds, not the container


_OPEN = 1e9


def _visible_tree(window: QWidget) -> list[_Seen]:
    """Every visible widget under `window` with its place, parents before their children."""
    seen: list[_Seen] = []
    whole = QRectF(window.rect())
    stack = [_Seen(window, whole, whole, whole, None, None)]
    while stack:
        parent = stack.pop()
        bounds, scroll = parent.rect.intersected(parent.bounds), parent.scroll
        area = parent.widget.parentWidget()
        # Any scroll area (a page's, the presenter's notes) reaches what it holds by dragging.
        if isinstance(area, QAbstractScrollArea) and parent.widget is area.viewport():
            # Scrolled content above or below the viewport is reachable by dragging.
            bounds, scroll = QRectF(bounds.left(), -_OPEN, bounds.width(), 2 * _OPEN), area
        for child in parent.widget.children():
            if not isinstance(child, QWidget) or child.isWindow() or not child.isVisible():
                continue
            rect = QRectF(child.geometry()).translated(parent.rect.topLeft())
            if rect.intersected(bounds).isEmpty():
                continue
            item = _Seen(child, rect, bounds, rect.intersected(parent.view), scroll, parent)
            parent.leaf = False
            seen.append(item)
            stack.append(item)
    return seen


def _contains(outer: QRectF, inner: QRectF, tolerance: float = TOLERANCE) -> bool:
    return (
        inner.left() >= outer.left() - tolerance
        and inner.top() >= outer.top() - tolerance
        and inner.right() <= outer.right() + tolerance
        and inner.bottom() <= outer.bottom() + tolerance
    )


def _gap(a: QRectF, b: QRectF) -> float:
    dx = max(0.0, b.left() - a.right(), a.left() - b.right())
    dy = max(0.0, b.top() - a.bottom(), a.top() - b.bottom())
    return math.hypot(dx, dy)


def _is_target(widget: QWidget) -> bool:
    """Something a visitor presses: a button, tile or card, or a widget with a `tapped` signal."""
    if not widget.isEnabled() or widget.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
        return False
    if isinstance(widget, QAbstractButton):
        return True
    return widget.metaObject().indexOfSignal("tapped(QString)") >= 0


class _Audit:
    def __init__(self, window: QWidget, must_fit: bool, targets_in_view: bool) -> None:
        self.window = window
        self.must_fit = must_fit
        self.targets_in_view = targets_in_view
        self.problems: list[LayoutProblem] = []
        self._reported: set[tuple[int, str]] = set()

    def report(self, widget: QWidget, kind: str, detail: str) -> None:
        key = (id(widget), kind)
        if key not in self._reported:  # one problem of a kind per widget: its first, clearest cause
            self._reported.add(key)
            self.problems.append(LayoutProblem(kind, describe(widget), detail))

    # ---- text -----------------------------------------------------------------------------

    def label(self, label: QLabel, item: _Seen) -> None:
        picture = label.pixmap()
        if not item.cut and not picture.isNull() and not label.hasScaledContents():
            size, frame = picture.deviceIndependentSize(), label.contentsRect()
            if size.width() > frame.width() + TOLERANCE or size.height() > frame.height() + TOLERANCE:
                shown = f"{min(size.width(), frame.width()):.0f}x{min(size.height(), frame.height()):.0f}"
                whole = f"{size.width():.0f}x{size.height():.0f}"
                self.report(label, CLIPPED, f"its picture ({whole}) is cut to {shown}")
        text = label.text()
        if not text or label.textFormat() == Qt.TextFormat.RichText:
            return
        margin = label.margin()
        box = QRectF(label.contentsRect()).adjusted(margin, margin, -margin, -margin)
        metrics = _metrics(label.font())
        cuts: list[tuple[str, bool]] = []  # (what, only at the bottom)
        if not label.wordWrap():
            lines = text.split("\n")
            wide = max(metrics.horizontalAdvance(line) for line in lines)
            tall = metrics.lineSpacing() * (len(lines) - 1) + metrics.height()
            if wide > box.width() + TOLERANCE:
                cuts.append((f"needs {wide:.0f} px wide, has {box.width():.0f}", False))
            if tall > box.height() + TOLERANCE:
                cuts.append((f"needs {tall:.0f} px high, has {box.height():.0f}", True))
        else:
            lines = label_lines(label, box.width())
            longest = max(lines, key=lambda line: metrics.horizontalAdvance(line.rstrip()), default="")
            wide = metrics.horizontalAdvance(longest.rstrip())
            if wide > box.width() + TOLERANCE:
                excerpt = longest.strip()[:EXCERPT]
                cuts.append((f"'{excerpt}' needs {wide:.0f} px wide, has {box.width():.0f}", False))
            needed = label.heightForWidth(label.width())
            if needed > label.height() + TOLERANCE:
                cuts.append((f"needs {needed} px high at its width, has {label.height()}", True))
            self.line_breaks(label, lines)
        self.cuts(label, item, cuts)

    def cuts(self, widget: QWidget, item: _Seen, cuts: list[tuple[str, bool]]) -> None:
        """One text-cut problem for `cuts`, less what an ancestor's problem already explains."""
        if item.cut:
            return
        shown = [what for what, bottom in cuts if not (bottom and item.squeezed)]
        if shown:
            self.report(widget, TEXT_CUT, "; ".join(shown))

    def painted(self, widget: QWidget, item: _Seen) -> None:
        runs = drawn_texts(widget)
        if not runs:
            return
        bounds = QRectF(widget.rect())
        own = " ".join(
            value
            for value in (
                _own_text(widget),
                widget.accessibleName(),
                _call(widget, "other_text"),
                _call(widget, "hint_text"),
            )
            if value
        )
        cuts: list[tuple[str, bool]] = []
        for run in runs:
            shown = run.text.strip()
            if run.clip is not None and not _contains(run.clip, run.ink, INK_TOLERANCE):
                sides = _overhang(run.clip, run.ink)
                cuts.append((f"'{shown}' is cut by its box ({_sides(sides)})", set(sides) == {"bottom"}))
            elif not _contains(bounds, run.ink, INK_TOLERANCE):
                sides = _overhang(bounds, run.ink)
                cuts.append((f"'{shown}' runs past the widget ({_sides(sides)})", set(sides) == {"bottom"}))
            if ELLIPSIS in run.text and ELLIPSIS not in own:
                self.report(widget, TEXT_ELIDED, f"shows '{shown}'")
        if widget.hasHeightForWidth():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + TOLERANCE:
                cuts.insert(0, (f"needs {needed} px high at its width, has {widget.height()}", True))
        self.cuts(widget, item, cuts)
        for block in _paragraphs(runs):
            self.line_breaks(widget, block)

    def line_breaks(self, widget: QWidget, lines: list[str]) -> None:
        if len(lines) < 2:
            return
        for kind, detail in line_break_problems(lines):
            self.report(widget, kind, detail)

    # ---- places ---------------------------------------------------------------------------

    def place(self, item: _Seen, nav_rect: QRectF | None) -> None:
        widget, parent = item.widget, item.parent
        if parent is not None:
            item.squeezed = parent.squeezed
        if parent is not None and parent.cut:
            item.cut = True  # its parent's problem says it already
        elif not _contains(item.bounds, item.rect):
            item.cut = True
            window = QRectF(self.window.rect())
            sideways = item.rect.left() < -TOLERANCE or item.rect.right() > window.right() + TOLERANCE
            upright = item.rect.top() < -TOLERANCE or item.rect.bottom() > window.bottom() + TOLERANCE
            outside = sideways or (upright and item.scroll is None)
            kind = OUTSIDE_WINDOW if outside else CLIPPED
            self.report(widget, kind, f"{_rect(item.rect)} does not fit in {_rect(item.bounds)}")
        else:
            self.overflow(item)
        if nav_rect is not None and not item.cut:
            overlap = item.view.intersected(nav_rect)
            if overlap.width() > TOLERANCE and overlap.height() > TOLERANCE:
                self.report(widget, OVER_NAV, f"covers {_rect(overlap)} of the navigation bar")

    def overflow(self, item: _Seen) -> None:
        """A container whose layout needs more height than it got squeezes what it holds."""
        layout = item.widget.layout()
        if layout is None:
            return
        width = item.widget.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        if needed < 0:
            needed = layout.totalMinimumSize().height()
        if needed > item.widget.height() + TOLERANCE:
            item.squeezed = True
            self.report(
                item.widget,
                OVERFLOW,
                f"what it holds needs {needed} px high at its width, it has {item.widget.height()}",
            )

    def scroll(self, area: PageScrollArea, seen: list[_Seen]) -> None:
        overflow = area.verticalScrollBar().maximum()
        if overflow <= 0:
            return
        viewport = area.viewport()
        top = viewport.mapTo(self.window, QPoint(0, 0)).y()
        # The fade is faint in its upper half: what ends there still reads well.
        dimmed = top + (area.fold() + viewport.height()) / 2
        inside = [item for item in seen if item.scroll is area and item.rect.bottom() > dimmed + TOLERANCE]
        targets = [item for item in inside if _is_target(item.widget)]
        # What the fade dims or the viewport hides: buttons and cards first, then what they hold.
        hidden = targets + [item for item in inside if item.leaf and item not in targets]
        where = "the page" if isinstance(area.parentWidget(), Page) else "a panel"
        if self.must_fit and hidden:
            self.report(
                area,
                NEEDS_SCROLL,
                f"{where} needs scrolling by {overflow} px; {_names(hidden)} under the fade",
            )
        elif self.targets_in_view and targets:
            self.report(area, TARGET_HIDDEN, f"{_names(targets)} under the fade in {where}")

    # ---- targets --------------------------------------------------------------------------

    def targets(self, seen: list[_Seen], least: int, gap: int) -> None:
        targets = [item for item in seen if _is_target(item.widget)]
        for item in targets:
            size = item.widget.size()
            if size.width() < least or size.height() < least:
                self.report(
                    item.widget,
                    SMALL_TARGET,
                    f"{size.width()}x{size.height()} px, under {least}x{least}",
                )
        for index, a in enumerate(targets):
            for b in targets[index + 1 :]:
                # Scrolled content moves past fixed targets: only targets that move together
                # keep their distance.
                if a.scroll is not b.scroll or a.rect.contains(b.rect) or b.rect.contains(a.rect):
                    continue
                apart = _gap(a.rect, b.rect)
                if apart < gap - TOLERANCE:
                    self.report(
                        a.widget,
                        CROWDED_TARGETS,
                        f"{apart:.0f} px from {describe(b.widget)}, under {gap}",
                    )


def _call(widget: QWidget, name: str) -> str:
    method = getattr(widget, name, None)
    value = method() if callable(method) else ""
    return value if isinstance(value, str) else ""


def _overhang(box: QRectF, ink: QRectF) -> dict[str, float]:
    """How far `ink` reaches out of `box`, side by side."""
    sides = {
        "left": box.left() - ink.left(),
        "top": box.top() - ink.top(),
        "right": ink.right() - box.right(),
        "bottom": ink.bottom() - box.bottom(),
    }
    return {side: amount for side, amount in sides.items() if amount > INK_TOLERANCE}


def _sides(sides: dict[str, float]) -> str:
    return ", ".join(f"{side} {amount:.0f} px" for side, amount in sides.items())


def _names(items: list[_Seen], most: int = 3) -> str:
    names = ", ".join(describe(item.widget) for item in items[:most])
    return names + (f" and {len(items) - most} more" if len(items) > most else "")


def _rect(rect: QRectF) -> str:
    return f"{rect.width():.0f}x{rect.height():.0f}+{rect.left():.0f}+{rect.top():.0f}"


_METRICS: dict[tuple[str, tuple[str, ...]], QFontMetricsF] = {}


def _metrics(font: QFont) -> QFontMetricsF:
    # The key names the first family only: fonts that differ in their fallbacks (the Arabic
    # one among them or not) measure Arabic differently.
    key = (font.key(), tuple(font.families()))
    metrics = _METRICS.get(key)
    if metrics is None:
        metrics = _METRICS[key] = QFontMetricsF(font)
    return metrics


def audit(
    window: QWidget,
    *,
    must_fit: bool,
    nav: QWidget | None = None,
    min_target_px: int = 64,
    min_gap_px: int = 16,
    targets_in_view: bool | None = None,
) -> list[LayoutProblem]:
    """Every problem a visitor would see in `window` (shown; any widget can be the root) now.

    Only what shows is audited: visible widgets not clipped away entirely by an ancestor.
    Content a page scroll area scrolls out of view is not clipped: it is reachable by dragging,
    and the scroll rule judges it.

    - text-cut: a label's text wider than its contents (QFontMetrics of its own font), a
      wrapped label or a widget with height-for-width shorter than its text needs, or text a
      button, tile, card or other kiosk-painted widget draws past its edge or its clip (found by
      having it paint to a device that records each run of text and where its ink lands).
      text-elided: such a widget shows "…" its own texts do not contain.
    - outside-window, clipped: a widget reaching out of the window or out of its parent; a
      label's picture larger than the label. overflow: a container whose layout needs more
      height than it has (what it holds is squeezed: their cuts at the bottom are not reported
      again, nor anything inside a widget already reported cut off).
    - over-nav: a widget covering the navigation bar `nav`.
    - needs-scroll (`must_fit`): a page scroll area that scrolls with something under its "more
      below" fade or below it. target-under-fade (`targets_in_view`, default `must_fit`): where
      scrolling is allowed, a button or card starts out under the fade.
    - small-target, crowded-targets: what a visitor presses (enabled buttons, tiles, cards,
      widgets with a `tapped` signal) under `min_target_px` on a side or closer than
      `min_gap_px` edge to edge to another that moves with it.
    - number-split, lone-character: Chinese line breaks (the lines as laid out) that tear a
      number from its unit or measure word, or leave one character alone on the last line.
    """
    check = _Audit(window, must_fit, must_fit if targets_in_view is None else targets_in_view)
    seen = _visible_tree(window)
    nav_rect = None
    if nav is not None and nav.isVisible():
        nav_rect = QRectF(nav.rect()).translated(QPointF(nav.mapTo(window, QPoint(0, 0))))
    for item in seen:
        widget = item.widget
        apart = nav is None or not (widget is nav or nav.isAncestorOf(widget) or widget.isAncestorOf(nav))
        check.place(item, nav_rect if apart else None)
        if isinstance(widget, QLabel):
            check.label(widget, item)
        elif _painted_by_the_kiosk(widget):
            check.painted(widget, item)
        if isinstance(widget, PageScrollArea):
            check.scroll(widget, seen)
    check.targets(seen, min_target_px, min_gap_px)
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(check.problems, key=lambda problem: order[problem.kind])


def pressable(window: QWidget) -> list[tuple[str, QRect]]:
    """What a visitor can press in `window` now: the text each shows (or its spoken name) and
    the part of it in view, in window coordinates (it may still lie under an overlay)."""
    found = []
    for item in _visible_tree(window):
        if _is_target(item.widget) and not item.view.isEmpty():
            text = " ".join((_own_text(item.widget) or item.widget.accessibleName()).split())
            found.append((text, item.view.toAlignedRect()))
    return found
