#!/bin/bash
# Container health: 200 from /health/ready (the database answers). Plain bash /dev/tcp, so the runtime image
# needs neither curl nor wget.
set -eu
exec 3<>"/dev/tcp/127.0.0.1/${FINLENS_PORT:-8080}"
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r status_line <&3
[[ $status_line == "HTTP/1."?" 200"* ]]
