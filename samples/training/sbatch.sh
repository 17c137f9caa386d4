#!/bin/bash
# Slurm job for one AGORABENCH student. agorabench waits for it with `sbatch --wait`:
#   agorabench train --trainer command --data gen.jsonl --base-model meta-llama/Llama-3.1-8B \
#     --command "sbatch --wait samples/training/sbatch.sh {data} {output_dir} {base_model} {run_name}" --out student.json
#SBATCH --job-name=agorabench-student
#SBATCH --nodes=1
#SBATCH --gres=gpu:4
#SBATCH --cpus-per-task=32
#SBATCH --time=24:00:00
#SBATCH --output=%x-%j.log
set -euo pipefail
data="$1"; output_dir="$2"; model="${3:-meta-llama/Llama-3.1-8B}"; run_name="${4:-agorabench-student}"
cd "${SLURM_SUBMIT_DIR:-.}"
accelerate launch --config_file samples/training/accelerate_fsdp.yaml samples/training/train_sft.py \
  --data "$data" --output-dir "$output_dir" --model "$model" --run-name "$run_name"
