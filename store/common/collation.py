"""The order of names and titles in a list, as the readers of the interface language expect.

A list sorted by a person's or an organisation's name, a case's or an agreement's title or a
country's name follows the collation of the language on screen: the Unicode Collation Algorithm
with CLDR's data for that language, through ICU (PyICU, from the `pyicu-wheels` wheels; README,
"Why ICU for the order of names", says why not pyuca). So:

- a Thai or Lao name that starts with a vowel sign written before the consonant it follows in
  sound (เ แ โ ใ ไ, ເ ແ ໂ ໃ ໄ) sorts by that consonant: ไพศาล after กมล and before สมชาย,
  ແສງ after ກອງ and before ສົມ;
- a Burmese name in the order of the Myanmar dictionary: a consonant's vowels, then its final
  consonants, then its medials (မာ, မေ, မင်း, မောင်, မြ), not by code point (မင်း, မြ, မာ);
- a Khmer name with ឫ ឬ after រ and ឭ ឮ after ល, not after every consonant;
- Latin names without regard to case or accent, then by them: Ádi beside Adi, both before
  Ahmad.

Khmer's, Burmese's and Thai's own orders (CLDR's tailorings of those languages, each touching
only its own script) apply to names written in those scripts whatever the language on screen:
an officer reading English sees Burmese names in the order a Burmese reader keeps. The language
on screen decides the rest, and which script comes first (Burmese before Latin in Burmese).

Only the collator of each language is kept (55-65 ms to build, once, on the first sort in
that language; ICU itself, about 9 ms, loads then too, never before the first frame). The keys
are made as a list is sorted (`sorted()` asks once an item; under a microsecond each, three
times faster than `fold`) and go with it: no name stays in memory here after the database is
locked. `python -m tests.perf.collation` measures all this.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from store.common.i18n import current_language

# The languages whose collation in CLDR orders their own script differently from Unicode's
# default (DUCET): their names sort so in every interface language. Lao's and Indonesian's
# orders are the default; Thai's only adds a few signs (ๆ ฯ), but costs nothing.
_OWN_SCRIPT_ORDERS = ("km", "my", "th")
# The settings that open a language's rules ("[normalization on][reorder Mymr]"): only the
# interface language's are kept (the script it puts first, Thai's punctuation ignored...).
_SETTINGS = re.compile(r"^(?:\[[^\]]*\])*")

_collators: dict[str, Any] = {}
_building = threading.Lock()


def name_sort_key(text: str, lang: str | None = None) -> bytes:
    """The key that sorts `text` (a name, a title) among others as the readers of `lang` (the
    interface language unless given) expect: `sorted(people, key=lambda p:
    name_sort_key(p.full_name))`. Keys of one language compare with each other only."""
    lang = lang or current_language()
    collator = _collators.get(lang) or _collator(lang)
    return collator.getSortKey(text)


def _collator(lang: str) -> Any:
    """The collator of `lang`, built once: its CLDR rules, then the other scripts' orders."""
    with _building:
        if lang not in _collators:
            import icu  # here, not above: the app's first frame never pays for ICU

            def rules(locale: str) -> str:
                return icu.Collator.createInstance(icu.Locale(locale)).getRules()

            others = "".join(_SETTINGS.sub("", rules(other))
                             for other in _OWN_SCRIPT_ORDERS if other != lang)
            collator = icu.RuleBasedCollator(rules(lang) + others)
            # Text is kept as typed, not normalised (README, "What a text field accepts"): an
            # accent typed apart from its letter, a Burmese sign typed out of order, sort as
            # their composed or ordered form.
            collator.setAttribute(icu.UCollAttribute.NORMALIZATION_MODE,
                                  icu.UCollAttributeValue.ON)
            _collators[lang] = collator
        return _collators[lang]
