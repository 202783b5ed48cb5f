"""Problems found in a content file, each located by its JSON path or line:column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    path: str  # "tours[0].stops[2].title.en", or "12:5" for a syntax error, or "" for the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ContentError(Exception):
    """The content file could not be used; `problems` says every reason found."""

    def __init__(self, source: str, problems: list[ContentProblem], languages: tuple[str, ...] = ()) -> None:
        self.source = source
        self.problems = tuple(problems)
        # The languages the file declares, where it could be read that far: the error screen's.
        self.languages = languages
        super().__init__(f"{source}: {len(self.problems)} problem(s)")

    def lines(self) -> list[str]:
        return [f"{self.source}: {problem}" for problem in self.problems]
