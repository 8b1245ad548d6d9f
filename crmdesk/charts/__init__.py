"""pyqtgraph chart widgets that draw plain series (series.py) and know nothing of the database:
FunnelChart (funnel.py), StackedBarChart (stacked.py), HBarChart (hbar.py), on base.ChartBase.

Nothing is imported here: pyqtgraph and numpy load (≈ 0.4 s) only when a page imports a chart
module, i.e. when a chart page first opens.
"""
