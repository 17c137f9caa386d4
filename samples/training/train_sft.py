#!/usr/bin/env python3
"""Full-parameter SFT of an AGORABENCH student with TRL, as the paper trains it (Table 6).

Launched by `agorabench train --trainer command` (see command-template.txt), directly with
`accelerate launch --config_file accelerate_fsdp.yaml train_sft.py ...`, or through Slurm (`sbatch --wait sbatch.sh`).

Input: a JSON Lines file exported by `agorabench export-sft --format prompt-completion` (or `llama3`).
The loss falls on the completion (the response) only, as in the paper.
Output: the trained model in OUTPUT_DIR/final and OUTPUT_DIR/result.json, which agorabench reads:
    {"model_id": ..., "model_path": ..., "endpoint": ... (when AGORABENCH_STUDENT_ENDPOINT is set), "metrics": {...}}

`--dry-run` validates the data and prints the resolved configuration without importing torch, so CI can check the
recipe's inputs on a machine without a GPU.
"""
import argparse
import json
import math
import os
import sys

PAPER = {
    "epochs": 5,
    "learning_rate": 1e-5,
    "batch_size": 4,
    "gradient_accumulation": 8,
    "max_seq_length": 4096,
    "seed": 42,
    # llama-recipes (the paper's training code) multiplies the learning rate by 0.85 after every epoch.
    "lr_decay_per_epoch": 0.85,
    "weight_decay": 0.01,
}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="prompt-completion or llama3 JSON Lines from agorabench export-sft")
    p.add_argument("--output-dir", required=True)
    p.add_argument("--model", default="meta-llama/Llama-3.1-8B", help="base model (paper: meta-llama/Llama-3.1-8B)")
    p.add_argument("--epochs", type=int, default=PAPER["epochs"])
    p.add_argument("--learning-rate", type=float, default=PAPER["learning_rate"])
    p.add_argument("--batch-size", type=int, default=PAPER["batch_size"])
    p.add_argument("--gradient-accumulation", type=int, default=PAPER["gradient_accumulation"])
    p.add_argument("--max-seq-length", type=int, default=PAPER["max_seq_length"])
    p.add_argument("--seed", type=int, default=PAPER["seed"])
    p.add_argument("--lr-decay-per-epoch", type=float, default=PAPER["lr_decay_per_epoch"])
    p.add_argument("--run-name", default="agorabench-student")
    p.add_argument("--dry-run", action="store_true", help="validate the data and print the configuration; do not train")
    return p.parse_args(argv)


def load_examples(path):
    """Reads and validates every line; reports all problems with their line numbers."""
    examples, problems = [], []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{path}:{number}: not valid JSON: {e.msg}")
                continue
            prompt, completion = row.get("prompt"), row.get("completion")
            if isinstance(prompt, list) and isinstance(completion, list):
                ok = all(isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str)
                         for m in prompt + completion)
                if not ok or not completion or completion[-1].get("role") != "assistant":
                    problems.append(f"{path}:{number}: prompt/completion messages need role and content, ending with the assistant")
                    continue
                if not completion[-1]["content"].strip():
                    problems.append(f"{path}:{number}: the completion is empty")
                    continue
            elif isinstance(prompt, str) and isinstance(completion, str):
                if not completion.endswith("<|eot_id|>"):
                    problems.append(f"{path}:{number}: a llama3 completion must end with <|eot_id|>")
                    continue
            else:
                problems.append(f"{path}:{number}: expected 'prompt' and 'completion' (messages or llama3 text)")
                continue
            examples.append({"prompt": prompt, "completion": completion})
    if not examples and not problems:
        problems.append(f"{path}: no examples")
    return examples, problems


def config(args, examples):
    world = int(os.environ.get("WORLD_SIZE", "1"))
    per_step = args.batch_size * args.gradient_accumulation * world
    steps_per_epoch = max(1, math.ceil(len(examples) / per_step))
    return {
        "model": args.model,
        "data": args.data,
        "examples": len(examples),
        "output_dir": args.output_dir,
        "epochs": args.epochs,
        "learning_rate": args.learning_rate,
        "lr_decay_per_epoch": args.lr_decay_per_epoch,
        "per_device_batch_size": args.batch_size,
        "gradient_accumulation": args.gradient_accumulation,
        "world_size": world,
        "effective_batch_size": per_step,
        "steps_per_epoch": steps_per_epoch,
        "max_seq_length": args.max_seq_length,
        "seed": args.seed,
        "loss": "completion only",
        "dtype": "bfloat16",
    }


def train(args, examples, resolved):
    import torch  # noqa: F401  (imported here so --dry-run needs no GPU stack)
    from datasets import Dataset
    from torch.optim.lr_scheduler import LambdaLR
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = "<|end_of_text|>" if "<|end_of_text|>" in tokenizer.get_vocab() else tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(args.model, torch_dtype="bfloat16")
    sft = SFTConfig(
        output_dir=args.output_dir,
        run_name=args.run_name,
        num_train_epochs=args.epochs,
        learning_rate=args.learning_rate,
        per_device_train_batch_size=args.batch_size,
        gradient_accumulation_steps=args.gradient_accumulation,
        max_length=args.max_seq_length,
        completion_only_loss=True,
        bf16=True,
        seed=args.seed,
        weight_decay=PAPER["weight_decay"],
        warmup_steps=0,
        logging_steps=10,
        save_strategy="no",
        report_to=[],
    )
    trainer = SFTTrainer(model=model, args=sft, train_dataset=Dataset.from_list(examples), processing_class=tokenizer)
    trainer.create_optimizer()
    steps = resolved["steps_per_epoch"]
    trainer.lr_scheduler = LambdaLR(trainer.optimizer, lambda step: args.lr_decay_per_epoch ** (step // steps))
    result = trainer.train()
    final = os.path.join(args.output_dir, "final")
    trainer.save_model(final)
    tokenizer.save_pretrained(final)
    return final, {"train_loss": float(result.training_loss), "train_steps": float(result.global_step)}


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    examples, problems = load_examples(args.data)
    if problems:
        for problem in problems[:50]:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in the training data", file=sys.stderr)
        return 2
    resolved = config(args, examples)
    print(json.dumps({"config": resolved}, indent=2))
    if args.dry_run:
        return 0
    os.makedirs(args.output_dir, exist_ok=True)
    final, metrics = train(args, examples, resolved)
    result = {"model_id": os.environ.get("AGORABENCH_STUDENT_NAME", args.run_name), "model_path": final, "metrics": metrics}
    if os.environ.get("AGORABENCH_STUDENT_ENDPOINT"):
        result["endpoint"] = os.environ["AGORABENCH_STUDENT_ENDPOINT"]
    with open(os.path.join(args.output_dir, "result.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
