"""Provides the language-neutral part of the demo corpus: agents, scenario metadata, internal notes, pools.

The per-language modules (`en`, `ru`, `az` and their `*_talk` companions) fill the same scenario keys;
`supportterm.demo.seed` picks from both. Templates use `{placeholders}`; literal braces are doubled.
"""

from __future__ import annotations

AGENTS: tuple[dict[str, str], ...] = (
    {"id": "a1", "login": "aysel", "name": "Aysel Məmmədova", "email": "aysel@nimbus.example",
     "language": "az"},
    {"id": "a2", "login": "dmitri", "name": "Dmitri Volkov", "email": "dmitri@nimbus.example",
     "language": "ru"},
    {"id": "a3", "login": "emma", "name": "Emma Clarke", "email": "emma@nimbus.example", "language": "en"},
    {"id": "a4", "login": "rashad", "name": "Rəşad Hüseynov", "email": "rashad@nimbus.example",
     "language": "az"},
    {"id": "a5", "login": "olga", "name": "Olga Smirnova", "email": "olga@nimbus.example", "language": "ru"},
    {"id": "a6", "login": "liam", "name": "Liam Carter", "email": "liam@nimbus.example", "language": "en"},
)
"""The support team. Everyone answers in English; the Baku team also answers in Russian."""

SPEAKERS: dict[str, tuple[str, ...]] = {
    "en": ("a1", "a2", "a3", "a4", "a5", "a6"),
    "ru": ("a2", "a5", "a1", "a4"),
    "az": ("a1", "a4"),
}
"""Which agents may answer a ticket in each language (native level only, as the doctrine asks)."""

FEMALE_AGENTS = frozenset({"a1", "a3", "a5"})
"""Agents whose Russian past tense is feminine («я проверила»)."""

SCENARIOS: dict[str, tuple[str, int]] = {
    "login": ("account", 1),
    "password_reset": ("account", 1),
    "2fa": ("account", 1),
    "refund": ("billing", 1),
    "double_charge": ("billing", 2),
    "invoice": ("billing", 0),
    "payment_failed": ("billing", 2),
    "outage": ("hosting", 3),
    "performance": ("hosting", 1),
    "api_error": ("api", 2),
    "api_auth": ("api", 1),
    "rate_limit": ("api", 1),
    "dns": ("domains", 2),
    "ssl": ("domains", 2),
    "email_delivery": ("hosting", 1),
    "feature_request": ("product", 0),
    "ad_stats": ("ads", 1),
    "ad_moderation": ("ads", 1),
    "account_deletion": ("account", 0),
    "data_export": ("account", 0),
    "mobile_crash": ("mobile", 1),
    "plan_change": ("billing", 0),
    "backup_restore": ("hosting", 2),
    "domain_transfer": ("domains", 1),
    "team_access": ("account", 0),
    "webhooks": ("api", 1),
    "ssh_access": ("hosting", 1),
    "cancellation": ("billing", 0),
}
"""Scenario key (also the ticket's first tag) -> (category tag, severity 0..3 that skews the priority)."""

PRIORITY_WEIGHTS: dict[int, tuple[int, int, int, int]] = {
    0: (30, 62, 7, 1),
    1: (12, 68, 17, 3),
    2: (5, 55, 32, 8),
    3: (2, 35, 40, 23),
}
"""Severity -> weights of low, normal, high, urgent. Mood plays no part: angry is not automatically urgent."""


class AfterReply(str):
    """A note template that speaks of an agent's reply ("kept the reply calm", "Explained the options").

    The seed writes such a note only once an agent has answered in public in that thread; before that
    it would tell of a reply nobody sent. A `str` subclass, so the texts stay plain strings everywhere.
    """

    __slots__ = ()


NOTES: dict[str, tuple[str, ...]] = {
    "login": (
        "Auth log: 5 failed attempts from {ip}, account auto-locked. Unlocked manually.",
        AfterReply("Org enforces Google SSO, password login is disabled for them. Explained in the reply."),
    ),
    "password_reset": (
        AfterReply("Reset mails to {email} bounce with 552 (mailbox full). Asked for another address."),
        "Mail log shows the reset link delivered at {time}; most likely in spam.",
    ),
    "2fa": (
        "Identity verified: last invoice {invoice} + card ending {card4}. OK to disable 2FA.",
        AfterReply("Ownership not verified yet, asked for ID as per policy. Do NOT disable 2FA before that."),
    ),
    "refund": (
        "Refund approved by billing: {amount}, ref {order}. 5-10 business days to the card.",
        "Outside the 30-day window; asked the billing lead for a goodwill exception.",
    ),
    "double_charge": (
        "Two captures for {order}; the second one is the retry bug ({jira}). Refund issued.",
        "Only one capture on our side; the other is a pending bank authorisation, will drop.",
    ),
    "invoice": (
        "Billing profile updated with company name and tax ID; regenerated {invoice}.",
        "PDF generator fails for invoices older than 6 months, known issue {jira}.",
    ),
    "payment_failed": (
        "Card declined by issuer (do_not_honor). Grace period extended by 3 days.",
        "Dunning suspended the account at {time}; reactivated manually after payment.",
    ),
    "outage": (
        "Checked logs, 502s from {host}; escalating to infra ({jira}).",
        AfterReply("Confirmed: {host} down since {time}, part of the ongoing incident. Linked the status "
                   "page."),
    ),
    "performance": (
        AfterReply("TTFB ~4 s, no page cache and 60+ plugins. Suggested caching and the Business plan."),
        "Noisy neighbour on {host}; infra moved the account to a fresh node.",
    ),
    "api_error": (
        "Request {request_id} hit a DB timeout on {host}; reported to the API team as {jira}.",
        "The 500s came from the deploy at {time}, rolled back. Customer can retry now.",
    ),
    "api_auth": (
        AfterReply("They call the live endpoint with a test key (nb_test_...). Explained the difference."),
        AfterReply("Keys were revoked after the owner's password change, as designed. Told them to issue "
                   "new ones."),
    ),
    "rate_limit": (
        AfterReply("They poll /v2/stats every second from 12 workers; 429s expected. Suggested webhooks."),
        "Raised their limit to 20 rps for a week, approved by the API team.",
    ),
    "dns": (
        "NS changed recently, old NS TTL is 48h; propagation still in progress.",
        "Zone for {domain} had no A record for the apex. Added it as requested.",
    ),
    "ssl": (
        AfterReply("Let's Encrypt issuance fails: CAA record allows only another CA. Asked customer to fix "
                   "CAA."),
        "Renewal cron stuck on {host}; reissued the certificate manually.",
    ),
    "email_delivery": (
        AfterReply("{domain} has no SPF/DKIM, Gmail puts mail in spam. Sent the setup guide."),
        "Outbound IP {ip} is on a blocklist; infra is rotating it ({jira}).",
    ),
    "feature_request": (
        "Logged as {jira}; product says it is on the roadmap, no date to share.",
        "Duplicate of an existing request; added the customer's use case as +1.",
    ),
    "ad_stats": (
        AfterReply("They compare with their analytics tool, which counts sessions, not clicks. Explained."),
        "Reporting pipeline is ~6h behind ({jira}); numbers will catch up.",
    ),
    "ad_moderation": (
        "Rejected for before/after imagery (policy 4.2). Customer can appeal with a new creative.",
        "False positive of the auto-moderator; approved manually.",
    ),
    "account_deletion": (
        "Request confirmed from the owner's address. Scheduled for the 30-day purge.",
        "Unpaid invoice {invoice} on the account; deletion blocked until it is settled.",
    ),
    "data_export": (
        "Export job failed at 80% (timeout); restarted on {host}.",
        "Export ready, link valid 7 days, sent to the owner's address only.",
    ),
    "mobile_crash": (
        "Reproduced on {device}, app {app_version}. Crash report linked in {jira}.",
        "Fixed in the next build, rolling out to the stores today.",
    ),
    "plan_change": (
        "Prorated difference {amount}; upgrade applied, next invoice adjusted.",
        AfterReply("Downgrade blocked: 12 sites on the account, Starter allows 3. Explained the options."),
    ),
    "backup_restore": (
        "Restored public_html from the {date} 03:00 snapshot into /restore for the customer.",
        "Nightly backup of that date failed (disk full on {host}); only the day before exists.",
    ),
    "domain_transfer": (
        "Domain was locked; unlocked and sent the auth code to the registrant address.",
        "Transfer impossible yet: registered less than 60 days ago (registry rule).",
    ),
    "team_access": (
        AfterReply("Only the account owner can invite members; this is an admin. Asked the owner to "
                   "confirm."),
        "Invite to {colleague} bounced; resent to the corrected address.",
    ),
    "webhooks": (
        AfterReply("Their endpoint answers 301 (http -> https) and we don't follow redirects. Told them."),
        "Webhook queue backlog on {host} after the incident; draining, about 1h left.",
    ),
    "ssh_access": (
        "IP {ip} was banned by fail2ban after failed logins. Unbanned.",
        AfterReply("SSH comes with Business plans; they are on Starter. Offered SFTP instead."),
    ),
    "cancellation": (
        "Cancellation done; service stays active until the end of the paid period.",
        AfterReply("Sent the retention offer (2 months at -30%) as per the billing playbook."),
    ),
}
"""Internal notes in English, per scenario: what agents write for each other. `AfterReply` marks the
ones that speak of an agent's reply to the customer (explained, asked, told, sent)."""

GENERIC_NOTES: tuple[str, ...] = (
    AfterReply("Customer is upset; kept the reply calm and factual. Please keep the same tone."),
    "Called back, no answer. Will try again after lunch.",
    AfterReply("Hand-over to the next shift: customer informed, waiting for their reply."),
    "Long-time customer ({years} years), Business plan. Worth a call if it drags on.",
    "Same customer has another open ticket; answering both together.",
)
"""Notes that fit any ticket; `AfterReply` ones only once an agent has replied."""

SNIPPETS: dict[str, tuple[str, ...]] = {
    "api_error": (
        "POST https://api.nimbus.example/v2/campaigns\n"
        "HTTP/1.1 500 Internal Server Error\n"
        "{{\"error\": {{\"code\": \"internal_error\", \"request_id\": \"{request_id}\"}}}}",
        "$ curl -s -X GET https://api.nimbus.example/v2/sites/{domain}/stats\n"
        "{{\"error\":\"upstream_timeout\",\"status\":504,\"request_id\":\"{request_id}\"}}",
        "Traceback (most recent call last):\n"
        "  File \"sync.py\", line 42, in push_orders\n"
        "    resp.raise_for_status()\n"
        "requests.exceptions.HTTPError: 500 Server Error for url: https://api.nimbus.example/v2/orders",
    ),
    "api_auth": (
        "$ curl -H \"Authorization: Bearer nb_live_****\" https://api.nimbus.example/v2/me\n"
        "{{\"error\": \"invalid_token\", \"message\": \"The access token is invalid or revoked.\"}}",
        "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"invalid_token\"",
    ),
    "rate_limit": (
        "HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nX-RateLimit-Limit: 10\nX-RateLimit-Remaining: 0",
        "{{\"error\": \"rate_limited\", \"message\": \"Too many requests\", \"retry_after\": 30}}",
    ),
    "webhooks": (
        "Endpoint: https://{domain}/hooks/nimbus\nLast delivery: {date} {time}, status: failed (no response)",
        "X-Nimbus-Event: order.paid\nX-Nimbus-Delivery: {request_id}\n-> 0 deliveries since {date}",
    ),
    "dns": (
        "$ dig +short {domain}\n$ dig NS {domain} +short\nns1.oldhost.example.\nns2.oldhost.example.",
        "$ nslookup {domain}\n** server can't find {domain}: NXDOMAIN",
    ),
    "ssl": (
        "curl: (60) SSL certificate problem: certificate has expired",
        "NET::ERR_CERT_COMMON_NAME_INVALID\nThis server could not prove that it is {domain}",
    ),
    "outage": (
        "502 Bad Gateway (nginx)",
        "Error 503 Service Unavailable",
    ),
    "ssh_access": (
        "$ ssh u{card4}@{domain}\nssh: connect to host {domain} port 22: Connection refused",
        "$ ssh -p 22 u{card4}@{domain}\nssh: connect to host {domain} port 22: Operation timed out",
    ),
}
"""Pasted error output, shared by all languages (customers paste the same text whatever they speak)."""

HOSTS = ("lb-2", "lb-4", "web-14", "web-31", "db-7", "api-3", "mail-2", "node-19")
DEVICES = ("iPhone 13 (iOS 18.1)",
           "iPhone 15 Pro (iOS 18.2)",
           "Samsung Galaxy A54 (Android 14)",
           "Pixel 7 (Android 15)",
           "Xiaomi Redmi Note 12 (Android 13)",
           "iPad Air (iPadOS 18.1)")
APP_VERSIONS = ("4.12.0", "4.12.1", "4.11.3", "4.13.0-beta2")
PLANS = ("Starter", "Business", "Pro", "Agency")
