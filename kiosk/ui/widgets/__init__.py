"""Reusable touch widgets: text, buttons, tiles, icons, swipe detection."""
