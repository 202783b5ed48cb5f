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
    "idle-title": {"zh": "还在浏览吗？", "en": "Still exploring?", "de": "Noch da?"},
    "idle-body": {
        "zh": "轻触屏幕继续浏览，否则展台将回到首页。",
        "en": "Touch to continue. Otherwise the kiosk returns to the start.",
        "de": "Zum Weitermachen tippen, sonst geht es zurück zum Start.",
    },
    "idle-extend": {"zh": "再看一会儿", "en": "More time", "de": "Mehr Zeit"},
    "attract-cta": {"zh": "触摸开始", "en": "Touch to start", "de": "Zum Starten tippen"},
    "pin-title": {"zh": "管理员", "en": "Admin", "de": "Verwaltung"},
    "pin-prompt": {"zh": "请输入 PIN", "en": "Enter the PIN", "de": "PIN eingeben"},
    "pin-wrong": {"zh": "PIN 不正确", "en": "Wrong PIN", "de": "Falsche PIN"},
    "pin-locked": {
        "zh": "尝试次数过多，请 {s} 秒后再试",
        "en": "Too many tries: wait {s} s",
        "de": "Zu viele Versuche: {s} s warten",
    },
    "cancel": {"zh": "取消", "en": "Cancel", "de": "Abbrechen"},
    "admin-exit": {"zh": "退出展台", "en": "Exit the kiosk", "de": "Kiosk beenden"},
    "admin-reload": {"zh": "重新载入内容", "en": "Reload content", "de": "Inhalte neu laden"},
    "admin-attract": {"zh": "开始待机展示", "en": "Start the attract loop", "de": "Schaufenster starten"},
    "admin-language": {
        "zh": "默认语言：{name}",
        "en": "Default language: {name}",
        "de": "Standardsprache: {name}",
    },
    "admin-close": {"zh": "关闭", "en": "Close", "de": "Schließen"},
    "admin-exit-confirm": {
        "zh": "再按一次退出",
        "en": "Tap again to exit",
        "de": "Zum Beenden erneut tippen",
    },
    "admin-closing": {"zh": "{s} 秒后自动关闭", "en": "Closes in {s} s", "de": "Schließt in {s} s"},
    "admin-diagnostics": {"zh": "诊断", "en": "Diagnostics", "de": "Diagnose"},
    "language": {"zh": "语言", "en": "Language", "de": "Sprache"},
    "accessibility": {"zh": "无障碍", "en": "Accessibility", "de": "Barrierefrei"},
    "text-size": {"zh": "文字大小", "en": "Text size", "de": "Schriftgröße"},
    "text-normal": {"zh": "标准", "en": "Standard", "de": "Normal"},
    "text-large": {"zh": "较大", "en": "Large", "de": "Groß"},
    "text-largest": {"zh": "最大", "en": "Largest", "de": "Sehr groß"},
    "high-contrast": {"zh": "高对比度", "en": "High contrast", "de": "Hoher Kontrast"},
    "reduced-motion": {"zh": "减少动态效果", "en": "Reduce motion", "de": "Weniger Bewegung"},
    "on": {"zh": "开", "en": "On", "de": "An"},
    "off": {"zh": "关", "en": "Off", "de": "Aus"},
    "presenter-current": {"zh": "当前", "en": "Now", "de": "Jetzt"},
    "presenter-next": {"zh": "下一张", "en": "Next", "de": "Als Nächstes"},
    "presenter-notes": {"zh": "讲稿", "en": "Notes", "de": "Notizen"},
    "presenter-end": {"zh": "（最后一张）", "en": "(the last slide)", "de": "(die letzte Folie)"},
    "presenter-slide": {
        "zh": "第 {n} 张 / 共 {total} 张",
        "en": "Slide {n} of {total}",
        "de": "Folie {n} von {total}",
    },
    "presenter-clock": {"zh": "时间 {time}", "en": "Clock {time}", "de": "Uhr {time}"},
    "presenter-left": {"zh": "剩余 {time}", "en": "{time} left", "de": "noch {time}"},
    "presenter-over": {"zh": "超时 {time}", "en": "{time} over", "de": "{time} drüber"},
    "presenter-auto-off": {"zh": "自动翻页已关", "en": "auto-advance off", "de": "automatisch aus"},
    "presenter-blanked": {"zh": "观众屏幕已遮黑", "en": "audience screen blank", "de": "Publikum: leer"},
    "presenter-black": {"zh": "黑屏", "en": "Black", "de": "Schwarz"},
    "presenter-auto": {"zh": "自动", "en": "Auto", "de": "Auto"},
    "presenter-auto-on": {"zh": "自动翻页：{s} 秒后", "en": "auto-advance in {s} s", "de": "weiter in {s} s"},
    "presenter-paused": {"zh": "计时已暂停", "en": "timer paused", "de": "Zeit angehalten"},
    "presenter-waiting": {
        "zh": "计时从翻页开始",
        "en": "timer starts with the next slide",
        "de": "Zeit läuft ab der nächsten Folie",
    },
    "presenter-typed": {
        "zh": "转到第 {n} 张（回车）",
        "en": "go to slide {n} (Enter)",
        "de": "zu Folie {n} (Enter)",
    },
    "presenter-end-armed": {
        "zh": "再按 Esc 结束放映",
        "en": "press Esc again to end the show",
        "de": "Esc noch einmal: Ende",
    },
    "presenter-pause": {"zh": "暂停计时", "en": "Pause timer", "de": "Zeit anhalten"},
    "presenter-reset": {"zh": "计时归零", "en": "Reset timer", "de": "Zeit auf null"},
    "presenter-smaller": {"zh": "讲稿字小", "en": "Notes smaller", "de": "Notizen kleiner"},
    "presenter-larger": {"zh": "讲稿字大", "en": "Notes larger", "de": "Notizen größer"},
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
