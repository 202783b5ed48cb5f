"""Every visitor-facing string that is not content: one table, every language."""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "back": {"zh": "返回", "en": "Back"},
    "previous": {"zh": "上一页", "en": "Previous"},
    "next": {"zh": "下一页", "en": "Next"},
    # The toggle names the language it switches to, in that language.
    "language-switch": {"zh": "EN", "en": "中文"},
    "language-switch-hint": {"zh": "English", "en": "切换到中文"},
    "visions-title": {"zh": "五大园区愿景", "en": "Five park visions"},
    "explore": {"zh": "探索", "en": "Explore"},
    "tours": {"zh": "园区参访", "en": "Park tours"},
    "tour": {"zh": "参访路线", "en": "Tour"},
    "stop": {"zh": "第 {n} 站 / 共 {total} 站", "en": "Stop {n} of {total}"},
    "figures": {"zh": "数说中关村", "en": "In figures"},
    "figures-hint": {"zh": "研发、企业、全球合作", "en": "R&D, companies, global reach"},
    "voices": {"zh": "大会之声", "en": "Voices"},
    "voices-hint": {"zh": "嘉宾原话", "en": "In the speakers' own words"},
    "tour-hint": {"zh": "{n} 站", "en": "{n} stops"},
    "key-figure": {"zh": "关键数据", "en": "Key figure"},
    "key-figures": {"zh": "关键数据", "en": "Key figures"},
    "from-report": {"zh": "报道原文", "en": "From the report"},
    "quote-by": {"zh": "—— {name}", "en": "— {name}"},
    "vision-of": {"zh": "愿景 {n} / {total}", "en": "Vision {n} of {total}"},
    "group-of": {"zh": "{n} / {total}", "en": "{n} of {total}"},
    "voice-of": {"zh": "{n} / {total}", "en": "{n} of {total}"},
    "source": {"zh": "来源：{source}", "en": "Source: {source}"},
    "rate-since-open": {"zh": "按这一速度，自本页打开以来", "en": "At this rate, since this page opened"},
    "rate-unit": {"zh": "家科技型企业", "en": "new tech companies"},
    "rate-note": {
        "zh": "示意：按报道给出的日均数推算，并非实时数据。",
        "en": "An illustration at the report's daily average, not live data.",
    },
    "reset-view": {"zh": "复位", "en": "Reset view"},
    "autoplay": {"zh": "自动播放", "en": "Auto-play"},
    "autoplay-pause": {"zh": "暂停", "en": "Pause"},
    "per-day": {"zh": "每天", "en": "a day"},
    "axis-companies": {"zh": "家", "en": "companies"},
    "axis-seconds": {"zh": "本页打开后的秒数", "en": "seconds since this page opened"},
    "close-hint": {"zh": "轻触空白处关闭", "en": "Tap outside to close"},
    "error-title": {"zh": "内容无法加载", "en": "The content could not be loaded"},
    "error-body": {
        "zh": "内容文件有以下问题，请修正后重新启动展台。",
        "en": "The content file has these problems. Fix them, then restart the kiosk.",
    },
}


def ui_text(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang` (English when the language has no entry), filled in."""
    entry = UI_STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
