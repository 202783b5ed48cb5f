"""Full-window layers over the pages that every mode shares: the accessibility panel. Each covers
the whole window, so a touch meant for it never reaches a page."""
