"""Controlled vocabularies (HTCDS 2.0 codes where they exist, see shared/domain.md §5).

Values are stored as the codes below; `label(member)` gives the name in the user's language.
"""

from __future__ import annotations

from enum import StrEnum

from store.i18n import N_, _


class CaseKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class Stage(StrEnum):
    """The working stage of a case, in the order a case moves through them."""

    REPORTED = "reported"
    VERIFYING = "verifying"
    AWAITING_RESCUE = "awaiting_rescue"
    IN_SHELTER = "in_shelter"
    DOCUMENTS = "documents"
    IMMIGRATION_CLEARANCE = "immigration_clearance"
    REPATRIATED = "repatriated"
    HANDED_OVER = "handed_over"
    REINTEGRATION = "reintegration"
    LEGAL_FOLLOW_UP = "legal_follow_up"
    CLOSED = "closed"


class ExploitationType(StrEnum):
    """HTCDS types of exploitation plus a local code for forced criminality (scam work)."""

    FORCED_LABOUR = "ForcedLabour"
    FORCED_CRIMINALITY = "ForcedCriminality"
    SEXUAL_EXPLOITATION = "SexualExploitation"
    CHILD_LABOUR = "ChildLabour"
    FORCED_MARRIAGE = "ForcedMarriage"
    SERVITUDE = "Servitude"
    FORCED_MILITARY = "ForcedMilitaryByNonStateActors"
    ORGAN_REMOVAL = "OrganRemoval"
    FORCED_BEGGING = "ForcedBegging"
    FORCED_ADOPTION = "ForcedAdoption"
    SURROGACY = "Surrogacy"
    OTHER = "Other"


class Sector(StrEnum):
    """ISIC Rev. 4 sections, named as HTCDS names them."""

    A = "A_AgricultureForestryAndFishing"
    B = "B_MiningAndQuarrying"
    C = "C_Manufacturing"
    D = "D_ElectricityGasSteamAndAirConditioningSupply"
    E = "E_WaterSupplySewerageWasteManagementAndRemediationActivities"
    F = "F_Construction"
    G = "G_WholesaleAndRetailTrade"
    H = "H_TransportationAndStorage"
    I = "I_AccommodationAndFoodServiceActivities"  # noqa: E741 - ISIC's own letter
    J = "J_InformationAndCommunication"
    K = "K_FinancialAndInsuranceActivities"
    L = "L_RealEstateActivities"
    M = "M_ProfessionalScientificAndTechnicalActivities"
    N = "N_AdministrativeAndSupportServiceActivities"
    O = "O_PublicAdministrationAndDefence"  # noqa: E741
    P = "P_Education"
    Q = "Q_HumanHealthAndSocialWorkActivities"
    R = "R_ArtsEntertainmentAndRecreation"
    S = "S_OtherServiceActivities"
    T = "T_ActivitiesOfHouseholdsAsEmployers"
    U = "U_ActivitiesOfExtraterritorialOrganizations"


class ReachedVia(StrEnum):
    """How the case reached the union."""

    HOTLINE = "hotline"
    WALK_IN = "walk_in"
    PORTAL = "portal"
    UNION_CONTACT = "union_contact"
    PARTNER_REFERRAL = "partner_referral"
    FAMILY = "family"
    SOCIAL_MEDIA = "social_media"
    OTHER = "other"


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class PassportStatus(StrEnum):
    WITH_WORKER = "with_worker"
    HELD_BY_EMPLOYER = "held_by_employer"
    LOST = "lost"
    NONE = "none"
    UNKNOWN = "unknown"


class LogKind(StrEnum):
    CALL = "call"
    MESSAGE = "message"
    MEETING = "meeting"
    LETTER = "letter"
    VISIT = "visit"
    REFERRAL = "referral"
    NOTE = "note"


_LABELS: dict[StrEnum, str] = {
    CaseKind.INDIVIDUAL: N_("individual"),
    CaseKind.GROUP: N_("group"),
    Stage.REPORTED: N_("reported"),
    Stage.VERIFYING: N_("verifying"),
    Stage.AWAITING_RESCUE: N_("awaiting rescue"),
    Stage.IN_SHELTER: N_("in shelter"),
    Stage.DOCUMENTS: N_("documents"),
    Stage.IMMIGRATION_CLEARANCE: N_("immigration clearance"),
    Stage.REPATRIATED: N_("repatriated"),
    Stage.HANDED_OVER: N_("handed over"),
    Stage.REINTEGRATION: N_("reintegration"),
    Stage.LEGAL_FOLLOW_UP: N_("legal follow-up"),
    Stage.CLOSED: N_("closed"),
    ExploitationType.FORCED_LABOUR: N_("forced labour"),
    ExploitationType.FORCED_CRIMINALITY: N_("forced criminality (scam work)"),
    ExploitationType.SEXUAL_EXPLOITATION: N_("sexual exploitation"),
    ExploitationType.CHILD_LABOUR: N_("child labour"),
    ExploitationType.FORCED_MARRIAGE: N_("forced marriage"),
    ExploitationType.SERVITUDE: N_("servitude"),
    ExploitationType.FORCED_MILITARY: N_("forced military service by non-state actors"),
    ExploitationType.ORGAN_REMOVAL: N_("organ removal"),
    ExploitationType.FORCED_BEGGING: N_("forced begging"),
    ExploitationType.FORCED_ADOPTION: N_("forced adoption"),
    ExploitationType.SURROGACY: N_("surrogacy"),
    ExploitationType.OTHER: N_("other"),
    Sector.A: N_("agriculture, forestry and fishing"),
    Sector.B: N_("mining and quarrying"),
    Sector.C: N_("manufacturing"),
    Sector.D: N_("electricity and gas supply"),
    Sector.E: N_("water supply and waste management"),
    Sector.F: N_("construction"),
    Sector.G: N_("wholesale and retail trade"),
    Sector.H: N_("transport and storage"),
    Sector.I: N_("accommodation and food service"),
    Sector.J: N_("information and communication (online scams)"),
    Sector.K: N_("financial and insurance activities"),
    Sector.L: N_("real estate"),
    Sector.M: N_("professional and technical activities"),
    Sector.N: N_("administrative and support services"),
    Sector.O: N_("public administration and defence"),
    Sector.P: N_("education"),
    Sector.Q: N_("health and social work"),
    Sector.R: N_("arts, entertainment and recreation (gambling)"),
    Sector.S: N_("other services"),
    Sector.T: N_("domestic work in households"),
    Sector.U: N_("extraterritorial organisations"),
    ReachedVia.HOTLINE: N_("hotline"),
    ReachedVia.WALK_IN: N_("walk-in"),
    ReachedVia.PORTAL: N_("online portal"),
    ReachedVia.UNION_CONTACT: N_("union contact"),
    ReachedVia.PARTNER_REFERRAL: N_("referral by a partner"),
    ReachedVia.FAMILY: N_("family or friends"),
    ReachedVia.SOCIAL_MEDIA: N_("social media"),
    ReachedVia.OTHER: N_("other"),
    Urgency.LOW: N_("low"),
    Urgency.NORMAL: N_("normal"),
    Urgency.HIGH: N_("high"),
    Urgency.CRITICAL: N_("critical"),
    Sex.FEMALE: N_("female"),
    Sex.MALE: N_("male"),
    Sex.OTHER: N_("other"),
    Sex.UNKNOWN: N_("unknown"),
    PassportStatus.WITH_WORKER: N_("with the worker"),
    PassportStatus.HELD_BY_EMPLOYER: N_("held by employer"),
    PassportStatus.LOST: N_("lost"),
    PassportStatus.NONE: N_("none"),
    PassportStatus.UNKNOWN: N_("unknown"),
    LogKind.CALL: N_("call"),
    LogKind.MESSAGE: N_("message"),
    LogKind.MEETING: N_("meeting"),
    LogKind.LETTER: N_("letter"),
    LogKind.VISIT: N_("visit"),
    LogKind.REFERRAL: N_("referral"),
    LogKind.NOTE: N_("note"),
}

VOCABULARIES: tuple[type[StrEnum], ...] = (
    CaseKind,
    Stage,
    ExploitationType,
    Sector,
    ReachedVia,
    Urgency,
    Sex,
    PassportStatus,
    LogKind,
)


def label(member: StrEnum) -> str:
    """The name of a vocabulary value in the user's language."""
    return _(_LABELS[member])


def choices(vocabulary: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(label, value) pairs in the vocabulary's order, for pick lists."""
    return [(label(member), member) for member in vocabulary]
