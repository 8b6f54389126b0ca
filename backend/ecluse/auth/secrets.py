"""Passwords (argon2), session tokens and API keys (random, stored as SHA-256)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return str(_hasher.hash(password))


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Made with the same hasher, hence the same cost, as a real user's hash; its password is unknowable.
    return hash_password(secrets.token_urlsafe(32))


def check_password(password_hash: str | None, password: str) -> bool:
    """Verify `password` against the account's hash, or against a dummy hash when there is no account:
    the same argon2 work either way, so the response time does not tell whether an email exists."""
    if password_hash is None:
        verify_password(_dummy_hash(), password)
        return False
    return verify_password(password_hash, password)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_api_key() -> str:
    # The "eck_" prefix lets secret scanners and people recognise an Écluse key.
    return "eck_" + secrets.token_urlsafe(32)


def token_hash(token: str, pepper: str = "") -> str:
    # Tokens are 256-bit random: a SHA-256 is enough (no dictionary to attack). Session tokens are also
    # keyed with the secret key, so a copy of the table alone cannot even be checked against a token.
    if pepper:
        return hmac.new(pepper.encode(), token.encode(), hashlib.sha256).hexdigest()
    return hashlib.sha256(token.encode()).hexdigest()
