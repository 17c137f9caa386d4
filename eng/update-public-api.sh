#!/usr/bin/env bash
# Records new public API of AgoraBench.Core in PublicAPI.Unshipped.txt.
# RS0016 ("Symbol 'X' is not part of the declared public API") names each missing entry exactly as the baseline
# file spells it, so the build's own diagnostics are the source of truth. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/AgoraBench.Core/AgoraBench.Core.csproj
unshipped=src/AgoraBench.Core/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build "$project" --nologo -clp:NoSummary -p:TreatWarningsAsErrors=false --no-incremental > "$log" 2>&1 || true
new=$(grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
rm -f "$log"
if [ -n "$new" ]; then
  { tail -n +2 "$unshipped"; printf '%s\n' "$new"; } | grep -v '^$' | LC_ALL=C sort -u > "$unshipped.tmp"
  { echo '#nullable enable'; cat "$unshipped.tmp"; } > "$unshipped"
  rm -f "$unshipped.tmp"
  echo "added $(printf '%s\n' "$new" | wc -l) entries to $unshipped"
else
  echo "public API baseline is up to date"
fi
