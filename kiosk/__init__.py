"""Touch-first exhibition kiosk: the Zhongguancun story from the IASP 2025 World Conference."""

__version__ = "0.1.0"
