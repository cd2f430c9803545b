"""The registry's codes (issue "Who did this, and where"): kinds of place and their status,
the roles of those who traffic (HTCDS's perpetrator roles), kinds of identifier, and where a
fact came from and how sure it is. Labels are `store.domain.vocab`'s."""

from __future__ import annotations

from enum import StrEnum


class PlaceKind(StrEnum):
    """HTCDS's places of a trafficking case, with the compounds of the scam industry."""

    COMPOUND = "compound"  # a scam or gambling compound, behind walls and guards
    EXPLOITATION = "exploitation"  # another place where workers were exploited
    TRANSIT = "transit"  # where they were moved through or held on the way
    RECRUITMENT = "recruitment"  # an office, a hotel where they were recruited
    OTHER = "other"


class PlaceStatus(StrEnum):
    OPERATING = "operating"
    RAIDED = "raided"
    RELOCATED = "relocated"
    CLOSED = "closed"
    UNKNOWN = "unknown"


class ActorRole(StrEnum):
    """HTCDS's perpetrator roles."""

    RECRUITER = "recruiter"
    AGENCY = "agency"
    BROKER = "broker"
    EMPLOYER = "employer"
    TRANSPORTER = "transporter"
    OTHER = "other"


class IdentifierKind(StrEnum):
    """What a recruiter or a compound is reached or paid by; each normalised as its platform
    writes it (`store.domain.rules.identifiers`)."""

    PHONE = "phone"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    FACEBOOK = "facebook"
    TIKTOK = "tiktok"
    LINE = "line"
    WECHAT = "wechat"
    BANK_ACCOUNT = "bank_account"
    EWALLET = "ewallet"
    WEBSITE = "website"
    JOB_ADVERT = "job_advert"


class SourceKind(StrEnum):
    """Where a fact of the registry came from."""

    WORKER = "worker_statement"
    POLICE = "police_report"
    NEWS = "news_item"
    OFFICER = "officer_finding"
    PARTNER = "partner_organisation"
    OTHER = "other"


class Certainty(StrEnum):
    """Whether a fact is alleged (by its source) or confirmed (by a second one, a raid, a
    court): an allegation is never passed on as a fact."""

    ALLEGED = "alleged"
    CONFIRMED = "confirmed"


class IntakeSource(StrEnum):
    """Who sent a list of people released or found (issue 33's mass intake)."""

    EMBASSY = "embassy"
    SHELTER = "shelter"
    POLICE = "police"
    UNION = "union"
    NGO = "ngo"
    OTHER = "other"


class IntakeStatus(StrEnum):
    OPEN = "open"  # being reviewed row by row: nothing made from it yet
    CONFIRMED = "confirmed"  # its cases and workers made, its rows blanked
    ABANDONED = "abandoned"


class RowDecision(StrEnum):
    """The officer's decision on a row of an intake (None: not reviewed yet)."""

    MATCH = "match"  # already a worker: linked
    NEW = "new"  # a new worker
    SKIP = "skip"


class InquiryStatus(StrEnum):
    OPEN = "open"
    FOUND = "found"  # a worker confirmed by an officer to be the one sought
    CLOSED = "closed"
