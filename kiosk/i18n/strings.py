"""Every visitor-facing string that is not content, from gettext catalogs in `kiosk/i18n/locale`.

Why gettext (.po/.mo) rather than Qt Linguist: the catalogs are read by Python's own `gettext`
(no Qt, so this layer stays pure Python and testable without a display, and nothing extra to
import at start-up); translators' tools (Poedit, Weblate, Lokalize) read and write .po; each
catalog's header carries its language's plural rule ("1 tour", "2 tours", Arabic's six forms).
Babel compiles the catalogs (`pybabel compile -d kiosk/i18n/locale -D kiosk`) and gives CLDR's
plural rules to a language that only a content file brings.

Message ids are keys ("tour-hint"), not English sentences: rewording the English leaves every
other language's entry in place. Each non-English entry quotes the English as a comment.

A content file may add or replace strings for any of its languages (`ui_strings`). A string a
language lacks comes from the content's default language (`kiosk validate` reports a default
language that lacks strings), never from English inside another language.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import cast

from kiosk.content.errors import ContentProblem
from kiosk.content.model import Content, UiString
from kiosk.content.typography import curly_quotes
from kiosk.i18n.digits import whole_number

DOMAIN = "kiosk"
LOCALE_DIR = Path(__file__).with_name("locale")
SOURCE_LANGUAGE = "en"  # the catalog that holds every key; the last resort for content without one

# The strings whose wording depends on a count, and the value that is that count.
PLURAL_COUNTS = {
    "tour-hint": "n",
    "figures-hint": "n",
    "pin-locked": "s",
    "admin-closing": "s",
    "presenter-auto-on": "s",
    "presenter-overview-title": "n",
    "count-visions": "n",
    "count-tours": "n",
    "count-figures": "n",
    "count-voices": "n",
    "count-views": "n",
}
# Every language takes its name in its own words from CLDR, not from the content's default.
_OWN_NAME_KEYS = ("language-name", "language-toggle")


class _Missing(gettext.NullTranslations):
    """The catalog's fallback: a missing entry raises instead of echoing its key."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


@cache
def _catalog(lang: str) -> gettext.GNUTranslations | None:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        return None
    with path.open("rb") as file:
        catalog = gettext.GNUTranslations(file)
    catalog.add_fallback(_Missing())
    return catalog


@cache
def shipped_languages() -> tuple[str, ...]:
    """The languages the kiosk has a catalog for."""
    return tuple(sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")))


@cache
def ui_keys() -> tuple[str, ...]:
    """Every UI string's key, in the order of the source catalog."""
    source = LOCALE_DIR / SOURCE_LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.po"
    keys = re.findall(r'^msgid "([^"]+)"$', source.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return tuple(dict.fromkeys(keys))


def _from_catalog(key: str, lang: str, count: int | None) -> str | None:
    catalog = _catalog(lang)
    if catalog is None:
        return None
    try:
        return catalog.ngettext(key, key, count) if count is not None else catalog.gettext(key)
    except KeyError:
        return None


def _plural_category(lang: str, count: int) -> str:
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 (only content-supplied plurals need it)

    try:
        return str(Locale.parse(lang).plural_form(count))
    except (UnknownLocaleError, ValueError):  # a code CLDR does not know: its "other" form
        return "other"


def _from_content(entry: UiString, lang: str, count: int | None) -> str:
    if isinstance(entry, str):
        return entry
    forms = cast("Mapping[str, str]", entry)
    category = _plural_category(lang, count) if count is not None else "other"
    return forms.get(category) or forms.get("other") or next(iter(forms.values()))


@dataclass(frozen=True)
class _ContentStrings:
    """The content's own UI strings and its default language."""

    overrides: Mapping[str, Mapping[str, UiString]] = field(default_factory=dict)
    default_language: str = SOURCE_LANGUAGE

    def lookup(self, key: str, lang: str, count: int | None) -> str | None:
        entry = self.overrides.get(lang, {}).get(key)
        if entry is not None:
            return _from_content(entry, lang, count)
        return _from_catalog(key, lang, count)


_active = _ContentStrings()


def use_content(content: Content | None) -> None:
    """The content whose UI strings and default language the kiosk now shows."""
    global _active  # noqa: PLW0603 (one content is shown at a time; every text follows it)
    if content is None:
        _active = _ContentStrings()
    else:
        _active = _ContentStrings(content.ui_strings, content.meta.default_language)


class _Values(dict[str, object]):
    """Leaves a placeholder the caller did not give as it is, rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: Mapping[str, object]) -> str:
    if not values:
        return text
    try:
        return text.format_map(_Values(values))
    except (ValueError, IndexError, AttributeError):  # braces an author meant literally
        return text


def has_text(key: str, lang: str) -> bool:
    """Whether `lang` itself (the content or a catalog) has the string `key`."""
    count = 1 if key in PLURAL_COUNTS else None
    return _active.lookup(key, lang, count) is not None


def ui_text(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, filled in; a string `lang` lacks comes from the content's
    default language (then the source catalog, which has every key)."""
    counted = PLURAL_COUNTS.get(key)
    count = values.get(counted) if counted else None
    number = int(count) if isinstance(count, int | float) else (1 if counted else None)
    # Positions, counts and seconds in the digits of the language on screen ("۳ / ۱۶" in Persian).
    shown = {
        name: whole_number(value, lang) if isinstance(value, int) and not isinstance(value, bool) else value
        for name, value in values.items()
    }
    for candidate in (lang, _active.default_language, SOURCE_LANGUAGE):
        text = _active.lookup(key, candidate, number)
        if text is not None:  # a content's own wording may come with typewriter quotes
            return fill(curly_quotes(text, candidate), shown)
    raise KeyError(key)


def language_name(lang: str) -> str:
    """What the two-language toggle shows for `lang`: its name, short, in that language."""
    return _own_name("language-toggle", lang)


def native_language_name(lang: str) -> str:
    """`lang` named in itself: 中文, English, Deutsch, العربية, Français."""
    return _own_name("language-name", lang)


def _own_name(key: str, lang: str) -> str:
    text = _active.lookup(key, lang, None)
    if text is not None:
        return text
    try:
        from babel import Locale, UnknownLocaleError  # noqa: PLC0415 (languages without a catalog)
    except ImportError:  # pragma: no cover - Babel is a dependency
        return lang.upper()
    try:
        name = Locale.parse(lang).get_display_name(lang)
    except (UnknownLocaleError, ValueError):
        return lang.upper()
    return name[:1].upper() + name[1:] if name else lang.upper()


def placeholders(text: str) -> set[str]:
    """The {names} a string fills in."""
    import string  # noqa: PLC0415 (only validation asks)

    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def _source_texts(key: str) -> list[str]:
    catalog = _catalog(SOURCE_LANGUAGE)
    if catalog is None:
        return []
    try:
        if key in PLURAL_COUNTS:
            return [catalog.ngettext(key, key, 1), catalog.ngettext(key, key, 2)]
        return [catalog.gettext(key)]
    except KeyError:
        return []


def content_string_problems(content: Content) -> list[ContentProblem]:
    """What is wrong with the content's own UI strings, and which UI strings its default
    language lacks (a visitor would otherwise read another language's words)."""
    problems: list[ContentProblem] = []
    keys = set(ui_keys())
    for lang, entries in content.ui_strings.items():
        for key, entry in entries.items():
            where = f"ui_strings.{lang}.{key}"
            if key not in keys:
                problems.append(ContentProblem(where, f"no UI string is called {key!r}"))
                continue
            allowed = set().union(*(placeholders(text) for text in _source_texts(key)))
            texts = [entry] if isinstance(entry, str) else list(entry.values())
            unknown = sorted(set().union(*(placeholders(text) for text in texts)) - allowed)
            if unknown:
                names = ", ".join("{" + name + "}" for name in unknown)
                given = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
                problems.append(
                    ContentProblem(where, f"{names} is not filled in here (this string has {given})")
                )
    default = content.meta.default_language
    with_content = _ContentStrings(content.ui_strings, default)
    lacking = [
        key
        for key in ui_keys()
        if key not in _OWN_NAME_KEYS
        and with_content.lookup(key, default, 1 if key in PLURAL_COUNTS else None) is None
    ]
    if lacking:
        problems.append(
            ContentProblem(
                f"ui_strings.{default}",
                f"the kiosk has no interface text in {default!r} (the default language): give these "
                f"{len(lacking)} strings here: {', '.join(lacking)}",
            )
        )
    return problems


def ui_texts(lang: str) -> list[str]:
    """Every UI string `lang` itself has (each plural form), for font coverage checks."""
    catalog_path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not catalog_path.is_file():
        return []
    text = catalog_path.read_text(encoding="utf-8")
    return [s for s in re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', text, flags=re.MULTILINE) if s]


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language of the machine's locale (LC_ALL, LC_MESSAGES, LANG), e.g. "de" for de_DE.UTF-8."""
    import os  # noqa: PLC0415

    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        code = re.split(r"[_.@-]", value)[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return None


def error_languages(declared: tuple[str, ...], environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages of the "content could not be loaded" screen: the file's own where it
    declares them, else the machine's and English; only those the kiosk can write it in."""
    candidates = declared or (system_language(environ) or SOURCE_LANGUAGE, SOURCE_LANGUAGE)
    shown = tuple(lang for lang in dict.fromkeys(candidates) if has_text("error-title", lang))
    return shown or (SOURCE_LANGUAGE,)
