"""The password rule: at least 12 characters, and not guessable (zxcvbn: no common password, keyboard walk,
dictionary word with digits, or the person's own name or email)."""

from __future__ import annotations

from zxcvbn import zxcvbn

from ecluse.errors import DomainError

MIN_LENGTH = 12
#: argon2 hashes any length, but a megabyte of "password" is only work for the server.
MAX_LENGTH = 256
#: zxcvbn's score, 0 (too guessable) to 4: 3 is "safely unguessable: moderate protection from offline
#: slow-hash scenario", the usual threshold.
MIN_SCORE = 3
#: zxcvbn refuses longer input (its matching is quadratic): it judges the first 72 characters.
JUDGED = 72


def check_new_password(password: str, *, personal: tuple[str, ...] = (), field: str = "password") -> None:
    """DomainError WEAK_PASSWORD, `reason` `length` (with `minimum`), `too_long` (with `maximum`) or
    `guessable` (a common password, a pattern, or the person's own name or email)."""
    if len(password) < MIN_LENGTH:
        raise DomainError(
            "WEAK_PASSWORD", f"A password has at least {MIN_LENGTH} characters.", field,
            reason="length", minimum=MIN_LENGTH,
        )  # fmt: skip
    if len(password) > MAX_LENGTH:
        raise DomainError(
            "WEAK_PASSWORD", f"A password has at most {MAX_LENGTH} characters.", field,
            reason="too_long", maximum=MAX_LENGTH,
        )  # fmt: skip
    # The whole email or name, and each of its words: "nina@firm.test!" is as guessable as "nina!".
    inputs = [*personal, *(w for part in personal for w in part.replace("@", " ").replace(".", " ").split())]
    if zxcvbn(password[:JUDGED], user_inputs=inputs)["score"] < MIN_SCORE:
        raise DomainError(
            "WEAK_PASSWORD",
            "This password is too easy to guess (a common password, a pattern or a name): choose another.",
            field,
            reason="guessable",
        )
