"""The pure parts of remote training: dataset reading, prompts, arguments and the progress-line protocol.

Nothing here imports torch, so the workstation's CI tests it with Debian's python3 alone.
The workstation parses the lines written by progress_line/done_line/failed_line; keep them in step with
com.bizcharts.remote.ProgressLine.
"""
import argparse
import json
import math
import os
import sys
from dataclasses import dataclass

LABELS = ("bearish", "neutral", "bullish")
PROMPT = ("Classify this 4chan /biz/ crypto post as bearish, neutral, or bullish. "
          "Consider both the image and text together.")


@dataclass(frozen=True)
class Example:
    text: str
    label: int          # index into LABELS
    image: str | None   # absolute path, or None when the post had no usable image


def read_dataset(path, images_root=None):
    """Reads the prototype's messages format: a JSON list of {messages:[user, assistant], images:[...]}.

    Image paths are resolved against images_root (the folder holding the dataset when None). Raises ValueError
    naming the record for anything malformed, so a bad export fails before the GPU is paid for.
    """
    with open(path, encoding="utf-8") as f:
        try:
            records = json.load(f)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}: not JSON: {e}") from None
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a JSON list of records")
    root = images_root or os.path.dirname(os.path.abspath(path))
    return [_example(r, i, root, path) for i, r in enumerate(records)]


def _example(record, index, root, path):
    where = f"{path} record {index}"
    messages = record.get("messages") if isinstance(record, dict) else None
    if not isinstance(messages, list) or len(messages) < 2:
        raise ValueError(f"{where}: needs messages [user, assistant]")
    user = next((m for m in messages if m.get("role") == "user"), None)
    answer = next((m for m in messages if m.get("role") == "assistant"), None)
    if user is None or answer is None:
        raise ValueError(f"{where}: needs a user and an assistant message")
    label = str(answer.get("content", "")).strip().lower()
    if label not in LABELS:
        raise ValueError(f"{where}: answer must be one of {', '.join(LABELS)}, got {label!r}")
    text = str(user.get("content", "")).replace("<image>", "").strip()
    images = record.get("images") or []
    image = None
    if images:
        image = images[0] if os.path.isabs(images[0]) else os.path.join(root, images[0])
    return Example(text=text, label=LABELS.index(label), image=image)


def build_messages(example, with_answer=False):
    """The chat turn Qwen2.5-VL sees: image first (when there is one), then the post and the instruction."""
    content = []
    if example.image is not None:
        content.append({"type": "image", "image": "file://" + example.image})
    content.append({"type": "text", "text": example.text if PROMPT in example.text else PROMPT + "\n" + example.text})
    messages = [{"role": "user", "content": content}]
    if with_answer:
        messages.append({"role": "assistant", "content": [{"type": "text", "text": LABELS[example.label]}]})
    return messages


def label_of(generated):
    """The label a generated answer names (the first label word found), or None."""
    low = (generated or "").lower()
    found = [(low.find(l), i) for i, l in enumerate(LABELS) if l in low]
    return min(found)[1] if found else None


def macro_f1(truth, predicted, classes=3):
    """Macro-averaged F1 over the classes; a class never predicted nor present counts 0."""
    scores = []
    for c in range(classes):
        tp = sum(1 for t, p in zip(truth, predicted) if t == c and p == c)
        fp = sum(1 for t, p in zip(truth, predicted) if t != c and p == c)
        fn = sum(1 for t, p in zip(truth, predicted) if t == c and p != c)
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(scores) / classes


def accuracy(truth, predicted):
    return sum(1 for t, p in zip(truth, predicted) if t == p) / len(truth) if truth else 0.0


def total_steps(examples, batch_size, grad_accum, epochs):
    """Optimizer steps for the run: what the workstation's ETA divides by."""
    return math.ceil(math.ceil(examples / batch_size) / grad_accum) * epochs


def _number(value):
    if value is None:
        return None
    value = float(value)
    return round(value, 6) if math.isfinite(value) else None


def progress_line(step, total, epoch, loss, lr=None, eval_macro_f1=None, eval_accuracy=None, stage=None):
    """One machine-readable line per optimizer step; stage names a later phase of the run (export_student.py's
    "distil"), absent for the fine-tuning itself, so the workstation restarts its ETA and score for it."""
    body = {"step": int(step), "total_steps": int(total), "epoch": _number(epoch), "loss": _number(loss)}
    if stage is not None:
        body["stage"] = stage
    if lr is not None:
        body["lr"] = _number(lr)
    if eval_macro_f1 is not None:
        body["eval_macro_f1"] = _number(eval_macro_f1)
    if eval_accuracy is not None:
        body["eval_accuracy"] = _number(eval_accuracy)
    return "PROGRESS " + json.dumps(body, sort_keys=True)


def json_safe(value):
    """value with NaN and infinities as None: Python writes them as bare NaN/Infinity, which is not JSON, and the
    workstation's parser (Jackson) refuses the whole DONE line or metrics.json that holds one."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def done_line(metrics):
    return "DONE " + json.dumps(json_safe(metrics), sort_keys=True, allow_nan=False)


def failed_line(error):
    # One line, whatever the exception text held.
    return "FAILED " + json.dumps({"error": " ".join(str(error).split())[:500]})


class TrainingDiverged(ValueError):
    """The loss or the gradient stayed non-finite: the adapter would be garbage, so the run must fail."""


class StepGuard:
    """Decides whether an optimizer step may be applied, given its loss and gradient norm.

    One non-finite step (an overflow on one batch) is skipped rather than applied: applying it writes NaN into every
    LoRA weight, and each later step is NaN too, while the run goes on to report DONE and distil a student from a
    broken teacher. Several in a row mean the run has diverged; it then fails at once instead of paying for the GPU
    until the last step.
    """

    def __init__(self, limit=3):
        self.limit, self.in_a_row, self.skipped = limit, 0, 0

    def allows(self, step, loss, grad_norm):
        if math.isfinite(loss) and math.isfinite(grad_norm):
            self.in_a_row = 0
            return True
        self.skipped += 1
        self.in_a_row += 1
        if self.in_a_row >= self.limit:
            raise TrainingDiverged(f"training diverged: the loss or gradient was not finite for {self.in_a_row} "
                                   f"optimizer steps in a row (up to step {step}); lower --learning-rate or check "
                                   "the training data")
        return False


def run_as_script(main, argv):
    """Runs a script's main; an unexpected error becomes one FAILED line (which the workstation reads) and exit 1."""
    try:
        main(argv)
    except SystemExit:
        raise
    except Exception as e:
        print(failed_line(f"{type(e).__name__}: {e}"), flush=True)
        sys.exit(1)


def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_float(text):
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {value}")
    return value


def train_arguments(argv=None):
    p = argparse.ArgumentParser(description="LoRA fine-tuning of a vision-language model for 3-class sentiment")
    p.add_argument("--model-id", default="Qwen/Qwen2.5-VL-7B-Instruct",
                   help="base model (a local folder or hub id; tests use a tiny random-weight model)")
    p.add_argument("--dataset", required=True, help="training records (messages format)")
    p.add_argument("--val-dataset", help="validation records; evaluated after each epoch")
    p.add_argument("--images", help="folder that relative image paths start from")
    p.add_argument("--output", required=True, help="where the adapter, metrics.json and the log go")
    p.add_argument("--epochs", type=positive_int, default=3)
    p.add_argument("--batch-size", type=positive_int, default=2)
    p.add_argument("--gradient-accumulation", type=positive_int, default=8)
    p.add_argument("--learning-rate", type=positive_float, default=2e-4)
    p.add_argument("--lora-r", type=positive_int, default=16)
    p.add_argument("--lora-alpha", type=positive_int, default=32)
    p.add_argument("--lora-dropout", type=float, default=0.05)
    p.add_argument("--target-modules", default="q_proj,v_proj")
    p.add_argument("--max-pixels", type=positive_int, default=512 * 28 * 28)
    p.add_argument("--quantization", choices=("auto", "4bit", "none"), default="auto",
                   help="auto: 4-bit QLoRA when bitsandbytes and CUDA are present, bf16 LoRA otherwise")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many optimizer steps (0: no limit)")
    args = p.parse_args(argv)
    args.target_modules = [m.strip() for m in args.target_modules.split(",") if m.strip()]
    if not args.target_modules:
        p.error("--target-modules needs at least one module name")
    return args
