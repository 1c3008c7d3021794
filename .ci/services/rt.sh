#!/usr/bin/env bash
# Throwaway Request Tracker 5 (Debian 12 packages) on 127.0.0.1 with a fresh SQLite database, for the
# live conformance tests (tests/live). Reference: /work/shared/reference/backends.md §2.
#
#   rt.sh install          once per machine, idempotent; needs root + apt (else exits 3 with a reason;
#                          exit 3 = "cannot run here", the live tests then skip; other failures exit 1)
#   rt.sh start DIR PORT   fresh DB in DIR, seeds users + queue, starts the server; prints the base URL
#                          and writes DIR/credentials.env (RT_URL, RT_AGENT, RT_AGENT_PASSWORD, RT_TOKEN,
#                          RT_CUSTOMER, RT_CUSTOMER_PASSWORD, RT_QUEUE) and DIR/token (the agent's token)
#   rt.sh stop DIR         stops the server started in DIR (by its PID file only)
#
# Seeded: agent "agent" / agent-pass-123 (privileged, rights on queue Support), customer
# "customer@example.com" / customer-pass-123 (unprivileged requestor), queue "Support", a transaction
# custom field "supportterm-marker" (where supportterm keeps its idempotency markers) and, for
# speed, the mail-sending scrips disabled. Every override applies only when SUPPORTTERM_RT_DIR is set,
# so an RT used for other things on the same machine keeps its own configuration.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
CONF=/etc/request-tracker5/RT_SiteConfig.d/99-supportterm-ci.pm
PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone dma w3m curl)

unavailable() { echo "rt.sh: cannot install Request Tracker here: $*" >&2; exit 3; }

write_config() {
  cat >"$CONF" <<'PERL'
# supportterm CI overrides (written by .ci/services/rt.sh); active only for its throwaway servers.
if (my $dir = $ENV{SUPPORTTERM_RT_DIR}) {
    my $port = $ENV{SUPPORTTERM_RT_PORT} || 8780;
    Set($WebDomain, '127.0.0.1');
    Set($WebPort, $port);
    Set($WebPath, '');
    Set($WebBaseURL, "http://127.0.0.1:$port");
    Set($WebURL, "http://127.0.0.1:$port/");
    Set($DatabaseType, 'SQLite');
    Set($DatabaseName, "$dir/rtdb");
    Set($MailCommand, 'mbox');        # never hand mail to an MTA
    Set($LogToSTDERR, 'warning');
    Set($LogToSyslog, undef);
    Set($RestrictReferrer, 0);
    Set($BcryptCost, 4);              # CI only: Basic auth costs ~0.25 s per request at the default 12
    Set($Timezone, 'UTC');            # TicketSQL date literals are read in this zone
}
1;
PERL
}

do_install() {
  if dpkg -s "${PACKAGES[@]}" >/dev/null 2>&1; then
    [ -f "$CONF" ] || { [ "$(id -u)" = 0 ] || unavailable "not root (needed to write $CONF)"; write_config; }
    echo "rt.sh: Request Tracker 5 already installed"; return 0
  fi
  [ "$(id -u)" = 0 ] || unavailable "not root (apt-get needs root)"
  command -v apt-get >/dev/null || unavailable "no apt-get (Debian/Ubuntu only)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || { echo "rt.sh: apt-get update failed" >&2; exit 1; }
  # dma satisfies default-mta without a mail daemon (otherwise exim4 comes in); w3m replaces RT's slow
  # internal HTML-to-text converter.
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null \
    || { echo "rt.sh: apt-get install ${PACKAGES[*]} failed" >&2; exit 1; }
  install -d /etc/request-tracker5/RT_SiteConfig.d
  write_config
  echo "rt.sh: Request Tracker 5 installed"
}

bootstrap_perl() {
  cat <<'PERL'
use strict; use warnings;
use lib '/usr/local/share/request-tracker5/lib', '/usr/share/request-tracker5/lib';
use RT; RT::LoadConfig(); RT::Init();
my ($ok, $msg);
my $root = RT::User->new(RT->SystemUser); $root->Load('root');
($ok, $msg) = $root->SetPassword('password'); die "root: $msg" unless $ok;
my $q = RT::Queue->new(RT->SystemUser); $q->Load('Support');
unless ($q->Id) {
    ($ok, $msg) = $q->Create(Name => 'Support', CorrespondAddress => '', CommentAddress => '');
    die "queue: $msg" unless $ok;
}
my $agent = RT::User->new(RT->SystemUser);
($ok, $msg) = $agent->Create(Name => 'agent', RealName => 'Alex Agent', EmailAddress => 'agent@example.com',
                             Privileged => 1, Password => 'agent-pass-123');
die "agent: $msg" unless $ok;
for my $right (qw(SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ModifyTicket OwnTicket
                  TakeTicket StealTicket ShowTicketComments ShowOutgoingEmail Watch WatchAsAdminCc)) {
    ($ok, $msg) = $agent->PrincipalObj->GrantRight(Right => $right, Object => $q);
    die "right $right: $msg" unless $ok;
}
for my $right (qw(SeeCustomField ModifyCustomField ShowUserHistory SeeGroup ManageAuthTokens)) {
    ($ok, $msg) = $agent->PrincipalObj->GrantRight(Right => $right, Object => RT->System);
    die "right $right: $msg" unless $ok;
}
my $customer = RT::User->new(RT->SystemUser);
($ok, $msg) = $customer->Create(Name => 'customer@example.com', RealName => 'Casey Customer',
                                EmailAddress => 'customer@example.com', Privileged => 0,
                                Password => 'customer-pass-123');
die "customer: $msg" unless $ok;
my $everyone = RT::Group->new(RT->SystemUser); $everyone->LoadSystemInternalGroup('Everyone');
for my $right (qw(CreateTicket ReplyToTicket SeeQueue)) {
    $everyone->PrincipalObj->GrantRight(Right => $right, Object => $q);
}
my $requestor = RT::Group->new(RT->SystemUser); $requestor->LoadRoleGroup(Object => RT->System, Name => 'Requestor');
$requestor->PrincipalObj->GrantRight(Right => 'ShowTicket', Object => $q);
my $cf = RT::CustomField->new(RT->SystemUser);
($ok, $msg) = $cf->Create(Name => 'supportterm-marker', Type => 'FreeformSingle',
                          LookupType => 'RT::Queue-RT::Ticket-RT::Transaction',
                          Description => 'supportterm idempotency marker (never shown to customers)');
die "cf: $msg" unless $ok;
($ok, $msg) = $cf->AddToObject($q); die "cf queue: $msg" unless $ok;
my $scrips = RT::Scrips->new(RT->SystemUser); $scrips->UnLimit;
while (my $s = $scrips->Next) {   # CI speed: no mail; status automation (Open Inactive) stays
    $s->SetDisabled(1) if $s->ScripActionObj->Name =~ /^(Notify|Autoreply)/;
}
require RT::AuthToken;
my $tok = RT::AuthToken->new(RT::CurrentUser->new($agent));
my ($id, $m, $authstring) = $tok->Create(Owner => $agent->Id, Description => 'supportterm ci');
die "token: $m" unless $id;
print "$authstring\n";
PERL
}

start() {
  local dir=${1:?usage: rt.sh start DIR PORT} port=${2:?usage: rt.sh start DIR PORT}
  command -v rt-setup-database-5 >/dev/null || unavailable "not installed (run: rt.sh install)"
  [ -f "$CONF" ] || unavailable "$CONF missing (run: rt.sh install)"
  mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
  export SUPPORTTERM_RT_DIR="$dir" SUPPORTTERM_RT_PORT="$port"
  rm -f "$dir/rtdb" "$dir/server.pid"
  rt-setup-database-5 --action init --skip-create </dev/null >"$dir/setup.log" 2>&1 \
    || { cat "$dir/setup.log" >&2; exit 1; }
  bootstrap_perl >"$dir/bootstrap.pl"
  perl "$dir/bootstrap.pl" >"$dir/token" 2>>"$dir/setup.log" || { cat "$dir/setup.log" >&2; exit 1; }
  /usr/share/request-tracker5/libexec/rt-server --listen "127.0.0.1:$port" --max-workers 2 \
    >"$dir/server.log" 2>&1 </dev/null &
  echo $! >"$dir/server.pid"
  local url="http://127.0.0.1:$port/REST/2.0"
  cat >"$dir/credentials.env" <<ENV
RT_URL=$url
RT_AGENT=agent
RT_AGENT_PASSWORD=agent-pass-123
RT_TOKEN=$(cat "$dir/token")
RT_CUSTOMER=customer@example.com
RT_CUSTOMER_PASSWORD=customer-pass-123
RT_QUEUE=Support
ENV
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/rt" || true)
    [ "$code" = 401 ] && { echo "$url"; return 0; }
    kill -0 "$(cat "$dir/server.pid")" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "rt.sh: RT did not come up on port $port (log: $dir/server.log)" >&2; stop "$dir"; exit 1
}

stop() {
  stop_server "${1:?usage: rt.sh stop DIR}" 100
}

case "${1:-}" in
  install) do_install ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: rt.sh install | start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
