"""Content text validated in a process of its own, for a kiosk that must stay responsive.

Parsing holds Python's global lock for long stretches: json's scanner over an object of
790,000 keys held it 1.1 s here, the nesting check's regular expression 0.5 s, and a slower
machine takes several times that. In a worker thread that is the UI thread standing still,
with the watchdog unfed. In a child process the kiosk's own threads never wait on it, and
the child's memory (some 270 MB for such a file) is given back when it ends.

    python -m kiosk.content.isolated SOURCE  < text  > pickled outcome   (the child's side)
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from kiosk.content.errors import ContentError, ContentProblem
from kiosk.content.model import Content

TIMEOUT_S = 120.0  # a file at the size limit takes a few seconds; this only ends a hung child
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def parse_isolated(text: str, source: str, timeout: float = TIMEOUT_S) -> Content:
    """As `loader.parse_content`, in a child process; `ContentError` with every problem."""
    environment = dict(os.environ)
    # The child imports this same kiosk, whether installed or run from a checkout.
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [_PACKAGE_ROOT, environment.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kiosk.content.isolated", source],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ContentError(
            source, [ContentProblem("", f"validation took longer than {timeout:.0f} s")]
        ) from None
    if done.returncode != 0 or not done.stdout:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"the validating process failed: {reason[-1] if reason else done.returncode}")
    outcome = pickle.loads(done.stdout)  # our own child's answer, over its own pipe
    if outcome[0] == "error":
        raise ContentError(source, outcome[1], outcome[2])
    content: Content = outcome[1]
    return content


def _child(source: str) -> int:
    from kiosk.content.loader import parse_content  # noqa: PLC0415 (pydantic: only in the child)

    text = sys.stdin.buffer.read().decode("utf-8")
    try:
        outcome: tuple[object, ...] = ("ok", parse_content(text, source))
    except ContentError as error:
        outcome = ("error", list(error.problems), error.languages)
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
