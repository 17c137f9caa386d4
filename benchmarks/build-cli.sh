#!/usr/bin/env bash
# Builds the CLI the side-by-side scripts measure into DIR (default artifacts/cli), the way users get it:
# `dotnet tool install agorabench` installs the native (Native AOT) linux-x64 package on linux-x64 and the portable one elsewhere.
# Usage: benchmarks/build-cli.sh [DIR]   (from anywhere; prints the path of the apphost)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/artifacts/cli}
if [[ $(uname -s) == Linux && $(uname -m) == x86_64 ]]; then
    dotnet publish "$root/src/AgoraBench.Cli" -c Release -r linux-x64 -o "$out" >/dev/null
else
    dotnet build "$root/src/AgoraBench.Cli" -c Release -o "$out" >/dev/null
fi
echo "$out/agorabench"
