"""Signing in to a server database: password hashes, sign-in with lock-out, changing and
resetting passwords, the first admin of an empty server. The local file runs as its local user
without a password (users.local_actor).

Hashes are scrypt (standard library) with a per-user salt, stored as
"scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>" so the cost can rise later without breaking old
hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# ~50 ms a hash on this kind of machine: cheap for one sign-in, dear for a guessing attack.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_DKLEN = 32


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=_DKLEN
    )
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether password matches the stored hash (constant-time); False for no hash or a
    malformed one."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
            p=int(p), dklen=len(expected), maxmem=2**27,
        )  # fmt: skip
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)
