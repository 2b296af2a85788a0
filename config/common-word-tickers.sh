#!/usr/bin/env bash
# Writes config/common-word-tickers.txt: the symbols of config/coins.toml whose lower-case spelling is a lower-case
# entry (a common word, not a proper name) of Debian's wamerican word list (SCOWL size 50). The extractor reads the
# shipped file; the word list is only needed to run this again after coins are added:
#   apt-get install -y wamerican && config/common-word-tickers.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dict="${1:-/usr/share/dict/american-english}"
[ -r "$dict" ] || { echo "no word list at $dict (apt-get install -y wamerican)" >&2; exit 1; }
version="$(dpkg-query -W -f='${Version}' wamerican 2>/dev/null || echo unknown)"
out="$here/common-word-tickers.txt"
{
  echo "# Coin tickers that are also common English words: they count only as a cashtag, by the coin's name, or in"
  echo "# capitals next to crypto context (coins.CoinExtractor); coins.toml's 'word = true' adds hand-picked ones."
  echo "# Made by config/common-word-tickers.sh from config/coins.toml and $dict,"
  echo "# Debian package wamerican $version (SCOWL size 50; lower-case entries only)."
  echo "# Derived from SCOWL, Copyright 2000-2011 by Kevin Atkinson and others: see common-word-tickers.LICENSE."
  sed -n 's/^symbol *= *"\([A-Za-z0-9]*\)".*/\1/p' "$here/coins.toml" \
    | awk 'NR == FNR { if ($0 ~ /^[a-z]+$/) words[$0] = 1; next } (tolower($0) in words) { print toupper($0) }' "$dict" - \
    | LC_ALL=C sort -u
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") tickers)"
