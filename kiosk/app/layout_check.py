"""`kiosk check-layout`: every page, step and overlay audited at every size, language and text size."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app.boot import create_application, load_for_command
from kiosk.app.slideshow import Presentation
from kiosk.content import ContentError, ContentProblem, LoadedContent
from kiosk.content.pages import page_order
from kiosk.showfloor.floor import ShowFloor
from kiosk.system.settings import Settings
from kiosk.ui.layout_audit import LayoutProblem, audit
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import Session
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.theme import Theme

SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (3840, 2160), (1080, 1920), (1280, 800), (1366, 768))
TEXT_SCALES = (1.0, 1.25, 1.5)
# High contrast changes colours and adds thin outlines round panels (a few px less room inside):
# by default it runs at the extremes only, to keep the check fast.
HIGH_CONTRAST_SCALES = (1.0, 1.5)
# A content error as an editor makes them: a missing text, a broken reference, a syntax slip.
SAMPLE_ERROR = ContentError(
    "data/content.json",
    [
        ContentProblem("visions[2].name.en", "field required"),
        ContentProblem("tours[0].stops[1].voice", "no voice has id 'nobody'"),
        ContentProblem("figure_groups[3].figures[2]", "no figure has id 'missing-figure'"),
        ContentProblem("12:5", "JSON syntax error: Expecting ',' delimiter"),
    ],
)


@dataclass(frozen=True)
class Combination:
    size: tuple[int, int]
    text_scale: float = 1.0
    high_contrast: bool = False

    @property
    def size_text(self) -> str:
        return f"{self.size[0]}x{self.size[1]}"

    @property
    def scale_text(self) -> str:
        return f"x{self.text_scale:g}" + (" hc" if self.high_contrast else "")

    def __str__(self) -> str:
        return f"{self.size_text} {self.scale_text}"


@dataclass(frozen=True)
class Failure:
    combination: Combination
    lang: str
    screen: str  # a page id ("tour/daxing#2": its second stop) or an overlay
    problem: LayoutProblem

    def line(self, screen: str | None = None) -> str:
        c, p = self.combination, self.problem
        where = f"{c.size_text} {self.lang} {c.scale_text} {screen or self.screen}"
        return f"{where} {p.kind}: {p.widget} — {p.detail}"


def matrix(
    sizes: Iterable[tuple[int, int]] = SIZES,
    text_scales: Iterable[float] = TEXT_SCALES,
    high_contrast: bool | None = None,
) -> list[Combination]:
    """The combinations to run: every size and text scale; high contrast at every scale
    (`high_contrast` True), at x1 and x1.5 (None, the default) or never (False)."""
    combos: list[Combination] = []
    for size in sizes:
        for scale in text_scales:
            combos.append(Combination(size, scale))
            if high_contrast or (high_contrast is None and scale in HIGH_CONTRAST_SCALES):
                combos.append(Combination(size, scale, True))
    return combos


# Page types that may still scroll by dragging, from a visitor's text size up: a vision's
# figures, a tour's stop panel and a group of figures (each being made to fit: a group's
# headline, chart and cards still stand taller than a small panel at x1.25 and x1.5 in
# places); the voices at x1.5 only (a long German quote, alone on a small panel in the body's
# size, still needs up to 144 px); and the content-error screen's list, which can list hundreds.
SCROLL_FROM_TEXT_SCALE: dict[str, float] = {
    "vision": 1.25,
    "tour": 1.25,
    "figures": 1.25,
    "voices": 1.5,
    "error": 1.25,
}


def page_rules(theme: Theme, page_type: str) -> tuple[bool, bool]:
    """(must fit, targets in full view) for a page of `page_type` in `theme`.

    At the design's text size every page is designed to fit: a page (or a tour's stop panel)
    that needs scrolling fails, as does anything under its "more below" fade. Home fits at
    every size and text size too: where all of it does not, it takes steps. With a visitor's
    larger text (x1.25, x1.5) so do the voices (at x1.25: `SCROLL_FROM_TEXT_SCALE`), their
    speakers a step of their own. The pages
    still allowed to scroll by dragging at larger text are in `SCROLL_FROM_TEXT_SCALE` (the
    fade says there is more); what counts there is what is cut off, too small or too close.
    """
    scrolls_from = SCROLL_FROM_TEXT_SCALE.get(page_type)
    if theme.text_scale > 1 and scrolls_from is not None and theme.text_scale >= scrolls_from:
        return False, False
    return True, True


def _unpainted(window: QWidget) -> None:
    """Nobody sees these windows: they lay out but never paint to the screen (the audit has
    each widget paint itself when it needs to know what it draws)."""
    window.setUpdatesEnabled(False)


def _settle() -> None:
    QApplication.processEvents()


class _Checker:
    """One hidden kiosk window in one combination, walked in every language."""

    def __init__(self, loaded: LoadedContent, combination: Combination, languages: Sequence[str]) -> None:

        self.loaded = loaded
        self.combination = combination
        self.languages = languages
        self.preferences = Preferences(
            text_scale=combination.text_scale, high_contrast=combination.high_contrast
        )
        self.snapshots: PageSnapshots = PageSnapshots(
            loaded, languages[0], combination.size, preferences=self.preferences
        )
        _unpainted(self.snapshots.window)
        self.failures: list[Failure] = []
        self.lang = languages[0]

    @property
    def theme(self) -> Theme:
        return self.snapshots.session.theme

    def audit(
        self,
        screen: str,
        root: QWidget | None = None,
        *,
        must_fit: bool = True,
        targets_in_view: bool | None = None,
        nav: bool = False,
    ) -> None:

        window = root or self.snapshots.window
        theme = self.theme
        problems = audit(
            window,
            must_fit=must_fit,
            targets_in_view=targets_in_view,
            nav=self.snapshots.window.nav if nav else None,
            min_target_px=theme.target(64),
            min_gap_px=theme.target_gap(),
        )
        self.failures += [Failure(self.combination, self.lang, screen, problem) for problem in problems]

    def run(self) -> list[Failure]:

        window = self.snapshots.window
        floor = ShowFloor(
            self.snapshots.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**9
        )
        try:
            # The attract loop follows a reset (the visitor's choices undone), and a slideshow or
            # the content-error screen offers no accessibility panel: those screens only ever
            # show at the design's text size and contrast.
            designed = self.combination.text_scale == 1 and not self.combination.high_contrast
            for lang in self.languages:
                self.lang = lang
                self.pages()
                self.accessibility()
                self.language_picker()
                self.show_floor(floor, attract=designed)
                if designed:
                    self.error_screen()
                    self.presenter()
        finally:
            floor.close()
            self.snapshots.close()
            _settle()
            # No event loop runs here to delete what was closed: the windows go now, not at exit.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return self.failures

    def pages(self) -> None:

        session = self.snapshots.session
        for ref in session.refs:
            steps = session.step_count(ref.id)
            page = None
            for step in range(steps):
                page = self.snapshots.show(ref.id, step, self.lang)
                if page is None:
                    continue
                must_fit, in_view = page_rules(self.theme, ref.type)
                screen = f"{ref.id}#{step + 1}" if steps > 1 else ref.id
                self.audit(screen, must_fit=must_fit, targets_in_view=in_view, nav=True)
                if isinstance(page, TourPage):
                    # A long stop goes on in a second part of its panel: seen as the visitor
                    # turns to it.
                    view = page.stops.current_view()
                    for part in range(1, view.parts):
                        page.show_stop_part(part)
                        _settle()
                        part_screen = f"{screen}.{part + 1}"
                        self.audit(part_screen, must_fit=must_fit, targets_in_view=in_view, nav=True)
                    page.show_stop_part(0)
            if isinstance(page, FiguresPage):
                for figure in page.figures:
                    page.open_figure_detail(figure.id)
                    _settle()
                    # The detail covers its page (and only it): audited on its own.
                    self.audit(f"figure-detail/{figure.id}", page.detail)
                    if page.detail is not None:
                        page.detail.close_detail()

    def accessibility(self) -> None:
        window = self.snapshots.window
        window.open_accessibility()
        _settle()
        self.audit("accessibility", window.accessibility)
        if window.accessibility is not None:
            window.accessibility.hide()

    def language_picker(self) -> None:
        window = self.snapshots.window
        if not window.session.language.needs_picker:
            return  # two languages: a toggle, no picker to see
        window.open_language_picker()
        _settle()
        self.audit("language-picker", window.language_picker)
        if window.language_picker is not None:
            window.language_picker.hide()

    def show_floor(self, floor: object, attract: bool) -> None:

        assert isinstance(floor, ShowFloor)
        overlays: list[tuple[str, QWidget, Callable[[], None], Callable[[], None]]] = [
            ("countdown", floor.countdown, floor.countdown.open, floor.countdown.hide),
            ("pin-pad", floor.pin_pad, floor.pin_pad.open, floor.pin_pad.close_pad),
            ("admin", floor.admin, floor.admin.open, floor.admin.hide),
        ]
        # Each overlay covers the whole window: audited on its own, the page under it is not seen.
        for name, overlay, show, hide in overlays:
            show()
            _settle()
            self.audit(name, overlay)
            hide()
        loop = floor.attract
        if loop is None or not attract:
            return
        floor.start_attract()
        seen: set[str] = set()
        for _ in loop.slides:  # the first slide of each kind
            kind = loop.current_kind()
            if kind not in seen:
                seen.add(kind)
                _settle()
                self.audit(f"attract/{kind}", loop)
            loop.next_slide()
        loop.stop()

    def error_screen(self) -> None:

        # Told in the checked content's languages, as its own broken file would be.
        languages = self.loaded.content.meta.languages
        error = ContentError(SAMPLE_ERROR.source, list(SAMPLE_ERROR.problems), languages)
        session = Session(None, error, self.lang, size=self.combination.size, reduced_motion=True)
        window = MainWindow(session)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.setFixedSize(*self.combination.size)
        _unpainted(window)
        window.show()
        _settle()
        self.audit("content-error", window, must_fit=False, targets_in_view=False)
        window.close()
        window.deleteLater()

    def presenter(self) -> None:

        session = Session(self.loaded, None, self.lang, size=self.combination.size, reduced_motion=True)
        talk = Presentation(session)
        view = talk.presenter
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        view.setFixedSize(*self.combination.size)
        _unpainted(view)
        view.show()
        talk.show.start()
        talk.show.set_auto(False)
        _settle()
        self.audit("presenter", view)
        talk.close()
        view.deleteLater()
        talk.audience.deleteLater()


def check_combination(
    loaded: LoadedContent, combination: Combination, languages: Sequence[str] | None = None
) -> list[Failure]:
    """Every failure of every screen in `combination`, in each of `languages` (default: all)."""
    return _Checker(loaded, combination, languages or loaded.content.meta.languages).run()


# ---- the report ---------------------------------------------------------------------------------


# The summary's rows in the order a visitor meets them: pages, then overlays, then other modes.
_ROW_ORDER = (
    "home",
    "vision/",
    "tour/",
    "figures/",
    "figure-detail",
    "voices",
    "accessibility",
    "language-picker",
    "countdown",
    "pin-pad",
    "admin",
    "attract/",
    "content-error",
    "presenter",
)


def _page_of(screen: str) -> str:
    """The summary's row: a page without its step, every figure detail as one."""
    if screen.startswith("figure-detail/"):
        return "figure-detail"
    return screen.split("#", 1)[0]


def _row_rank(row: str, pages: Sequence[str]) -> tuple[int, int]:
    kind = next((i for i, start in enumerate(_ROW_ORDER) if row.startswith(start)), len(_ROW_ORDER))
    return kind, pages.index(row) if row in pages else 0


def collapsed(failures: Sequence[Failure]) -> list[tuple[Failure, str]]:
    """One line per problem: the same problem on several steps of a page named once ("voices#1-9")."""
    steps: dict[tuple[Combination, str, str, LayoutProblem], list[int]] = {}
    first: dict[tuple[Combination, str, str, LayoutProblem], Failure] = {}
    for failure in failures:
        page, _, step = failure.screen.partition("#")
        if not step.isdigit():  # a part of a step ("tour/x#3.2"): named as it is
            page, step = failure.screen, ""
        key = (failure.combination, failure.lang, page, failure.problem)
        steps.setdefault(key, [])
        if step:
            steps[key].append(int(step))
        first.setdefault(key, failure)
    lines: list[tuple[Failure, str]] = []
    for key, failure in first.items():
        numbers, page = sorted(steps[key]), key[2]
        if not numbers:
            lines.append((failure, page))
        elif len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
            lines.append((failure, f"{page}#{numbers[0]}-{numbers[-1]}"))
        else:
            lines.append((failure, f"{page}#{','.join(str(n) for n in numbers)}"))
    return lines


def summary_table(
    failures: Sequence[Failure],
    combinations: Sequence[Combination],
    languages: Sequence[str],
    pages: Sequence[str] = (),
) -> str:
    """Problems per screen and size (rows) and language and text scale (columns); steps folded.
    `pages`: the page ids in the content's order, for the rows' order."""
    columns = [
        (lang, scale) for lang in languages for scale in dict.fromkeys(c.scale_text for c in combinations)
    ]
    sizes = list(dict.fromkeys(c.size_text for c in combinations))
    counts: dict[tuple[str, str, str, str], set[tuple[str, LayoutProblem]]] = {}
    rows: list[str] = []
    for failure in failures:
        row = _page_of(failure.screen)
        if row not in rows:
            rows.append(row)
        key = (row, failure.combination.size_text, failure.lang, failure.combination.scale_text)
        counts.setdefault(key, set()).add((failure.screen.split("#")[0], failure.problem))
    rows.sort(key=lambda row: _row_rank(row, pages))
    heads = [f"{lang} {scale}" for lang, scale in columns]
    first = max([len("screen"), *(len(row) for row in rows)]) + 2
    width = max(7, *(len(head) + 1 for head in heads))
    lines = ["screen".ljust(first) + "size".ljust(11) + "".join(head.rjust(width) for head in heads)]
    for row in rows:
        for size in sizes:
            cells = [len(counts.get((row, size, lang, scale), ())) for lang, scale in columns]
            if any(cells):
                text = "".join((str(n) if n else "·").rjust(width) for n in cells)
                lines.append(row.ljust(first) + size.ljust(11) + text)
    return "\n".join(lines)


def report(
    failures: Sequence[Failure],
    combinations: Sequence[Combination],
    languages: Sequence[str],
    seconds: float,
    pages: Sequence[str] = (),
) -> str:
    screens = {(f.combination, f.lang, f.screen) for f in failures}
    lines = [
        f"Layout check: {len(combinations)} combinations x {len(languages)} languages in {seconds:.0f} s: "
        f"{len(failures)} problems on {len(screens)} screens.",
    ]
    if not failures:
        return lines[0]
    lines += [
        "",
        "Distinct problems by screen and size (columns: language, text scale, hc = high contrast):",
        summary_table(failures, combinations, languages, pages),
        "",
        "Every problem (a problem repeated on several steps of a page is listed once, with its steps):",
    ]
    lines += [failure.line(screen) for failure, screen in collapsed(failures)]
    return "\n".join(lines)


def as_json(failures: Sequence[Failure], combinations: Sequence[Combination], seconds: float) -> str:
    return json.dumps(
        {
            "seconds": round(seconds, 1),
            "combinations": [str(c) for c in combinations],
            "problems": [
                {
                    "size": f.combination.size_text,
                    "lang": f.lang,
                    "text_scale": f.combination.text_scale,
                    "high_contrast": f.combination.high_contrast,
                    "screen": f.screen,
                    **asdict(f.problem),
                }
                for f in failures
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # Every hidden window makes the offscreen platform say it cannot size windows: nothing to act on.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def check_layout(
    data: Path | None,
    sizes: Sequence[tuple[int, int]] | None,
    languages: Sequence[str] | None,
    text_scales: Sequence[float] | None,
    high_contrast: bool,
    json_output: bool,
) -> int:
    """The command: 0 when every screen is clean, 1 with problems, 2 for a bad option."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application starts
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        create_application()
        loaded, code = load_for_command(data, languages or ())
        if loaded is None:
            return code
        wanted = list(languages or loaded.content.meta.languages)
        combinations = matrix(sizes or SIZES, text_scales or TEXT_SCALES, True if high_contrast else None)
        started = time.perf_counter()
        failures: list[Failure] = []
        for number, combination in enumerate(combinations, 1):
            found = check_combination(loaded, combination, wanted)
            failures += found
            if not json_output:
                print(f"[{number}/{len(combinations)}] {combination}: {len(found)} problems", file=sys.stderr)
        seconds = time.perf_counter() - started
    finally:
        qInstallMessageHandler(previous)
    if json_output:
        print(as_json(failures, combinations, seconds))
    else:
        print(report(failures, combinations, wanted, seconds, [ref.id for ref in page_order(loaded.content)]))
    return 1 if failures else 0
