"""Sums of money as an officer types them and as Pulang keeps them: a decimal (never a float)
with its ISO 4217 currency; totals per currency, and a total converted only at the rates an
officer gives.

An amount is read from what was typed with the interface language's decimal sign (Indonesian
writes "1.500.000,50", English "1,500,000.50"); a sign of the other kind is taken as grouping
where it can only be that. It is kept as the decimal's text ("1500000.50"): exact, and the
same in every database and on the hub. A currency is its ISO 4217 code (`IDR`, `USD`, `KHR`),
checked against pycountry's list.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation, localcontext

import pycountry

from store.common.i18n import _

_GROUPING = re.compile(r"[\s\u00a0\u202f']")  # spaces, no-break spaces, apostrophes
_DIGITS = re.compile(r"^[0-9]+(\.[0-9]+)?$")  # ASCII digits only
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+$")  # thousands, each group of three
_MAX_DIGITS = 15  # a trillion with cents: more is a typing slip
_SUM_DIGITS = 80  # the precision sums are made at: exact for any number of such amounts


class AmountProblem(ValueError):
    """Why a typed amount or currency cannot be read, in the user's language."""


def parse_amount(text: str, decimal_sign: str = ".") -> Decimal:
    """The amount typed, as a Decimal; `decimal_sign` is the interface language's ("," for
    Indonesian). Refused: a negative, no digits, letters, more than one decimal sign, a
    grouping sign that does not part the whole number into thousands ("1.2.3" in Indonesian,
    "1,2,3" in English), or a sum too large to be meant."""
    raw = _GROUPING.sub("", text.strip())
    # Digits of any script (Lao, Khmer, Thai, Burmese) as ASCII ones.
    raw = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in raw)
    if not raw:
        raise AmountProblem(_("must not be empty"))
    if raw.startswith("-"):
        raise AmountProblem(_("Not an amount: write it without a minus sign"))
    group_sign = "," if decimal_sign == "." else "."
    if raw.count(decimal_sign) > 1:
        raise AmountProblem(_("Not an amount: write it as 1500000 or 1500000{sign}50").format(
            sign=decimal_sign))
    whole = raw.split(decimal_sign)[0]
    if group_sign in whole and not _GROUPED.match(whole.replace(group_sign, ",")):
        # "1.2.3" or "15.00.000": a sign between digits that are not groups of three is a
        # slip, not grouping; read as grouping it would be a sum a thousand times off.
        raise AmountProblem(_("Not an amount: write it as 1500000 or 1500000{sign}50").format(
            sign=decimal_sign))
    raw = raw.replace(group_sign, "").replace(decimal_sign, ".")
    if not _DIGITS.match(raw) or len(raw.replace(".", "")) > _MAX_DIGITS:
        raise AmountProblem(_("Not an amount: write it as 1500000 or 1500000{sign}50").format(
            sign=decimal_sign))
    try:
        return Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only decimals
        raise AmountProblem(_("Not an amount")) from None


def currency_code(text: str) -> str:
    """The ISO 4217 code of a currency typed as its code ("usd", "IDR"); refused otherwise."""
    code = text.strip().upper()
    if not code:
        raise AmountProblem(_("must not be empty"))
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise AmountProblem(_("Not a currency code: write it as ISO 4217 does, e.g. IDR, "
                              "USD, KHR"))
    return code


def totals(entries: Iterable[tuple[str, str]]) -> dict[str, Decimal]:
    """(currency, amount text) pairs added up per currency, currencies in alphabetical order;
    an amount that is not a decimal (never saved so) is left out."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    with localcontext() as exact:  # 25 digits an amount, summed: never rounded at 28
        exact.prec = _SUM_DIGITS
        for currency, amount in entries:
            try:
                sums[currency] += Decimal(amount)
            except (InvalidOperation, TypeError):
                continue
    return {code: sums[code] for code in sorted(sums)}


def converted(sums: dict[str, Decimal], into: str,
              rates: dict[str, Decimal]) -> Decimal | None:
    """The sums as one total in `into`, at `rates` (currency -> units of `into` for one unit
    of it, as the officer gave them); None when a currency held has no rate: a converted total
    is shown only where every rate was given."""
    total = Decimal(0)
    with localcontext() as exact:
        exact.prec = _SUM_DIGITS
        for code, amount in sums.items():
            if code == into:
                total += amount
            elif code in rates:
                total += amount * rates[code]
            else:
                return None
    return total
