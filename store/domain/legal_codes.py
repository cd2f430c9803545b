"""The codes of a worker's legal status and of the money in their case (issue "After the flight
home, 1 of 2"): kinds of legal matter and their stages, the worker's role in the case against
the recruiters, kinds of money and where each sum stands, and who paid. Which stages a kind
of matter goes through (`STAGES_OF`), which statuses a kind of money takes (`STATUSES_OF`) and
which kinds a brief's recipient needs (`LEGAL_FOR`, `MONEY_FOR`) are tables here. Labels are
`store.domain.vocab`'s."""

from __future__ import annotations

from enum import StrEnum

from store.common.i18n import N_
from store.domain.codes import RecipientKind


class LegalKind(StrEnum):
    """What a legal matter of a worker's is."""

    DETENTION = "detention"  # held by immigration or police: where, since, released
    IMMIGRATION_FINE = "immigration_fine"  # overstay fines, and their waiver
    DEPORTATION = "deportation"  # a deportation order, and a blacklisting (entry ban)
    CHARGE = "charge"  # a charge the worker faces (immigration, fraud, money mule...)
    LEGAL_AID = "legal_aid"  # the organisation and lawyer assisting the worker
    STATEMENT = "statement"  # a statement the worker gave (to police, a prosecutor...)
    PROSECUTION = "prosecution"  # the case against the recruiters, the worker's role in it


class LegalStage(StrEnum):
    """Where a legal matter stands; each kind takes some (`STAGES_OF`)."""

    DETAINED = "detained"
    RELEASED = "released"
    IMPOSED = "imposed"
    WAIVER_REQUESTED = "waiver_requested"
    WAIVED = "waived"
    PAID = "paid"
    ORDERED = "ordered"
    DEPORTED = "deported"
    BLACKLISTED = "blacklisted"
    LIFTED = "lifted"
    REPORTED = "reported"
    INVESTIGATION = "investigation"
    CHARGED = "charged"
    TRIAL = "trial"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    DROPPED = "dropped"
    CLOSED = "closed"
    REQUESTED = "requested"
    ASSIGNED = "assigned"
    ENDED = "ended"
    PLANNED = "planned"
    GIVEN = "given"


S = LegalStage
STAGES_OF: dict[LegalKind, tuple[LegalStage, ...]] = {
    LegalKind.DETENTION: (S.DETAINED, S.RELEASED),
    LegalKind.IMMIGRATION_FINE: (S.IMPOSED, S.WAIVER_REQUESTED, S.WAIVED, S.PAID),
    LegalKind.DEPORTATION: (S.ORDERED, S.DEPORTED, S.BLACKLISTED, S.LIFTED),
    LegalKind.CHARGE: (S.INVESTIGATION, S.CHARGED, S.TRIAL, S.CONVICTED, S.ACQUITTED,
                       S.DROPPED),
    LegalKind.LEGAL_AID: (S.REQUESTED, S.ASSIGNED, S.ENDED),
    LegalKind.STATEMENT: (S.PLANNED, S.GIVEN),
    LegalKind.PROSECUTION: (S.REPORTED, S.INVESTIGATION, S.CHARGED, S.TRIAL, S.CONVICTED,
                            S.ACQUITTED, S.CLOSED),
}
# The stages after which a matter asks nothing more of anyone (not open).
CLOSED_STAGES: frozenset[LegalStage] = frozenset({
    S.RELEASED, S.WAIVED, S.PAID, S.LIFTED, S.ACQUITTED, S.DROPPED, S.CLOSED, S.ENDED,
    S.GIVEN})
del S


class WitnessRole(StrEnum):
    """The worker's part in the case against the recruiters."""

    COMPLAINANT = "complainant"  # the worker reported it
    WITNESS = "witness"  # a witness for the prosecution
    NONE = "none"  # not involved (yet)


class MoneyKind(StrEnum):
    """What a sum of money in a worker's case is."""

    RECRUITMENT_FEE = "recruitment_fee"  # paid to a recruiter or agency to get the "job"
    TRAVEL_DEBT = "travel_debt"  # a ticket or costs the recruiter paid, held as a debt
    RANSOM = "ransom"  # demanded by the compound to let the worker go
    WAGES = "wages"  # wages promised and never paid
    FINE = "fine"  # an immigration fine or another penalty
    COMPENSATION = "compensation"  # compensation or restitution sought for the worker
    OTHER = "other"


class MoneyStatus(StrEnum):
    """Where a sum stands. Each entry is one sum at one status: a claim of 3,000 and 500 of it
    recovered are two entries (the report's totals add the entries of each status)."""

    DEMANDED = "demanded"
    OWED = "owed"
    PAID = "paid"
    CLAIMED = "claimed"
    AWARDED = "awarded"
    RECOVERED = "recovered"
    WAIVED = "waived"


M = MoneyStatus
STATUSES_OF: dict[MoneyKind, tuple[MoneyStatus, ...]] = {
    MoneyKind.RECRUITMENT_FEE: (M.PAID, M.OWED, M.CLAIMED, M.AWARDED, M.RECOVERED),
    MoneyKind.TRAVEL_DEBT: (M.OWED, M.PAID, M.WAIVED),
    MoneyKind.RANSOM: (M.DEMANDED, M.PAID, M.CLAIMED, M.AWARDED, M.RECOVERED),
    MoneyKind.WAGES: (M.OWED, M.CLAIMED, M.AWARDED, M.RECOVERED),
    MoneyKind.FINE: (M.DEMANDED, M.PAID, M.WAIVED),
    MoneyKind.COMPENSATION: (M.CLAIMED, M.AWARDED, M.RECOVERED),
    MoneyKind.OTHER: tuple(MoneyStatus),
}
del M


class Payer(StrEnum):
    """Who paid a sum (a ransom, a fee, a fine)."""

    WORKER = "worker"
    FAMILY = "family"
    UNION = "union"
    EMPLOYER = "employer"
    GOVERNMENT = "government"  # an embassy or a ministry
    OTHER = "other"


# What each kind of brief carries of a worker's legal matters and money (the worker's consent
# to that kind of recipient, and each field's classification, still decide every value).
LEGAL_FOR: dict[RecipientKind, frozenset[LegalKind]] = {
    # The police: the charges the worker faces (to argue non-punishment), the statements
    # given, the case against the recruiters, and who assists the worker.
    RecipientKind.POLICE: frozenset({LegalKind.CHARGE, LegalKind.STATEMENT,
                                     LegalKind.PROSECUTION, LegalKind.LEGAL_AID}),
    # An embassy or ministry: detention, fines and their waiver, deportation and blacklisting,
    # the charges, and who assists the worker.
    RecipientKind.EMBASSY: frozenset({LegalKind.DETENTION, LegalKind.IMMIGRATION_FINE,
                                      LegalKind.DEPORTATION, LegalKind.CHARGE,
                                      LegalKind.LEGAL_AID}),
    RecipientKind.PARTNER_UNION: frozenset(LegalKind),
}
MONEY_FOR: dict[RecipientKind, frozenset[MoneyKind]] = {
    # The police: what was extorted or withheld, evidence of the offence.
    RecipientKind.POLICE: frozenset({MoneyKind.RECRUITMENT_FEE, MoneyKind.TRAVEL_DEBT,
                                     MoneyKind.RANSOM, MoneyKind.WAGES,
                                     MoneyKind.COMPENSATION}),
    # An embassy: the fines to waive, and the debts it can press on.
    RecipientKind.EMBASSY: frozenset({MoneyKind.FINE, MoneyKind.WAGES,
                                      MoneyKind.COMPENSATION}),
    RecipientKind.PARTNER_UNION: frozenset(MoneyKind),
}


# The labels of these codes (`store.domain.vocab.label`).
LEGAL_LABELS: list[tuple[StrEnum, str]] = [
    (LegalKind.DETENTION, N_("detention")),
    (LegalKind.IMMIGRATION_FINE, N_("immigration fine")),
    (LegalKind.DEPORTATION, N_("deportation or blacklisting")),
    (LegalKind.CHARGE, N_("charge against the worker")),
    (LegalKind.LEGAL_AID, N_("legal aid")),
    (LegalKind.STATEMENT, N_("statement given")),
    (LegalKind.PROSECUTION, N_("case against the recruiters")),
    (LegalStage.DETAINED, N_("detained")),
    (LegalStage.RELEASED, N_("released")),
    (LegalStage.IMPOSED, N_("imposed")),
    (LegalStage.WAIVER_REQUESTED, N_("waiver requested")),
    (LegalStage.WAIVED, N_("waived")),
    (LegalStage.PAID, N_("paid")),
    (LegalStage.ORDERED, N_("ordered")),
    (LegalStage.DEPORTED, N_("deported")),
    (LegalStage.BLACKLISTED, N_("blacklisted")),
    (LegalStage.LIFTED, N_("ban lifted")),
    (LegalStage.REPORTED, N_("reported")),
    (LegalStage.INVESTIGATION, N_("under investigation")),
    (LegalStage.CHARGED, N_("charged")),
    (LegalStage.TRIAL, N_("at trial")),
    (LegalStage.CONVICTED, N_("convicted")),
    (LegalStage.ACQUITTED, N_("acquitted")),
    (LegalStage.DROPPED, N_("dropped")),
    (LegalStage.CLOSED, N_("closed")),
    (LegalStage.REQUESTED, N_("requested")),
    (LegalStage.ASSIGNED, N_("assigned")),
    (LegalStage.ENDED, N_("ended")),
    (LegalStage.PLANNED, N_("planned")),
    (LegalStage.GIVEN, N_("given")),
    (WitnessRole.COMPLAINANT, N_("complainant")),
    (WitnessRole.WITNESS, N_("witness")),
    (WitnessRole.NONE, N_("not involved")),
    (MoneyKind.RECRUITMENT_FEE, N_("recruitment fee")),
    (MoneyKind.TRAVEL_DEBT, N_("travel debt")),
    (MoneyKind.RANSOM, N_("ransom")),
    (MoneyKind.WAGES, N_("unpaid wages")),
    (MoneyKind.FINE, N_("fine")),
    (MoneyKind.COMPENSATION, N_("compensation or restitution")),
    (MoneyKind.OTHER, N_("other")),
    (MoneyStatus.DEMANDED, N_("demanded")),
    (MoneyStatus.OWED, N_("owed")),
    (MoneyStatus.PAID, N_("paid")),
    (MoneyStatus.CLAIMED, N_("claimed")),
    (MoneyStatus.AWARDED, N_("awarded")),
    (MoneyStatus.RECOVERED, N_("recovered")),
    (MoneyStatus.WAIVED, N_("waived")),
    (Payer.WORKER, N_("the worker")),
    (Payer.FAMILY, N_("the family")),
    (Payer.UNION, N_("the union")),
    (Payer.EMPLOYER, N_("an employer")),
    (Payer.GOVERNMENT, N_("an embassy or ministry")),
    (Payer.OTHER, N_("other")),
]

LEGAL_VOCABULARIES: tuple[type[StrEnum], ...] = (
    LegalKind, LegalStage, WitnessRole, MoneyKind, MoneyStatus, Payer)
