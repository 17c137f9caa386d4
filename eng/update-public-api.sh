#!/usr/bin/env bash
# Keeps a project's PublicAPI.Unshipped.txt in step with the code (default: AgoraBench.Core; pass another .csproj).
# RS0016 ("Symbol 'X' is not part of the declared public API") and RS0017 ("Symbol 'X' is part of the declared API,
# but is either not public or could not be found") name each entry exactly as the baseline spells it, so the build's
# own diagnostics are the source of truth: RS0016 entries are added, RS0017 entries removed from the unshipped file
# (never from PublicAPI.Shipped.txt: removing shipped API is a breaking change to decide by hand).
# Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-src/AgoraBench.Core/AgoraBench.Core.csproj}
unshipped=$(dirname "$project")/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build "$project" --nologo -clp:NoSummary -p:TreatWarningsAsErrors=false --no-incremental > "$log" 2>&1 || true
added=$(grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | LC_ALL=C sort -u || true)
removed=$(grep -o "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" "$log" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found$/\1/" | LC_ALL=C sort -u || true)
rm -f "$log"
tmp=$(mktemp)
tail -n +2 "$unshipped" > "$tmp"
if [ -n "$removed" ]; then
  grep -vxF -f <(printf '%s\n' "$removed") "$tmp" > "$tmp.kept" || true
  mv "$tmp.kept" "$tmp"
fi
{ cat "$tmp"; [ -n "$added" ] && printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u > "$tmp.sorted" || true
{ echo '#nullable enable'; cat "$tmp.sorted"; } > "$unshipped"
rm -f "$tmp" "$tmp.sorted"
echo "public API baseline: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
