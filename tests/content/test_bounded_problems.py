"""Bad input at any scale: a content file with hundreds of thousands of problems is reported in
a bounded number of lines, time and memory, and what is not a regular file is never read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import ContentError
from kiosk.content.errors import ContentProblem
from kiosk.content.loader import MAX_VALUES, SHOWN_PER_KIND, cap_problems, parse_content

# The CLI run in a child that reports its own peak memory (kB on Linux) on its last stderr line:
# the high-water mark of its own memory (VmHWM). Not getrusage's ru_maxrss, which Linux carries
# over from the parent at fork: after the UI tests pytest itself is some 400 MB.
_MEASURED = (
    "import re, sys\n"
    "from kiosk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "status = open('/proc/self/status').read()\n"
    "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n"
    "sys.exit(code)\n"
)
# Before capping, validating the 790,000-key file took 1.1 GB and printed 63 MB; now about 270 MB.
PEAK_LIMIT_KB = 600_000


def _validate(*arguments: str) -> tuple[int, list[str], int]:
    """Exit code, output lines and peak memory (kB) of `kiosk validate ARGUMENTS`."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, "validate", *arguments],
        capture_output=True,
        text=True,
        timeout=60,  # a hang (a pipe waited on, a device read forever) fails here
        check=False,
    )
    return done.returncode, done.stdout.splitlines(), int(done.stderr.split()[-1])


def test_problems_of_one_kind_are_listed_fifty_times_then_counted() -> None:
    problems = [ContentProblem(f"meta.k{i}", "unknown field (not in the content schema)") for i in range(120)]
    problems += [ContentProblem(f"figures[{i}].id", f"id 'f{i}' is used more than once") for i in range(3)]
    capped = cap_problems(problems)
    assert [str(p) for p in capped[:2]] == [
        "meta.k0: unknown field (not in the content schema)",
        "meta.k1: unknown field (not in the content schema)",
    ]
    assert len(capped) == SHOWN_PER_KIND + 3 + 1
    assert str(capped[-1]) == "... and 70 more of the same kind (unknown field (not in the content schema))"
    assert "figures[2].id: id 'f2' is used more than once" in [str(p) for p in capped]


def test_a_file_of_790000_unknown_keys_through_validate(tmp_path: Path, unknown_key_flood: bytes) -> None:
    content = tmp_path / "data" / "content.json"
    content.parent.mkdir()
    content.write_bytes(unknown_key_flood)
    (tmp_path / "assets").symlink_to(Path("assets").resolve())
    code, lines, peak_kb = _validate(str(content))
    assert code == 1
    assert len(lines) == SHOWN_PER_KIND + 1
    assert lines[0] == f"{content}: meta.0: unknown field (not in the content schema)"
    assert lines[-1] == (
        f"{content}: ... and 789,950 more of the same kind (unknown field (not in the content schema))"
    )
    assert peak_kb < PEAK_LIMIT_KB


def test_a_file_of_tiny_wrong_values_is_refused_before_validation() -> None:
    # Two bytes a value: 8 MB of these would be four million validator errors.
    text = json.dumps({"home": {"title": {"zh": "x", "en": "x"}}, "visions": [1] * (MAX_VALUES + 5)})
    with pytest.raises(ContentError) as caught:
        parse_content(text)
    assert [str(p) for p in caught.value.problems] == [
        f"holds more than {MAX_VALUES:,} values; content needs far fewer"
    ]


def test_unknown_keys_are_reported_in_the_files_order_with_the_other_problems(
    content_dict: dict[str, object],
) -> None:
    data = json.loads(json.dumps(content_dict))
    data["visions"][1]["colour"] = "red"
    data["visions"][1]["tint"] = "blue"
    del data["visions"][0]["headline"]["en"]
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(data))
    assert [str(p) for p in caught.value.problems] == [
        "visions[1].colour: unknown field (not in the content schema)",
        "visions[1].tint: unknown field (not in the content schema)",
        "visions[0].headline.en: field required",
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_unread(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    code, lines, peak_kb = _validate(device)
    assert (code, lines) == (1, [f"{device}: is a device, not a regular file"])
    assert peak_kb < 400_000  # reading on took 5.4 GB; the interpreter and Qt alone take some 200 MB


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "content.json"
    os.mkfifo(pipe)
    code, lines, _peak = _validate(str(pipe))
    assert (code, lines) == (1, [f"{pipe}: is a named pipe (FIFO), not a regular file"])
