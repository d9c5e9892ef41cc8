#!/usr/bin/env bash
# Debian packages Teken's tests use: OpenSSL and Java's keytool as judges of what Teken produces,
# SoftHSM2 (and OpenSC's pkcs11-tool) for the HSM backend, a C++ toolchain for the PKCS#11 addon.
# Chromium for the console's browser tests (driven by playwright-core, which downloads no browser).
# curl as the client of the oversized-upload tests; wrk for the HTTP benchmarks (bench/).
# pdfsig (poppler-utils) with certutil (libnss3-tools), qpdf and Ghostscript judge and produce the
# PDFs of the signing tests.
set -euo pipefail
packages=(openssl default-jre-headless softhsm2 opensc oathtool g++ make python3 ca-certificates chromium curl wrk
  poppler-utils libnss3-tools qpdf ghostscript)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
