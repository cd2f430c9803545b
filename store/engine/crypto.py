"""Encryption at rest: a key from the passphrase, and sealing of files and lines with it.

Nothing here is home-made: the key comes from Argon2id (memory-hard; its parameters and salt are
kept in the file's plain header, so they can be raised later without breaking old files) and
every piece of data is sealed with AES-256-GCM under a fresh random 96-bit nonce, which both
hides it and makes any change to it detectable.

An encrypted snapshot is laid out as

    {"format":"pulang-encrypted","version":1,"kdf":{...,"salt":...},"cipher":"AES-256-GCM",
     "check":"...","nonce":"..."}\\n
    <ciphertext of the plain snapshot, with the header line above as associated data>

`check` seals an empty message under the key: it tells a wrong passphrase from a damaged file
without decrypting hundreds of megabytes. Journal and audit lines are sealed one by one
(`seal_line`): base64 of nonce and ciphertext, so that a damaged line is found on its own.

The key is derived once per session and kept in a bytearray that `wipe()` overwrites; Python
may hold other copies briefly (the cipher object's), which are dropped with it.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import CorruptDatabase, DatabaseError, WrongPassphrase
from store.common.i18n import _

# `cryptography` is imported inside the functions that use it, for start-up speed (not an
# import cycle): it is loaded only when a key is used, and a plain database never needs it.

FILE_MARKER = "pulang-encrypted"
FILE_VERSION = 1
CIPHER = "AES-256-GCM"
HEAD_PREFIX = b'{"format":"pulang-encrypted"'
_NONCE = 12
_CHECK_AAD = b"pulang key check"
_KEY_AAD = b"pulang previous key"

# Argon2id at 64 MiB, 3 passes: a quarter to half a second on a field laptop, once per session.
DEFAULT_KDF: dict[str, Any] = {"name": "argon2id", "memory_kib": 64 * 1024, "iterations": 3,
                               "lanes": 4}
MIN_PASSPHRASE = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64")
    return base64.b64decode(text.encode("ascii"), validate=True)


def is_encrypted(head: bytes) -> bool:
    """Whether a file beginning with `head` is an encrypted Pulang database."""
    return head.startswith(HEAD_PREFIX)


def read_header(path: Path, data: bytes) -> tuple[dict[str, Any], bytes, int]:
    """The plain header of an encrypted file: (header, its line's bytes, where the body starts)."""
    end = data.find(b"\n")
    try:
        if end < 0:
            raise ValueError("no header line")
        header = orjson.loads(data[:end])
        if header.get("format") != FILE_MARKER:
            raise ValueError("marker")
        kdf = header["kdf"]
        if header.get("cipher") != CIPHER or kdf.get("name") != "argon2id":
            raise ValueError("unknown cipher or kdf")
        _unb64(kdf["salt"]), _unb64(header["nonce"]), _unb64(header["check"])
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise CorruptDatabase(
            path,
            _("{path} is damaged: its encryption header cannot be read. Pulang has not changed "
              "it; restore it from a backup.").format(path=path),
        ) from None
    if int(header.get("version", 0)) > FILE_VERSION:
        raise DatabaseError(
            path,
            _("{path} was encrypted by a newer Pulang. Update Pulang to open it; the file was "
              "not changed.").format(path=path),
        )
    return header, data[: end + 1], end + 1


def derive_key(passphrase: str, kdf: dict[str, Any]) -> bytearray:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    deriver = Argon2id(
        salt=_unb64(kdf["salt"]),
        length=32,
        iterations=int(kdf["iterations"]),
        lanes=int(kdf["lanes"]),
        memory_cost=int(kdf["memory_kib"]),
    )
    return bytearray(deriver.derive(passphrase.encode("utf-8")))


class Sealer:
    """A derived key and what it seals: whole files and single lines. `wipe()` forgets it."""

    def __init__(self, key: bytearray, kdf: dict[str, Any]) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._key: bytearray | None = key
        self._aead: Any = AESGCM(bytes(key))
        self.kdf = dict(kdf)

    # -- making one ------------------------------------------------------------------------

    @classmethod
    def new(cls, passphrase: str, kdf: dict[str, Any] | None = None) -> Sealer:
        """A key for a file being encrypted now (or getting a new passphrase): a fresh salt."""
        params = {**(kdf or DEFAULT_KDF), "salt": _b64(os.urandom(16))}
        return cls(derive_key(passphrase, params), params)

    @classmethod
    def unlock(cls, path: Path, data: bytes, passphrase: str) -> Sealer:
        """The key of the encrypted file whose first bytes are `data`; WrongPassphrase if the
        passphrase does not open it (nothing is written either way)."""
        header, _line, _start = read_header(path, data)
        sealer = cls(derive_key(passphrase, header["kdf"]), header["kdf"])
        if not sealer.opens(header):
            sealer.wipe()
            raise WrongPassphrase(path)
        return sealer

    def opens(self, header: dict[str, Any]) -> bool:
        """Whether this key is the one the file with `header` was sealed with."""
        from cryptography.exceptions import InvalidTag

        if header["kdf"].get("salt") != self.kdf.get("salt"):
            return False
        check = _unb64(header["check"])
        try:
            self._cipher().decrypt(check[:_NONCE], check[_NONCE:], _CHECK_AAD)
        except InvalidTag:
            return False
        return True

    def _cipher(self) -> Any:
        if self._aead is None:
            raise RuntimeError("the key was wiped")
        return self._aead

    @property
    def salt(self) -> str:
        return str(self.kdf.get("salt", ""))

    def seal_key(self, other: Sealer) -> str:
        """`other`'s key sealed with this one: what `store.engine.unfinished` keeps while a
        change of passphrase is under way, so that whoever has the new passphrase (and nobody
        else) can finish sealing the files still under the old key."""
        if other._key is None:
            raise RuntimeError("the key was wiped")
        return self.seal_line(bytes(other._key), _KEY_AAD).decode("ascii")

    def open_key(self, sealed: str, kdf: dict[str, Any]) -> Sealer | None:
        """The key `seal_key` sealed, with its parameters; None when this key does not open it."""
        key = self.open_line(sealed.encode("ascii"), _KEY_AAD)
        if key is None or len(key) != 32:
            return None
        return Sealer(bytearray(key), kdf)

    @property
    def wiped(self) -> bool:
        return self._aead is None

    def wipe(self) -> None:
        """Overwrite the key and drop the cipher holding it (as far as Python allows)."""
        if self._key is not None:
            for n in range(len(self._key)):
                self._key[n] = 0
        self._key = None
        self._aead = None

    # -- files -----------------------------------------------------------------------------

    def seal_file(self, plain: bytes) -> bytes:
        """An encrypted file: plain header line, then the sealed body (fresh nonce)."""
        cipher = self._cipher()
        check_nonce = os.urandom(_NONCE)
        check = check_nonce + cipher.encrypt(check_nonce, b"", _CHECK_AAD)
        nonce = os.urandom(_NONCE)
        header = {"format": FILE_MARKER, "version": FILE_VERSION, "kdf": self.kdf,
                  "cipher": CIPHER, "check": _b64(check), "nonce": _b64(nonce)}
        line = orjson.dumps(header) + b"\n"
        return line + cipher.encrypt(nonce, plain, line)

    def open_file(self, path: Path, data: bytes) -> bytes:
        """The plain bytes of an encrypted file; a damaged file or another key is refused."""
        from cryptography.exceptions import InvalidTag

        header, line, start = read_header(path, data)
        if not self.opens(header):
            raise WrongPassphrase(path, changed=True)
        try:
            return self._cipher().decrypt(_unb64(header["nonce"]), data[start:], line)
        except InvalidTag:
            raise CorruptDatabase(
                path,
                _("{path} is damaged: its encrypted contents fail their check. Pulang has not "
                  "changed it; restore it from a backup.").format(path=path),
            ) from None

    # -- lines (journal, audit trail) ------------------------------------------------------

    def seal_line(self, plain: bytes, purpose: bytes = b"line") -> bytes:
        """One sealed line (no newline): base64 of nonce and ciphertext."""
        nonce = os.urandom(_NONCE)
        return base64.b64encode(nonce + self._cipher().encrypt(nonce, plain, purpose))

    def open_line(self, sealed: bytes, purpose: bytes = b"line") -> bytes | None:
        """The plain bytes of a sealed line, or None when it was damaged or sealed otherwise."""
        from cryptography.exceptions import InvalidTag

        try:
            raw = base64.b64decode(sealed, validate=True)
            return self._cipher().decrypt(raw[:_NONCE], raw[_NONCE:], purpose)
        except (InvalidTag, ValueError, binascii.Error):
            return None


def is_encrypted_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return is_encrypted(handle.read(len(HEAD_PREFIX)))
    except OSError:
        return False


def file_salt(path: Path) -> str | None:
    """The salt of the key the encrypted file at `path` is sealed with (None: not encrypted,
    or unreadable); it tells which passphrase opens the file without deriving any key."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
        if not is_encrypted(head):
            return None
        header, _line, _start = read_header(path, head)
    except (OSError, DatabaseError):
        return None
    return str(header["kdf"].get("salt", ""))
