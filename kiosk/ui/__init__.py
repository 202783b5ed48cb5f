"""The Qt layer: main window, pages, widgets, charts and theme. Reads the content model only."""
