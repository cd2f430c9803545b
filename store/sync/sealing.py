"""The domain key: what the sites of a union share, and what the hub never has.

With it a site
- names each revision: `rev` is the generation and an HMAC-SHA256 under the key, truncated to
  128 bits (32 hex digits, as long as CouchDB's own), of the parent revision and the canonical
  body. The same edit made at two sites is one revision; the hub, without the key, cannot test
  a guess of a value against it.
- seals each body: AES-256-GCM under the key, with the document's id and revision as
  associated data (a body moved to another document or revision does not open). The plain text
  is padded to a few sizes first (`BUCKETS`), so that the length of a sealed body does not tell
  a long name or note from a short one. A sealed body is `<key id>.<base64 of nonce and
  ciphertext>`: the key id (random) says which key of a rotation opens it.

The key travels between sites out of band, as a file sealed with a passphrase (`export_key`,
Argon2id as the database's own key is derived).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from typing import Any

import orjson

from store.common.errors import PulangError
from store.common.i18n import _
from store.engine.crypto import DEFAULT_KDF, derive_key
from store.engine.replicas import canonical

KEY_FILE_FORMAT = "pulang-domain-key"
_NONCE = 12
_KEY_AAD = b"pulang domain key"
# The sizes a sealed body's plain text is padded to; above the last, a multiple of it.
BUCKETS = (512, 2048, 8192, 32768)


class KeyProblem(PulangError):
    """A key file that does not open (wrong passphrase, damaged, not a key file)."""


def new_key() -> dict[str, str]:
    """A new domain key, with a random id."""
    return {"id": os.urandom(4).hex(), "key": base64.b64encode(os.urandom(32)).decode("ascii")}


def _raw(key: dict[str, str]) -> bytes:
    return base64.b64decode(key["key"])


def revision(key: dict[str, str], parent: str | None, table: str,
             body: dict[str, Any] | None, erased: bool = False, closed: bool = False) -> str:
    """The revision an edit makes: `<generation>-<32 hex digits>` (see the module's doc).
    `body` None is a removal; `erased` marks the erasure of a worker's data; `closed` a
    deletion that closes a branch merged into another (not a removal: never the same
    revision as the removal of the same parent, which says something else)."""
    generation = 1 if parent is None else int(parent.split("-", 1)[0]) + 1
    parts = [(parent or "").encode("ascii"), table.encode("ascii"),
             b"erased" if erased else b"", canonical(body)]
    if closed:
        parts.append(b"closed")
    message = b"\n".join(parts)
    digest = hmac.new(_raw(key), message, hashlib.sha256).hexdigest()[:32]
    return f"{generation}-{digest}"


def _padded(plain: bytes) -> bytes:
    size = len(plain) + 4
    target = next((b for b in BUCKETS if size <= b), None)
    if target is None:
        top = BUCKETS[-1]
        target = -(-size // top) * top
    return len(plain).to_bytes(4, "big") + plain + bytes(target - size)


def _unpadded(padded: bytes) -> bytes:
    length = int.from_bytes(padded[:4], "big")
    if length > len(padded) - 4:
        raise ValueError("padding")
    return padded[4:4 + length]


def seal(key: dict[str, str], doc_id: str, rev: str, envelope: dict[str, Any]) -> str:
    """`envelope` (what the other sites read: table, body, site...) sealed for the hub."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE)
    aad = f"{doc_id}\n{rev}".encode("ascii")
    sealed = AESGCM(_raw(key)).encrypt(nonce, _padded(orjson.dumps(envelope)), aad)
    return key["id"] + "." + base64.b64encode(nonce + sealed).decode("ascii")


def unseal(keys: list[dict[str, str]], doc_id: str, rev: str, sealed: Any) -> dict[str, Any]:
    """The envelope of a sealed body; ValueError if no key of `keys` opens it, or it was
    altered, or moved to another document or revision."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not isinstance(sealed, str) or "." not in sealed:
        raise ValueError("not a sealed body")
    key_id, text = sealed.split(".", 1)
    key = next((k for k in keys if k["id"] == key_id), None)
    if key is None:
        raise ValueError("sealed under a key this site does not have")
    try:
        raw = base64.b64decode(text, validate=True)
        plain = AESGCM(_raw(key)).decrypt(raw[:_NONCE], raw[_NONCE:],
                                          f"{doc_id}\n{rev}".encode("ascii"))
        envelope = orjson.loads(_unpadded(plain))
    except (InvalidTag, binascii.Error, orjson.JSONDecodeError) as error:
        raise ValueError("the sealed body does not open") from error
    if not isinstance(envelope, dict):
        raise ValueError("not an envelope")
    return envelope


# -- carrying the key to another site --------------------------------------------------------


def export_key(keys: list[dict[str, str]], passphrase: str) -> bytes:
    """The domain keys as a file sealed with `passphrase` (Argon2id, AES-256-GCM)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = {**DEFAULT_KDF, "salt": base64.b64encode(os.urandom(16)).decode("ascii")}
    key = derive_key(passphrase, kdf)
    try:
        nonce = os.urandom(_NONCE)
        sealed = AESGCM(bytes(key)).encrypt(nonce, orjson.dumps(keys), _KEY_AAD)
    finally:
        for n in range(len(key)):
            key[n] = 0
    return orjson.dumps({"format": KEY_FILE_FORMAT, "version": 1, "kdf": kdf,
                         "sealed": base64.b64encode(nonce + sealed).decode("ascii")},
                        option=orjson.OPT_INDENT_2) + b"\n"


def import_key(data: bytes, passphrase: str) -> list[dict[str, str]]:
    """The keys of a file `export_key` wrote; KeyProblem with the reason if it does not open."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        head = orjson.loads(data)
        if head.get("format") != KEY_FILE_FORMAT:
            raise ValueError("format")
        raw = base64.b64decode(head["sealed"], validate=True)
        kdf = head["kdf"]
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise KeyProblem(_("This is not a Pulang key file, or it is damaged.")) from None
    key = derive_key(passphrase, kdf)
    try:
        plain = AESGCM(bytes(key)).decrypt(raw[:_NONCE], raw[_NONCE:], _KEY_AAD)
    except InvalidTag:
        raise KeyProblem(_("The passphrase does not open this key file (or the file was "
                           "changed).")) from None
    finally:
        for n in range(len(key)):
            key[n] = 0
    keys = orjson.loads(plain)
    if not (isinstance(keys, list) and keys
            and all(isinstance(k, dict) and {"id", "key"} <= set(k) for k in keys)):
        raise KeyProblem(_("This is not a Pulang key file, or it is damaged."))
    return [{"id": str(k["id"]), "key": str(k["key"])} for k in keys]
