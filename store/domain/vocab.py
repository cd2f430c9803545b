"""Controlled vocabularies (HTCDS 2.0 codes where they exist, see shared/domain.md §5).

Values are stored as the codes below; `label(member)` gives the name in the user's language.
"""

from __future__ import annotations

from enum import StrEnum

from store.common.i18n import N_, _


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


# (member, label) pairs: a dict keyed by members would merge equal codes of different
# vocabularies ("documents" is a stage and an ILO indicator; "family" a recipient and a way in).
_LABEL_PAIRS: list[tuple[StrEnum, str]] = [
    (CaseKind.INDIVIDUAL, N_("individual")),
    (CaseKind.GROUP, N_("group")),
    (Stage.REPORTED, N_("reported")),
    (Stage.VERIFYING, N_("verifying")),
    (Stage.AWAITING_RESCUE, N_("awaiting rescue")),
    (Stage.IN_SHELTER, N_("in shelter")),
    (Stage.DOCUMENTS, N_("documents")),
    (Stage.IMMIGRATION_CLEARANCE, N_("immigration clearance")),
    (Stage.REPATRIATED, N_("repatriated")),
    (Stage.HANDED_OVER, N_("handed over")),
    (Stage.REINTEGRATION, N_("reintegration")),
    (Stage.LEGAL_FOLLOW_UP, N_("legal follow-up")),
    (Stage.CLOSED, N_("closed")),
    (ExploitationType.FORCED_LABOUR, N_("forced labour")),
    (ExploitationType.FORCED_CRIMINALITY, N_("forced criminality (scam work)")),
    (ExploitationType.SEXUAL_EXPLOITATION, N_("sexual exploitation")),
    (ExploitationType.CHILD_LABOUR, N_("child labour")),
    (ExploitationType.FORCED_MARRIAGE, N_("forced marriage")),
    (ExploitationType.SERVITUDE, N_("servitude")),
    (ExploitationType.FORCED_MILITARY, N_("forced military service by non-state actors")),
    (ExploitationType.ORGAN_REMOVAL, N_("organ removal")),
    (ExploitationType.FORCED_BEGGING, N_("forced begging")),
    (ExploitationType.FORCED_ADOPTION, N_("forced adoption")),
    (ExploitationType.SURROGACY, N_("surrogacy")),
    (ExploitationType.OTHER, N_("other")),
    (Sector.A, N_("agriculture, forestry and fishing")),
    (Sector.B, N_("mining and quarrying")),
    (Sector.C, N_("manufacturing")),
    (Sector.D, N_("electricity and gas supply")),
    (Sector.E, N_("water supply and waste management")),
    (Sector.F, N_("construction")),
    (Sector.G, N_("wholesale and retail trade")),
    (Sector.H, N_("transport and storage")),
    (Sector.I, N_("accommodation and food service")),
    (Sector.J, N_("information and communication (online scams)")),
    (Sector.K, N_("financial and insurance activities")),
    (Sector.L, N_("real estate")),
    (Sector.M, N_("professional and technical activities")),
    (Sector.N, N_("administrative and support services")),
    (Sector.O, N_("public administration and defence")),
    (Sector.P, N_("education")),
    (Sector.Q, N_("health and social work")),
    (Sector.R, N_("arts, entertainment and recreation (gambling)")),
    (Sector.S, N_("other services")),
    (Sector.T, N_("domestic work in households")),
    (Sector.U, N_("extraterritorial organisations")),
    (ReachedVia.HOTLINE, N_("hotline")),
    (ReachedVia.WALK_IN, N_("walk-in")),
    (ReachedVia.PORTAL, N_("online portal")),
    (ReachedVia.UNION_CONTACT, N_("union contact")),
    (ReachedVia.PARTNER_REFERRAL, N_("referral by a partner")),
    (ReachedVia.FAMILY, N_("family or friends")),
    (ReachedVia.SOCIAL_MEDIA, N_("social media")),
    (ReachedVia.OTHER, N_("other")),
    (Urgency.LOW, N_("low")),
    (Urgency.NORMAL, N_("normal")),
    (Urgency.HIGH, N_("high")),
    (Urgency.CRITICAL, N_("critical")),
    (Sex.FEMALE, N_("female")),
    (Sex.MALE, N_("male")),
    (Sex.OTHER, N_("other")),
    (Sex.UNKNOWN, N_("unknown")),
    (PassportStatus.WITH_WORKER, N_("with the worker")),
    (PassportStatus.HELD_BY_EMPLOYER, N_("held by employer")),
    (PassportStatus.LOST, N_("lost")),
    (PassportStatus.NONE, N_("none")),
    (PassportStatus.UNKNOWN, N_("unknown")),
    (LogKind.CALL, N_("call")),
    (LogKind.MESSAGE, N_("message")),
    (LogKind.MEETING, N_("meeting")),
    (LogKind.LETTER, N_("letter")),
    (LogKind.VISIT, N_("visit")),
    (LogKind.REFERRAL, N_("referral")),
    (LogKind.NOTE, N_("note")),
    (Direction.SENT, N_("sent")),
    (Direction.RECEIVED, N_("received")),
    (Answer.YES, N_("yes")),
    (Answer.NO, N_("no")),
    (Answer.UNKNOWN, N_("unknown")),
    (IloIndicator.VULNERABILITY, N_("abuse of vulnerability")),
    (IloIndicator.DECEPTION, N_("deception")),
    (IloIndicator.MOVEMENT, N_("restriction of movement")),
    (IloIndicator.ISOLATION, N_("isolation")),
    (IloIndicator.VIOLENCE, N_("physical and sexual violence")),
    (IloIndicator.THREATS, N_("intimidation and threats")),
    (IloIndicator.DOCUMENTS, N_("retention of identity documents")),
    (IloIndicator.WAGES, N_("withholding of wages")),
    (IloIndicator.DEBT, N_("debt bondage")),
    (IloIndicator.CONDITIONS, N_("abusive working and living conditions")),
    (IloIndicator.OVERTIME, N_("excessive overtime")),
    (MeansOfControl.PHYSICAL_THREATS, N_("physical threats")),
    (MeansOfControl.THREATS_LAW_ENFORCEMENT, N_("threats of the police or deportation")),
    (MeansOfControl.THREATENS_FAMILY, N_("threats against children or family")),
    (MeansOfControl.DEBT_BONDAGE, N_("debt bondage")),
    (MeansOfControl.FALSE_PROMISES, N_("false promises")),
    (MeansOfControl.PHYSICAL_ABUSE, N_("physical abuse")),
    (MeansOfControl.SEXUAL_ABUSE, N_("sexual abuse")),
    (MeansOfControl.TAKES_EARNINGS, N_("takes earnings")),
    (MeansOfControl.RESTRICTS_FINANCIAL_ACCESS, N_("restricts access to money")),
    (MeansOfControl.RESTRICTS_MEDICAL_CARE, N_("restricts medical care")),
    (MeansOfControl.WITHHOLDS_NECESSITIES, N_("withholds food, water or sleep")),
    (MeansOfControl.PSYCHOLOGICAL_ABUSE, N_("psychological abuse")),
    (MeansOfControl.PSYCHOACTIVE_SUBSTANCE, N_("forced use of drugs or alcohol")),
    (MeansOfControl.EXCESSIVE_WORKING_HOURS, N_("excessive working hours")),
    (MeansOfControl.WITHHOLDS_DOCUMENTS, N_("withholds documents")),
    (MeansOfControl.RESTRICTS_MOVEMENT, N_("restricts movement")),
    (MeansOfControl.USES_CHILDREN, N_("uses children")),
    (MeansOfControl.OTHER, N_("other")),
    (RecruitmentMethod.ONLINE_SOCIAL_NETWORKS, N_("through online social networks")),
    (RecruitmentMethod.ONLINE_ADVERTISEMENT, N_("through an online advertisement")),
    (RecruitmentMethod.PLACE_OF_BUSINESS, N_("at a place of business")),
    (RecruitmentMethod.EDUCATIONAL_INSTITUTION, N_("at a school or college")),
    (RecruitmentMethod.AT_WORK, N_("at work")),
    (RecruitmentMethod.FAMILY, N_("through family or family events")),
    (RecruitmentMethod.FRIENDS, N_("through friends or social events")),
    (RecruitmentMethod.TELEVISION, N_("through a television advert")),
    (RecruitmentMethod.NEWSPAPER, N_("through a newspaper advert")),
    (RecruitmentMethod.OTHER, N_("other")),
    (Platform.FACEBOOK, "Facebook"),
    (Platform.TELEGRAM, "Telegram"),
    (Platform.WHATSAPP, "WhatsApp"),
    (Platform.TIKTOK, "TikTok"),
    (Platform.LINE, "Line"),
    (Platform.WECHAT, "WeChat"),
    (Platform.INSTAGRAM, "Instagram"),
    (Platform.OTHER, N_("other")),
    (RecruiterRelation.INTIMATE_PARTNER, N_("intimate partner")),
    (RecruiterRelation.FRIEND, N_("friend")),
    (RecruiterRelation.FAMILY, N_("family")),
    (RecruiterRelation.OTHER, N_("other")),
    (RecruiterRelation.UNKNOWN, N_("unknown")),
    (TraffickingStatus.POSSIBLE, N_("possible victim of trafficking")),
    (TraffickingStatus.ACTUAL, N_("victim of trafficking")),
    (TraffickingStatus.NOT_A_VICTIM, N_("not a victim of trafficking")),
    (DecidedBy.POLICE, N_("police")),
    (DecidedBy.NGO, N_("NGO or union")),
    (DecidedBy.COURT, N_("court or prosecution")),
    (DecidedBy.GOVERNMENT, N_("government body other than police")),
    (DecidedBy.OTHER, N_("other")),
    (RecipientKind.PARTNER_UNION, N_("partner union")),
    (RecipientKind.POLICE, N_("police")),
    (RecipientKind.EMBASSY, N_("embassy or ministry")),
    (RecipientKind.FAMILY, N_("family")),
    (RecipientKind.SHELTER_HEALTH, N_("shelter or health provider")),
    (RecipientKind.STATISTICS, N_("statistics (anonymous counts)")),
    (RecipientKind.MEDIA, N_("media")),
    (RecipientKind.RECRUITER, N_("recruiter")),
    (RecipientKind.OTHER, N_("other organisation")),
    (StepStatus.TODO, N_("to do")),
    (StepStatus.IN_PROGRESS, N_("in progress")),
    (StepStatus.DONE, N_("done")),
    (StepStatus.NOT_NEEDED, N_("not needed")),
    (StepStatus.BLOCKED, N_("blocked")),
    (OrgKind.TRADE_UNION, N_("trade union")),
    (OrgKind.UNION_FEDERATION, N_("union federation or national centre")),
    (OrgKind.REGIONAL_UNION_COUNCIL, N_("regional union council")),
    (OrgKind.NGO, N_("NGO")),
    (OrgKind.LAW_ENFORCEMENT, N_("police or law enforcement")),
    (OrgKind.EMBASSY, N_("embassy or consulate")),
    (OrgKind.CENTRAL_GOVERNMENT, N_("ministry or central government")),
    (OrgKind.LOCAL_GOVERNMENT, N_("local government")),
    (OrgKind.IMMIGRATION, N_("immigration service")),
    (OrgKind.LEGAL, N_("legal service")),
    (OrgKind.HEALTH, N_("health service")),
    (OrgKind.SHELTER, N_("shelter")),
    (OrgKind.INTERNATIONAL, N_("international organisation")),
    (OrgKind.BUSINESS, N_("company")),
    (OrgKind.SCHOOL, N_("school or college")),
    (OrgKind.OTHER, N_("other")),
    (MeetingKind.MEETING, N_("meeting")),
    (MeetingKind.WORKING_VISIT, N_("working visit")),
    (MeetingKind.CONFERENCE, N_("conference")),
    (MeetingKind.CALL, N_("call")),
    (AgreementArea.EDUCATION, N_("education")),
    (AgreementArea.ADVOCACY, N_("advocacy")),
    (AgreementArea.ORGANISATIONAL_MANAGEMENT, N_("organisational management")),
    (AgreementArea.LEGAL_AID, N_("legal aid")),
    (AgreementArea.OSH, N_("occupational safety and health")),
    (AgreementArea.MIGRANT_PROTECTION, N_("migrant protection")),
    (AgreementArea.OTHER, N_("other")),
    (AgreementStatus.IDEA, N_("idea")),
    (AgreementStatus.DRAFTING, N_("drafting")),
    (AgreementStatus.NEGOTIATION, N_("negotiation")),
    (AgreementStatus.SIGNED, N_("signed")),
    (AgreementStatus.IN_FORCE, N_("in force")),
    (AgreementStatus.EXPIRED, N_("expired")),
    (AgreementStatus.TERMINATED, N_("terminated")),
]

_LABELS: dict[tuple[type[StrEnum], str], str] = {
    (type(member), member.value): text for member, text in _LABEL_PAIRS
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
    Direction,
    Answer,
    IloIndicator,
    MeansOfControl,
    RecruitmentMethod,
    Platform,
    RecruiterRelation,
    TraffickingStatus,
    DecidedBy,
    RecipientKind,
    StepStatus,
    OrgKind,
    MeetingKind,
    AgreementArea,
    AgreementStatus,
)


def label(member: StrEnum) -> str:
    """The name of a vocabulary value in the user's language."""
    return _(_LABELS[type(member), member.value])


def choices(vocabulary: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(label, value) pairs in the vocabulary's order, for pick lists."""
    return [(label(member), member) for member in vocabulary]
