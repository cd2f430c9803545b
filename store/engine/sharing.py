"""One database, several officers' accounts on one server: a shared group, and no one else.

A database shared with a group is mode 0660 with that group, in a folder with the setgid bit
(so that whatever is created in it takes the group too); its journal, lock file, audit trail and
backups follow it, and every rewrite gives the new file the same mode and group before it
replaces the old one (`store.engine.storage.write_atomically`). A database that anyone on the
machine can read or change is refused at open, with the command that fixes it; Pulang never
changes a mode on its own at open.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from store.common.errors import GroupError, WriteFailed, failure_reason
from store.common.i18n import _
from store.engine.files import (
    audit_path,
    data_files,
    journal_path,
    lock_path,
    schema_copy_files_glob,
)
from store.engine.files import backups_folder as backups_path
from store.engine.journal import locked
from store.engine.migrations import SCHEMA_VERSION
from store.engine.modes import (
    SHARED_FILE_MODE,
    SHARED_FOLDER_MODE,
    refuse_open_to_others,
    shared_with_group,
)
from store.engine.storage import quick_inspect


def group_id(name: str) -> int:
    """The id of the group `name`, which the user must be in (root may name any)."""
    import grp

    try:
        gid = grp.getgrnam(name).gr_gid
    except KeyError:
        raise GroupError(_("There is no group called {group} on this computer.").format(
            group=name)) from None
    if os.geteuid() != 0 and gid != os.getegid() and gid not in os.getgroups():
        raise GroupError(_("You are not in the group {group}; ask your administrator to add "
                           "you (or log in again if they just did).").format(group=name))
    return gid


def share_database(db_path: Path, gid: int,
                   on_wait: Callable[[], None] | None = None) -> list[str]:
    """Give the database and everything beside it group `gid`, files 0660 and folders 02770.

    Held under the database's lock, so that no compaction replaces a file meanwhile. Returns
    what the user must still ask the administrator for (nothing when the sharing is complete).
    """
    quick_inspect(db_path, SCHEMA_VERSION)  # never hand a file that is not a database to a group
    with locked(db_path, on_wait=on_wait):
        # The database itself as named (it may be a link to where it lives); anything beside
        # it only if it is what it seems, never through a link placed there.
        _give(db_path.resolve(), SHARED_FILE_MODE, gid)
        for path in (journal_path(db_path), audit_path(db_path), lock_path(db_path)):
            _give(path, SHARED_FILE_MODE, gid)
        backups = backups_path(db_path)
        if backups.is_dir() and not backups.is_symlink():
            for folder, _folders, files in os.walk(backups):
                _give(Path(folder), SHARED_FOLDER_MODE, gid)
                for name in files:
                    _give(Path(folder) / name, SHARED_FILE_MODE, gid)
        # Copies kept from before a schema migration hold the data too.
        for copy in db_path.parent.glob(schema_copy_files_glob(db_path)):
            _give(copy, SHARED_FILE_MODE, gid)
        return _share_folder(db_path.parent, gid)


def _give(path: Path, mode: int, gid: int) -> None:
    """Give one file or folder the group and mode; a link, or nothing there, is left alone."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return
    except OSError as error:
        if error.errno == errno.ELOOP:
            return  # a symbolic link
        raise _not_shared(path, error) from error
    try:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
            return
        if st.st_gid != gid or stat.S_IMODE(st.st_mode) != mode:
            os.fchown(fd, -1, gid)
            os.fchmod(fd, mode)
    except OSError as error:
        raise _not_shared(path, error) from error
    finally:
        os.close(fd)


def _not_shared(path: Path, error: OSError) -> WriteFailed:
    reason = failure_reason(error)
    return WriteFailed(reason, _("Could not share {path}: {reason}. Ask its owner or your "
                                 "administrator.").format(path=path, reason=reason))


def _share_folder(folder: Path, gid: int) -> list[str]:
    """Give the folder the group and g+rwxs when it is ours; else say what to ask for."""
    import grp

    st = os.stat(folder)
    name = grp.getgrgid(gid).gr_name
    if st.st_mode & stat.S_IWOTH:
        # Like /tmp: anyone may add or swap files there. Never re-group such a folder.
        return [_("Anyone may add files to {folder}: keep a shared database in a folder of its "
                  "own (mkdir NEW; chgrp {group} NEW; chmod 2770 NEW) and move it there.").format(
            folder=folder, group=name)]
    wanted = stat.S_ISGID | stat.S_IRWXG
    if st.st_gid == gid and st.st_mode & wanted == wanted:
        return []
    if os.geteuid() in (0, st.st_uid):
        try:
            os.chown(folder, -1, gid)
            os.chmod(folder, stat.S_IMODE(st.st_mode) | wanted)
            return []
        except OSError:
            pass
    return [_("Officers of {group} cannot yet add files beside the database; ask your "
              "administrator to run: chgrp {group} {folder}; chmod g+rwxs {folder}").format(
        group=name, folder=folder)]


# What sharing offers, with what moved below it and is still found here: the modes and the
# check at open (`store.engine.modes`), the names of the files (`store.engine.files`).
__all__ = ["SHARED_FILE_MODE", "SHARED_FOLDER_MODE", "audit_path", "backups_path", "data_files",
           "group_id", "journal_path", "lock_path", "refuse_open_to_others", "share_database",
           "shared_with_group"]
