"""Content distributed as a folder to many kiosks (rsync, Syncthing), taken only when all of it
has arrived.

A sync tool writes a folder file by file, in its own order, so a kiosk that read as files land
could show the new text with the old images, or the reverse. The publisher therefore lists the
release in `release.json` at the folder's top, written last: every file with its SHA-256. A
kiosk whose content file sits in such a folder (`<folder>/data/content.json`, the manifest at
`<folder>/release.json`) never reads the folder directly: it copies the listed files into a
snapshot of its own, checking each copy's bytes against the manifest, and loads the content
from that snapshot. A file that differs (not arrived yet, or already of a newer release) stops
the copy: the release is waited for, and the content on screen stays as it was. What the kiosk
shows thus always comes from one release, whatever order the files arrive in and whatever
changes while it copies.

`python -m kiosk.system.release FOLDER [--version NAME]` writes the manifest (after the files).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from platformdirs import user_cache_path

from kiosk.content.files import MAX_CONTENT_BYTES, read_limited
from kiosk.system.settings import APP_NAME

MANIFEST = "release.json"
COMPLETE = ".complete"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_FILES = 10_000
MAX_FILE_BYTES = 64 * 1024 * 1024  # the largest picture; the content file has its own, smaller limit
KEPT_SNAPSHOTS = 3  # the release on screen, the one before, and one arriving
# Left out of a manifest: a sync tool's own files, hidden files and unfinished temporary ones.
_SKIPPED_PREFIXES = (".",)
_SKIPPED_SUFFIXES = (".tmp", ".part", "~")


class ReleaseError(Exception):
    """The manifest cannot be used (unreadable, not a manifest, a path leaving the folder)."""


class ReleaseIncompleteError(Exception):
    """Files of the release have not all arrived (or some are already of a newer release)."""


@dataclass(frozen=True)
class Release:
    version: str
    files: dict[str, str]  # POSIX path inside the folder -> SHA-256 hex digest
    digest: str  # of the manifest's bytes: names the snapshot


def manifest_path(content: Path) -> Path:
    """Where the manifest of the folder holding `content` (`<folder>/data/content.json`) is."""
    return content.parent.parent / MANIFEST


def is_released(content: Path) -> bool:
    return manifest_path(content).exists()


def store_path() -> Path:
    """Where this kiosk keeps its snapshots of releases."""
    return user_cache_path(APP_NAME) / "releases"


def _safe_name(name: object) -> str:
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        raise ReleaseError(f"{name!r} is not a file path")
    parts = PurePosixPath(name).parts
    if PurePosixPath(name).is_absolute() or ".." in parts or any(p.startswith(".") for p in parts):
        raise ReleaseError(f"{name!r} leads outside the folder or to a hidden file")
    return name


def read_manifest(path: Path) -> Release:
    try:
        raw = read_limited(path, MAX_MANIFEST_BYTES)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as error:
        raise ReleaseError(f"{path}: cannot be read as a release manifest ({error})") from None
    files = data.get("files") if isinstance(data, dict) else None
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not isinstance(version, str) or len(files) > MAX_FILES:
        raise ReleaseError(f"{path}: not a release manifest (a version and up to {MAX_FILES:,} files)")
    checked: dict[str, str] = {}
    for name, digest in files.items():
        if not (
            isinstance(digest, str) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)
        ):
            raise ReleaseError(f"{path}: {name!r} has no SHA-256 digest")
        checked[_safe_name(name)] = digest
    return Release(version, checked, hashlib.sha256(raw).hexdigest())


def _limit(name: str) -> int:
    return MAX_CONTENT_BYTES if name.endswith(".json") else MAX_FILE_BYTES


def snapshot(content: Path, store: Path) -> tuple[Path, Release]:
    """The content file inside this kiosk's verified copy of the release that `content`'s folder
    holds now, and that release. `ReleaseIncompleteError` while files differ from the manifest;
    `ReleaseError` when the manifest cannot be used."""
    root = content.parent.parent
    release = read_manifest(root / MANIFEST)
    inside = content.relative_to(root).as_posix()
    if inside not in release.files:
        raise ReleaseError(f"{root / MANIFEST}: the release does not list {inside}")
    target = store / release.digest[:32]
    if (target / COMPLETE).is_file():
        return target / inside, release
    store.mkdir(parents=True, exist_ok=True)
    partial = store / f".{release.digest[:32]}.{os.getpid()}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    differ: list[str] = []
    try:
        for name, digest in release.files.items():
            try:
                data = read_limited(root / name, _limit(name))
            except OSError:
                differ.append(name)
                continue
            if hashlib.sha256(data).hexdigest() != digest:
                differ.append(name)
                continue
            copy = partial / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(data)
        if differ:
            shown = ", ".join(differ[:3]) + (f" and {len(differ) - 3} more" if len(differ) > 3 else "")
            raise ReleaseIncompleteError(
                f"release {release.version!r}: {len(differ)} of {len(release.files)} file(s) not as"
                f" listed yet ({shown}); waiting for the rest"
            )
        (partial / COMPLETE).write_text(release.version, encoding="utf-8")
        try:
            partial.rename(target)
        except OSError:
            if not (target / COMPLETE).is_file():
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    _prune(store, keep=target)
    return target / inside, release


def is_complete(content: Path, store: Path) -> bool:
    """Whether this kiosk holds a verified snapshot of the release now in `content`'s folder."""
    try:
        return (store / read_manifest(manifest_path(content)).digest[:32] / COMPLETE).is_file()
    except ReleaseError:
        return False


def last_complete(content: Path, store: Path) -> Path | None:
    """The content file in the newest verified snapshot, whatever its release, or None."""
    inside = content.relative_to(content.parent.parent)
    if not store.is_dir():
        return None
    complete = [p for p in store.iterdir() if (p / COMPLETE).is_file() and (p / inside).is_file()]
    return max(complete, key=lambda p: p.stat().st_mtime) / inside if complete else None


def _prune(store: Path, keep: Path) -> None:
    snapshots = [p for p in store.iterdir() if p.is_dir() and not p.name.startswith(".") and p != keep]
    snapshots.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in snapshots[KEPT_SNAPSHOTS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _release_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(folder.rglob("*")):
        inside = path.relative_to(folder)
        if any(part.startswith(_SKIPPED_PREFIXES) for part in inside.parts):
            continue
        if path.name == MANIFEST or path.name.endswith(_SKIPPED_SUFFIXES) or not path.is_file():
            continue
        yield inside.as_posix(), path


def write_manifest(folder: Path, version: str) -> Path:
    """List every file of `folder` with its digest in `folder/release.json`, written atomically
    (run it after the files are in place: the manifest is what kiosks wait for)."""
    files = {
        name: hashlib.sha256(read_limited(path, _limit(name))).hexdigest()
        for name, path in _release_files(folder)
    }
    if len(files) > MAX_FILES:
        raise ReleaseError(f"{folder}: {len(files):,} files; a release holds at most {MAX_FILES:,}")
    target = folder / MANIFEST
    temporary = folder / f".{MANIFEST}.tmp"
    temporary.write_text(json.dumps({"version": version, "files": files}, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.system.release", description="write a content folder's release manifest, last"
    )
    parser.add_argument("folder", type=Path, help="the folder the kiosks receive (data/ and assets/)")
    parser.add_argument("--version", help="the release's name (default: the time now)")
    args = parser.parse_args(argv)
    from datetime import datetime  # noqa: PLC0415

    version = args.version or datetime.now().isoformat(timespec="seconds")
    try:
        target = write_manifest(args.folder, version)
    except (OSError, ReleaseError) as error:
        print(f"release: {error}", file=sys.stderr)
        return 1
    print(f"{target}: release {version!r} of {len(read_manifest(target).files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
