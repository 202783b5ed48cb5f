"""Opening hours (pure Python): when the kiosk is open, from a per-weekday schedule.

In the settings: `"opening_hours": {"mon": "09:00-18:00", "sat": "10:00-12:00, 13:00-20:00"}`.
A day left out is closed all day; no schedule (the default, or `{}`) is open all the time.
Times are the machine's local time; "24:00" ends a day. A range may not run past midnight:
an evening into the night is two ranges, one on each day.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RANGE = re.compile(r"\s*(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*")
_DAY = 24 * 60

Ranges = tuple[tuple[int, int], ...]  # minutes from midnight, [start, end)


def _minutes(hours: str, minutes: str) -> int | None:
    h, m = int(hours), int(minutes)
    if m >= 60 or h > 24 or (h == 24 and m):
        return None
    return h * 60 + m


def _day_ranges(text: Any) -> Ranges | str:
    """The ranges of one day's text, or why it is not one."""
    if not isinstance(text, str):
        return 'not a text such as "09:00-18:00"'
    if text.strip().lower() in ("", "closed"):
        return ()
    ranges: list[tuple[int, int]] = []
    for part in text.split(","):
        match = _RANGE.fullmatch(part)
        start = _minutes(*match.groups()[:2]) if match else None
        end = _minutes(*match.groups()[2:]) if match else None
        if start is None or end is None:
            return f'{part.strip()!r} is not a time range such as "09:00-18:00"'
        if end <= start:
            return f"{part.strip()!r} ends before it starts (a range may not run past midnight)"
        ranges.append((start, end))
    ranges.sort()
    if any(later[0] < earlier[1] for earlier, later in itertools.pairwise(ranges)):
        return "its ranges overlap"
    return tuple(ranges)


@dataclass(frozen=True)
class Schedule:
    """Opening ranges per weekday (0 = Monday); `None`: open all the time."""

    days: tuple[Ranges, ...] | None = None

    @classmethod
    def parse(cls, value: Any) -> tuple[Schedule, str | None]:
        """The schedule `value` describes and None, or an always-open schedule and why not."""
        if not isinstance(value, dict):
            return cls(), "not an object of weekdays (mon ... sun) and hours"
        if not value:
            return cls(), None
        unknown = [key for key in value if key not in WEEKDAYS]
        if unknown:
            return cls(), f"{str(unknown[0])[:20]!r} is not a weekday (mon, tue, wed, thu, fri, sat, sun)"
        days: list[Ranges] = []
        for name in WEEKDAYS:
            ranges = _day_ranges(value.get(name, "closed"))
            if isinstance(ranges, str):
                return cls(), f"{name}: {ranges}"
            days.append(ranges)
        return cls(tuple(days)), None

    @property
    def always_open(self) -> bool:
        return self.days is None

    def is_open(self, moment: datetime) -> bool:
        if self.days is None:
            return True
        minute = moment.hour * 60 + moment.minute
        return any(start <= minute < end for start, end in self.days[moment.weekday()])

    def next_change(self, moment: datetime) -> datetime | None:
        """The first moment after `moment` at which open turns closed or closed open; None
        when it never does."""
        if self.days is None or not any(self.days):
            return None
        now_open = self.is_open(moment)
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(8):
            day = midnight + timedelta(days=offset)
            for start, end in self.days[day.weekday()]:
                for edge in (start, end):
                    candidate = day + timedelta(minutes=edge)
                    if candidate > moment and self.is_open(candidate) != now_open:
                        return candidate
            if not self.days[day.weekday()]:
                candidate = day
                if candidate > moment and self.is_open(candidate) != now_open:
                    return candidate
        return None

    def describe(self) -> str:
        if self.days is None:
            return "open all the time"
        parts = []
        for name, ranges in zip(WEEKDAYS, self.days, strict=True):
            hours = ", ".join(f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in ranges)
            parts.append(f"{name} {hours or 'closed'}")
        return "; ".join(parts)
