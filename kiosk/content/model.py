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


# Each description completes "'<value>' is not ...": the validator's message and the schema's words.
ID_RULE = Pattern(r"^[a-z0-9][a-z0-9-]{0,47}$", "a lower-case id: a-z, 0-9 and '-', up to 48 characters")
COLOR_RULE = Pattern(r"^#[0-9A-Fa-f]{6}$", "a colour written #RRGGBB, e.g. '#2E7D32'")
LANGUAGE_RULE = Pattern(
    r"^[a-z]{2}$", "a two-letter ISO 639-1 language code in lower case, e.g. 'zh', 'de', 'ar'"
)
ASSET_PATH_RULE = Pattern(
    r"^[^/\\][^\\]*$", "a path under the assets folder with '/' between folders, e.g. 'icons/green.svg'", 200
)
MAX_LANGUAGES = 4  # what the language toggle and picker give room for
MAX_GROUP_FIGURES = 12  # a group's figures share one screen: from five they become a list
# Every string rule by its regex: how the validator finds the words for a string that fails one.
PATTERNS = {rule.regex: rule for rule in (ID_RULE, COLOR_RULE, LANGUAGE_RULE, ASSET_PATH_RULE)}
Id = Annotated[str, ID_RULE]
Color = Annotated[str, COLOR_RULE]
Language = Annotated[str, LANGUAGE_RULE]
AssetPath = Annotated[str, ASSET_PATH_RULE]

FigureUnit = Literal[
    "count", "percent", "fraction", "yi_cny", "wanyi_cny", "km", "km2", "ha", "m2", "year", "years"
]
# "plus": a round number and more, as Chinese writes 60多 or 百余 ("over" in English).
Approximation = Literal["nearly", "over", "under", "about", "plus"]
ChartKind = Literal["bars", "counters", "proportion", "share", "rate"]
PluralCategory = Literal["zero", "one", "two", "few", "many", "other"]
# A UI string a content file gives: one text, or one per CLDR plural category of its language
# ({"one": "{n} étape", "other": "{n} étapes"}) for the strings that count something.
UiString = str | Mapping[PluralCategory, str]


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
        json_schema.pop("additionalProperties", None)
        json_schema.update(
            title=cls.__name__,
            description=cls.__doc__,
            patternProperties={LANGUAGE_RULE.regex: {"type": "string"}},
            propertyNames={"description": LANGUAGE_RULE.description},
        )
        return json_schema


# What a figure group, tour or voice says of its vision.
VISION_FIELD = (
    "The id of the vision this belongs to, as the report groups its facts: drawn in that vision's "
    "colour. Leave it out where the report ties it to no one vision: it is then drawn in a neutral colour"
)


@dataclass(frozen=True, kw_only=True)
class Meta:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    title: LocalText = rule(description="Exhibition title, shown in window titles and the attract loop")
    source: LocalText = rule(description="The report every fact comes from")
    languages: tuple[Language, ...] = rule(
        min_length=1,
        max_length=MAX_LANGUAGES,
        description='Every language of the content\'s texts, e.g. ["de", "en"]',
    )
    default_language: Language = rule(description="The language a visitor sees first: one of `languages`")
    idle_timeout_s: int = rule(60, ge=10, le=3600)
    assets_root: str = rule("../assets", description="Folder of the assets, relative to this file")

    def __post_init__(self) -> None:
        if self.default_language not in self.languages:
            wanted = ", ".join(self.languages)
            raise ValueError(f"default_language {self.default_language!r} is not one of languages ({wanted})")
        repeated = sorted({lang for lang in self.languages if self.languages.count(lang) > 1})
        if repeated:
            raise ValueError(f"languages name {', '.join(repeated)} more than once")


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
    # A vision page shows any number of figures (a row at a time where they do not all fit);
    # the bound only keeps a hostile file's page finite.
    figures: tuple[Id, ...] = rule((), max_length=12, description="Ids of key figures")


@dataclass(frozen=True, kw_only=True)
class Figure:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    label: LocalText
    value: float = rule(allow_inf_nan=False, description="The number as the report states it, in `unit`")
    unit: FigureUnit = rule(
        description="count; percent; fraction (value/denominator); yi_cny (亿元, 100 million yuan); "
        "wanyi_cny (万亿元, trillion yuan); km; km2 (square kilometres); ha (hectares); m2 (square "
        "metres); year (a calendar year such as 1959: never grouped, never counted up); years (a length "
        "of time: '3 years', '3 Jahre'; Chinese shows the measure when given, e.g. 年内 for 3年内)"
    )
    denominator: int | None = rule(None, ge=2, le=100)
    measure: LocalText | None = rule(
        None,
        description="Measure word, e.g. 家: shown after the number in languages that count with measure "
        "words (zh, ja, ko, vi, th, lo, km, my); elsewhere the label says what is counted",
    )
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
    figures: tuple[Id, ...] = rule(min_length=1, max_length=MAX_GROUP_FIGURES)
    vision: Id | None = rule(None, description=VISION_FIELD)


@dataclass(frozen=True, kw_only=True)
class Voice:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    name: LocalText
    role: LocalText | None = None
    organisation: LocalText | None = None
    country: LocalText | None = None
    occasion: LocalText | None = rule(None, description="Where it was said, if the report says")
    quote: LocalText = rule(
        description="The words alone, without quotation marks: the kiosk sets its own mark. Marks "
        "around the whole text (“…”, „…“, «…», 「…」) are dropped; marks inside it stay"
    )
    vision: Id | None = rule(None, description=VISION_FIELD)


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
    route: tuple[Hotspot, ...] = rule(
        (),
        max_length=64,
        description="Points along the diagram's road from the previous stop to this one, in walking "
        "order (the drawn route follows them; without them it bends gently between the stops)",
    )
    figure: Id | None = None
    voice: Id | None = None


@dataclass(frozen=True, kw_only=True)
class Tour:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: Id
    title: LocalText
    short_title: LocalText | None = rule(None, description="For buttons and entries; else the title")
    subtitle: LocalText
    vision: Id | None = rule(None, description=VISION_FIELD)
    color: Color | None = rule(
        None,
        description="A colour of its own, for a tour no vision covers; a tour of a vision takes its colour",
    )
    icon: AssetPath
    diagram: AssetPath
    autoplay_s: float = rule(
        8.0,
        ge=2.0,
        le=120.0,
        description="Playing by itself, the shortest time on a stop; a longer stop stays as long as "
        "its texts take to read in the language shown (up to a minute)",
    )
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

    auto_advance: bool = rule(
        False, description="Slides advance by themselves from the start (A toggles it in the talk)"
    )
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
    ui_strings: Mapping[Language, Mapping[str, UiString]] = field(
        default_factory=dict,
        metadata={
            "description": "Interface text for a language the kiosk has no catalog for, or to replace "
            "some of its words: language -> UI string key (as in kiosk/i18n/locale/en) -> text. What a "
            "language lacks comes from the default language."
        },
    )

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)

    def voice(self, voice_id: str) -> Voice:
        return next(v for v in self.voices if v.id == voice_id)

    def vision_of(self, item: Vision | Figure | FigureGroup | Tour | Voice) -> Vision | None:
        """The vision `item` belongs to, or None where the content ties it to none.

        A group, tour or voice declares its vision. A figure belongs to the one vision whose key
        figures list it; listed by several or none, to the one vision of the groups showing it."""
        if isinstance(item, Vision):
            return item
        if isinstance(item, Figure):
            return self._vision_of_figure(item.id)
        return next((v for v in self.visions if v.id == item.vision), None)

    def colour_of(self, item: Vision | Figure | FigureGroup | Tour | Voice) -> str | None:
        """The colour `item` is drawn in: its vision's (a tour without one may have its own);
        None where the content ties it to no vision, for the interface's neutral colour."""
        vision = self.vision_of(item)
        if vision is not None:
            return vision.color
        return item.color if isinstance(item, Tour) else None

    def _vision_of_figure(self, figure_id: str) -> Vision | None:
        listing = [v for v in self.visions if figure_id in v.figures]
        if len(listing) == 1:
            return listing[0]
        groups = {g.vision for g in self.figure_groups if figure_id in g.figures and g.vision is not None}
        return next((v for v in self.visions if v.id in groups), None) if len(groups) == 1 else None

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
