"""Charts for figure groups, drawn with pyqtgraph (the figures page picks one by the group's
`chart` kind, each with the figures it draws).

Importing this package imports pyqtgraph (about a third of a second), so the kiosk loads it
after its first frame, not at start-up.
"""

from __future__ import annotations

from kiosk.ui.charts.bars import BarsChart
from kiosk.ui.charts.base import Chart
from kiosk.ui.charts.rate import RateChart
from kiosk.ui.charts.share import ShareChart

__all__ = ["BarsChart", "Chart", "RateChart", "ShareChart"]
