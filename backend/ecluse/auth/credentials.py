"""Credential checks: who a bearer or session token, or a partner application's API key, belongs to.

The API and the download routes read the credential from the request (api/context.py) and ask here."""

from __future__ import annotations

from ecluse.auth.principal import Principal, principal_for_api_key, principal_for_token


async def authenticate(token: str | None, api_key: str | None) -> Principal | None:
    """The caller an API key or a token names; None when neither is given or valid. A key, when sent, is
    the only credential judged."""
    if api_key:
        return await principal_for_api_key(api_key)
    if token:
        return await principal_for_token(token)
    return None
