"""Every page in both languages, rendered by `kiosk render`, matches its reference picture."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from screen_compare import (
    CHANGED,
    LANGUAGES,
    REFERENCES,
    ROOT,
    compare,
    finish_render,
    load_reference,
    pixels,
    reduce,
    start_render,
    write_failure,
)

REFRESH = ".venv/bin/pytest tests/screens --refresh-references"
# Collected from the folder, so a page's failure names the page; pages without a reference
# are caught by the completeness test below.
REFERENCE_NAMES = sorted(path.stem for path in REFERENCES.glob("*.png"))


@pytest.mark.parametrize("name", REFERENCE_NAMES)
def test_page_matches_its_reference(
    name: str, rendered: dict[str, Path], refresh: bool, diff_folder: Path, request: pytest.FixtureRequest
) -> None:
    reference = REFERENCES / f"{name}.png"
    if name not in rendered:
        if refresh:
            pytest.skip(f"{name} has no page any more; --refresh-references removed its reference")
        pytest.fail(
            f"reference {reference.relative_to(ROOT)} has no rendered page (renamed or removed?); "
            f"to drop it: {REFRESH}",
            pytrace=False,
        )
    expected = pixels(load_reference(reference))
    actual = pixels(reduce(rendered[name]))
    difference = compare(expected, actual)
    if not difference.passes:
        write_failure(diff_folder, name, expected, actual, difference)
        request.config.stash.setdefault(CHANGED, []).append((name, difference.describe()))
        pytest.fail(
            f"{name} differs from {reference.relative_to(ROOT)}: {difference.describe()}\n"
            f"pictures: {diff_folder}/{name}-expected.png, -actual.png, -diff.png\n"
            f"if the change is deliberate: {REFRESH}",
            pytrace=False,
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_a_reference(lang: str, rendered: dict[str, Path]) -> None:
    pages = {name for name in rendered if name.endswith(f"_{lang}")}
    references = {path.stem for path in REFERENCES.glob(f"*_{lang}.png")}
    problems = []
    if pages - references:
        problems.append(f"pages without a reference (new pages?): {', '.join(sorted(pages - references))}")
    if references - pages:
        problems.append(f"references without a page (removed?): {', '.join(sorted(references - pages))}")
    if problems:
        pytest.fail("\n".join([*problems, f"to bring the references in line: {REFRESH}"]), pytrace=False)


def _edited_content(folder: Path) -> Path:
    """A copy of the bundled content, assets beside it as the loader expects, with one word of a
    vision's text, another vision's colour and one bar of a chart changed."""
    shutil.copytree(ROOT / "assets", folder / "assets", ignore=shutil.ignore_patterns("fonts", "screenshots"))
    content = json.loads((ROOT / "data" / "content.json").read_text(encoding="utf-8"))
    visions = {vision["id"]: vision for vision in content["visions"]}
    green = visions["green"]["text"]
    assert " based " in green["en"], "the edit below needs a word the content no longer has"
    green["en"] = green["en"].replace(" based ", " located ", 1)
    visions["smart"]["color"] = "#FF4D6A"
    platforms = next(group for group in content["figure_groups"] if group["id"] == "platforms")
    platforms["figures"] = platforms["figures"][:-1]
    (folder / "data").mkdir()
    path = folder / "data" / "content.json"
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_the_comparison_sees_a_word_a_colour_and_a_bar(tmp_path: Path, rendered: dict[str, Path]) -> None:
    """The tolerance stays tight enough to matter: each edit fails its page, an untouched page passes."""
    data = _edited_content(tmp_path / "content")
    edits = {
        "vision/green": "a changed word",
        "vision/smart": "a changed colour",
        "figures/platforms": "a missing bar",
        "vision/open": None,
    }
    edited = finish_render(start_render(tmp_path / "out", "en", tmp_path / "home", data, tuple(edits)))
    for page, edit in edits.items():
        name = page.replace("/", "-") + "_en"  # as `kiosk render` names its files
        difference = compare(pixels(reduce(rendered[name])), pixels(reduce(edited[name])))
        if edit is None:
            assert difference.passes, f"{name} is untouched but differs: {difference.describe()}"
        else:
            assert not difference.passes, f"{edit} on {name} went unseen: {difference.describe()}"
