"""Provides the English customer texts of the demo corpus: subjects, first messages and extra details.

Each scenario maps to (subjects, bodies, extras). Bodies are mood-neutral; the seed generator adds the
greeting, the mood and the channel's shape around them. Extras are details a customer adds later.
"""

from __future__ import annotations

SCENARIOS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "login": (
        ("Can't log in to my account", "Login not working since this morning", "Locked out of the dashboard"),
        ("Since this morning I can't log in to the Nimbus dashboard with {email}. It keeps saying \"Invalid "
         "email or password\", but the password is in my password manager and I haven't changed it.",
         "I'm trying to log in to manage {domain} and the page just reloads after I press Sign in. No error, "
         "nothing. I cleared cookies and tried another browser, same thing.",
         "After entering my password I get \"Your account has been temporarily locked\". I only tried twice. "
         "I need to get in today to update the site before a client meeting."),
        ("I tried on my phone over mobile data too, same result.", "The last time it worked was on {date}."),
    ),
    "password_reset": (
        ("Password reset email never arrives", "Reset link not working", "Can't reset my password"),
        ("I requested a password reset three times for {email} but nothing arrives. I checked spam and the "
         "promotions tab. Can you send it again or reset it from your side?",
         "The reset link from your email opens a page that says \"This link has expired\". I clicked it "
         "within a minute of receiving it.",
         "I changed my password yesterday and now the new one doesn't work either. I'm stuck in a loop of "
         "reset emails."),
        ("Still nothing in the inbox, not even in spam.", "I also tried from my work address, same problem."),
    ),
    "2fa": (
        ("Lost my phone, can't pass 2FA", "Two-factor code not accepted", "Need to disable two-factor auth"),
        ("My phone was stolen on {date} and the authenticator app was on it. I don't have the backup codes. "
         "How can I get back into my account {email}?",
         "The 6-digit code from my authenticator app is always rejected. The time on my phone is set "
         "automatically. I've tried maybe ten codes now.",
         "I set up two-factor authentication on the old phone and I've just switched to a new one. How do I "
         "move it without losing access?"),
        ("I can confirm the last 4 digits of the card: {card4}.", "I can send a photo of my ID if needed."),
    ),
    "refund": (
        ("Refund request for order {order}", "Please refund my last payment", "Requesting a refund"),
        ("I was charged {amount} on {date} for the {plan} plan renewal, but I stopped using Nimbus months "
         "ago and forgot to cancel. Could you refund this payment? Order {order}.",
         "I bought the {plan} plan on {date} and it doesn't do what the sales page promised (no staging "
         "sites). I'd like a refund under your 30-day guarantee, order {order}.",
         "We moved our sites to another provider last month. Please cancel the subscription and refund "
         "the unused part of the year ({amount} paid on {date})."),
        ("The charge on my statement says NIMBUS*{order}.", "The account is already empty, no sites on it."),
    ),
    "double_charge": (
        ("Charged twice for the same invoice", "Double payment on my card", "Duplicate charge {amount}"),
        ("My card was charged twice for invoice {invoice}: two payments of {amount} on {date}. Please "
         "refund the duplicate as soon as possible.",
         "I see two identical charges of {amount} from Nimbus on my bank statement. I only clicked Pay "
         "once, the page showed an error and then both went through.",
         "Our accountant noticed that the {plan} plan was billed twice this month, card ending {card4}. "
         "Can you check what happened?"),
        ("Bank statement screenshot attached.", "The second charge has the reference {order}."),
    ),
    "invoice": (
        ("Invoice needs our company details", "Can't find my invoices", "Question about invoice {invoice}"),
        ("Could you reissue invoice {invoice} with our company name and VAT number? Our finance team can't "
         "book it with a personal name on it.",
         "I can't find the invoices for the last three months in the dashboard. Billing > Invoices is "
         "empty, but the payments went through.",
         "Invoice {invoice} shows {amount}, but the price of the {plan} plan on your website is lower. Is "
         "there a fee I don't know about?"),
        ("Company address: 221 Example Street, Springfield.", "We need it by the end of the month."),
    ),
    "payment_failed": (
        ("Payment failed, account suspended", "Card declined but it works everywhere",
         "Why was my service suspended?"),
        ("All my sites show \"Account suspended\" since {time}. I got an email that the payment of {amount} "
         "failed, but my card works fine everywhere else.",
         "I tried to pay invoice {invoice} three times with card ending {card4}, it says \"Payment "
         "declined\". The bank says they see no attempt at all.",
         "Our service was suspended without any warning. The card expired, fine, but we've been customers "
         "for {years} years, surely you could send a reminder first?"),
        ("I added a new card now, can you retry the payment?", "The bank confirmed there is no block."),
    ),
    "outage": (
        ("{domain} is down!", "None of my sites load", "Site keeps going down every few minutes"),
        ("{domain} has been down since {time}. Visitors get this:\n\n{snippet}\n\nWe run an online shop, "
         "every minute costs us orders.",
         "None of my sites open, all of them show {snippet}. Your status page says everything is "
         "operational.",
         "The site goes down every few minutes and comes back. Started around {time} today. I haven't "
         "changed anything."),
        ("It's back now but keeps flapping.", "Our monitoring shows 40 minutes of downtime so far."),
    ),
    "performance": (
        ("Site extremely slow", "Admin panel is very slow", "Slow server response time"),
        ("{domain} takes 10-15 seconds to load since last week. Nothing changed on our side. Can you "
         "check whether the server is overloaded?",
         "The admin panel of my site is so slow I can't work: every save takes half a minute. The public "
         "pages are a bit better but still slow.",
         "Google PageSpeed says server response time is 4.2 s. We're on the {plan} plan, I expected better."),
        ("It's worst in the evening, around 19:00-22:00.", "Test page: https://{domain}/catalog"),
    ),
    "api_error": (
        ("API returns 500 errors", "Our integration broke: HTTP 500", "API times out on large date ranges"),
        ("Since {time} our integration gets 500 errors on about half of the requests:\n\n{snippet}\n\n"
         "Nothing changed in our code. Is there an issue on your side?",
         "Our nightly sync job failed with this:\n\n{snippet}\n\nIt ran fine for months. We retried twice.",
         "The API times out when we request stats for a big date range. Small ranges work. Example request "
         "id: {request_id}."),
        ("Another failing request id: {request_id}.", "It only fails for POST, GET requests are fine."),
    ),
    "api_auth": (
        ("API key not working", "Sudden 401 Unauthorized errors", "How to create a read-only API key?"),
        ("I generated a new API key in the dashboard but every call returns this:\n\n{snippet}\n\n"
         "I copied the key exactly, no spaces.",
         "Our API integration suddenly stopped working with 401 errors. We didn't change the key. Did "
         "something change in authentication?",
         "How do I create an API key with read-only access? The docs mention scopes but I don't see them "
         "in the dashboard."),
        ("The key was created on {date}.", "We call it from our server at {ip}."),
    ),
    "rate_limit": (
        ("Getting 429 Too Many Requests", "API rate limit too low",
         "Is the rate limit per key or per account?"),
        ("We get this a lot since this morning:\n\n{snippet}\n\nWe make maybe 5 requests a second. What is "
         "the actual limit for our plan?",
         "Our dashboard pulls campaign stats for {count} clients and hits the rate limit every hour. Can the "
         "limit be raised for our account?",
         "Is the rate limit per API key or per account? We have two services using different keys and "
         "both are throttled at the same time."),
        ("We already added retries with backoff.", "We're on the {plan} plan, if that matters."),
    ),
    "dns": (
        ("Domain not resolving after nameserver change", "www.{domain} still points to the old server",
         "MX records disappeared, no email"),
        ("I pointed {domain} to your nameservers on {date} and it still doesn't resolve:\n\n{snippet}\n\n"
         "How long should it take?",
         "I added an A record and a CNAME for www in the DNS editor, but www.{domain} still points to the "
         "old server.",
         "Our MX records vanished after I edited the DNS zone and now we don't receive any email at "
         "{domain}. Can you restore the previous zone?"),
        ("The registrar shows your nameservers now.", "I can see the old IP when I check from my phone."),
    ),
    "ssl": (
        ("SSL certificate expired", "Free certificate stuck in \"Pending\"",
         "HTTPS not working on www.{domain}"),
        ("Visitors get a security warning on {domain}. The certificate expired yesterday although "
         "auto-renewal is switched on:\n\n{snippet}",
         "I added the domain {domain} to my plan three days ago and the free certificate is still \"Pending "
         "issuance\".",
         "HTTPS works on {domain} but not on www.{domain}:\n\n{snippet}"),
        ("Chrome and Safari show the same warning.", "I didn't change any DNS settings."),
    ),
    "email_delivery": (
        ("Our emails go to spam", "Not receiving emails on {domain}", "Mailbox stopped sending"),
        ("All emails we send from our {domain} mailboxes end up in the recipients' spam folders. Customers "
         "don't see our order confirmations.",
         "Since {date} we don't receive any email at info@{domain}. Senders don't get a bounce either, the "
         "messages just disappear.",
         "Sending from Outlook fails with \"550 relay not permitted\". Receiving works. Settings are the "
         "same as in your guide."),
        ("Test email sent at {time} to a Gmail address, landed in spam.", "We send about 200 emails a day."),
    ),
    "feature_request": (
        ("Feature request: dark mode", "Suggestion: export reports to CSV",
         "Idea: scheduled campaign reports"),
        ("It would be great to have a dark mode in the dashboard. I work late and the white screen is "
         "blinding. Is it planned?",
         "Please add CSV export for campaign reports. Right now I copy numbers by hand into a spreadsheet "
         "every Monday.",
         "Could you add a way to email campaign reports to clients automatically every week? Our agency "
         "manages {count} accounts and doing it manually takes hours."),
        ("Several colleagues asked for the same thing.", "Happy to test a beta if there is one."),
    ),
    "ad_stats": (
        ("Clicks in report vs. analytics", "Impressions dropped to zero", "Campaign stats changed overnight"),
        ("Campaign \"{campaign}\" shows {count} clicks in Nimbus Ads, but our analytics sees only {count2} "
         "visits from it. Where is the difference coming from?",
         "Since {date} the impressions on all our campaigns are zero, even though the budget is being "
         "spent. Is the reporting broken?",
         "Yesterday's stats for \"{campaign}\" changed overnight: clicks went down and spend went up. Which "
         "numbers are final?"),
        ("Budget spent so far: {amount}.", "The campaign targets Baku and Ganja only."),
    ),
    "ad_moderation": (
        ("Ad rejected without explanation", "Ad stuck in review", "Why was my ad declined again?"),
        ("My ad for \"{campaign}\" was rejected with the reason \"Policy violation\". Which policy? It's a "
         "normal ad for our bakery.",
         "The campaign \"{campaign}\" has been \"In review\" for three days. The sale it advertises ends on "
         "Friday.",
         "We fixed the banner as you asked and it got rejected again with the same reason. What exactly is "
         "wrong with it?"),
        ("The landing page is https://{domain}/sale.", "Other ads with the same picture were approved."),
    ),
    "account_deletion": (
        ("Delete my account", "Please close my account and remove my data", "Account deletion (GDPR)"),
        ("Please delete my Nimbus account {email} and all personal data you hold about me, in line with "
         "GDPR. Please confirm when it's done.",
         "I want to close my account. I don't see a delete button in the settings, only \"Pause\". How do "
         "I do it?",
         "Our company is closing. Please delete the account and make sure you don't charge the card "
         "ending {card4} again."),
        ("I've already downloaded everything I need.", "There are no active sites on the account."),
    ),
    "data_export": (
        ("How to export all my data?", "Data export stuck at 80%", "Export archive is corrupted"),
        ("How can I download all my sites, databases and emails in one go? We are doing an internal audit.",
         "I started a full export on {date} and it still says \"Preparing... 80%\". Is it stuck?",
         "The export archive I downloaded is corrupted: the zip can't be opened, size is only 2 MB."),
        ("The account has about 12 GB of data.", "I need it by Friday, if possible."),
    ),
    "mobile_crash": (
        ("Mobile app crashes on start", "App crashes on the Stats tab", "App freezes on the login screen"),
        ("The Nimbus app crashes as soon as I open it. {device}, app version {app_version}. Reinstalling "
         "didn't help.",
         "Since the last update the app closes when I open the Stats tab. Everything else works. "
         "Phone: {device}.",
         "The app freezes on the login screen and then crashes. It started after updating to "
         "{app_version}."),
        ("It also crashes on my colleague's phone.", "I can send a screen recording."),
    ),
    "plan_change": (
        ("Upgrade to {plan} plan", "How to downgrade my plan?", "Change of plan mid-month"),
        ("We'd like to move from Starter to the {plan} plan today. Will we pay the full price or only the "
         "difference for this month?",
         "Our traffic went down, I'd like to switch to a cheaper plan. What happens to the extra sites?",
         "If I upgrade now, do I keep my current IP address and do the sites go offline during the move?"),
        ("We're billed yearly.", "The account is {email}."),
    ),
    "backup_restore": (
        ("Deleted files by mistake", "Restore site from yesterday's backup", "Where are my backups?"),
        ("I deleted the folder with product images on {domain} by mistake. Can you restore it from the "
         "backup of {date}?",
         "A plugin update broke the whole site. Please roll back {domain} to yesterday's backup, files and "
         "database.",
         "Where can I find the backups in the dashboard? I only see \"Snapshots\" and it's empty."),
        ("Only the wp-content/uploads folder is needed.", "The database is fine, only files."),
    ),
    "domain_transfer": (
        ("Transfer domain to Nimbus", "Need the auth code for {domain}", "Domain transfer failed"),
        ("I want to transfer {domain} from my current registrar to Nimbus. What do I need to do, and will "
         "the site go down during the transfer?",
         "Please send me the EPP/auth code for {domain}, I'm moving it to another registrar.",
         "The transfer of {domain} failed with \"Domain is locked\". I unlocked it on {date}."),
        ("The domain expires in two months.", "The registrant email is {email}."),
    ),
    "team_access": (
        ("Developer access without billing", "Invitation email never arrived",
         "Remove a former employee's access"),
        ("How can I give our developer access to the sites but not to billing? Their email is {colleague}.",
         "I invited {colleague} on {date} but they never got the invitation email.",
         "A former employee still has access to our account. Please remove them immediately: {colleague}."),
        ("I'm the account owner.", "We need the access for about a month."),
    ),
    "webhooks": (
        ("No webhook calls since {date}", "Webhook signature invalid", "Every webhook arrives 3-4 times"),
        ("Our endpoint hasn't received any webhooks since {date}:\n\n{snippet}\n\nThe endpoint works, we "
         "tested it with curl.",
         "The signature check on your webhooks fails for every event. We use the secret from the "
         "dashboard and HMAC-SHA256 like in the docs.",
         "We get every webhook event three or four times. Is that expected? Our system creates duplicate "
         "orders."),
        ("Event id example: {request_id}.", "Our server answers with 200 within 100 ms."),
    ),
    "ssh_access": (
        ("Can't connect via SSH", "SFTP: Connection refused", "How to add an SSH key?"),
        ("I can't connect to my hosting over SSH anymore:\n\n{snippet}\n\nIt worked last week.",
         "FileZilla says \"Connection refused\" on port 22. Login and password are from the dashboard.",
         "How do I add an SSH key to my account? I only see password login in the settings."),
        ("My IP is {ip}.", "I may have typed the password wrong a few times."),
    ),
    "cancellation": (
        ("Cancel my subscription", "Please cancel for me, the button doesn't work",
         "What happens after cancellation?"),
        ("Please cancel my {plan} subscription. I don't want it to renew on {next_date}.",
         "I tried to cancel in the dashboard but the button does nothing. Please cancel it for me and "
         "confirm by email.",
         "We're going to stop using Nimbus at the end of the month. What happens to our sites and domains "
         "after cancellation?"),
        ("Account email: {email}.", "I'd like a written confirmation, please."),
    ),
}
"""Scenario key -> (subjects, first-message bodies, extra details for follow-ups)."""
