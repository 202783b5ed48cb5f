"""The start-up's work after the first frame on a real X server: a tap made on the live window
the moment it is up is answered, and the work (the show floor, the display's blanking) still
gets done once it is."""

from __future__ import annotations

from pathlib import Path

from xserver import XServer, XSession, changed_fraction, is_black, start_kiosk, wait_until

# The language button at the right end of the navigation bar (as in test_kiosk_mode_x11).
LANGUAGE_BUTTON = (1787, 1026)
TITLE = (slice(120, 280), slice(60, 1500))  # the home page's title: its largest text


def test_a_tap_at_the_first_frame_is_answered_and_the_start_up_still_finishes(
    xvfb: XServer, tmp_path: Path
) -> None:
    x = XSession(xvfb.display)
    # A first start: no stored picture, so what appears first is the live window itself.
    kiosk = start_kiosk(xvfb.display, (), tmp_path)
    try:

        def home_shown() -> bool:
            if not kiosk.alive():
                raise AssertionError(f"the kiosk exited:\n{kiosk.log()}")
            return not is_black(x.screenshot())

        wait_until(home_shown, 30, "the live window on screen", poll=0)
        before = x.screenshot()
        x.tap(*LANGUAGE_BUTTON)
        wait_until(
            lambda: changed_fraction(before[TITLE], x.screenshot()[TITLE]) > 0.02,
            10,
            "the title in the other language",
        )
        # The work the tap went ahead of: its last step turns the display's blanking off.
        wait_until(lambda: "display blanking off" in kiosk.log(), 20, "the start-up's last step")
        assert "unhandled exception" not in kiosk.log()
    finally:
        kiosk.stop()
        x.close()
