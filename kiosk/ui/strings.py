"""Every visitor-facing string that is not content: one table, every language the kiosk speaks.

A content file may use any of these languages; a string missing in one falls back to English.
"""

from __future__ import annotations

# What the language toggle shows: the language it switches to, named in that language.
LANGUAGE_NAMES = {"zh": "中文", "en": "EN", "de": "DE"}

UI_STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home", "de": "Start"},
    "back": {"zh": "返回", "en": "Back", "de": "Zurück"},
    "previous": {"zh": "上一页", "en": "Previous", "de": "Zurück"},
    "next": {"zh": "下一页", "en": "Next", "de": "Weiter"},
    "tour": {"zh": "参访路线", "en": "Tour", "de": "Rundgang"},
    "stop": {"zh": "第 {n} 站 / 共 {total} 站", "en": "Stop {n} of {total}", "de": "Station {n} von {total}"},
    "tour-hint": {"zh": "{n} 站", "en": "{n} stops", "de": "{n} Stationen"},
    "figures": {"zh": "数据一览", "en": "In figures", "de": "In Zahlen"},
    "figures-hint": {"zh": "{n} 组关键数据", "en": "{n} sets of key figures", "de": "{n} Themen in Zahlen"},
    "voices": {"zh": "嘉宾之声", "en": "Voices", "de": "Stimmen"},
    "voices-hint": {"zh": "嘉宾原话", "en": "In the speakers' own words", "de": "In eigenen Worten"},
    "from-report": {"zh": "报道原文", "en": "From the report", "de": "Aus dem Bericht"},
    "vision-of": {"zh": "愿景 {n} / {total}", "en": "Vision {n} of {total}", "de": "Vision {n} von {total}"},
    "rate-since-open": {
        "zh": "按这一速度，自本页打开以来",
        "en": "At this rate, since this page opened",
        "de": "In diesem Tempo, seit diese Seite offen ist",
    },
    "rate-note": {
        "zh": "示意：按报道给出的日均数推算，并非实时数据。",
        "en": "An illustration at the report's daily average, not live data.",
        "de": "Eine Veranschaulichung nach dem Tagesdurchschnitt des Berichts, keine Live-Daten.",
    },
    "reset-view": {"zh": "复位", "en": "Reset view", "de": "Zurücksetzen"},
    "autoplay": {"zh": "自动播放", "en": "Auto-play", "de": "Abspielen"},
    "autoplay-pause": {"zh": "暂停", "en": "Pause", "de": "Pause"},
    "per-day": {"zh": "每天", "en": "a day", "de": "pro Tag"},
    "axis-seconds": {
        "zh": "本页打开后的秒数",
        "en": "seconds since this page opened",
        "de": "Sekunden seit dem Öffnen",
    },
    "close-hint": {
        "zh": "轻触空白处关闭",
        "en": "Tap outside to close",
        "de": "Zum Schließen daneben tippen",
    },
    "error-title": {
        "zh": "内容无法加载",
        "en": "The content could not be loaded",
        "de": "Die Inhalte konnten nicht geladen werden",
    },
    "error-body": {
        "zh": "内容文件有以下问题，请修正后重新启动展台。",
        "en": "The content file has these problems. Fix them, then restart the kiosk.",
        "de": "Die Inhaltsdatei hat diese Fehler. Bitte beheben und den Kiosk neu starten.",
    },
}


def ui_text(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang` (English when the language has no entry), filled in."""
    entry = UI_STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang.upper())
