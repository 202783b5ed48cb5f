"""Presenting: the slideshow driven by keys or a clicker, and the presenter's own view."""
