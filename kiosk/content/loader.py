"""Load and validate a content file in one place: every problem found, each with its location.

The validator is pydantic, building its rules from the dataclasses of `kiosk.content.model`.
Importing it and building those rules takes about 100 ms, so only this module imports it: code
that reads validated content (or the validated-content cache) never pays for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import GetCoreSchemaHandler, TypeAdapter, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

from kiosk.content.errors import ContentError, ContentProblem
from kiosk.content.files import MAX_CONTENT_BYTES, UnsafeFileError, read_limited, regular_file_problem
from kiosk.content.model import (
    ID_RULE,
    LANGUAGE_RULE,
    MAX_LANGUAGES,
    PATTERNS,
    Content,
    ImageCheck,
    LoadedContent,
    LocalText,
)
from kiosk.content.pages import page_order, page_steps
from kiosk.content.typography import curly_quotes

MAX_FILE_BYTES = MAX_CONTENT_BYTES
MAX_DEPTH = 32  # nesting of objects and lists; the content needs 6, a hostile file wants thousands
LANGUAGE_FIELDS = ("meta.languages", "meta.default_language")
# What an author should write where a required field of `meta` is missing.
REQUIRED_HINTS = {
    "meta.languages": 'list the languages of the texts, e.g. ["de", "en"]',
    "meta.default_language": "name the language a visitor sees first, one of meta.languages",
}
# Values (objects, lists, texts, numbers) the validator is given; the bundled content has about
# 1,600. pydantic keeps every error it finds (some 700 bytes each once listed), so a file of
# 8 MB made of tiny wrong values would cost gigabytes: anything beyond this is refused unread.
MAX_VALUES = 100_000
SHOWN_PER_KIND = 50  # problems of one kind listed before "... and N more of the same kind"
ASSET_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
UNKNOWN_FIELD = ("extra_forbidden", "unexpected_keyword_argument")

__all__ = ["ImageCheck", "LoadedContent", "cap_problems", "json_path", "load_content", "parse_content"]


def local_text_schema(cls: type[LocalText], handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
    """A LocalText: an object of language -> non-blank text, with every declared language; its
    straight quotation marks set as each language writes them (a visitor never sees " or ')."""

    def check(value: dict[str, str], info: ValidationInfo) -> LocalText:
        blank = [lang for lang, text in value.items() if not text.strip()]
        if blank:
            raise ValueError(f"empty text for {', '.join(blank)}")
        context = info.context or {}
        # A key that is not a language code is reported once, where the file declares it (or here
        # when it declares no such language).
        bad = [lang for lang in value if not re.fullmatch(LANGUAGE_RULE.regex, lang)]
        bad = [lang for lang in bad if lang not in context.get("declared", ())]
        if bad:
            raise ValueError(f"{bad[0]!r} is not {LANGUAGE_RULE.description}")
        languages = context.get("languages", ())
        missing = [lang for lang in languages if lang not in value]
        if missing:
            # Turned into one "<path>.<lang>: field required" line per language below.
            raise PydanticCustomError("missing_language", "field required", {"missing": missing})
        return cls({lang: curly_quotes(text, lang) for lang, text in value.items()})

    texts = core_schema.dict_schema(core_schema.str_schema(), core_schema.str_schema())
    return core_schema.with_info_after_validator_function(check, texts, ref="LocalText")


def _local_text_core_schema(cls: type[LocalText], _source: Any, handler: GetCoreSchemaHandler) -> Any:
    return local_text_schema(cls, handler)


# The model stays free of the validator: how a LocalText validates is given to it here, by the
# only module that validates (and by the schema generator, which imports this one).
LocalText.__get_pydantic_core_schema__ = classmethod(_local_text_core_schema)  # type: ignore[attr-defined]


@cache
def _validator() -> TypeAdapter[Content]:
    return TypeAdapter(Content)


def load_content(
    path: str | Path,
    check_image: ImageCheck | None = None,
    parse: Callable[[str, str], Content] | None = None,
) -> LoadedContent:
    """Read, parse and validate `path`; raise `ContentError` listing every problem. `parse`
    stands in for `parse_content` (the live reload validates in a child process)."""
    source = Path(path)
    raw = _read_bytes(source)
    content = (parse or parse_content)(_decode(raw, source), str(source))
    assets_root = (source.parent / content.meta.assets_root).resolve()
    problems = list(_check_assets(content, assets_root, source.parent.resolve(), check_image))
    if problems:
        raise ContentError(str(source), problems, content.meta.languages)
    return LoadedContent(content, source.resolve(), assets_root, LoadedContent.digest_of(raw))


def parse_content(text: str, source: str = "<content>") -> Content:
    """Validate content JSON text into a `Content`; raise `ContentError` with every problem
    (at most `SHOWN_PER_KIND` of one kind, then how many more)."""
    data = _parse_json(text, source)
    # Unknown keys are found and taken out here, counted rather than each made into an error by
    # the validator: a file of nothing but unknown keys stays as cheap as a valid one.
    unknown = _strip_unknown_keys(data, _json_schema())
    if unknown:
        text = json.dumps(data, ensure_ascii=False)
    values = _count_values(data)
    if values > MAX_VALUES:
        message = f"holds more than {MAX_VALUES:,} values; content needs far fewer"
        raise ContentError(source, cap_problems([*unknown, ContentProblem("", message)]))
    declared = _declared_languages(data)
    # Texts are checked for the well-written codes only: a bad code is one problem, not one per
    # text; a list that is wrong as a whole (too long, a code twice) is fixed first.
    languages = tuple(lang for lang in declared if re.fullmatch(LANGUAGE_RULE.regex, lang))
    if len(declared) > MAX_LANGUAGES or len(set(declared)) != len(declared):
        languages = ()
    problems: list[ContentProblem] = list(unknown)
    content: Content | None = None
    try:
        context = {"languages": languages, "declared": declared}
        content = _validator().validate_json(text, strict=True, context=context)
    except ValidationError as error:
        problems += _problems_from(error, _assets_folder_name(data), declared)
    problems += _check_references(data)
    problems += _check_ui_string_languages(data, languages)
    if content is not None:
        problems += _check_slides(content)
    if problems or content is None:
        # The content's languages first: they decide what every text must hold.
        problems.sort(
            key=lambda problem: not problem.path.startswith(("meta.languages", "meta.default_language"))
        )
        raise ContentError(source, cap_problems(problems), languages)
    return content


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


def cap_problems(problems: Iterable[ContentProblem], shown: int = SHOWN_PER_KIND) -> list[ContentProblem]:
    """The first `shown` problems of each kind (the same message but for names and numbers in
    it), then one line saying how many more of that kind there are."""
    kept: list[ContentProblem] = []
    counts: dict[str, int] = {}
    for problem in problems:
        kind = _QUOTED.sub("_", problem.message)
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= shown:
            kept.append(problem)
    for kind, count in counts.items():
        if count > shown:
            example = next(p for p in kept if _QUOTED.sub("_", p.message) == kind)
            kept.append(
                ContentProblem("", f"... and {count - shown:,} more of the same kind ({example.message})")
            )
    return kept


@cache
def _json_schema() -> dict[str, Any]:
    return _validator().json_schema()


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives a schema allows, with references followed."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return _resolve(defs[ref.rsplit("/", 1)[-1]], defs)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        return [resolved for option in alternatives for resolved in _resolve(option, defs)]
    return [schema]


_Visit = tuple[Any, dict[str, Any], tuple[int | str, ...]]  # a value, its schema, its place


def _strip_unknown_keys(
    data: Any, schema: dict[str, Any], shown: int = SHOWN_PER_KIND
) -> list[ContentProblem]:
    """Remove from `data` every key its object's schema does not know: a problem for each of the
    first `shown` in the file's order, then one saying how many more."""
    defs = schema.get("$defs", {})
    unknown: list[tuple[int | str, ...]] = []
    count = 0
    pending: list[_Visit] = [(data, schema, ())]
    while pending:
        value, here, location = pending.pop()
        options = _resolve(here, defs)
        if isinstance(value, dict):
            children, removed = _object_children(value, options, location)
            count += len(removed)
            unknown += removed[: max(0, shown - len(unknown))]
        else:
            children = _list_children(value, options, location) if isinstance(value, list) else []
        pending.extend(reversed(children))  # popped in the file's order
    message = "unknown field (not in the content schema)"
    found = [ContentProblem(json_path(location), message) for location in unknown]
    if count > shown:
        found.append(ContentProblem("", f"... and {count - shown:,} more of the same kind ({message})"))
    return found


def _object_children(
    value: dict[str, Any], options: list[dict[str, Any]], location: tuple[int | str, ...]
) -> tuple[list[_Visit], list[tuple[int | str, ...]]]:
    """The known values of an object to look into, and the places of its unknown keys (removed)."""
    objects = [o for o in options if o.get("type") == "object" or "properties" in o]
    if not objects:
        return [], []
    known: dict[str, Any] = {}
    for option in objects:
        for key, field_schema in option.get("properties", {}).items():
            known.setdefault(key, field_schema)
    closed = all(o.get("additionalProperties") is False for o in objects)
    extra = next(
        (o["additionalProperties"] for o in objects if isinstance(o.get("additionalProperties"), dict)), None
    )
    children: list[_Visit] = []
    removed: list[tuple[int | str, ...]] = []
    for key in list(value):
        if key in known:
            children.append((value[key], known[key], (*location, key)))
        elif closed:
            removed.append((*location, key))
            del value[key]
        elif extra is not None:
            children.append((value[key], extra, (*location, key)))
    return children, removed


def _list_children(
    value: list[Any], options: list[dict[str, Any]], location: tuple[int | str, ...]
) -> list[_Visit]:
    children: list[_Visit] = []
    for option in [o for o in options if o.get("type") == "array"][:1]:
        prefix = option.get("prefixItems", [])
        for index, item in enumerate(value):
            item_schema = prefix[index] if index < len(prefix) else option.get("items")
            if isinstance(item_schema, dict):
                children.append((item, item_schema, (*location, index)))
    return children


def _count_values(data: Any) -> int:
    count = 0
    pending = [data]
    while pending:
        value = pending.pop()
        count += 1
        if count > MAX_VALUES:
            break
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return count


def _check_slides(content: Content) -> Iterator[ContentProblem]:
    """Every playlist slide names a page that exists, and a step that page has."""
    if content.slideshow is None:
        return
    refs = {ref.id: ref for ref in page_order(content)}
    for index, slide in enumerate(content.slideshow.slides):
        where = f"slideshow.slides[{index}]"
        ref = refs.get(slide.page)
        if ref is None:
            yield ContentProblem(f"{where}.page", f"no page {slide.page!r}; pages: {', '.join(refs)}")
        elif slide.step is not None and slide.step >= page_steps(content, ref):
            yield ContentProblem(f"{where}.step", f"{slide.page} has {page_steps(content, ref)} step(s)")


def _read_bytes(source: Path) -> bytes:
    try:
        return read_limited(source, MAX_FILE_BYTES)
    except UnsafeFileError as error:
        raise ContentError(str(source), [ContentProblem("", str(error))]) from None
    except OSError as error:
        raise ContentError(
            str(source), [ContentProblem("", f"cannot read the file: {error.strerror}")]
        ) from None


def _assets_root_problem(assets_root: Path, content_folder: Path, declared: str) -> str | None:
    """Why the resolved `assets_root` may not hold the content's artwork, or None.

    The artwork belongs with the content: inside the folder that holds the content file's
    folder (`../assets` from `data/content.json`), or in an `assets` folder of a folder above
    the content file (one set of artwork shared by several contents). Anything else, "/" first,
    would let the content show any image on the machine. When the content's folder sits at
    the top of the file system, its own folder takes the place of that root.
    """
    project = content_folder.parent
    if project == Path(project.anchor):
        project = content_folder
    if assets_root == Path(assets_root.anchor):
        where = "a file system root"
    elif assets_root.is_relative_to(project) or any(
        assets_root.is_relative_to(folder / "assets") for folder in content_folder.parents
    ):
        return None
    else:
        where = str(assets_root)
    return (
        f"{declared!r} leads to {where}, outside the content's own folders: the assets folder must "
        f"be inside {project} or be an 'assets' folder in a folder above the content file"
    )


def _decode(raw: bytes, source: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte {error.start} is invalid); save the file as UTF-8"
        raise ContentError(str(source), [ContentProblem("", message)]) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in content; use a finite number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _check_depth(text: str, source: str) -> None:
    """Refuse deep nesting before parsing: the parser and validator would recurse into it."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            message = f"nested deeper than {MAX_DEPTH} levels; content needs far fewer"
            raise ContentError(source, [ContentProblem("", message)])


def _parse_json(text: str, source: str) -> Any:
    _check_depth(text, source)
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        # The decoder's own message may end in " at", the position it then appends in words:
        # the position is given as line:column here, the dangling word goes.
        message = error.msg.removesuffix(" at")
        problem = ContentProblem(f"{error.lineno}:{error.colno}", f"JSON syntax error: {message}")
        raise ContentError(source, [problem]) from None
    except (ValueError, RecursionError) as error:
        raise ContentError(source, [ContentProblem("", f"JSON error: {error}")]) from None


def _declared_languages(data: Any) -> tuple[str, ...]:
    """The languages the file declares, as written; none when it declares none (then no text
    is checked for languages: one "field required" says what is missing)."""
    meta = data.get("meta") if isinstance(data, dict) else None
    languages = meta.get("languages") if isinstance(meta, dict) else None
    if isinstance(languages, list):
        return tuple(lang for lang in languages if isinstance(lang, str))
    return ()


def _assets_folder_name(data: Any) -> str:
    meta = data.get("meta") if isinstance(data, dict) else None
    root = meta.get("assets_root") if isinstance(meta, dict) else None
    return (Path(root).name or "assets") if isinstance(root, str) else "assets"


def json_path(location: Iterable[int | str]) -> str:
    """("tours", 0, "stops", 2, "title") -> "tours[0].stops[2].title"."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _pattern_message(value: Any, regex: str, assets: str) -> str:
    """What is wrong with a string that fails a rule, in the schema's words."""
    rule = PATTERNS.get(regex)
    if rule is None:
        return f"{value!r} does not have the required form"
    if isinstance(value, str) and rule.description.startswith("a path"):
        if value.startswith(("/", "\\")):
            return f"{value!r} is an absolute path; give a path under {assets}/"
        if "\\" in value:
            return f"{value!r} has a '\\'; give a path under {assets}/ with '/' between folders"
    if isinstance(value, str) and rule is LANGUAGE_RULE:
        base = re.split(r"[-_]", value)[0].lower()
        if re.fullmatch(rule.regex, base) and base != value:
            why = "names a region too" if base != value.lower() else "is in capitals"
            return f"{value!r} {why}; the kiosk takes two-letter ISO 639-1 codes: write {base!r}"
    return f"{value!r} is not {rule.description}"


def _follow_on(detail: Any, details: list[Any]) -> bool:
    """A list too short only because its items failed: the items' own problems say why."""
    if detail["type"] != "too_short":
        return False
    location = tuple(detail["loc"])
    return any(
        len(other["loc"]) > len(location) and tuple(other["loc"][: len(location)]) == location
        for other in details
    )


def _problems_from(
    error: ValidationError, assets: str = "assets", declared: tuple[str, ...] = ()
) -> Iterator[ContentProblem]:
    details = error.errors(include_url=False)
    for detail in details:
        location = [part for part in detail["loc"] if part != "root"]
        path = json_path(location)
        if path == "meta.default_language" and detail.get("input") in declared:
            continue  # the same bad code in meta.languages is reported there
        if detail["type"] == "missing_language":
            for lang in detail.get("ctx", {}).get("missing", ()):
                yield ContentProblem(json_path([*location, lang]), "field required")
            continue
        if _follow_on(detail, details):
            continue
        message = str(detail["msg"]).removeprefix("Value error, ")
        message = message[0].lower() + message[1:] if message else message
        # A JSON file has lists, not the validator's tuples.
        message = message.replace("tuple should have", "list should have").replace(" after validation", "")
        if detail["type"] in UNKNOWN_FIELD:
            message = "unknown field (not in the content schema)"
        elif detail["type"] == "missing" and path in REQUIRED_HINTS:
            message = f"field required: {REQUIRED_HINTS[path]}"
        elif detail["type"] == "string_pattern_mismatch":
            message = _pattern_message(detail.get("input"), detail.get("ctx", {}).get("pattern", ""), assets)
        yield ContentProblem(path, message)


def _duplicates(ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for item in ids:
        (repeated if item in seen else seen).add(item)
    return repeated


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _ids(items: list[Any]) -> list[str]:
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _check_ids(items: list[Any], where: str) -> Iterator[ContentProblem]:
    repeated = _duplicates(_ids(items))
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] in repeated:
            yield ContentProblem(f"{where}[{index}].id", f"id {item['id']!r} is used more than once")


def _check_reference(value: Any, known: set[str], where: str, kind: str) -> Iterator[ContentProblem]:
    if isinstance(value, str) and value not in known:
        yield ContentProblem(where, f"no {kind} has id {value!r}")


def _check_references(data: Any) -> Iterator[ContentProblem]:
    """Unique ids and references that resolve. Works on the raw JSON, so these problems are
    reported together with any schema problems, not only once those are fixed."""
    for name in ("visions", "tours", "figures", "figure_groups", "voices"):
        yield from _check_ids(_items(data, name), name)
    figure_ids = set(_ids(_items(data, "figures")))
    voice_ids = set(_ids(_items(data, "voices")))
    vision_ids = set(_ids(_items(data, "visions")))
    # A vision whose own id is malformed is reported as such: what refers to it is no second cause.
    well_formed = all(re.fullmatch(ID_RULE.regex, vision) for vision in vision_ids)
    for list_name in ("tours", "figure_groups", "voices") if well_formed else ():
        for i, item in enumerate(_items(data, list_name)):
            if isinstance(item, dict):
                vision = item.get("vision")
                if isinstance(vision, str) and vision not in vision_ids:
                    # The visions are few: naming them is the quickest way to the right id.
                    known = ", ".join(_ids(_items(data, "visions")))
                    message = f"no vision has id {vision!r}; the visions are {known}"
                    yield ContentProblem(f"{list_name}[{i}].vision", message)
    for list_name in ("visions", "figure_groups"):
        for i, item in enumerate(_items(data, list_name)):
            for f, figure_id in enumerate(_items(item, "figures")):
                yield from _check_reference(figure_id, figure_ids, f"{list_name}[{i}].figures[{f}]", "figure")
    for t, tour in enumerate(_items(data, "tours")):
        stops = _items(tour, "stops")
        yield from (
            ContentProblem(p.path, p.message + " in this tour")
            for p in _check_ids(stops, f"tours[{t}].stops")
        )
        for s, stop in enumerate(stops):
            if isinstance(stop, dict):
                where = f"tours[{t}].stops[{s}]"
                yield from _check_reference(stop.get("figure"), figure_ids, f"{where}.figure", "figure")
                yield from _check_reference(stop.get("voice"), voice_ids, f"{where}.voice", "voice")


def _check_ui_string_languages(data: Any, languages: tuple[str, ...]) -> Iterator[ContentProblem]:
    ui_strings = data.get("ui_strings") if isinstance(data, dict) else None
    if not isinstance(ui_strings, dict):
        return
    for lang in ui_strings:
        if lang not in languages:
            yield ContentProblem(
                f"ui_strings.{lang}", f"{lang!r} is not one of meta.languages ({', '.join(languages)})"
            )


def _check_assets(
    content: Content, assets_root: Path, content_folder: Path, check_image: ImageCheck | None
) -> Iterator[ContentProblem]:
    outside = _assets_root_problem(assets_root, content_folder, content.meta.assets_root)
    if outside is not None:
        yield ContentProblem("meta.assets_root", outside)
        return
    if not assets_root.is_dir():
        yield ContentProblem("meta.assets_root", f"folder not found: {assets_root}")
        return
    for where, relative in content.asset_fields():
        # Resolved first: ".." and symbolic links may not lead out of the assets folder.
        target = (assets_root / relative).resolve()
        if not target.is_relative_to(assets_root):
            yield ContentProblem(where, f"{relative!r} points outside the assets folder")
        elif target.suffix.lower() not in ASSET_TYPES:
            yield ContentProblem(
                where, f"{relative!r} is not an image of an allowed type ({', '.join(ASSET_TYPES)})"
            )
        elif not target.exists():
            yield ContentProblem(where, f"file not found: {relative}")
        elif (problem := regular_file_problem(target)) is not None:
            yield ContentProblem(where, f"{relative} {problem}")
        elif check_image is not None:
            problem = check_image(target)
            if problem:
                yield ContentProblem(where, f"{relative}: {problem}")
