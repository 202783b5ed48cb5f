"""Per-machine settings of the kiosk (pure Python): a small JSON file in the user's config folder.

Content says what the exhibit shows; settings say how this machine shows it (motion, and more
as the kiosk grows). A missing or broken file gives the defaults and never stops the kiosk.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from kiosk.system.safe_write import write_text_atomically

log = logging.getLogger(__name__)

APP_NAME = "zgc-kiosk"


def settings_path() -> Path:
    override = os.environ.get("KIOSK_SETTINGS")
    return Path(override) if override else user_config_path(APP_NAME) / "settings.json"


@dataclass(frozen=True)
class Settings:
    reduced_motion: bool = False
    # The admin PIN as a salted hash (kiosk set-pin); empty: the documented default PIN.
    pin_salt: str = ""
    pin_hash: str = ""
    # 0: the content's idle timeout; else seconds before the "still exploring?" countdown.
    idle_timeout_s: int = 0
    # "": the content's default language.
    default_language: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        source = path or settings_path()
        try:
            data: Any = json.loads(source.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as error:
            log.warning("settings %s unreadable (%s); using defaults", source, error)
            return cls()
        if not isinstance(data, dict):
            log.warning("settings %s is not a JSON object; using defaults", source)
            return cls()
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            default = getattr(cls(), key, None)
            if key not in known:
                log.warning("settings %s: unknown key %r ignored", source, key)
            elif not isinstance(value, type(default)):
                log.warning("settings %s: %r should be %s; default kept", source, key, type(default).__name__)
            else:
                values[key] = value
        return replace(cls(), **values)

    def save(self, path: Path | None = None) -> None:
        """Write atomically: a temporary file, flushed to disk, renamed over the old one."""
        write_text_atomically(path or settings_path(), json.dumps(asdict(self), indent=2) + "\n")
