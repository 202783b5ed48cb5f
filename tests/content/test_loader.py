"""Loading and validation: every problem at once, each located by its JSON path."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import ContentError, load_content
from kiosk.content.loader import parse_content

Writer = Callable[..., Path]


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(data))
    return copied


def _problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path)
    return [str(problem) for problem in caught.value.problems]


def test_bundled_content_is_valid(write_content: Writer, content_dict: dict[str, Any]) -> None:
    loaded = load_content(write_content(content_dict))
    assert [v.id for v in loaded.content.visions] == ["innovative", "green", "smart", "people", "open"]
    assert loaded.asset("tours/daxing.svg").is_file()


def test_every_problem_is_reported_at_once(write_content: Writer, content_dict: dict[str, Any]) -> None:
    data = _copy(content_dict)
    del data["tours"][0]["stops"][2]["title"]["en"]
    data["figures"][0]["value"] = "4785"
    data["visions"][1]["colour"] = "#2FC487"
    data["figure_groups"][0]["figures"].append("missing-figure")
    data["voices"][1]["id"] = data["voices"][0]["id"]
    problems = _problems(write_content(data))
    assert "tours[0].stops[2].title.en: field required" in problems
    assert "figures[0].value: input should be a valid number" in problems
    assert "visions[1].colour: unknown field (not in the content schema)" in problems
    assert "figure_groups[0].figures[2]: no figure has id 'missing-figure'" in problems
    assert "voices[1].id: id 'zhang-jihong' is used more than once" in problems


def test_missing_section(write_content: Writer, content_dict: dict[str, Any]) -> None:
    data = _copy(content_dict)
    del data["home"]
    assert _problems(write_content(data)) == ["home: field required"]


def test_syntax_error_gives_line_and_column(write_content: Writer) -> None:
    assert _problems(write_content('{\n  "meta": {\n    "title": [1,]\n  }\n}')) == [
        "3:17: JSON syntax error: Expecting value"
    ]


def test_nan_and_infinity_are_rejected() -> None:
    with pytest.raises(ContentError) as caught:
        parse_content('{"meta": {"idle_timeout_s": NaN}}')
    assert "NaN is not allowed" in str(caught.value.problems[0])


def test_duplicate_keys_are_rejected() -> None:
    with pytest.raises(ContentError) as caught:
        parse_content('{"meta": {}, "meta": {}}')
    assert "duplicate key 'meta'" in str(caught.value.problems[0])


def test_utf8_with_bom_is_accepted(write_content: Writer, content_dict: dict[str, Any]) -> None:
    text = json.dumps(content_dict, ensure_ascii=False)
    assert (
        load_content(write_content(b"\xef\xbb\xbf" + text.encode("utf-8"))).content.home.title["zh"]
        == "中关村倡议"
    )


def test_other_encodings_are_rejected_clearly(write_content: Writer, content_dict: dict[str, Any]) -> None:
    text = json.dumps(content_dict, ensure_ascii=False)
    problems = _problems(write_content(text.encode("gb18030")))
    assert len(problems) == 1
    assert "not UTF-8 text" in problems[0]


def test_missing_and_escaping_assets(write_content: Writer, content_dict: dict[str, Any]) -> None:
    data = _copy(content_dict)
    data["visions"][0]["icon"] = "icons/none.svg"
    data["tours"][1]["diagram"] = "../../etc/passwd"
    problems = _problems(write_content(data))
    assert "visions[0].icon: file not found: icons/none.svg" in problems
    assert "tours[1].diagram: '../../etc/passwd' points outside the assets folder" in problems


def test_unreadable_file(tmp_path: Path) -> None:
    problems = _problems(tmp_path / "nothing.json")
    assert problems[0].startswith("cannot read the file")


def test_fraction_needs_a_denominator(write_content: Writer, content_dict: dict[str, Any]) -> None:
    data = _copy(content_dict)
    fraction = next(i for i, f in enumerate(data["figures"]) if f["unit"] == "fraction")
    del data["figures"][fraction]["denominator"]
    problems = _problems(write_content(data))
    assert problems == [f"figures[{fraction}]: a denominator is required for unit 'fraction' and only there"]


def test_model_is_immutable(write_content: Writer, content_dict: dict[str, Any]) -> None:
    content = load_content(write_content(content_dict)).content
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.visions[0].id = "changed"  # type: ignore[misc]


def test_playlist_slides_name_pages_and_steps_that_exist(
    write_content: Writer, content_dict: dict[str, Any]
) -> None:
    data = _copy(content_dict)
    data["slideshow"]["slides"][0]["page"] = "vision/purple"
    data["slideshow"]["slides"][1] = {"page": "tour/daxing", "step": 9}
    problems = _problems(write_content(data))
    assert problems[0].startswith("slideshow.slides[0].page: no page 'vision/purple'")
    assert "slideshow.slides[1].step: tour/daxing has 4 step(s)" in problems


def test_the_assets_root_stays_with_the_content(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    """Inside the folder that holds the content's folder, or an 'assets' folder above the
    content file: never "/" nor a folder elsewhere, which would show any image on the machine."""
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    for root, where in (("/", "a file system root"), (str(elsewhere), str(elsewhere))):
        data = _copy(content_dict)
        data["meta"]["assets_root"] = root
        assert _problems(write_content(data)) == [
            f"meta.assets_root: {root!r} leads to {where}, outside the content's own folders: the "
            f"assets folder must be inside {tmp_path} or be an 'assets' folder in a folder above "
            "the content file"
        ]
    data = _copy(content_dict)
    data["meta"]["assets_root"] = "../../" + tmp_path.name + "-elsewhere"
    assert _problems(write_content(data))[0].startswith("meta.assets_root: ")


def test_an_assets_folder_above_the_content_is_allowed(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    """As tests/other_park shares the bundled artwork: '../../assets' from two folders down."""
    (tmp_path / "data" / "parks" / "other").mkdir(parents=True)
    path = write_content(content_dict, "parks/other/content.json")
    data = _copy(content_dict)
    data["meta"]["assets_root"] = "../../../assets"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_content(path).assets_root == tmp_path / "assets"
