"""Typed, immutable model of the exhibition content (pure Python: no Qt, no validator here).

Every visitor-facing text is a `LocalText`: one string per language declared in
`meta.languages`. Widgets receive these models and only read them.

The classes are plain frozen dataclasses, so reading the model costs nothing to import: the
kiosk can show its first screen from validated content without loading the validator. The
rules live beside the fields: `dataclasses.field` metadata (bounds, lengths, descriptions,
aliases), `__post_init__` checks across fields, and the `Pattern` marker for strings. The
validator (`kiosk.content.loader`, pydantic) reads them from here, and so does the JSON Schema
(`kiosk.content.schema`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

# How every content object is validated: strictly (no "1" for 1), and unknown keys refused.
_STRICT: dict[str, Any] = {"extra": "forbid", "strict": True}


@dataclass(frozen=True)
class Pattern:
    """A string rule: the text must match `regex`. Read by the validator and the schema."""

    regex: str
    description: str
    max_length: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        schema["pattern"] = self.regex
        if self.max_length is not None:
            schema["max_length"] = self.max_length
        return schema

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Callable[[Any], Any]) -> Any:
        json_schema = handler(core_schema)
        json_schema["description"] = self.description
        return json_schema


Id = Annotated[str, Pattern(r"^[a-z0-9][a-z0-9-]{0,47}$", "Lower-case id: a-z, 0-9, '-'")]
Color = Annotated[str, Pattern(r"^#[0-9A-Fa-f]{6}$", "Colour as #RRGGBB")]
Language = Annotated[str, Pattern(r"^[a-z]{2}$", "ISO 639-1 code, e.g. 'zh'")]
AssetPath = Annotated[
    str, Pattern(r"^[^/\\][^\\]*$", "Path of a file under the assets root, with '/' separators", 200)
]

FigureUnit = Literal["count", "percent", "fraction", "yi_cny", "wanyi_cny", "km"]
# "plus": a round number and more, as Chinese writes 60多 or 百余 ("over" in English).
Approximation = Literal["nearly", "over", "under", "about", "plus"]
ChartKind = Literal["bars", "counters", "proportion", "share", "rate"]


def rule(default: Any = ..., **metadata: Any) -> Any:
    """A field with validation rules and a description, e.g. `rule(60, ge=10, le=3600)`."""
    if default is ...:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


class LocalText:
    """A text in every language of the content, e.g. {"zh": "创新", "en": "Innovative"}."""

    __slots__ = ("root",)
    root: Mapping[str, str]

    def __init__(self, root: Mapping[str, str]) -> None:
        object.__setattr__(self, "root", dict(root))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("LocalText is frozen")

    def __getstate__(self) -> dict[str, str]:
        return dict(self.root)

    def __setstate__(self, state: dict[str, str]) -> None:
        object.__setattr__(self, "root", state)

    def __getitem__(self, lang: str) -> str:
        """The text in `lang`, else in the first language the text has."""
        return self.root.get(lang) or next(iter(self.root.values()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LocalText) and dict(self.root) == dict(other.root)

    def __hash__(self) -> int:
        return hash(tuple(self.root.items()))

    def __repr__(self) -> str:
        return f"LocalText({dict(self.root)!r})"

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.root)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Callable[[Any], Any]) -> Any:
        json_schema = handler(core_schema)
        json_schema.update(title=cls.__name__, description=cls.__doc__)
        return json_schema


@dataclass(frozen=True, kw_only=True)
class Meta:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    title: LocalText = rule(description="Exhibition title, shown in window titles and the attract loop")
    source: LocalText = rule(description="The report every fact comes from")
    languages: tuple[Language, ...] = rule(("zh", "en"), min_length=1, max_length=4)
    default_language: Language = "zh"
    idle_timeout_s: int = rule(60, ge=10, le=3600)
    assets_root: str = rule("../assets", description="Folder of the assets, relative to this file")

    def __post_init__(self) -> None:
        if self.default_language not in self.languages:
            raise ValueError(f"default_language {self.default_language!r} is not in languages")
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("languages repeat")


@dataclass(frozen=True, kw_only=True)
class Home:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    kicker: LocalText = rule(description="Small line above the title: the event and its date")
    title: LocalText
    subtitle: LocalText = rule(description="The initiative's full name")
    context: LocalText = rule(description="One line of context under the title")
    calls_intro: LocalText
    calls: tuple[LocalText, ...] = rule(min_length=1, max_length=6)


@dataclass(frozen=True, kw_only=True)
class Vision:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    name: LocalText
    color: Color
    icon: AssetPath
    headline: LocalText
    text: LocalText
    figures: tuple[Id, ...] = rule((), max_length=4, description="Ids of key figures")


@dataclass(frozen=True, kw_only=True)
class Figure:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    label: LocalText
    value: float = rule(allow_inf_nan=False, description="The number as the report states it, in `unit`")
    unit: FigureUnit = rule(
        description="count; percent; fraction (value/denominator); yi_cny (亿元, 100 million yuan); "
        "wanyi_cny (万亿元, trillion yuan); km"
    )
    denominator: int | None = rule(None, ge=2, le=100)
    measure: LocalText | None = rule(None, description="Measure word, e.g. 家 / companies")
    approx: Approximation | None = None
    per: Literal["day"] | None = rule(None, description="A rate: the value is per day")
    context: LocalText | None = rule(None, description="Year, scope or 'as of' note")
    sentence: LocalText = rule(description="The report's own sentence behind the figure")

    def __post_init__(self) -> None:
        if (self.unit == "fraction") != (self.denominator is not None):
            raise ValueError("a denominator is required for unit 'fraction' and only there")

    @property
    def share(self) -> float | None:
        """The figure as a share of 1, for percent and fraction figures."""
        if self.unit == "percent":
            return self.value / 100.0
        if self.unit == "fraction" and self.denominator:
            return self.value / self.denominator
        return None


@dataclass(frozen=True, kw_only=True)
class FigureGroup:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    title: LocalText
    chart: ChartKind
    caption: LocalText | None = None
    figures: tuple[Id, ...] = rule(min_length=1, max_length=8)


@dataclass(frozen=True, kw_only=True)
class Voice:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    name: LocalText
    role: LocalText | None = None
    organisation: LocalText | None = None
    country: LocalText | None = None
    occasion: LocalText | None = rule(None, description="Where it was said, if the report says")
    quote: LocalText


@dataclass(frozen=True, kw_only=True)
class Hotspot:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    x: float = rule(ge=0.0, le=1.0, description="Left to right, as a share of the diagram width")
    y: float = rule(ge=0.0, le=1.0, description="Top to bottom, as a share of the diagram height")


@dataclass(frozen=True, kw_only=True)
class TourStop:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    title: LocalText
    text: LocalText
    hotspot: Hotspot
    figure: Id | None = None
    voice: Id | None = None


@dataclass(frozen=True, kw_only=True)
class Tour:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    title: LocalText
    short_title: LocalText | None = rule(None, description="For buttons and entries; else the title")
    subtitle: LocalText
    color: Color
    icon: AssetPath
    diagram: AssetPath
    autoplay_s: float = rule(8.0, ge=2.0, le=120.0)
    stops: tuple[TourStop, ...] = rule(min_length=1, max_length=20)


@dataclass(frozen=True, kw_only=True)
class Slide:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    page: str = rule(
        description="A page id: 'home', 'vision/green', 'tour/daxing', 'figures/companies', 'voices'"
    )
    step: int | None = rule(None, ge=0, description="A tour's stop or a voice, counted from 0")
    duration_s: float | None = rule(None, ge=2.0, le=600.0, description="Auto-advance after this")
    notes: LocalText | None = rule(None, description="Speaker notes, shown only to the presenter")


@dataclass(frozen=True, kw_only=True)
class Slideshow:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    interval_s: float = rule(20.0, ge=2.0, le=600.0, description="Auto-advance for slides without one")
    target_minutes: float | None = rule(None, gt=0, le=600, description="The talk's planned length")
    slides: tuple[Slide, ...] = rule((), max_length=300, description="Empty: every page in order")


@dataclass(frozen=True, kw_only=True)
class Content:
    """The whole exhibition: what `data/content.json` holds."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    json_schema: str | None = rule(None, alias="$schema", description="Editors' schema hint")
    schema_version: Literal[1] = 1
    meta: Meta
    home: Home
    visions: tuple[Vision, ...] = rule(min_length=1, max_length=8)
    tours: tuple[Tour, ...] = rule((), max_length=8)
    figures: tuple[Figure, ...] = rule((), max_length=200)
    figure_groups: tuple[FigureGroup, ...] = rule((), max_length=40)
    voices: tuple[Voice, ...] = rule((), max_length=40)
    slideshow: Slideshow | None = None

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)

    def voice(self, voice_id: str) -> Voice:
        return next(v for v in self.voices if v.id == voice_id)

    def asset_fields(self) -> Iterator[tuple[str, str]]:
        """(where, path under the assets root) of every file the content names."""
        for v, vision in enumerate(self.visions):
            yield f"visions[{v}].icon", vision.icon
        for t, tour in enumerate(self.tours):
            yield f"tours[{t}].icon", tour.icon
            yield f"tours[{t}].diagram", tour.diagram


# Checks one image file (decodes it within limits); returns what is wrong, or None. The content
# layer has no image decoder of its own: the Qt layer passes one in (kiosk.system.image_check).
ImageCheck = Callable[[Path], "str | None"]


@dataclass(frozen=True)
class LoadedContent:
    """Validated content and where it came from; asset paths resolve against `assets_root`.
    `digest` names the exact bytes of the file that were validated (`digest_of`)."""

    content: Content
    source: Path
    assets_root: Path
    digest: str = ""

    @staticmethod
    def digest_of(raw: bytes) -> str:
        return hashlib.sha256(raw).hexdigest()

    def asset(self, relative: str) -> Path:
        return self.assets_root / relative
