"""Provides the English conversation pieces: agent replies, mood framing, channel shapes and people.

Agents always answer politely and sign with their own name (DESIGN.md §2); customers may not.
"""

from __future__ import annotations

REPLIES: dict[str, tuple[str, str, str]] = {
    "login": ("I've checked your account and it was temporarily locked after several failed attempts. I "
              "have unlocked it; please try again and use \"Forgot password\" if the password is rejected.",
              "Could you tell me which browser you use and send a screenshot of the page after you press "
              "Sign in? That will help me find where the login stops.",
              "You should be able to log in now: the lock on your account has been removed."),
    "password_reset": ("I've sent a new reset link to {email}. It is valid for one hour; if it doesn't "
                       "arrive within 10 minutes, please check the spam folder.",
                       "Could you confirm the address you use to log in? Our mail log shows no delivery "
                       "failures to it, so I'd like to make sure we are looking at the same account.",
                       "The password reset now works: I've cleared the old links, and the new one I sent "
                       "was used successfully."),
    "2fa": ("To keep your account safe we need to confirm it's you before turning off two-factor "
            "authentication. Please reply with the last four digits of the card on file and the number of "
            "your latest invoice.",
            "Please check that the time zone on your phone matches the one in your account settings; codes "
            "are rejected when the clock is off by more than 30 seconds.",
            "Two-factor authentication is now disabled. After you log in, please set it up again on your "
            "new phone and keep the backup codes somewhere safe."),
    "refund": ("I've forwarded your request to our billing team with a recommendation to approve it. You "
               "will hear from me within one business day.",
               "Could you confirm whether you'd like us to close the account as well, or only refund the "
               "renewal and switch off auto-renew?",
               "Your refund of {amount} has been approved. It usually reaches the card within 5-10 business "
               "days, depending on your bank."),
    "double_charge": ("I can confirm that the second payment was a duplicate. I've started a refund for "
                      "it; you don't need to do anything else.",
                      "I see only one completed payment on our side. The second one is probably a pending "
                      "authorisation that your bank will release within a few days. Could you send a "
                      "screenshot of the statement so I can double-check?",
                      "The duplicate charge of {amount} has been refunded. Please allow a few business days "
                      "for it to appear on your statement."),
    "invoice": ("Please add the company name, address and VAT number under Billing > Profile; all new "
                "invoices will include them. I can regenerate {invoice} for you once they are saved.",
                "Could you send me the exact company details you'd like on the invoice? I'll update it for "
                "you.",
                "I've reissued invoice {invoice} with your company details. You can download it under "
                "Billing > Invoices."),
    "payment_failed": ("I'm sorry for the disruption. I've reactivated your services for 3 days so your "
                       "sites are online while you sort out the payment.",
                       "The payment is declined by the card issuer before it reaches us. Could you try "
                       "another card, or ask your bank whether online payments abroad are allowed?",
                       "The payment went through and your account is active again. All sites are back "
                       "online."),
    "outage": ("We are aware of the problem: one of our servers had a hardware failure and our engineers are "
               "working on it right now. I'll let you know as soon as it's resolved.",
               "I've escalated this to our infrastructure team as a priority. Could you tell me the exact "
               "time you first noticed it and whether it affects all pages?",
               "The issue has been fixed and your sites are back online. I'm sorry for the downtime; we are "
               "reviewing what happened so it doesn't repeat."),
    "performance": ("I've looked at your site: most of the time is spent generating pages without a cache. "
                    "Enabling the page cache in Dashboard > Performance should make a big difference.",
                    "Could you send me a link to a page that is particularly slow and the time when you "
                    "noticed it? I'll compare it with the server load.",
                    "We moved your account to a less loaded server, and the response time is now under "
                    "500 ms in our tests."),
    "api_error": ("Thank you for the request ids. Our API team has found the cause and is working on a fix. "
                  "I'll update you as soon as it's deployed.",
                  "Could you send me two or three request ids of failed calls, with the time they happened? "
                  "They are in the X-Request-Id response header.",
                  "The fix has been deployed and the error rate is back to normal. Your requests should "
                  "succeed now; failed ones can be retried safely."),
    "api_auth": ("The key you're using belongs to the test environment. Please create a live key under "
                 "Settings > API and use it with api.nimbus.example.",
                 "API keys are revoked automatically when the account owner changes their password. Please "
                 "create a new key and update your integration.",
                 "I've confirmed that the new key works with our live API."),
    "rate_limit": ("The limit on your plan is 10 requests per second per account. For frequent updates we "
                   "recommend webhooks instead of polling.",
                   "Could you tell me roughly how many requests per minute your service needs at peak? I'll "
                   "check with the API team whether we can raise the limit.",
                   "We've raised the rate limit for your account. Please let me know if you still see 429 "
                   "responses."),
    "dns": ("Nameserver changes can take up to 48 hours to propagate worldwide. Your zone on our side is "
            "set up correctly, so it will start working automatically.",
            "I see that the A record for www still points to the old IP. Please update it to the address "
            "shown in Dashboard > Domains, or let me know and I'll do it for you.",
            "The DNS records for {domain} are now correct and resolve from our checks worldwide."),
    "ssl": ("The certificate couldn't be renewed because of a CAA record in your DNS. Please remove it or "
            "allow letsencrypt.org, and I'll reissue the certificate right away.",
            "I've started a new issuance for {domain}. It usually takes up to 15 minutes; please let me know "
            "if the warning is still there after that.",
            "A new certificate has been issued for {domain} and www.{domain}. HTTPS works without warnings "
            "now."),
    "email_delivery": ("Your domain has no SPF and DKIM records, which is why providers treat your mail as "
                       "spam. I've sent the records to add in Dashboard > Domains > DNS.",
                       "Could you forward one of the affected messages with full headers? That will show "
                       "where it's being filtered.",
                       "Mail delivery for {domain} is working normally again, and messages reach the inbox "
                       "in our tests."),
    "feature_request": ("Thank you for the suggestion. I've passed it on to our product team together with "
                        "your use case.",
                        "That's a great idea. Could you tell me a bit more about how you'd use it, so the "
                        "product team understands what matters most to you?",
                        "This has just been released and is available in your dashboard now."),
    "ad_stats": ("Clicks in Nimbus Ads and visits in analytics tools are counted differently: a click "
                 "doesn't always become a visit, for example if the page is closed before loading.",
                 "Our reporting is currently delayed by a few hours, so yesterday's numbers may still "
                 "change. Final figures are available after 24 hours.",
                 "The reporting delay is over and all stats for \"{campaign}\" are up to date."),
    "ad_moderation": ("Your ad was declined because the banner shows a before/after comparison, which our ad "
                      "policy doesn't allow. Replacing the image is enough to pass the review.",
                      "I've asked the moderation team to review the ad again with priority. I'll let you "
                      "know the result today.",
                      "Your ad \"{campaign}\" has been approved and is running now."),
    "account_deletion": ("To protect your account, please send the deletion request from the account "
                         "owner's email address, or confirm it from the link I've just sent.",
                         "You can delete the account under Settings > Account > Close account. If the button "
                         "isn't there, let me know and I'll do it for you.",
                         "Your account has been closed and your data is scheduled for deletion within 30 "
                         "days. No further payments will be taken."),
    "data_export": ("You can export everything under Settings > Data export. The archive includes sites, "
                    "databases and mailboxes; we'll email you a link when it's ready.",
                    "The export got stuck on our side. I've restarted it and will follow it until it's "
                    "finished.",
                    "Your export is ready: the download link has been sent to the account owner's email and "
                    "is valid for 7 days."),
    "mobile_crash": ("Thank you for the details. We've reproduced the crash on {device} and our mobile team "
                     "is working on a fix.",
                     "Could you tell me the exact phone model and app version (Settings > About)? A screen "
                     "recording would help too.",
                     "An update that fixes this crash is now available in the App Store and Google Play. "
                     "Please update the app and let me know if it helps."),
    "plan_change": ("When you upgrade, you only pay the difference for the rest of the billing period. Your "
                    "sites and IP address stay the same, with no downtime.",
                    "Before downgrading, please note that the cheaper plan allows fewer sites. Which sites "
                    "would you like to keep active?",
                    "Your plan has been changed to {plan}. The next invoice will reflect the new price."),
    "backup_restore": ("We keep daily backups for 14 days. I've started the restore from the {date} backup "
                       "into a separate folder, so nothing on the live site is overwritten.",
                       "Could you confirm which folder and which date you need? I'll restore only that, so "
                       "your newer changes are kept.",
                       "The restore is complete: your files are back in place on {domain}."),
    "domain_transfer": ("To transfer {domain}, please unlock it at your current registrar and send us the "
                        "auth code. The site keeps working during the transfer.",
                        "I've sent the auth code to the registrant email of {domain}. Please note that a "
                        "domain can't be transferred within 60 days of registration.",
                        "The transfer of {domain} is complete, and the domain now shows in your dashboard."),
    "team_access": ("You can invite team members under Settings > Team and choose the Developer role, which "
                    "gives access to sites but not to billing.",
                    "For security, only the account owner can change team access. Could you ask the owner "
                    "to confirm this request by replying here?",
                    "Done: the access list has been updated as requested."),
    "webhooks": ("Your endpoint answers with a redirect (301), and webhooks are not sent to redirected "
                 "addresses. Please use the final https:// URL in the webhook settings.",
                 "Webhooks are delivered at least once, so duplicates can happen after retries. Please use "
                 "the X-Nimbus-Delivery header to skip events you have already processed.",
                 "Webhook delivery to your endpoint is working again, and the queued events have been "
                 "delivered."),
    "ssh_access": ("Your IP address was blocked automatically after several failed login attempts. I've "
                   "removed the block; please check the SSH credentials in Dashboard > Hosting.",
                   "SSH access is included in the Business plan. On your current plan you can use SFTP on "
                   "port 22 with the same credentials.",
                   "SSH access works again from your IP address."),
    "cancellation": ("I'm sorry to see you go. I've switched off auto-renewal; your services stay active "
                     "until the end of the paid period.",
                     "Before I cancel, would you like us to keep your domains registered with us? They can "
                     "stay even without a hosting plan.",
                     "Your subscription has been cancelled and you will not be charged again."),
}
"""Scenario key -> (first answer, alternative first answer asking for details, resolution)."""

GREET = ("Hello {first},", "Hi {first},", "Dear {first},")
GREET_CHAT = ("Hi {first}, this is {agent_first} from Nimbus Support.",
              "Hello {first}, {agent_first} here from Nimbus Support.")
THANKS = ("Thank you for contacting Nimbus Support.",
          "Thank you for getting in touch.",
          "Thanks for the detailed description.")
EMPATHY = ("I'm sorry for the trouble this has caused, and I understand how frustrating it is.",
           "I completely understand your frustration, and I apologise for the inconvenience.",
           "Thank you for your patience, and I'm sorry you had to wait.")
REASSURE = ("No worries, I'll explain what is going on.", "Thank you for writing to us, I'm happy to help.")
UPDATE = ("I wanted to let you know that we're still working on this. I'll update you again by {eta} (UTC).",
          "A quick update: our engineers are on it, and I'm following it closely. Next update by {eta} "
          "(UTC).",
          "It's taking longer than we'd like, sorry for the delay. I'll write to you by {eta} (UTC) at the "
          "latest.")
RESOLVED = ("Good news!", "Here is an update on your request.", "Thank you for waiting.")
CLOSING = ("If anything is unclear, just reply to this message.",
           "Let me know if there's anything else I can help with.",
           "If you have any further questions, we're here to help.")
SIGNOFF = ("Best regards,\n{agent}\nNimbus Support", "Kind regards,\n{agent}\nNimbus Support")

OPEN = {"calm": ("Hello,", "Hi,", "Hi team,", "Hello there,"),
        "confused": ("Hi, sorry if this is a silly question.",
                     "Hello, I'm not very technical, so bear with me.",
                     "Hi, I'm a bit lost here."),
        "angry": ("This is RIDICULOUS.",
                  "Hello. I'm really fed up.",
                  "Seriously?!",
                  "I can't believe this!!")}
CLOSE = {"calm": ("Thanks in advance.", "Thank you!", "Kind regards,"),
         "confused": ("I'm not sure what I did wrong. Could you explain step by step?",
                      "Is it something on my side? Thanks for your help."),
         "angry": ("I pay you every month for THIS?! Fix it NOW.",
                   "This is unacceptable. I expect an answer TODAY.",
                   "Worst support ever. If this isn't fixed today I'm leaving.")}
INFORMAL: dict[str, tuple[str, ...]] = {}
"""English has no ты/вы split; other languages list informal openers and closers here."""

CHASE = {"calm": ("Hi, any news on this?",
                  "Just checking in - is there an update?",
                  "Hello again, could someone have a look at this, please?"),
         "confused": ("Sorry to bother you again, did you get my message?",
                      "Hello? I'm still not sure what to do."),
         "angry": ("HELLO?? Anyone there?!",
                   "It's been hours and still NO answer. This is ridiculous.",
                   "Are you even reading this? I'm still waiting!!")}
STILL = ("I did what you suggested, but it still doesn't work.",
         "Thanks, but the problem is still there.",
         "I tried again just now - same thing.")
THANKS_CUSTOMER = ("Thanks, it works now!",
                   "Great, that solved it. Thank you!",
                   "All good now, thanks for the quick help.",
                   "OK, it's fixed. Thanks.")
RESEND = ("I already wrote about this and got no answer, so here it is again.",
          "Sending this again, nobody replied to my first email.")
AGAIN = ("Hi,", "Hello again,", "Hi there,")

QUOTE = "On {wd}, {day} {mon} {year} at {hm}, {who} <{addr}> wrote:"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DATE_MONTHS = ("January",
               "February",
               "March",
               "April",
               "May",
               "June",
               "July",
               "August",
               "September",
               "October",
               "November",
               "December")
DATE = "{mon} {day}"
CALL = ("Customer called ({mins} min): “{text}” Wants the answer by e-mail. Callback: {phone}.",
        "Customer called, {mins} min. Says: “{text}” Please call back on {phone}.")
CALL_AGAIN = "Customer called again: “{text}”"
CHAT_HELLO = ("hi", "hello", "hey", "hi there")
CHAT_END = ("anyone there?", "pls help", "thx", "")
FORUM_TAIL = ("Has anyone else run into this?", "Any ideas? Thanks.", "Is it just me?", "")
FORM = ("Submitted via the contact form\nName: {name}\nE-mail: {email}\n{company}Website: {domain}\n"
        "Topic: {topic}\nMessage:\n{text}")
FORM_COMPANY = "Company: {org}\n"
TOPICS = {"account": "Account & login", "billing": "Billing", "hosting": "Hosting", "api": "API",
          "domains": "Domains & SSL", "product": "Feedback", "ads": "Nimbus Ads", "mobile": "Mobile app"}
CHAT_SUBJECT = "Chat with {name}"
URGENT = "URGENT: "
CALL_ANGRY = "Customer was very upset and raised their voice."
CURRENCY = (("${:,.2f}", 1.0), ("€{:,.2f}", 0.95), ("£{:,.2f}", 0.8))
"""Amount formats with the factor from a USD price."""
NUMBER_MARKS = (",", ".")
"""Thousands separator and decimal mark."""
NOTES: tuple[str, ...] = ()
"""Notes in this language beyond the English ones in `common` (none: they are English already)."""


FEMALE = ("Emily",
          "Sarah",
          "Olivia",
          "Grace",
          "Hannah",
          "Chloe",
          "Megan",
          "Laura",
          "Rachel",
          "Sophie",
          "Jessica",
          "Amy",
          "Lucy",
          "Natalie",
          "Rebecca")
MALE = ("James",
        "Daniel",
        "Michael",
        "Tom",
        "Ben",
        "Chris",
        "Ryan",
        "Matthew",
        "Jack",
        "Oliver",
        "Adam",
        "Peter",
        "Mark",
        "Sam",
        "Paul")
SURNAMES_F = ("Smith",
              "Johnson",
              "Brown",
              "Taylor",
              "Wilson",
              "Davies",
              "Evans",
              "Thompson",
              "Walker",
              "Wright",
              "Robinson",
              "Hughes",
              "Green",
              "Hall",
              "Lewis",
              "Harris",
              "Cooper",
              "Ward",
              "Baker")
SURNAMES_M = SURNAMES_F
ORGS = ("Brightside Bakery Ltd",
        "Harbor Analytics",
        "Maple & Oak Interiors",
        "Northwind Travel",
        "Pixel Pine Studio",
        "Greenleaf Florists",
        "Summit Outdoor Gear",
        "Bluebird Dental Clinic",
        "Copperfield Legal",
        "Riverbend Coffee Co.")
CAMPAIGNS = ("Black Friday 2026", "Winter Sale", "Retargeting - cart", "New collection", "Brand search")
MAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example")
PHONE = "+1 555-01{1:02d}"
PHONE_PREFIXES = (0,)
