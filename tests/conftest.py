"""Test set-up: Qt runs offscreen (set here, before any Qt import), fonts and app as in the kiosk."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not os.environ.get("XDG_RUNTIME_DIR"):
    runtime = Path(tempfile.mkdtemp(prefix="kiosk-test-runtime-"))
    runtime.chmod(0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)

import json
import shutil

import pytest

from kiosk.content import LoadedContent, load_content
from kiosk.system.resources import bundled_dir, default_content_path


@pytest.fixture(scope="session")
def bundled() -> LoadedContent:
    return load_content(default_content_path())


@pytest.fixture(scope="session")
def content_dict() -> dict[str, object]:
    data: dict[str, object] = json.loads(default_content_path().read_text(encoding="utf-8"))
    return data


@pytest.fixture
def write_content(tmp_path: Path) -> Iterator[object]:
    """Write a content dict (or text) beside a copy of the bundled assets; return its path."""
    shutil.copytree(bundled_dir("assets") / "icons", tmp_path / "assets" / "icons")
    shutil.copytree(bundled_dir("assets") / "tours", tmp_path / "assets" / "tours")
    (tmp_path / "data").mkdir()

    def write(content: object, name: str = "content.json") -> Path:
        target = tmp_path / "data" / name
        if isinstance(content, (bytes, str)):
            data = content.encode("utf-8") if isinstance(content, str) else content
        else:
            data = json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")
        target.write_bytes(data)
        return target

    return write


FLOOD_KEYS = 790_000  # unknown keys in one content file, still under its 8 MB limit


@pytest.fixture(scope="session")
def unknown_key_flood(content_dict: dict[str, object]) -> bytes:
    """The bundled content with 790,000 short unknown keys in `meta`: about 7 MB."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def name(number: int) -> str:
        text = ""
        while True:
            number, digit = divmod(number, 36)
            text = digits[digit] + text
            if not number:
                return text

    data = json.loads(json.dumps(content_dict))
    data["meta"].update(dict.fromkeys(map(name, range(FLOOD_KEYS)), 0))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@pytest.fixture(autouse=True)
def _no_content_strings_left_over() -> Iterator[None]:
    """A session tells the interface text which content is on screen (its own strings, its
    default language); no test inherits the content the one before it showed."""
    yield
    from kiosk.i18n.strings import use_content  # noqa: PLC0415

    use_content(None)
