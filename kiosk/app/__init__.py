"""Composition roots: the only code that creates the QApplication, wires the parts and shuts
them down, one module per command that shows something (kiosk, slideshow, render, PDF)."""
