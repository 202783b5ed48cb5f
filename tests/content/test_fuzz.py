"""The loader, fed mutated content, either accepts it or raises its own ContentError: nothing else."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import ContentError
from kiosk.content.loader import parse_content
from kiosk.system.resources import default_content_path

BUNDLED: dict[str, Any] = json.loads(default_content_path().read_text(encoding="utf-8"))

odd_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(["", " ", "\u202e", "\ufeff", "<b>x</b>", "\U0001f600" * 3, "null", "NaN", "\x00"])
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | odd_text
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=4),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(BUNDLED)[1:]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    data = copy.deepcopy(BUNDLED)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "delete", "duplicate-list"]))
            if action == "replace":
                parent[path[-1]] = draw(values)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent[path[-1]], list):
                parent[path[-1]] = parent[path[-1]] * draw(st.integers(min_value=2, max_value=60))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


def _load(text: str) -> None:
    """Accepted, or refused with located problems: any other exception fails the test."""
    problems: tuple[object, ...] = ()
    try:
        parse_content(text)
    except ContentError as error:
        problems = error.problems or (None,)
    assert None not in problems
    assert all(str(problem) for problem in problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_content_fails_only_with_content_error(text: str) -> None:
    _load(text)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_content_long_run(text: str) -> None:
    _load(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_fails_only_with_content_error(text: str) -> None:
    _load(text)


def test_deep_nesting_is_refused_before_parsing() -> None:
    for deep in ("[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000):
        with pytest.raises(ContentError) as caught:
            parse_content(deep)
        assert "nested deeper than" in str(caught.value.problems[0])
