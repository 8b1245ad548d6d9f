"""pyqtgraph chart widgets (the reports pages fill this in)."""
