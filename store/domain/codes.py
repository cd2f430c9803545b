"""The controlled vocabularies' codes (HTCDS 2.0 codes where they exist, see shared/domain.md
§5), and the fixed tables over them: what a worker's consent may name, which kind of recipient an
organisation is, where an agreement may move from each status.

`store.domain.vocab` gives each code its name in the user's language and re-exports all of this:
import the vocabularies from there.
"""

from __future__ import annotations

from enum import StrEnum


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


class Direction(StrEnum):
    """Which way a log entry went: sent by the union to its counterpart (the workers it names
    went with it, so their consent counts), or received from it. A note goes neither way."""

    SENT = "sent"
    RECEIVED = "received"


class Answer(StrEnum):
    """A screening question's answer."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class IloIndicator(StrEnum):
    """The eleven ILO indicators of forced labour (ILO SAP-FL, 2012), in the ILO's order."""

    VULNERABILITY = "vulnerability"
    DECEPTION = "deception"
    MOVEMENT = "movement"
    ISOLATION = "isolation"
    VIOLENCE = "violence"
    THREATS = "threats"
    DOCUMENTS = "documents"
    WAGES = "wages"
    DEBT = "debt"
    CONDITIONS = "conditions"
    OVERTIME = "overtime"


class MeansOfControl(StrEnum):
    """HTCDS means of control (CTDC meansOfControl* columns)."""

    PHYSICAL_THREATS = "PhysicalThreats"
    THREATS_LAW_ENFORCEMENT = "ThreatsLawEnforcement"
    THREATENS_FAMILY = "ThreatensChildrenFamily"
    DEBT_BONDAGE = "DebtBondage"
    FALSE_PROMISES = "FalsePromises"
    PHYSICAL_ABUSE = "PhysicalAbuse"
    SEXUAL_ABUSE = "SexualAbuse"
    TAKES_EARNINGS = "TakesEarnings"
    RESTRICTS_FINANCIAL_ACCESS = "RestrictsFinancialAccess"
    RESTRICTS_MEDICAL_CARE = "RestrictsMedicalCare"
    WITHHOLDS_NECESSITIES = "WithholdsNecessities"
    PSYCHOLOGICAL_ABUSE = "PsychologicalAbuse"
    PSYCHOACTIVE_SUBSTANCE = "PsychoactiveSubstance"
    EXCESSIVE_WORKING_HOURS = "ExcessiveWorkingHours"
    WITHHOLDS_DOCUMENTS = "WithholdsDocuments"
    RESTRICTS_MOVEMENT = "RestrictsMovement"
    USES_CHILDREN = "UsesChildren"
    OTHER = "Other"


class RecruitmentMethod(StrEnum):
    ONLINE_SOCIAL_NETWORKS = "ThroughOnlineSocialNetworks"
    ONLINE_ADVERTISEMENT = "ThroughAnOnlineAdvertisement"
    PLACE_OF_BUSINESS = "AtAPlaceOfBusiness"
    EDUCATIONAL_INSTITUTION = "AtAnEducationalInstitution"
    AT_WORK = "AtWork"
    FAMILY = "ThroughFamilyOrFamilyEvents"
    FRIENDS = "ThroughFriendsOrSocialEvents"
    TELEVISION = "ThroughATelevisionAdvert"
    NEWSPAPER = "ThroughANewspaperAdvert"
    OTHER = "Other"


class Platform(StrEnum):
    """Where the recruitment happened online."""

    FACEBOOK = "Facebook"
    TELEGRAM = "Telegram"
    WHATSAPP = "WhatsApp"
    TIKTOK = "TikTok"
    LINE = "Line"
    WECHAT = "WeChat"
    INSTAGRAM = "Instagram"
    OTHER = "Other"


class RecruiterRelation(StrEnum):
    INTIMATE_PARTNER = "IntimatePartner"
    FRIEND = "Friend"
    FAMILY = "Family"
    OTHER = "Other"
    UNKNOWN = "Unknown"


class TraffickingStatus(StrEnum):
    """HTCDS trafficking status."""

    POSSIBLE = "PossibleVictimOfTrafficking"
    ACTUAL = "ActualVictimOfTrafficking"
    NOT_A_VICTIM = "NotAVictimOfTrafficking"


class DecidedBy(StrEnum):
    """Who decided the trafficking status (HTCDS)."""

    POLICE = "Police"
    NGO = "NGO"
    COURT = "CourtOrProsecution"
    GOVERNMENT = "NonPoliceGovernmentalOrganization"
    OTHER = "Other"


class RecipientKind(StrEnum):
    """Kinds of recipient of a worker's personal data. A worker's consent can name the first
    six; media and recruiters never receive it (shared/domain.md §4)."""

    PARTNER_UNION = "partner_union"
    POLICE = "police"
    EMBASSY = "embassy_ministry"
    FAMILY = "family"
    SHELTER_HEALTH = "shelter_health"
    STATISTICS = "statistics"
    MEDIA = "media"
    RECRUITER = "recruiter"
    OTHER = "other"


# What a worker's consent may name, and what it never may.
CONSENTABLE: tuple[RecipientKind, ...] = (
    RecipientKind.PARTNER_UNION, RecipientKind.POLICE, RecipientKind.EMBASSY,
    RecipientKind.FAMILY, RecipientKind.SHELTER_HEALTH, RecipientKind.STATISTICS,
)
NEVER_RECIPIENTS: tuple[RecipientKind, ...] = (RecipientKind.MEDIA, RecipientKind.RECRUITER)


class StepStatus(StrEnum):
    """Where one step of a worker's road home stands."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_NEEDED = "not_needed"
    BLOCKED = "blocked"


class OrgKind(StrEnum):
    """Organisation types (HTCDS, with the union side's kinds added, shared/domain.md §5)."""

    TRADE_UNION = "TradeUnion"
    UNION_FEDERATION = "UnionFederation"
    REGIONAL_UNION_COUNCIL = "RegionalUnionCouncil"
    NGO = "NGO"
    LAW_ENFORCEMENT = "LawEnforcement"
    EMBASSY = "Embassy"
    CENTRAL_GOVERNMENT = "CentralGovernmentOrganisation"
    LOCAL_GOVERNMENT = "LocalGovernmentOrganisation"
    IMMIGRATION = "ImmigrationService"
    LEGAL = "LegalService"
    HEALTH = "HealthServiceOrganisation"
    SHELTER = "Shelter"
    INTERNATIONAL = "InternationalOrganisation"
    BUSINESS = "CorporateBusiness"
    SCHOOL = "SchoolOrCollege"
    OTHER = "Other"


# The kind of recipient (for a worker's consent) an organisation of each type is, where it is
# plain: offered when a log entry names a counterpart from the directory.
RECIPIENT_OF_ORG: dict[OrgKind, RecipientKind] = {
    OrgKind.TRADE_UNION: RecipientKind.PARTNER_UNION,
    OrgKind.UNION_FEDERATION: RecipientKind.PARTNER_UNION,
    OrgKind.REGIONAL_UNION_COUNCIL: RecipientKind.PARTNER_UNION,
    OrgKind.LAW_ENFORCEMENT: RecipientKind.POLICE,
    OrgKind.EMBASSY: RecipientKind.EMBASSY,
    OrgKind.CENTRAL_GOVERNMENT: RecipientKind.EMBASSY,
    OrgKind.IMMIGRATION: RecipientKind.EMBASSY,
    OrgKind.SHELTER: RecipientKind.SHELTER_HEALTH,
    OrgKind.HEALTH: RecipientKind.SHELTER_HEALTH,
}


class MeetingKind(StrEnum):
    MEETING = "meeting"
    WORKING_VISIT = "working_visit"
    CONFERENCE = "conference"
    CALL = "call"


class AgreementArea(StrEnum):
    EDUCATION = "education"
    ADVOCACY = "advocacy"
    ORGANISATIONAL_MANAGEMENT = "organisational_management"
    LEGAL_AID = "legal_aid"
    OSH = "occupational_safety_health"
    MIGRANT_PROTECTION = "migrant_protection"
    # Cases' data shared between the parties (`pulang sync --partner`): needed, in force,
    # before a case goes to a partner organisation's copy.
    DATA_SHARING = "data_sharing"
    OTHER = "other"


class AgreementStatus(StrEnum):
    """The lifecycle of a cooperation agreement, in order; the last two end it."""

    IDEA = "idea"
    DRAFTING = "drafting"
    NEGOTIATION = "negotiation"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


# Where an agreement may go from each status: on to the next, back a step while it is still
# being written, or ended. Expired and terminated are final.
AGREEMENT_MOVES: dict[AgreementStatus, tuple[AgreementStatus, ...]] = {
    AgreementStatus.IDEA: (AgreementStatus.DRAFTING, AgreementStatus.TERMINATED),
    AgreementStatus.DRAFTING: (AgreementStatus.NEGOTIATION, AgreementStatus.IDEA,
                               AgreementStatus.TERMINATED),
    AgreementStatus.NEGOTIATION: (AgreementStatus.SIGNED, AgreementStatus.DRAFTING,
                                  AgreementStatus.TERMINATED),
    AgreementStatus.SIGNED: (AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED),
    AgreementStatus.IN_FORCE: (AgreementStatus.EXPIRED, AgreementStatus.TERMINATED),
    AgreementStatus.EXPIRED: (),
    AgreementStatus.TERMINATED: (),
}
