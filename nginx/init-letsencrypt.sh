#!/bin/sh
# First Let's Encrypt certificate for a fresh Finlens deployment. Run once from the repository root after
# filling in .env:
#
#   nginx/init-letsencrypt.sh               # staging CA (untrusted certificate, generous rate limits)
#   nginx/init-letsencrypt.sh --production  # the real CA, once staging worked
#
# nginx cannot start without a certificate file, and certbot needs nginx to answer the HTTP-01 challenge, so:
#   1. dummy   put a one-day self-signed certificate where nginx expects the real one
#   2. start   start the stack (nginx waits for healthy backends, MySQL and Weaviate)
#   3. obtain  replace the dummy with a certificate from the CA (webroot challenge) and reload nginx
# Each step can be run on its own: `nginx/init-letsencrypt.sh [--production] dummy|start|obtain`.
# Renewal is not this script's job: the certbot service renews, and nginx reloads when the deploy hook fires.
#
# Every command is overridable so the same steps run without Docker in the test suite:
#   FINLENS_ACME_LOCAL=1   run openssl/certbot/rm on this machine instead of in the certbot container
#   LE_DIR, WEBROOT        certbot's config dir and the ACME webroot as certbot sees them
#   ACME_SERVER            ACME directory URL (overrides --production / staging)
#   CERTBOT_ARGS           extra certbot arguments (e.g. --work-dir/--logs-dir)
#   NGINX_START, NGINX_RELOAD  commands that start and reload nginx
set -eu

cd "$(dirname "$0")/.."

STAGING_SERVER=https://acme-staging-v02.api.letsencrypt.org/directory
PRODUCTION_SERVER=https://acme-v02.api.letsencrypt.org/directory

# A value from the environment, else from .env (plain KEY=value lines; surrounding quotes removed).
setting() {
    eval "value=\${$1:-}"
    if [ -z "$value" ] && [ -f .env ]; then
        value=$(sed -n "s/^$1=//p" .env | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/")
    fi
    printf '%s' "$value"
}

acme_server=$STAGING_SERVER
step=all
for arg in "$@"; do
    case $arg in
        --production) acme_server=$PRODUCTION_SERVER ;;
        dummy|start|obtain|all) step=$arg ;;
        *) echo "usage: $0 [--production] [dummy|start|obtain]" >&2; exit 2 ;;
    esac
done
acme_server=${ACME_SERVER:-$acme_server}

domain=$(setting FINLENS_DOMAIN)
email=$(setting FINLENS_ACME_EMAIL)
[ -n "$domain" ] || { echo "FINLENS_DOMAIN is not set (in the environment or .env)" >&2; exit 2; }

LE_DIR=${LE_DIR:-/etc/letsencrypt}
WEBROOT=${WEBROOT:-/var/www/certbot}
CERTBOT_ARGS=${CERTBOT_ARGS:-}
NGINX_START=${NGINX_START:-docker compose up -d --wait}
NGINX_RELOAD=${NGINX_RELOAD:-docker compose exec nginx nginx -s reload}
live="$LE_DIR/live/$domain"

# Runs a program where certbot's volumes are mounted: in the certbot container, or here in local mode.
in_certbot() {
    if [ "${FINLENS_ACME_LOCAL:-0}" = 1 ]; then
        "$@"
    else
        program=$1
        shift
        docker compose run --rm --no-deps --entrypoint "$program" certbot "$@"
    fi
}

make_dummy_certificate() {
    if in_certbot test -f "$live/fullchain.pem"; then
        echo "### $live already holds a certificate; keeping it"
        return
    fi
    echo "### Creating a one-day self-signed certificate for $domain"
    in_certbot mkdir -p "$live"
    in_certbot openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$domain" \
        -keyout "$live/privkey.pem" -out "$live/fullchain.pem"
}

start_nginx() {
    echo "### Starting the stack"
    sh -c "$NGINX_START"
}

obtain_certificate() {
    renewal="$LE_DIR/renewal/$domain.conf"
    policy="--keep-until-expiring"
    if ! in_certbot test -f "$renewal"; then
        # What is in live/ is the dummy, not a certbot lineage: certbot refuses to write over it. nginx keeps
        # the dummy in memory until the reload below.
        echo "### Removing the dummy certificate"
        in_certbot rm -rf "$live" "$LE_DIR/archive/$domain"
    elif ! in_certbot grep -q "^server = $acme_server\$" "$renewal"; then
        policy="--force-renewal"   # switching CA (staging -> production): replace the certificate now
    fi
    if [ -n "$email" ]; then contact="--email $email"; else contact="--register-unsafely-without-email"; fi
    echo "### Requesting a certificate for $domain from $acme_server"
    # shellcheck disable=SC2086  # CERTBOT_ARGS, contact and policy are word lists on purpose
    in_certbot certbot certonly --non-interactive --agree-tos $contact \
        --server "$acme_server" --config-dir "$LE_DIR" $CERTBOT_ARGS \
        --webroot -w "$WEBROOT" --cert-name "$domain" -d "$domain" \
        --key-type ecdsa $policy \
        --deploy-hook 'touch "$RENEWED_LINEAGE/../../finlens-renewed"'
    echo "### Reloading nginx"
    sh -c "$NGINX_RELOAD"
}

case $step in
    dummy) make_dummy_certificate ;;
    start) start_nginx ;;
    obtain) obtain_certificate ;;
    all) make_dummy_certificate; start_nginx; obtain_certificate ;;
esac
