#!/usr/bin/env bash
# Regenerates docs/plan.schema.json from the plan records (src/AgoraBench.Core/Running/Plan/Document): the test that
# checks the file writes it when AGORABENCH_UPDATE_PLAN_SCHEMA=1. Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
AGORABENCH_UPDATE_PLAN_SCHEMA=1 dotnet test tests/AgoraBench.Core.Tests --filter "FullyQualifiedName~PlanSchemaTests.TheCheckedInSchema" "$@"
git --no-pager diff --stat -- docs/plan.schema.json
