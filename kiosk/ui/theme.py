"""Colours, type scale and sizes of the exhibit, scaled with the screen.

Sizes are logical px at 1920x1080. `scale_for` grows them with the screen (x2 at 3840x2160);
on smaller panels (1280x800) spacing shrinks but text keeps a floor (body never under 28 px)
and touch targets never drop under 64 px.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont

from kiosk.content.pages import FIGURES_PER_STEP, StepRoom

FONT_FAMILY = "Noto Sans CJK SC"
# Bundled too (assets/fonts), for what the first family lacks: Latin beyond Latin-1 (Polish,
# Czech, Turkish, Vietnamese), Greek, Cyrillic, Arabic, Hebrew. Named, so that every machine
# draws them with the same fonts, whatever else it has installed.
FALLBACK_FAMILIES: tuple[str, ...] = ("Noto Sans", "Noto Sans Arabic UI", "Noto Sans Hebrew")


def font_families() -> list[str]:
    """The families text is set in, first choice first (FONT_FAMILY may be swapped: the
    handout draws with its own copy)."""
    return [FONT_FAMILY, *FALLBACK_FAMILIES]


def family_css() -> str:
    return ", ".join(f"'{family}'" for family in font_families())


@dataclass(frozen=True)
class Palette:
    """Every colour the exhibit draws with, as hex strings."""

    background: str
    surface: str
    surface_raised: str
    text: str
    text_secondary: str
    line: str
    accent: str
    on_colour: str  # dark text on a filled vision colour, >= 5.7:1
    # The five vision colours: screens of figures and speakers also take them in turn.
    blue: str
    green: str
    violet: str
    orange: str
    cyan: str
    error: str  # a content problem's text, on a panel
    # Translucent, so #AARRGGBB (Qt's order, alpha first; for QColor, not for style sheets): the
    # dimming under an overlay, and the lighter one under a figure's detail card.
    overlay_backdrop: str
    detail_backdrop: str


NORMAL_PALETTE = Palette(
    background="#0B1426",
    surface="#14213D",
    surface_raised="#1C2C4F",
    text="#F4F7FB",
    text_secondary="#AEBBD0",
    line="#2A3A5E",
    accent="#4C8DFF",
    on_colour="#0B1426",
    blue="#4C8DFF",
    green="#2FC487",
    violet="#9B87FF",
    orange="#FF9A4D",
    cyan="#22C7E6",
    error="#FFB4A8",
    overlay_backdrop="#D7040812",
    detail_backdrop="#BE040812",
)

# The high-contrast variant (a visitor's choice): black, white, the vision colours for outlines.
HIGH_CONTRAST_PALETTE = replace(
    NORMAL_PALETTE,
    background="#000000",
    surface="#000000",
    surface_raised="#000000",  # panels are black too: their outline shows their edge
    text="#FFFFFF",
    text_secondary="#FFFFFF",
    line="#FFFFFF",
)

MIN_TARGET = 64
MIN_TARGET_GAP = 16  # between two touch targets, as painted
# A drawn button's shape stays this far inside its widget (the press shrinks it, antialiasing
# needs a pixel): the widget is that much larger than the shape a visitor sees and aims at.
PAINT_INSET = 2

# role: (size at 1080p, floor, weight)
_TYPE_SCALE: dict[str, tuple[int, int, QFont.Weight]] = {
    "display": (96, 60, QFont.Weight.Bold),
    "h1": (64, 44, QFont.Weight.Bold),
    "h2": (44, 34, QFont.Weight.Bold),
    "h3": (36, 30, QFont.Weight.Bold),
    "lead": (34, 30, QFont.Weight.Normal),
    "body": (30, 28, QFont.Weight.Normal),
    "label": (28, 24, QFont.Weight.Bold),
    "caption": (24, 22, QFont.Weight.Normal),
    "figure": (128, 72, QFont.Weight.Bold),
    "figure-small": (88, 60, QFont.Weight.Bold),
}


def scale_for(width: int, height: int) -> float:
    """Scale factor of the design for a screen or window of this size."""
    long_side, short_side = max(width, height), min(width, height)
    return max(0.66, min(long_side / 1920, short_side / 1080))


def color(hex_code: str, alpha: float = 1.0) -> QColor:
    result = QColor(hex_code)
    result.setAlphaF(alpha)
    return result


def mix(a: str, b: str, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * amount,
        ca.greenF() + (cb.greenF() - ca.greenF()) * amount,
        ca.blueF() + (cb.blueF() - ca.blueF()) * amount,
    )


@dataclass(frozen=True)
class Theme:
    scale: float = 1.0
    portrait: bool = False
    compact: bool = False  # landscape panels well under 1920x1080 (1280x800, 1366x768)
    reduced_motion: bool = False  # no slides or count-ups: final states at once
    motion_scale: float = 1.0  # durations of every animation are multiplied by this (tests: short)
    text_scale: float = 1.0  # a visitor's larger text: 1.25 or 1.5
    high_contrast: bool = False

    @classmethod
    def for_size(
        cls, width: int, height: int, reduced_motion: bool = False, motion_scale: float = 1.0
    ) -> Theme:
        scale = scale_for(width, height)
        return cls(
            reduced_motion=reduced_motion,
            motion_scale=motion_scale,
            scale=scale,
            portrait=height > width,
            # Smaller than the design: text keeps its floors, so it takes relatively more room.
            compact=min(width / 1920, height / 1080) < 0.9 and width >= height,
        )

    def ms(self, duration: float) -> int:
        """A duration of the design, in ms, at this theme's motion scale."""
        return max(1, round(duration * self.motion_scale))

    def px(self, value: float) -> int:
        """A length of the design (margins, gaps, radii) at this scale."""
        return max(1, round(value * self.scale))

    def text_px(self, value: float) -> int:
        """A length that goes with text (an icon beside a name, the room around it): scaled with
        the screen and with a visitor's larger text, so icons and tiles grow with their words."""
        return max(1, round(value * self.scale * self.text_scale))

    def target(self, value: float = 88) -> int:
        """A touch target's side: scaled, never under 64 px."""
        return max(MIN_TARGET, self.px(value))

    def drawn_target(self, value: float = 88) -> int:
        """The side of a button whose shape is drawn inside it: the shape, not only the widget,
        is at least 64 px."""
        return max(MIN_TARGET + 2 * PAINT_INSET, self.px(value))

    def target_gap(self, value: float = 16) -> int:
        """The room between two touch targets: scaled, never under 16 px."""
        return max(MIN_TARGET_GAP, self.px(value))

    def font_px(self, role: str) -> int:
        size, floor, _ = _TYPE_SCALE[role]
        return round(max(floor, size * self.scale) * self.text_scale)

    def font(self, role: str) -> QFont:
        _, _, weight = _TYPE_SCALE[role]
        # QFont(family) first: a bare QFont() copies the application font's settings, which
        # changes how Latin text is set.
        font = QFont(FONT_FAMILY)
        font.setFamilies(font_families())
        font.setPixelSize(self.font_px(role))
        font.setWeight(weight)
        if role.startswith("figure"):
            font.setFeature(QFont.Tag("tnum"), 1)
        return font

    @property
    def margin(self) -> int:
        return self.px(64 if not self.compact else 48)

    @property
    def gutter(self) -> int:
        return self.px(24)

    @property
    def radius(self) -> int:
        return self.px(20)

    @property
    def nav_height(self) -> int:
        """The bar holds a drawn button with room above and below it (80 px at least: the
        height every page is designed around on a small panel)."""
        return max(MIN_TARGET + 16, self.drawn_target() + 2 * self.px(6), self.px(112))

    @property
    def home_steps(self) -> int:
        """Home's steps, each designed to fit (measured with both exhibitions' longest words):
        one screen at the design's text size; two on a small landscape panel (the title, the
        visions and the ways in, then the initiative and its calls); with a visitor's larger
        text three (the title and the visions, the ways in, the initiative beside its calls),
        four on a small landscape panel (the initiative, then its calls)."""
        small = self.compact and not self.portrait
        if self.text_scale > 1:
            return 4 if small else 3
        return 2 if small else 1

    @property
    def figures_per_step(self) -> int:
        """Figures beside a group's first on one screen: two on a small landscape panel in a
        visitor's larger text (a row of two under the headline), else the content's usual."""
        if self.compact and not self.portrait and self.text_scale > 1:
            return 2
        return FIGURES_PER_STEP

    @property
    def speakers_step(self) -> bool:
        """The voices' speakers a step of their own, before the quotes, in a visitor's larger
        text: a long quote then fills the screen's height alone (beside or above the chips it
        stands taller than the screen)."""
        return self.text_scale > 1

    @property
    def step_room(self) -> StepRoom:
        """What a screen of this theme holds, for counting pages' steps (`page_steps`)."""
        return StepRoom(self.home_steps, self.figures_per_step, self.speakers_step)

    @property
    def palette(self) -> Palette:
        """The colours for this theme. Derived, not a field: themes compare as before."""
        return HIGH_CONTRAST_PALETTE if self.high_contrast else NORMAL_PALETTE

    def _outline(self) -> str:
        """High contrast draws panels' edges: their fill is the background's black."""
        return f"border: {self.px(2)}px solid {self.palette.line};" if self.high_contrast else ""

    def stylesheet(self) -> str:
        """Application-wide style: labels by their `role` property; no default Qt look."""
        colours = self.palette
        rules = [
            f"QWidget {{ color: {colours.text}; font-family: {family_css()}; }}",
            f"QMainWindow, #page-stack, #page {{ background: {colours.background}; }}",
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; border: none; }",
            "QLabel { background: transparent; }",
        ]
        for role, (_, _, weight) in _TYPE_SCALE.items():
            bold = 700 if weight == QFont.Weight.Bold else 400
            rules.append(
                f'QLabel[role="{role}"] {{ font-size: {self.font_px(role)}px; font-weight: {bold}; }}'
            )
        rules += [
            f'QLabel[tone="secondary"] {{ color: {colours.text_secondary}; }}',
            f'QLabel[tone="dark"] {{ color: {colours.on_colour}; }}',
            f"#panel {{ background: {colours.surface}; border-radius: {self.radius}px; {self._outline()} }}",
            f'#panel[down="true"] {{ background: {colours.line}; }}',
            f"#nav-bar {{ background: {colours.surface}; border-top: {self.px(2)}px solid {colours.line}; }}",
        ]
        return "\n".join(rules)
