#!/usr/bin/env bash
# A command-trainer script for `agorabench run`: trains one student with train_sft.py (TRL, FSDP through accelerate),
# then serves it with vLLM and reports where, so the run can evaluate it. Plans call it as
#   bash "$AGORABENCH_RECIPES/train_and_serve.sh" {data} {output_dir} {base_model} {epochs} {learning_rate} \
#        {batch_size} {gradient_accumulation} {max_seq_length} {seed} {run_name}
# with AGORABENCH_RECIPES pointing at this folder. The server keeps running after the script ends (its pid is in
# {output_dir}/vllm.pid); stop the students when the evaluate stage is done. AGORABENCH_SERVE_HOST and
# AGORABENCH_SERVE_PORT choose the address it is reached at (default: this host's name and a free port).
set -euo pipefail
if [ "$#" -ne 10 ]; then
  echo "usage: train_and_serve.sh DATA OUTPUT_DIR BASE_MODEL EPOCHS LR BATCH GRAD_ACC MAX_LEN SEED RUN_NAME" >&2
  exit 2
fi
data=$1 out=$2 base=$3 epochs=$4 lr=$5 batch=$6 accumulation=$7 length=$8 seed=$9 name=${10}
here=$(cd "$(dirname "$0")" && pwd)

accelerate launch --config_file "$here/accelerate_fsdp.yaml" "$here/train_sft.py" \
  --data "$data" --output-dir "$out" --model "$base" --epochs "$epochs" --learning-rate "$lr" \
  --batch-size "$batch" --gradient-accumulation "$accumulation" --max-seq-length "$length" --seed "$seed" --run-name "$name"

port=${AGORABENCH_SERVE_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')}
host=${AGORABENCH_SERVE_HOST:-$(hostname)}
nohup vllm serve "$out/final" --served-model-name "$name" --port "$port" --max-model-len "$length" > "$out/vllm.log" 2>&1 &
echo $! > "$out/vllm.pid"
for _ in $(seq 1 600); do
  if curl -sf "http://localhost:$port/v1/models" > /dev/null; then break; fi
  sleep 2
done
curl -sf "http://localhost:$port/v1/models" > /dev/null || { echo "vLLM did not come up on port $port; see $out/vllm.log" >&2; exit 1; }

# train_sft.py wrote result.json with the weights' path and the training metrics; add the served name and endpoint.
python3 - "$out/result.json" "$name" "http://$host:$port/v1" <<'PY'
import json, sys
path, name, endpoint = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    result = json.load(f)
result["model_id"] = name
result["endpoint"] = endpoint
with open(path, "w", encoding="utf-8") as f:
    json.dump(result, f, indent=2)
PY
echo "serving $name at http://$host:$port/v1"
