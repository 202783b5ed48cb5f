"""Watches the content file and its assets while the kiosk runs, and reloads on a change.

Editors save in different ways: in place, in several writes, or by writing a new file and
renaming it over the old one (which ends a plain file watch). So the file's folder is
watched too, and a change is acted on only once the file has settled: the same size and
time stamp over one quiet period. Loading and validation run on a worker thread (the
parsing and the schema's checks in a child process: they hold Python's lock); the
result comes back to the UI thread as `loaded` (valid: swap it in) or `failed` (keep the
last good content; report the problems, in one log line per failed save). A valid result is
also kept in the validated-content cache, on the worker, so the next start shows it without
validating.

Content distributed as a folder with a release manifest (`kiosk.system.release`) is loaded
from this kiosk's verified snapshot of the release, and only once every file of it has
arrived: until then the watcher waits (`release_waiting`, one log line per release), and any
change under the folder has it look again.

Whatever lands at the path is only read if it is a regular file (the loader's rule), so a
named pipe renamed over the content cannot block the worker: it is reported like a broken
save. A deleted file is reported too, and validated again as soon as it is back.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from kiosk.content import ContentError, ContentProblem, ImageCheck, LoadedContent, load_content
from kiosk.content.isolated import parse_isolated
from kiosk.system import release
from kiosk.system.content_cache import ValidatedContentCache

log = logging.getLogger(__name__)

SETTLE_MS = 300
MAX_WATCHED_FOLDERS = 500  # of a release folder: the bundled content has a dozen

Signature = tuple[int, int] | None  # (size, modification time in ns) or None when missing


def signature(path: Path) -> Signature:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


class _Relay(QObject):
    """Carries a worker's result to the UI thread (a queued signal)."""

    done = Signal(object, object)  # LoadedContent | None, ContentError | None
    waiting = Signal(str)  # a release not complete yet: why


class _LoadJob(QRunnable):
    def __init__(
        self,
        path: Path,
        check_image: ImageCheck | None,
        relay: _Relay,
        cache: ValidatedContentCache | None,
        store: Path,
    ) -> None:
        super().__init__()
        self._path = path
        self._check_image = check_image
        self._relay = relay
        self._cache = cache
        self._store = store

    def run(self) -> None:
        source = self._path
        try:
            if release.is_released(self._path):
                source, _release = release.snapshot(self._path, self._store)
        except release.ReleaseIncompleteError as waiting:
            self._relay.waiting.emit(str(waiting))
            return
        except (release.ReleaseError, OSError) as error:
            problem = ContentProblem("", f"the release cannot be used: {error}")
            self._relay.done.emit(None, ContentError(str(self._path), [problem]))
            return
        try:
            loaded = load_content(source, self._check_image, parse_isolated)
        except ContentError as error:
            self._relay.done.emit(None, error)
            return
        except Exception as error:
            # Without an answer the watcher would wait for this job forever and reload nothing.
            log.exception("validating %s failed", self._path)
            problem = ContentProblem("", f"could not be validated: {error}")
            self._relay.done.emit(None, ContentError(str(self._path), [problem]))
            return
        if self._cache is not None:
            self._cache.store(loaded)
        self._relay.done.emit(loaded, None)


class ContentWatcher(QObject):
    loaded = Signal(object)  # LoadedContent
    failed = Signal(object)  # ContentError
    release_waiting = Signal(str)  # a release folder is still arriving: why it is not taken yet

    def __init__(
        self,
        path: Path,
        assets_root: Path | None = None,
        check_image: ImageCheck | None = None,
        settle_ms: int = SETTLE_MS,
        parent: QObject | None = None,
        cache: ValidatedContentCache | None = None,
        release_store: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path.resolve()
        self._store = release_store or release.store_path()
        # Why the release arriving is not taken yet; a release incomplete at start is waited for.
        self._waiting: str | None = None
        if release.is_released(self.path) and not release.is_complete(self.path, self._store):
            self._waiting = "not complete at start"
        self._cache = cache
        self._check_image = check_image
        self._assets_root = assets_root
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_relay_done)
        self._relay.waiting.connect(self._on_relay_waiting)
        self._pending: Signature = None
        self._last_loaded: Signature = self._signature()
        self._busy = False
        self._again = False
        self._missing = False
        self.last_error: ContentError | None = None
        self._watch()

    def _watch(self) -> None:
        """(Re-)add what should be watched: a rename-style save drops the file from the watch."""
        wanted = [str(self.path), str(self.path.parent)]
        if release.is_released(self.path):
            # Every folder of the release: files arrive anywhere in it, in any order.
            root = self.path.parent.parent
            folders = (p for p in root.rglob("*") if p.is_dir() and not p.name.startswith("."))
            wanted += [
                str(root),
                *[str(p) for _i, p in zip(range(MAX_WATCHED_FOLDERS), folders, strict=False)],
            ]
        elif self._assets_root is not None and self._assets_root.is_dir():
            wanted.append(str(self._assets_root))
            wanted += [str(p) for p in self._assets_root.iterdir() if p.is_dir()]
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in wanted if p not in watched and os.path.exists(p)]
        if missing:
            self._watcher.addPaths(missing)

    def stop(self) -> None:
        """No more watching; a validation under way is waited for (a few ms), not torn down."""
        self._settle.stop()
        paths = self.watched_paths()
        if paths:
            self._watcher.removePaths(paths)
        QThreadPool.globalInstance().waitForDone(5000)

    @property
    def busy(self) -> bool:
        """A change is settling or being validated."""
        return self._busy or self._settle.isActive()

    def watched_paths(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    def check_now(self) -> None:
        """Validate the file now, whether or not it changed (the admin's "reload")."""
        self._last_loaded = None
        self._start_job()

    def _signature(self) -> Signature:
        """The content file's, or for a release its manifest's (a new release rewrites it)."""
        manifest = release.manifest_path(self.path)
        if manifest.exists():
            return signature(manifest)
        return signature(self.path)

    def _on_watcher_changed(self, _path: str) -> None:
        self._watch()
        self._pending = self._signature()
        self._settle.start()

    def _on_settle_timeout(self) -> None:
        now = self._signature()
        if now != self._pending:  # still being written: wait for a quiet period
            self._pending = now
            self._settle.start()
            return
        if now is None:
            self._on_file_missing()
            return
        if self._missing:
            self._missing = False
            self._last_loaded = None  # back, perhaps as it was: validated again all the same
            log.info("content file %s is back", self.path)
        if now == self._last_loaded and self._waiting is None:
            return
        self._start_job()

    def _on_file_missing(self) -> None:
        if self._missing:
            return
        self._missing = True
        log.warning("content file %s is gone; the last good content stays until it is back", self.path)
        problem = ContentProblem("", "the file is gone (deleted or moved away); the last good content stays")
        self.last_error = ContentError(str(self.path), [problem])
        self.failed.emit(self.last_error)

    def _start_job(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._job_signature = self._signature()
        job = _LoadJob(self.path, self._check_image, self._relay, self._cache, self._store)
        QThreadPool.globalInstance().start(job)

    def _on_relay_waiting(self, why: str) -> None:
        self._busy = False
        self._last_loaded = self._job_signature
        if why != self._waiting:
            log.info("content not taken yet from %s: %s", self.path.parent.parent, why)
            self.release_waiting.emit(why)
        self._waiting = why
        if self._again:
            self._again = False
            self._start_job()

    def _on_relay_done(self, loaded: LoadedContent | None, error: ContentError | None) -> None:
        self._busy = False
        self._waiting = None
        self._last_loaded = self._job_signature
        if loaded is not None:
            self.last_error = None
            log.info("content reloaded from %s", self.path)
            self.loaded.emit(loaded)
        elif error is not None:
            self.last_error = error
            # One line per failed save, not per problem: a save with thousands of problems must
            # not rotate the log's history away. The admin's diagnostics list them (capped).
            first = error.problems[0] if error.problems else "no details"
            log.warning(
                "content not reloaded from %s: %d problem(s) listed, the first: %s; the last good stays",
                self.path,
                len(error.problems),
                first,
            )
            self.failed.emit(error)
        if self._again:
            self._again = False
            self._start_job()
