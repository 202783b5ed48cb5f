"""Content distributed as a folder (rsync, Syncthing): a kiosk takes a release only when every
file of it has arrived, from its own verified snapshot, so the text and the pictures on screen
always come from one release, whatever order the files land in."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content import LoadedContent, load_content
from kiosk.system import release
from kiosk.system.content_watcher import ContentWatcher
from kiosk.system.image_check import check_image
from kiosk.system.resources import bundled_dir
from kiosk.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]
PICTURE = "assets/tours/daxing.svg"  # the Daxing tour's diagram


def _build(folder: Path, content: dict[str, Any], version: str) -> None:
    """A whole release in `folder`: the content and a diagram that both carry `version`."""
    data = json.loads(json.dumps(content))
    data["visions"][1]["headline"]["en"] = f"Green, release {version}"
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "data" / "content.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for sub in ("icons", "tours"):
        shutil.copytree(bundled_dir("assets") / sub, folder / "assets" / sub, dirs_exist_ok=True)
    picture = folder / PICTURE
    picture.write_text(
        (bundled_dir("assets") / "tours" / "daxing.svg").read_text(encoding="utf-8")
        + f"<!-- {version} -->\n",
        encoding="utf-8",
    )
    release.write_manifest(folder, version)


def _versions(loaded: LoadedContent) -> tuple[str, str]:
    """The release named by the text and by the diagram the kiosk was given."""
    text = loaded.content.visions[1].headline["en"].rsplit(" ", 1)[-1]
    picture = (loaded.assets_root / "tours" / "daxing.svg").read_text(encoding="utf-8")
    return text, picture.rsplit("<!-- ", 1)[-1].split(" -->")[0]


def _arrive(staging: Path, root: Path, name: str) -> None:
    """One file of a release lands as a sync tool writes it: a hidden temporary file, renamed."""
    target = root / name
    temporary = target.with_name(f".syncthing.{target.name}.tmp")
    shutil.copyfile(staging / name, temporary)
    os.replace(temporary, target)


class Kiosk:
    def __init__(self, window: MainWindow, watcher: ContentWatcher) -> None:
        self.window, self.watcher = window, watcher
        self.shown: list[tuple[str, str]] = []
        self.waits: list[str] = []
        watcher.loaded.connect(lambda loaded: self.shown.append(_versions(loaded)))
        watcher.release_waiting.connect(self.waits.append)


@pytest.fixture
def kiosk(tmp_path: Path, make_window: MakeWindow, content_dict: dict[str, Any]) -> tuple[Kiosk, Path, Path]:
    root, store = tmp_path / "kiosk-content", tmp_path / "store"
    _build(root, content_dict, "v1")
    path = root / "data" / "content.json"
    snapshot, _release = release.snapshot(path, store)
    loaded = load_content(snapshot, check_image)
    assert _versions(loaded) == ("v1", "v1")
    window = make_window(loaded=loaded)
    watcher = ContentWatcher(
        path, loaded.assets_root, check_image, settle_ms=40, parent=window, release_store=store
    )
    watcher.loaded.connect(window.session.set_content)
    watcher.failed.connect(window.session.report_problems)
    return Kiosk(window, watcher), root, tmp_path


def test_a_release_whose_manifest_lands_first_is_taken_when_its_last_file_has(
    qtbot: QtBot, kiosk: tuple[Kiosk, Path, Path], content_dict: dict[str, Any]
) -> None:
    shown, root, tmp_path = kiosk
    staging = tmp_path / "v2"
    _build(staging, content_dict, "v2")
    # Syncthing's order is its own: here the manifest first, then the text, then the picture.
    with qtbot.waitSignal(shown.watcher.release_waiting, timeout=5000) as first:
        _arrive(staging, root, release.MANIFEST)
    assert "2 of" in first.args[0]
    with qtbot.waitSignal(shown.watcher.release_waiting, timeout=5000) as second:
        _arrive(staging, root, "data/content.json")
    assert "1 of" in second.args[0]
    assert PICTURE in second.args[0]
    assert shown.shown == []  # the new text alone is never taken
    with qtbot.waitSignal(shown.window.content_shown, timeout=5000):
        _arrive(staging, root, PICTURE)
    assert shown.shown == [("v2", "v2")]
    assert shown.window.session.loaded is not None
    assert _versions(shown.window.session.loaded) == ("v2", "v2")


def test_files_that_land_before_their_manifest_are_not_taken_until_it_does(
    qtbot: QtBot, kiosk: tuple[Kiosk, Path, Path], content_dict: dict[str, Any]
) -> None:
    shown, root, tmp_path = kiosk
    staging = tmp_path / "v3"
    _build(staging, content_dict, "v3")
    _arrive(staging, root, PICTURE)
    _arrive(staging, root, "data/content.json")
    # The folder now mixes nothing the kiosk will take: v1's manifest lists neither file.
    with qtbot.waitSignal(shown.window.content_shown, timeout=5000):
        _arrive(staging, root, release.MANIFEST)
    assert shown.shown == [("v3", "v3")]


def test_a_sync_in_any_order_never_shows_a_mix(
    qtbot: QtBot, kiosk: tuple[Kiosk, Path, Path], content_dict: dict[str, Any]
) -> None:
    shown, root, tmp_path = kiosk
    names = [release.MANIFEST, "data/content.json", PICTURE]
    orders = [names, names[::-1], [names[1], names[0], names[2]], [names[2], names[0], names[1]]]
    for number, order in enumerate(orders, start=2):
        version = f"v{number}"
        staging = tmp_path / version
        _build(staging, content_dict, version)
        for name in order[:-1]:
            _arrive(staging, root, name)
            qtbot.waitUntil(lambda: not shown.watcher.busy, timeout=5000)
        with qtbot.waitSignal(shown.watcher.loaded, timeout=5000):
            _arrive(staging, root, order[-1])
        assert shown.shown[-1] == (version, version), order
    assert all(text == picture for text, picture in shown.shown), shown.shown
    assert [text for text, _picture in shown.shown] == ["v2", "v3", "v4", "v5"]


def test_what_the_kiosk_shows_does_not_change_when_the_folder_does(
    tmp_path: Path, content_dict: dict[str, Any]
) -> None:
    root, store = tmp_path / "content", tmp_path / "store"
    _build(root, content_dict, "v1")
    snapshot, taken = release.snapshot(root / "data" / "content.json", store)
    assert taken.version == "v1"
    (root / PICTURE).write_text("<svg/>", encoding="utf-8")  # the next release starts arriving
    assert (snapshot.parent.parent / PICTURE).read_text(encoding="utf-8").endswith("<!-- v1 -->\n")
    assert release.snapshot(root / "data" / "content.json", store) == (snapshot, taken)
    staging = tmp_path / "v2"
    _build(staging, content_dict, "v2")
    _arrive(staging, root, release.MANIFEST)
    with pytest.raises(release.ReleaseIncompleteError, match=r"2 of \d+ file\(s\) not as listed yet"):
        release.snapshot(root / "data" / "content.json", store)
    assert release.last_complete(root / "data" / "content.json", store) == snapshot


def test_a_manifest_lists_the_folder_but_hidden_and_temporary_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "content.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".stfolder").mkdir()
    (tmp_path / ".stfolder" / "x").write_text("", encoding="utf-8")
    (tmp_path / "data" / ".syncthing.content.json.tmp").write_text("", encoding="utf-8")
    (tmp_path / "data" / "content.json.part").write_text("", encoding="utf-8")
    assert release.main([str(tmp_path), "--version", "2026-12-07"]) == 0
    manifest = release.read_manifest(tmp_path / release.MANIFEST)
    assert manifest.version == "2026-12-07"
    assert list(manifest.files) == ["data/content.json"]


@pytest.mark.parametrize("name", ["../outside.json", "/etc/passwd", "data/../../x", ".hidden"])
def test_a_manifest_may_not_lead_out_of_its_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / release.MANIFEST).write_text(
        json.dumps({"version": "x", "files": {name: "0" * 64}}), encoding="utf-8"
    )
    with pytest.raises(release.ReleaseError):
        release.read_manifest(tmp_path / release.MANIFEST)


def test_a_kiosk_starting_while_a_release_arrives_shows_the_last_complete_one(
    tmp_path: Path, content_dict: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app.boot import load_or_report  # noqa: PLC0415

    root, store = tmp_path / "content", tmp_path / "store"
    monkeypatch.setattr(release, "store_path", lambda: store)
    path = root / "data" / "content.json"
    _build(tmp_path / "v1", content_dict, "v1")
    (root / "data").mkdir(parents=True)
    _arrive(tmp_path / "v1", root, release.MANIFEST)
    _arrive(tmp_path / "v1", root, "data/content.json")
    loaded, error = load_or_report(path)  # the first start, its pictures still on the way
    assert loaded is None
    assert error is not None
    assert "not as listed yet" in str(error.problems[0])
    shutil.copytree(tmp_path / "v1" / "assets", root / "assets")
    loaded, error = load_or_report(path)
    assert loaded is not None
    assert _versions(loaded) == ("v1", "v1")
    _build(tmp_path / "v2", content_dict, "v2")
    _arrive(tmp_path / "v2", root, release.MANIFEST)
    _arrive(tmp_path / "v2", root, "data/content.json")
    loaded, error = load_or_report(path)  # a restart in the middle of the next release
    assert loaded is not None
    assert _versions(loaded) == ("v1", "v1")
