#!/usr/bin/env bash
# The own-task study's training command:  bash train.sh {data} {output_dir} {run_name}
# It fine-tunes the base model on one generated dataset with the TRL recipe of samples/training (full-parameter SFT
# with the paper's hyperparameters: 5 epochs, learning rate 1e-5, batch 4 x accumulation 8, 4,096 tokens, seed 42),
# serves the student with vLLM and writes {output_dir}/result.json naming it, so the run can evaluate it.
#   AGORABENCH_RECIPES   the folder holding train_and_serve.sh and train_sft.py (default: ../training beside this file)
#   BASE_MODEL           the model to fine-tune (default: meta-llama/Llama-3.1-8B, the plan's base model)
#   AGORABENCH_FAKE_TRAIN
#                        the path of a stand-in trainer (e.g. ../shared/tools/fake_train.py); when set, it is run
#                        instead with the same three arguments, for offline demos and tests.
set -euo pipefail
if [ "$#" -ne 3 ]; then
  echo "usage: bash train.sh DATA OUTPUT_DIR RUN_NAME" >&2
  exit 2
fi
data=$1 out=$2 name=$3

if [ -n "${AGORABENCH_FAKE_TRAIN:-}" ]; then
  exec python3 "$AGORABENCH_FAKE_TRAIN" "$data" "$out" "$name"
fi

here=$(cd "$(dirname "$0")" && pwd)
recipes=${AGORABENCH_RECIPES:-$here/../training}
if [ ! -f "$recipes/train_and_serve.sh" ]; then
  echo "train.sh: $recipes/train_and_serve.sh not found; set AGORABENCH_RECIPES to the samples/training folder of the AgoraBench repository" >&2
  exit 2
fi
exec bash "$recipes/train_and_serve.sh" "$data" "$out" "${BASE_MODEL:-meta-llama/Llama-3.1-8B}" 5 1e-5 4 8 4096 42 "$name"
