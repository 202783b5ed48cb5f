"""Typed, immutable model of the exhibition content (pure Python: no Qt here).

Every visitor-facing text is a `LocalText`: one string per language declared in
`meta.languages`. Widgets receive these models and only read them.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,47}$", description="Lower-case id: a-z, 0-9, '-'")]
Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="Colour as #RRGGBB")]
AssetPath = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[^/\\][^\\]*$",
        description="Path of a file under the assets root, with '/' separators",
    ),
]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code, e.g. 'zh'")]

FigureUnit = Literal["count", "percent", "fraction", "yi_cny", "wanyi_cny", "km"]
Approximation = Literal["nearly", "over", "under", "about"]
ChartKind = Literal["bars", "counters", "proportion", "share", "rate"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class LocalText(RootModel[dict[Language, str]]):
    """A text in every language of the content, e.g. {"zh": "创新", "en": "Innovative"}."""

    model_config = ConfigDict(frozen=True, strict=True)

    @field_validator("root")
    @classmethod
    def _check_languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        blank = [lang for lang, text in value.items() if not text.strip()]
        if blank:
            raise ValueError(f"empty text for {', '.join(blank)}")
        languages = (info.context or {}).get("languages", ())
        missing = [lang for lang in languages if lang not in value]
        if missing:
            # The loader turns this into one "<path>.<lang>: field required" line per language.
            raise PydanticCustomError("missing_language", "field required", {"missing": missing})
        return value

    def __getitem__(self, lang: str) -> str:
        """The text in `lang`, else in the first language the text has."""
        return self.root.get(lang) or next(iter(self.root.values()))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.root)


class Meta(_Frozen):
    title: LocalText = Field(description="Exhibition title, shown in window titles and the attract loop")
    source: LocalText = Field(description="The report every fact comes from")
    languages: tuple[Language, ...] = Field(default=("zh", "en"), min_length=1, max_length=4)
    default_language: Language = "zh"
    idle_timeout_s: int = Field(default=60, ge=10, le=3600)
    assets_root: str = Field(default="../assets", description="Folder of the assets, relative to this file")

    @model_validator(mode="after")
    def _default_is_declared(self) -> Meta:
        if self.default_language not in self.languages:
            raise ValueError(f"default_language {self.default_language!r} is not in languages")
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("languages repeat")
        return self


class Home(_Frozen):
    kicker: LocalText = Field(description="Small line above the title: the event and its date")
    title: LocalText
    subtitle: LocalText = Field(description="The initiative's full name")
    context: LocalText = Field(description="One line of context under the title")
    calls_intro: LocalText
    calls: tuple[LocalText, ...] = Field(min_length=1, max_length=6)


class Vision(_Frozen):
    id: Id
    name: LocalText
    color: Color
    icon: AssetPath
    headline: LocalText
    text: LocalText
    figures: tuple[Id, ...] = Field(default=(), max_length=4, description="Ids of key figures")


class Figure(_Frozen):
    id: Id
    label: LocalText
    value: float = Field(description="The number as the report states it, in `unit`")
    unit: FigureUnit = Field(
        description="count; percent; fraction (value/denominator); yi_cny (亿元, 100 million yuan); "
        "wanyi_cny (万亿元, trillion yuan); km"
    )
    denominator: int | None = Field(default=None, ge=2, le=100)
    measure: LocalText | None = Field(default=None, description="Measure word, e.g. 家 / companies")
    approx: Approximation | None = None
    per: Literal["day"] | None = Field(default=None, description="A rate: the value is per day")
    context: LocalText | None = Field(default=None, description="Year, scope or 'as of' note")
    sentence: LocalText = Field(description="The report's own sentence behind the figure")

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value

    @model_validator(mode="after")
    def _fraction_has_denominator(self) -> Figure:
        if (self.unit == "fraction") != (self.denominator is not None):
            raise ValueError("a denominator is required for unit 'fraction' and only there")
        return self

    @property
    def share(self) -> float | None:
        """The figure as a share of 1, for percent and fraction figures."""
        if self.unit == "percent":
            return self.value / 100.0
        if self.unit == "fraction" and self.denominator:
            return self.value / self.denominator
        return None


class FigureGroup(_Frozen):
    id: Id
    title: LocalText
    chart: ChartKind
    caption: LocalText | None = None
    figures: tuple[Id, ...] = Field(min_length=1, max_length=8)


class Voice(_Frozen):
    id: Id
    name: LocalText
    role: LocalText | None = None
    organisation: LocalText | None = None
    country: LocalText | None = None
    occasion: LocalText | None = Field(default=None, description="Where it was said, if the report says")
    quote: LocalText


class Hotspot(_Frozen):
    x: float = Field(ge=0.0, le=1.0, description="Left to right, as a share of the diagram width")
    y: float = Field(ge=0.0, le=1.0, description="Top to bottom, as a share of the diagram height")


class TourStop(_Frozen):
    id: Id
    title: LocalText
    text: LocalText
    hotspot: Hotspot
    figure: Id | None = None
    voice: Id | None = None


class Tour(_Frozen):
    id: Id
    title: LocalText
    short_title: LocalText | None = Field(default=None, description="For buttons and entries; else the title")
    subtitle: LocalText
    color: Color
    icon: AssetPath
    diagram: AssetPath
    autoplay_s: float = Field(default=8.0, ge=2.0, le=120.0)
    stops: tuple[TourStop, ...] = Field(min_length=1, max_length=20)


class Slide(_Frozen):
    page: str = Field(
        description="A page id: 'home', 'vision/green', 'tour/daxing', 'figures/companies', 'voices'"
    )
    step: int | None = Field(default=None, ge=0, description="A tour's stop or a voice, counted from 0")
    duration_s: float | None = Field(default=None, ge=2.0, le=600.0, description="Auto-advance after this")
    notes: LocalText | None = Field(default=None, description="Speaker notes, shown only to the presenter")


class Slideshow(_Frozen):
    interval_s: float = Field(
        default=20.0, ge=2.0, le=600.0, description="Auto-advance for slides without one"
    )
    target_minutes: float | None = Field(default=None, gt=0, le=600, description="The talk's planned length")
    slides: tuple[Slide, ...] = Field(default=(), max_length=300, description="Empty: every page in order")


class Content(_Frozen):
    """The whole exhibition: what `data/content.json` holds."""

    json_schema: str | None = Field(default=None, alias="$schema", description="Editors' schema hint")
    schema_version: Literal[1] = 1
    meta: Meta
    home: Home
    visions: tuple[Vision, ...] = Field(min_length=1, max_length=8)
    tours: tuple[Tour, ...] = Field(default=(), max_length=8)
    figures: tuple[Figure, ...] = Field(default=(), max_length=200)
    figure_groups: tuple[FigureGroup, ...] = Field(default=(), max_length=40)
    voices: tuple[Voice, ...] = Field(default=(), max_length=40)
    slideshow: Slideshow | None = None

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)

    def voice(self, voice_id: str) -> Voice:
        return next(v for v in self.voices if v.id == voice_id)
