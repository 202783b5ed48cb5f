"""Any path is safe to read: a named pipe, a device or a folder where the content or an image
should be is refused before it is read, and no read goes past its limit."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import ContentError, load_content
from kiosk.content import files as files_module
from kiosk.content.files import UnsafeFileError, read_limited
from kiosk.content.loader import MAX_FILE_BYTES
from kiosk.system.content_cache import ValidatedContentCache

Writer = Callable[..., Path]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


def _within(seconds: float, action: Callable[[], object]) -> object:
    """`action`'s result or exception, failing the test if it is still running after `seconds`
    (a blocked read stays behind in its daemon thread rather than hanging the run)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    return outcome[0]


def _problems(path: Path) -> list[str]:
    result = _within(10, lambda: load_content(path))
    assert isinstance(result, ContentError), result
    return [str(problem) for problem in result.problems]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    assert _problems(fifo) == ["is a named pipe (FIFO), not a regular file"]
    error = _within(10, lambda: read_limited(fifo, 100))
    assert isinstance(error, UnsafeFileError)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_before_reading() -> None:
    assert _problems(Path("/dev/zero")) == ["is a device, not a regular file"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert _problems(tmp_path) == ["is a folder, not a regular file"]


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space taken
    assert _problems(path) == [f"file is {MAX_FILE_BYTES + 1:,} bytes; the limit is {MAX_FILE_BYTES:,}"]


def test_a_read_stops_one_byte_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows after its size was taken is still read no further than the limit."""
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    class Shrunk:
        def __init__(self, status: os.stat_result) -> None:
            self.st_mode, self.st_size = status.st_mode, 10

    monkeypatch.setattr(files_module.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    asked: list[int] = []
    real_read = os.read
    monkeypatch.setattr(files_module.os, "read", lambda fd, n: asked.append(n) or real_read(fd, n))
    with pytest.raises(UnsafeFileError, match="larger than the limit of 100 bytes"):
        read_limited(path, 100)
    assert sum(asked) == 101
    assert read_limited(path, 5000) == b"x" * 5000


@needs_fifo
def test_a_named_pipe_image_is_refused(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "assets" / "icons" / "pipe.svg")
    data = json.loads(json.dumps(content_dict))
    data["visions"][0]["icon"] = "icons/pipe.svg"
    assert _problems(write_content(data)) == [
        "visions[0].icon: icons/pipe.svg is a named pipe (FIFO), not a regular file"
    ]


@needs_fifo
def test_the_cache_does_not_read_a_named_pipe(
    write_content: Writer, content_dict: dict[str, Any], tmp_path: Path
) -> None:
    """At start-up the cache compares the file's bytes with the stored ones: a pipe renamed
    over the content is a miss there too, not a kiosk waiting for a writer."""
    path = write_content(content_dict)
    cache = ValidatedContentCache(tmp_path / "cache")
    cache.store(load_content(path))
    path.unlink()
    os.mkfifo(path)
    assert _within(10, lambda: cache.load(path)) is None
