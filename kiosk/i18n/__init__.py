"""Interface text and number formatting, in every language the kiosk speaks. Pure Python, no Qt."""
