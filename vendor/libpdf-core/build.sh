#!/bin/sh
# Rebuilds ../libpdf-core-0.4.2-teken.1.tgz from the registry's @libpdf/core 0.4.2 (integrity
# checked) and the patches beside this script. See README.md. Needs npm and patch(1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack @libpdf/core@0.4.2 --silent >/dev/null
echo "2455de6fcba8e33e80829d5200f0b3c6bc01ab1b55d904515e98fc03cf5b0d9a  libpdf-core-0.4.2.tgz" | sha256sum -c - >/dev/null
tar xzf libpdf-core-0.4.2.tgz
cd package
for p in "$here"/*.patch; do patch -s -p1 <"$p"; done
# The source map describes the unpatched file: dropped rather than left wrong.
rm -f dist/index.mjs.map
sed -i 's#^//\# sourceMappingURL=index.mjs.map$##' dist/index.mjs
npm pkg set version=0.4.2-teken.1
npm pack --ignore-scripts --silent --pack-destination "$here/.." >/dev/null
echo "wrote vendor/libpdf-core-0.4.2-teken.1.tgz"
