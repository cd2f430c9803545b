"""The Database's key: encrypting, changing the passphrase, decrypting, and locking (the
records and the key dropped from memory until the passphrase is given again).

A part of `store.db.database.Database` (see `store.db.base`). The key is derived once, when
the database is opened or unlocked (`unlock`); the files are rewritten under a new key by the
engine (`store.engine.tables`), and what a killed run left half done is finished on the next
opening (`store.engine.unfinished`).
"""

from __future__ import annotations

from pathlib import Path

from store.common.errors import PassphraseNeeded, PulangError
from store.common.i18n import _
from store.db.base import Part
from store.engine import audit, replicas, unfinished
from store.engine.crypto import Sealer, is_encrypted
from store.engine.journal import locked


class KeysPart(Part):
    """Encryption and locking."""

    @property
    def encrypted(self) -> bool:
        return self._engine.sealer is not None

    @property
    def locked(self) -> bool:
        """Locked: the records and the key were dropped from memory; `unlock` brings them back."""
        return self._forgotten

    def encrypt(self, passphrase: str) -> int:
        """Rewrite the database encrypted under `passphrase` (a fresh salt), atomically; the
        audit trail is sealed again with the new key, and the plain backups and temporary
        files are deleted (a plain copy must not outlive the encryption). Returns how many
        backups were deleted."""
        return self._rekey(audit.ENCRYPT, Sealer.new(passphrase)).deleted_backups

    def change_passphrase(self, passphrase: str) -> None:
        """Rewrite the encrypted database under a new passphrase (and a fresh salt); the audit
        trail and the backups are sealed again with it."""
        sealer = self._engine.sealer
        self._rekey(audit.PASSWD, Sealer.new(passphrase, sealer and sealer.kdf))

    def _rekey(self, action: str, new: Sealer) -> unfinished.Redone:
        """Encrypt or change the passphrase, all under the lock: a note of what is under way
        first (`store.engine.unfinished`: the next open finishes a run that is killed), recorded in
        the audit trail (what cannot be recorded is not done), the snapshot under the new key,
        then the files beside it."""
        done: list[unfinished.Redone] = []

        def after(old: Sealer | None, sealer: Sealer | None) -> None:
            assert sealer is new
            done.append(unfinished.redo(self.path, old, new))
            unfinished.clear(self.path)

        with self._lock, locked(self.path, on_wait=self._engine.on_busy):
            if unfinished.note_path(self.path).exists():  # opening could not finish it
                raise PulangError(_("An earlier encrypt or passwd of {path} is not finished "
                                    "yet: open the database again to finish it first. Nothing "
                                    "was changed.").format(path=self.path))
            self._depth += 1  # audit_event: the lock is held
            try:
                unfinished.begin(self.path, action, self._engine.sealer, new)
                try:
                    self.audit_event(action)
                    self._engine.rekey(new, self._encoded_rows, after, lock_held=True)
                except BaseException:
                    if not unfinished.took_effect(self.path, new):
                        unfinished.clear(self.path)  # nothing changed: nothing to finish
                    raise
            finally:
                self._depth -= 1
        return done[0]

    def decrypt(self) -> None:
        """Rewrite the database in plain text, atomically (the caller has asked the user).
        Recorded in the audit trail first: what cannot be recorded is not done."""
        def reseal(old: Sealer | None, new: Sealer | None) -> None:
            audit.reseal(self.path, old, new)

        if replicas.exists(self.path):
            raise PulangError(_(
                "{path} is kept in step with other sites, and holds the key they share: it "
                "stays encrypted. Nothing was changed.").format(path=self.path))
        with self._lock:
            self.audit_event(audit.DECRYPT)
            self._engine.rekey(None, self._encoded_rows, reseal)

    def lock(self) -> None:
        """Drop every record and the key from memory, as far as Python allows."""
        with self._lock:
            self._rows = {}
            self._engine.forget()
            self._forgotten = True

    def unlock(self, passphrase: str | None = None, sealer: Sealer | None = None) -> None:
        """Derive the key again (a plain database needs none) and reload the records."""
        with self._lock:
            if sealer is None:
                sealer = unlock(self.path, passphrase)
            self._engine.sealer = sealer
            try:
                self._engine.load()
            except BaseException:
                self._engine.forget()
                raise
            self._forgotten = False

    def seal_note(self, plain: bytes) -> bytes:
        """Seal something the app keeps in memory while locked (drafts) with the key; a plain
        database has no key, and it stays as it is."""
        sealer = self._engine.sealer
        return plain if sealer is None else sealer.seal_line(plain, b"drafts")

    def open_note(self, sealed: bytes) -> bytes | None:
        sealer = self._engine.sealer
        return sealed if sealer is None else sealer.open_line(sealed, b"drafts")

    def has_key(self) -> bool:
        """Whether the key is in memory (for tests of locking: after `lock` it must not be)."""
        sealer = self._engine.sealer
        return sealer is not None and not sealer.wiped


def unlock(path: Path, passphrase: str | None) -> Sealer | None:
    """The key for the database at `path`: None when it is not encrypted; PassphraseNeeded
    when it is and no passphrase was given; WrongPassphrase when the passphrase does not fit."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # opening it will say what is wrong, in the user's terms
    if not is_encrypted(head):
        return None
    if passphrase is None:
        raise PassphraseNeeded(path)
    return Sealer.unlock(path, head, passphrase)
