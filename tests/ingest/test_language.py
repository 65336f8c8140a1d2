"""Language: skip a report only when it is confidently not English."""

from __future__ import annotations

import pytest

from tacitus.ingest._language import detect_language

ENGLISH = [
    "Gunmen killed 5 in Kabul",
    "Protesters rallied in Khartoum.",
    # Name-dense English: langdetect alone calls such texts Indonesian or Turkish.
    "Abu Mahdi al-Muhandis, Qassem Soleimani, Hadi al-Amiri, Qais al-Khazali, Faleh al-Fayyadh, "
    "Abu Fadak al-Mohammedawi, Akram al-Kaabi, Muqtada al-Sadr, Ammar al-Hakim, Nouri al-Maliki, "
    "Haider al-Abadi, Adel Abdul Mahdi, Barham Salih, Mohammed al-Halbousi.",
    "Iraq: PMF commander killed in Anbar. Syria: SDF repels ISIS attack near Deir ez-Zor. Yemen: "
    "Houthis claim drone strike on Abha airport. Libya: LNA shells Tripoli suburbs. Mali: JNIM "
    "ambush kills soldiers near Mopti.",
    "Kabul 5 killed 12 wounded; Kandahar 3 killed; Helmand 7 killed 4 wounded; Kunduz 2 killed; "
    "Ghazni 9 killed 20 wounded; Nangarhar 1 killed; Balkh 4 killed; Herat 6 wounded.",
    "Kataib Hezbollah commander Abu Mahdi al-Muhandis and Quds Force chief Qassem Soleimani were "
    "killed at Baghdad International Airport by a US drone strike, the Pentagon said on Friday.",
]

FOREIGN = [
    ("fr", "Le gouvernement français a annoncé lundi de nouvelles mesures contre le terrorisme après "
           "les attaques de la semaine dernière dans plusieurs villes du pays, selon le ministre."),
    ("de", "Die Bundesregierung hat am Montag neue Maßnahmen gegen den Terrorismus angekündigt, nachdem "
           "es in der vergangenen Woche in mehreren Städten des Landes zu Anschlägen gekommen war, "
           "sagte der Innenminister."),
    ("es", "El gobierno anunció el lunes nuevas medidas contra el terrorismo después de los ataques de "
           "la semana pasada en varias ciudades del país, según dijo el ministro del interior."),
    ("ar", "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لمكافحة الإرهاب بعد الهجمات التي وقعت الأسبوع "
           "الماضي في عدة مدن في البلاد وقال وزير الداخلية في مؤتمر صحفي ان الحكومة ستتخذ كل الاجراءات"),
    ("ru", "Правительство в понедельник объявило о новых мерах по борьбе с терроризмом после нападений "
           "на прошлой неделе в нескольких городах страны, заявил министр внутренних дел."),
    ("zh", "政府星期一宣布了新的反恐措施。上周该国多个城市发生袭击事件后，内政部长在新闻发布会上表示，"
           "政府将采取一切必要措施保护公民安全。警方说，袭击者在市中心的一个市场引爆了炸弹，造成至少十人死亡，"
           "二十多人受伤。"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("code, text", FOREIGN)
def test_foreign_is_detected(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_deterministic() -> None:
    text = FOREIGN[0][1]
    assert {detect_language(text) for _ in range(5)} == {"fr"}
