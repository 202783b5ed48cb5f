"""The JSON Schema for content authors, generated from the model.

Regenerate after a model change (a test fails until you do):
    python -m kiosk.content.schema data/content.schema.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from kiosk.content import loader  # noqa: F401 (gives the model its validation hooks)
from kiosk.content.model import Content


def content_schema() -> dict[str, Any]:
    schema = TypeAdapter(Content).json_schema(mode="validation", by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Exhibition kiosk content"
    return schema


def schema_text() -> str:
    return json.dumps(content_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("data/content.schema.json")
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
