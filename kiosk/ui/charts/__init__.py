"""Charts for figure groups, drawn with pyqtgraph; `CHART_TYPES` maps a content chart kind to its class.

Importing this package imports pyqtgraph (about a third of a second), so the kiosk loads it
after its first frame, not at start-up.
"""

from __future__ import annotations

from kiosk.ui.charts.bars import BarsChart
from kiosk.ui.charts.base import Chart
from kiosk.ui.charts.rate import RateChart
from kiosk.ui.charts.share import ShareChart

CHART_TYPES: dict[str, type[Chart]] = {"bars": BarsChart, "share": ShareChart, "rate": RateChart}

__all__ = ["CHART_TYPES", "BarsChart", "Chart", "RateChart", "ShareChart"]
