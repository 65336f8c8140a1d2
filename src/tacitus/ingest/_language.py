"""Is this report in English? Only say no when sure.

The extraction rules are English, so a French report would yield nonsense; but wrongly
dropping an English report loses data silently, and langdetect alone misreads short English
texts and texts dense with foreign names (it calls "Gunmen killed 5 in Kabul" Turkish with
0.99999 confidence). So the judgement rests on the text's common words, those not written
with a capital (names are): too few of them and the text is taken as English; enough English
function words among them and it is English; otherwise langdetect reads the common words and
is believed only when confident.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import langdetect
from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from tacitus.ingest._lexicon import ENGLISH_FUNCTION_WORDS

SAMPLE_CHARS = 5000
MIN_WORDS = 15  # fewer common words than this are too few to call a text foreign
ENGLISH_SHARE = 0.1  # a quarter or more of English common words are these, other languages ~0
MIN_CONFIDENCE = 0.95
SEED = 0  # langdetect is randomised; a fixed seed makes ingest idempotent

# A word: a run of letters, or one ideograph/kana/hangul (scripts written without spaces).
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+")


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded once, with our own seed rather than its global one."""
    factory = DetectorFactory()
    factory.load_profile(str(Path(langdetect.__file__).parent / "profiles"))
    factory.set_seed(SEED)
    return factory


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: ``"en"`` unless confidently something else."""
    sample = text[:SAMPLE_CHARS]
    common = [word for word in _WORD.findall(sample) if not word[0].isupper()]
    if len(common) < MIN_WORDS:
        return "en"
    english = sum(word.lower() in ENGLISH_FUNCTION_WORDS for word in common)
    if english / len(common) >= ENGLISH_SHARE:
        return "en"
    detector = _factory().create()
    detector.append(_WORD.sub(lambda m: "" if m.group()[0].isupper() else m.group(), sample))
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "en"
    if best.lang != "en" and best.prob >= MIN_CONFIDENCE:
        return str(best.lang).split("-")[0]
    return "en"
