"""The show floor's full-window layers: the idle countdown, the attract loop, the PIN pad and
the admin panel."""
