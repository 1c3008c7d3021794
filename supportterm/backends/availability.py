"""Provides the plain refusals the adapters share when they set or read the agent's availability.

A shift start or end asks the helpdesk to route tickets to the agent or not. Helpdesks refuse that for
reasons the agent can act on (the role may not change its own status, the routing feature is off), so
the refusal names the helpdesk, what was tried and what to do, instead of a bare HTTP status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from supportterm.backends.http import json_body, map_http_errors, raise_for_status
from supportterm.domain.text import one_line
from supportterm.errors import AuthError, BackendError

if TYPE_CHECKING:
    import httpx


async def availability_request(client: httpx.AsyncClient, method: str, path: str, *, vendor: str,
                               doing: str, advice: str, **kwargs: Any) -> Any:
    """Send one availability request and return its JSON; refusals become plain errors (see below)."""
    async with map_http_errors(doing):
        response = await client.request(method, path, **kwargs)
    check_availability_response(response, vendor, doing, advice)
    return json_body(response, doing)


def check_availability_response(response: httpx.Response, vendor: str, doing: str, advice: str) -> None:
    """Raise a plain error for a refused availability request; return quietly on success.

    403 is a missing right (not wrong credentials, which stay 401 → AuthError); other 4xx are the
    helpdesk refusing the request itself, told with its own words.
    """
    code = response.status_code
    if code == 403:
        detail = server_detail(response)
        said = f": {detail}" if detail else ""
        # An AuthError (the credentials work, the role lacks the right), titled so it is not read as a
        # failed sign-in.
        raise AuthError(f"{vendor} refused {doing}: your role lacks the right (HTTP 403{said}). {advice}",
                        title="Not allowed")
    if code in (400, 404, 409, 422):
        detail = server_detail(response) or f"HTTP {code}"
        raise BackendError(f"{vendor} refused {doing}: {detail}.")
    raise_for_status(response)


def server_detail(response: httpx.Response) -> str:
    """The helpdesk's own words about an error, from the common shapes: JSON:API `errors[].detail`,
    Freshdesk's `errors[].message` / `message`, Zammad's `error_human`, Zendesk's `description`."""
    try:
        data: Any = response.json()
    except (ValueError, UnicodeDecodeError):
        return ""
    if not isinstance(data, dict):
        return ""
    errors = data.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        text = first.get("detail") or first.get("message") or first.get("title") or ""
        field = first.get("field")
        text = f"{field}: {text}" if field and text else text
    else:
        text = (data.get("error_human") or data.get("description") or data.get("message")
                or data.get("error") or "")
    return one_line(str(text), limit=200)
