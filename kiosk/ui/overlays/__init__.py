"""Full-window layers over the pages: the idle countdown, the attract loop, the admin PIN pad
and panel. Each covers the whole window, so a touch meant for it never reaches a page."""
