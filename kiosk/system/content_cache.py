"""The last validated content, kept on disk so the kiosk starts without validating again.

Validating takes the validator's import and rule building (about 100 ms of a cold start) for
a file that is almost always the one validated last time. After a successful validation the
kiosk stores the result here; at the next start, if the content file's bytes, the asset files
it names (size and time stamp) and the content layer's own code are all unchanged, the stored
result is used as it is. Anything else (a changed byte, a touched image, a new kiosk version,
a damaged or foreign cache file) is a miss, and the file is validated as usual.

The result is stored with pickle, read back by an unpickler that only builds the content
model's classes and paths: a planted cache file cannot run code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import logging
import pickle
import sys
from pathlib import Path
from typing import Any

import kiosk.content as content_package
from kiosk import __version__
from kiosk.content import model
from kiosk.content.files import MAX_CONTENT_BYTES, read_limited
from kiosk.content.model import LoadedContent
from kiosk.system.safe_write import write_atomically

log = logging.getLogger(__name__)

FORMAT = 1
# Far more than any stored content needs; a planted pipe or huge file there is only a miss.
MAX_ENTRY_BYTES = 8 * MAX_CONTENT_BYTES
# The image checks decide what content is valid too; their modules are not needed to hash them.
_IMAGE_CHECKS = [Path(__file__).with_name(name) for name in ("image_check.py", "artwork.py")]
_MODEL_CLASSES = (
    "Content", "Meta", "Home", "Vision", "Figure", "FigureGroup", "Voice", "Hotspot",
    "TourStop", "Tour", "Slide", "Slideshow", "LocalText", "LoadedContent",
)  # fmt: skip
_ALLOWED: dict[tuple[str, str], Any] = {
    ("kiosk.content.model", name): getattr(model, name) for name in _MODEL_CLASSES
}
_ALLOWED["pathlib", type(Path()).__name__] = type(Path())


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of the content model")
        return found


def read_model_pickle(data: bytes) -> Any:
    """`data` unpickled by building only the content model's classes and paths (for other
    stores of validated content: the last content that ran well)."""
    return _ModelUnpickler(io.BytesIO(data)).load()


def code_fingerprint() -> str:
    """Changes whenever the rules could: the content layer's sources, the image checks, this
    cache, the validator's version, the kiosk, Python."""
    digest = hashlib.sha256(f"{FORMAT} {__version__} {sys.version}".encode())
    content_dir = Path(content_package.__file__).parent
    sources = [*sorted(content_dir.glob("*.py")), *_IMAGE_CHECKS, Path(__file__)]
    # The validator's version, read from its file without importing it (or the package
    # metadata machinery: 30 ms of start-up) on a start that finds the cache.
    validator = importlib.util.find_spec("pydantic")
    if validator is not None and validator.origin is not None:
        sources.append(Path(validator.origin).parent / "version.py")
    for source in sources:
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(str(source).encode())
    return digest.hexdigest()


def _asset_stamps(loaded: LoadedContent) -> list[tuple[str, int, int]]:
    stamps = []
    for _where, relative in loaded.content.asset_fields():
        status = loaded.asset(relative).stat()
        stamps.append((relative, status.st_mtime_ns, status.st_size))
    return stamps


class ValidatedContentCache:
    """One stored result per content file, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry(self, source: Path) -> Path:
        name = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:20]
        return self.folder / f"content-{name}.pickle"

    def load(self, source: Path) -> LoadedContent | None:
        """The stored result for `source` if it is still exactly right, else None."""
        entry = self._entry(source)
        try:
            stored = _ModelUnpickler(io.BytesIO(read_limited(entry, MAX_ENTRY_BYTES))).load()
            loaded = stored["loaded"]
            if not (
                isinstance(loaded, LoadedContent)
                and stored["fingerprint"] == code_fingerprint()
                and loaded.source == source.resolve()
                and loaded.digest == LoadedContent.digest_of(read_limited(source, MAX_CONTENT_BYTES))
                and stored["assets"] == _asset_stamps(loaded)
            ):
                return None
        except FileNotFoundError:
            return None
        except Exception as error:  # a damaged, foreign or old cache file is only a miss
            log.info("validated-content cache %s not used: %s", entry, error)
            return None
        return loaded

    def store(self, loaded: LoadedContent) -> None:
        """Keep `loaded` for the next start; never fatal (a read-only disk only costs time)."""
        if not loaded.digest:
            return
        try:
            stored = {"fingerprint": code_fingerprint(), "assets": _asset_stamps(loaded), "loaded": loaded}
            data = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomically(self._entry(loaded.source), lambda path: path.write_bytes(data))
        except (OSError, pickle.PicklingError) as error:
            log.warning("could not keep the validated content: %s", error)
