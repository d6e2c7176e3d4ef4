#!/usr/bin/env bash
# Installs what PacketWalk needs on a fresh Debian machine: npm packages, and for the
# tests also Debian's Chromium (Playwright drives it) and the Linux dataplane tools the
# kernel-conformance tests use. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_npm() {
  [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]
}
if need_npm; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v iptables-restore >/dev/null 2>&1 || missing+=(iptables)
  command -v conntrack >/dev/null 2>&1 || missing+=(conntrack)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v nc >/dev/null 2>&1 || missing+=(netcat-openbsd)
  command -v nfacct >/dev/null 2>&1 || missing+=(nfacct)
  # kube-proxy's IPVS mode: the kernel tests load ipset's sets and ipvsadm's virtual servers.
  command -v ipset >/dev/null 2>&1 || missing+=(ipset)
  command -v ipvsadm >/dev/null 2>&1 || missing+=(ipvsadm)
  # kube-proxy's nftables mode: the kernel tests load its kube-proxy table with nft -f.
  command -v nft >/dev/null 2>&1 || missing+=(nftables)
  # A CJK font, so the 简体中文 screenshots the browser tests take show glyphs, not boxes.
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing ${missing[*]}"
      # Another job may hold the dpkg or apt lists lock (unattended upgrades, a parallel
      # install): apt waits for the dpkg lock up to the timeout, and each step is retried
      # while the lock is busy instead of failing at once.
      timeout_s="${SETUP_LOCK_TIMEOUT:-600}"
      apt_locked() {
        local deadline=$((SECONDS + timeout_s))
        until apt-get -o DPkg::Lock::Timeout="$timeout_s" "$@"; do
          if [ $SECONDS -ge $deadline ]; then
            echo "setup: apt-get $* still failing after ${timeout_s}s (is another job holding the dpkg lock?)" >&2
            return 1
          fi
          echo "setup: apt-get is busy or failed; trying again in 10 s" >&2
          sleep 10
        done
      }
      apt_locked update -qq
      export DEBIAN_FRONTEND=noninteractive
      apt_locked install -y -qq "${missing[@]}" >/dev/null
    else
      echo "setup: missing ${missing[*]} (not root or no apt-get); the tests that need them will be skipped" >&2
    fi
  fi
fi
