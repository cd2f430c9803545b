"""An identifier of the registry as its platform writes it, so that the same handle typed
three ways in three cases is one: a phone in E.164, a Telegram or TikTok handle without its @
and in lower case, a Facebook page by its name in the address, an account by its digits, a
website by its host and path. Also: a map position from coordinates or a map link, and the
identifiers a text mentions (a log entry's summary, a worker's answers), offered for linking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from store.common.i18n import _
from store.common.words import fold
from store.domain.parse import InputProblem, parse_phone
from store.domain.registry_codes import IdentifierKind

if TYPE_CHECKING:
    from store.domain.records.registry import Place

_URL = re.compile(r"^(?:https?://)?(?:www\.|m\.|mobile\.)?", re.IGNORECASE)
_HANDLE = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")
_PATHS = {
    IdentifierKind.TELEGRAM: re.compile(r"^(?:t\.me|telegram\.me|telegram\.dog)/", re.I),
    IdentifierKind.TIKTOK: re.compile(r"^tiktok\.com/", re.I),
    IdentifierKind.FACEBOOK: re.compile(r"^(?:facebook\.com|fb\.com|fb\.me)/", re.I),
    IdentifierKind.LINE: re.compile(r"^line\.me/(?:ti/p/|R/ti/p/)?", re.I),
    IdentifierKind.WHATSAPP: re.compile(r"^(?:wa\.me|api\.whatsapp\.com/send\?phone=)/?", re.I),
}
_PHONE_KINDS = (IdentifierKind.PHONE, IdentifierKind.WHATSAPP)


def normalise(kind: IdentifierKind, text: str, region: str | None = None) -> str:
    """`text` as the platform of `kind` writes it; InputProblem (in the user's words) when it
    cannot be one. `region`: the country a local phone number is read in (Indonesia if
    none)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InputProblem(_("must not be empty"))
    if kind in _PATHS:
        cleaned = _PATHS[kind].sub("", _URL.sub("", cleaned)).split("?")[0].strip("/")
    if kind in _PHONE_KINDS:
        phone = parse_phone(cleaned, region or "ID")
        if phone is None:
            raise InputProblem(_("is not a phone number"))
        return phone
    if kind in (IdentifierKind.TELEGRAM, IdentifierKind.TIKTOK, IdentifierKind.LINE,
                IdentifierKind.WECHAT):
        handle = cleaned.lstrip("@~").lower()
        if not _HANDLE.match(handle):
            raise InputProblem(_("is not a handle: letters, digits, _ . - only"))
        return handle
    if kind is IdentifierKind.FACEBOOK:
        name = _unquoted(cleaned.split("/")[0] if "profile.php" not in cleaned else cleaned)
        return name.lower()
    if kind in (IdentifierKind.BANK_ACCOUNT, IdentifierKind.EWALLET):
        digits = re.sub(r"[\s.\-/]", "", cleaned)
        if kind is IdentifierKind.EWALLET and digits.startswith(("+", "0")):
            phone = parse_phone(cleaned, region or "ID")
            if phone is not None:
                return phone
        if not re.fullmatch(r"[A-Za-z0-9]{4,40}", digits):
            raise InputProblem(_("is not an account number"))
        return digits.upper()
    if kind in (IdentifierKind.WEBSITE, IdentifierKind.JOB_ADVERT):
        if not re.match(r"^(?:https?://)?[^\s/]+\.[^\s/]+", cleaned, re.IGNORECASE):
            return cleaned  # an advert quoted as text, not an address: kept as written
        address = _URL.sub("", cleaned)
        host, _sep, rest = address.partition("/")
        return (host.lower() + ("/" + rest.rstrip("/") if rest.strip("/") else ""))
    return cleaned


def _unquoted(text: str) -> str:
    """%XX escapes of an address read back (no urllib here: only store/sync may hold network
    modules)."""
    try:
        return re.sub(r"(?:%[0-9A-Fa-f]{2})+", lambda m: bytes.fromhex(
            m.group(0).replace("%", "")).decode("utf-8", "replace"), text)
    except ValueError:
        return text


_POSITION = [
    re.compile(r"@(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)"),  # Google Maps' /@lat,lon,z
    re.compile(r"[?&](?:q|ll|query)=(-?\d{1,2}(?:\.\d+)?)(?:,|%2C)\s*(-?\d{1,3}(?:\.\d+)?)"),
    re.compile(r"#map=\d+/(-?\d{1,2}(?:\.\d+)?)/(-?\d{1,3}(?:\.\d+)?)"),  # OpenStreetMap
    re.compile(r"mlat=(-?\d{1,2}(?:\.\d+)?)&mlon=(-?\d{1,3}(?:\.\d+)?)"),
    re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$"),
]


def map_position(text: str) -> tuple[float, float] | None:
    """Latitude and longitude from "11.5564, 104.9282" or a map link (Google Maps, Apple
    Maps, OpenStreetMap); None when the text holds neither."""
    for pattern in _POSITION:
        found = pattern.search(text)
        if found:
            latitude, longitude = float(found.group(1)), float(found.group(2))
            if -90 <= latitude <= 90 and -180 <= longitude <= 180:
                return latitude, longitude
    return None


_MENTIONS: list[tuple[IdentifierKind, re.Pattern[str]]] = [
    (IdentifierKind.TELEGRAM, re.compile(r"(?:t\.me|telegram\.me)/([A-Za-z0-9_]{4,32})", re.I)),
    (IdentifierKind.WHATSAPP, re.compile(r"wa\.me/(\+?\d{8,15})", re.I)),
    (IdentifierKind.FACEBOOK, re.compile(r"(?:facebook\.com|fb\.com)/([A-Za-z0-9.\-]{3,64})",
                                         re.I)),
    (IdentifierKind.TIKTOK, re.compile(r"tiktok\.com/@([A-Za-z0-9_.]{2,32})", re.I)),
    (IdentifierKind.TELEGRAM, re.compile(r"(?<![\w@.])@([A-Za-z][A-Za-z0-9_]{3,31})\b")),
    (IdentifierKind.PHONE, re.compile(r"(?<![\w+])(\+?\d[\d\s\-]{7,16}\d)(?!\w)")),
]


def mentioned(text: str) -> list[tuple[IdentifierKind, str]]:
    """The identifiers a text mentions, normalised, each once, in the order found: a Telegram
    link or @handle, a wa.me link, a Facebook or TikTok address, a phone number."""
    found: list[tuple[IdentifierKind, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _MENTIONS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            try:
                value = normalise(kind, match.group(1))
            except InputProblem:
                continue
            taken.append(span)
            if (kind, value) not in found:
                found.append((kind, value))
    return found


# Words a list or a family adds to a compound's name, or leaves off it: "Golden Bay" is the
# registry's "Golden Bay compound".
_PLACE_WORDS = frozenset({"compound", "complex", "kompleks", "komplek", "the"})


def place_named(text: str, places: Sequence[Place]) -> Place | None:
    """The registry's place `text` names: one of its names as written (case, accents and
    spacing forgiven), else the only place whose name is the same without the words a list
    adds or leaves off ("compound", "kompleks"); None when none is, or several are."""
    wanted = fold(text)
    if not wanted:
        return None
    exact = [p for p in places if wanted in {fold(n) for n in p.all_names if n}]
    if exact:
        return exact[0]

    def bare(name: str) -> tuple[str, ...]:
        return tuple(w for w in fold(name).split() if w not in _PLACE_WORDS)

    core = bare(text)
    loose = [p for p in places if core and core in {bare(n) for n in p.all_names if n}]
    return loose[0] if len(loose) == 1 else None
