#!/bin/sh
# Reloads nginx after certbot (its own container) renewed a certificate. certbot's deploy hook touches the
# marker file in the shared /etc/letsencrypt volume; this loop notices the new timestamp and reloads, which
# swaps the certificate without dropping connections. The nginx image's entrypoint runs this script before
# nginx starts; it then keeps running in the background.
set -eu

marker=${FINLENS_RENEWAL_MARKER:-/etc/letsencrypt/finlens-renewed}
interval=${FINLENS_RENEWAL_CHECK_SECONDS:-300}
reload_command=${NGINX_RELOAD:-nginx -s reload}

if [ "${1:-}" != --foreground ]; then
    "$0" --foreground &
    exit 0
fi

stamp() {
    stat -c %Y "$marker" 2>/dev/null || echo absent
}

seen=$(stamp)
while sleep "$interval"; do
    current=$(stamp)
    if [ "$current" != "$seen" ]; then
        seen=$current
        echo "certificate renewed: reloading nginx"
        sh -c "$reload_command"
    fi
done
