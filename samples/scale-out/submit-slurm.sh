#!/bin/bash
# Submits the shards as one job array and the merge as a job that starts when the whole array has ended.
#   samples/scale-out/submit-slurm.sh /shared/study/plan.json /shared/study/runs 4
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plan=${1:?usage: submit-slurm.sh PLAN RUNS_DIR SHARDS}
runs=${2:?usage: submit-slurm.sh PLAN RUNS_DIR SHARDS}
shards=${3:-4}

array=$(sbatch --parsable --array="1-$shards" "$here/shards.sbatch" "$plan" "$runs")
# afterany, not afterok: the merge itself names any shard that did not finish (exit 4), which is more useful than a
# merge job that never starts.
sbatch --dependency="afterany:$array" "$here/merge.sbatch" "$plan" "$runs"
echo "shards: job $array (array 1-$shards); merge waits for it"
