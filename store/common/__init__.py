"""What every layer of the store uses: the one translation function and its catalogues, the
words read in every language, the one clock, and the errors with their exit codes.

Everything public here is cheap to import (no third-party library: ICU, behind
`name_sort_key`, loads on the first sort), so it is imported at once;
`store` offers the same names to the app (`from store import _, clock, PulangError`), which
never imports store.common itself.
"""

from store.common import clock
from store.common.collation import name_sort_key
from store.common.errors import (
    AgreementMoveRefused,
    AuditGapLost,
    CaseNotClosable,
    ConfirmationNeeded,
    Conflict,
    ConsentNeeded,
    CorruptDatabase,
    DamagedRecord,
    DatabaseBusy,
    DatabaseError,
    DatabaseLocked,
    ExitCode,
    GroupError,
    InputFileUnreadable,
    LinkRefused,
    MergeRefused,
    MigrationFailed,
    MissingDatabase,
    MissingFolder,
    NeverRecipient,
    NewerSchema,
    NoSuchBackup,
    NotADatabase,
    NotCompacted,
    NotFound,
    OpenToOthers,
    OwnFileRefused,
    PassphraseNeeded,
    PlaintextNeeded,
    PulangError,
    RecordInvalid,
    ReplaceNeeded,
    RuleRefused,
    StageReasonNeeded,
    StepOrderRefused,
    StillLinked,
    UsageError,
    VersionUnchanged,
    WriteFailed,
    WrongPassphrase,
    busy_retrying,
    failure_reason,
)
from store.common.i18n import (
    LANGUAGES,
    N_,
    NC_,
    _,
    currency_name,
    current_language,
    date_for_input,
    datetime_for_input,
    day_and_date,
    decimal_sign,
    format_date,
    format_datetime,
    format_money,
    format_number,
    in_every_language,
    language_from_environment,
    language_name,
    month_abbr,
    ngettext,
    pgettext,
    set_language,
    translation_state,
)
from store.common.words import is_yes

__all__ = [
    # translation (store/common/i18n.py)
    "LANGUAGES", "N_", "NC_", "_", "current_language", "date_for_input", "datetime_for_input",
    "day_and_date", "format_date", "format_datetime", "in_every_language",
    "format_number", "language_from_environment", "language_name", "month_abbr", "ngettext",
    "pgettext",
    # sums of money as the language writes and reads them (issue 34)
    "currency_name", "decimal_sign", "format_money",
    "set_language", "translation_state",
    # the order of names and titles in lists (store/common/collation.py; ICU loads on first use)
    "name_sort_key",
    # the words Pulang reads in every language (store/common/words.py and words/*.toml)
    "is_yes",
    # the clock (store/common/clock.py): clock.today(), clock.now(), clock.set_now()...
    "clock",
    # the exit codes and the errors (store/common/errors.py)
    "ExitCode", "busy_retrying", "failure_reason",
    "PulangError", "DatabaseError", "NotADatabase", "CorruptDatabase", "NewerSchema",
    "MissingDatabase", "MissingFolder", "MigrationFailed", "OpenToOthers", "DatabaseBusy",
    "WriteFailed", "NotCompacted", "AuditGapLost", "UsageError", "OwnFileRefused", "GroupError",
    "RecordInvalid", "DamagedRecord", "NotFound", "Conflict", "WrongPassphrase",
    "PassphraseNeeded", "DatabaseLocked", "NoSuchBackup", "ConfirmationNeeded",
    "PlaintextNeeded", "ReplaceNeeded", "RuleRefused", "StepOrderRefused", "CaseNotClosable",
    "StageReasonNeeded", "ConsentNeeded", "NeverRecipient", "LinkRefused", "StillLinked",
    "AgreementMoveRefused", "VersionUnchanged", "MergeRefused", "InputFileUnreadable",
]
