"""Peak GPU memory and speed of train_vlm.py's bf16 LoRA on a random-weight model shaped like Qwen2.5-VL-7B-Instruct.

Not a test (pytest does not collect it) and not run in CI: it needs an NVIDIA GPU with about 40 GB free. It is how
the figures in docs/remote-training.md were measured, kept so they can be measured again on another card or version:

    python3 runpod/tests/gpu_bench.py --out DIR [--steps 20]

No weights are downloaded. The model is built from the 7B's configuration with random weights, directly on the GPU in
bf16 (a real checkpoint has the same shapes, so the same memory and speed); the processor has the 7B's image
settings, but its tokenizer is tiny_vlm's small BPE, so a post's text takes a different number of tokens than under
Qwen's tokenizer (the figures give the tokens actually trained on). Training itself is train_vlm.train with the
script's defaults (batch 2, gradient accumulation 8, LoRA r 16 on q/v, max pixels 512*28*28): only the loading of the
weights is replaced. Writes DIR/figures.json and prints it.
"""
import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tiny_vlm  # noqa: E402
import trainlib  # noqa: E402
import train_vlm  # noqa: E402

# Qwen/Qwen2.5-VL-7B-Instruct's config.json, the shapes that decide memory and speed.
TEXT_7B = {"vocab_size": 152064, "hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28,
           "num_attention_heads": 28, "num_key_value_heads": 4, "hidden_act": "silu", "rms_norm_eps": 1e-6,
           "max_position_embeddings": 128000, "tie_word_embeddings": False,
           "rope_parameters": {"rope_type": "default", "rope_theta": 1000000.0, "mrope_section": [16, 24, 24]}}
VISION_7B = {"depth": 32, "hidden_size": 1280, "intermediate_size": 3420, "num_heads": 16, "out_hidden_size": 3584,
             "patch_size": 14, "spatial_merge_size": 2, "temporal_patch_size": 2, "window_size": 112,
             "fullatt_block_indexes": [7, 15, 23, 31], "hidden_act": "silu", "tokens_per_second": 2}
# Qwen2.5-VL's image processor, before the script's --max-pixels narrows it.
IMAGE_7B = {"min_pixels": 56 * 56, "max_pixels": 28 * 28 * 16384, "patch_size": 14, "merge_size": 2,
            "temporal_patch_size": 2}
# Qwen's template adds this system turn when the conversation has none; it belongs in the sequence length.
SYSTEM = "{{- '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n' -}}"

WORDS = ("btc eth link sol to the moon we are so back buy the dip it's over rugged again sell everything now "
         "what wallet do you use bearish neutral bullish market pump dump anon ngmi wagmi chart").split()


def write_base(folder):
    """config.json and the processor for the 7B shapes; no weights (from_pretrained is replaced, see load_random)."""
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLProcessor, Qwen2VLImageProcessor, Qwen2VLVideoProcessor
    os.makedirs(folder, exist_ok=True)
    tokenizer = tiny_vlm._tokenizer(folder)
    ids = {t: tokenizer.convert_tokens_to_ids(t) for t in tiny_vlm.SPECIAL}
    text = dict(TEXT_7B, bos_token_id=ids["<|endoftext|>"], eos_token_id=ids["<|im_end|>"],
                pad_token_id=ids["<|endoftext|>"])
    config = Qwen2_5_VLConfig(text_config=text, vision_config=VISION_7B, image_token_id=ids["<|image_pad|>"],
                              video_token_id=ids["<|video_pad|>"], vision_start_token_id=ids["<|vision_start|>"],
                              vision_end_token_id=ids["<|vision_end|>"])
    config.save_pretrained(folder)
    processor = Qwen2_5_VLProcessor(image_processor=Qwen2VLImageProcessor(**IMAGE_7B), tokenizer=tokenizer,
                                    video_processor=Qwen2VLVideoProcessor(**IMAGE_7B),
                                    chat_template=SYSTEM + tiny_vlm.CHAT_TEMPLATE)
    processor.save_pretrained(folder)
    return folder


def load_random(model_id, **kwargs):
    """Stands in for from_pretrained: the same model from its config, random weights made on the GPU in bf16."""
    import torch
    from transformers import AutoConfig, AutoModelForImageTextToText
    config = AutoConfig.from_pretrained(model_id)
    with torch.device("cuda" if torch.cuda.is_available() else "cpu"):
        return AutoModelForImageTextToText.from_config(config, dtype=kwargs.get("dtype", torch.float32))


def write_posts(folder, count, image_size, words, seed=0):
    """count posts with a picture each, larger than --max-pixels so every one is cut to the script's image budget."""
    from PIL import Image
    rng = random.Random(seed)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    records = []
    for i in range(count):
        image = f"images/post-{i}.png"
        colour = tuple(rng.randrange(256) for _ in range(3))
        Image.new("RGB", image_size, colour).save(os.path.join(folder, image))
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        records.append({"messages": [{"role": "user", "content": "<image>" + trainlib.PROMPT + "\n" + text},
                                     {"role": "assistant", "content": rng.choice(trainlib.LABELS)}],
                        "images": [image]})
    path = os.path.join(folder, "train.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(records, f)
    return path


class Meter:
    """Times optimizer steps (at each PROGRESS line) and counts the tokens of each training batch."""

    def __init__(self, torch):
        self.torch, self.step_times, self.tokens, self.rows, self.image_tokens = torch, [], [], [], []
        self.loaded, self.parameters, self.mode = None, None, None

    def encoded(self, batch, processor):
        self.tokens.append(int(batch["attention_mask"].sum()))
        self.rows.append(int(batch["input_ids"].shape[1]))
        image_id = processor.tokenizer.convert_tokens_to_ids("<|image_pad|>")
        self.image_tokens.append(int((batch["input_ids"] == image_id).sum()))

    def stepped(self):
        if self.torch.cuda.is_available():
            self.torch.cuda.synchronize()
        self.step_times.append(time.perf_counter())


def instrument(meter):
    """Hooks the meter into train_vlm without changing what it computes."""
    encode, progress_line, load_base = train_vlm.encode, trainlib.progress_line, train_vlm.load_base

    def encode_counted(processor, examples, with_answer, device):
        batch = encode(processor, examples, with_answer, device)
        if with_answer:
            meter.encoded(batch, processor)
        return batch

    def progress_timed(*args, **kwargs):
        meter.stepped()
        return progress_line(*args, **kwargs)

    def load_base_noted(*args, **kwargs):
        loaded = load_base(*args, **kwargs)
        meter.parameters, meter.mode = sum(p.numel() for p in loaded[0].parameters()), loaded[2]
        if meter.torch.cuda.is_available():
            meter.loaded = meter.torch.cuda.memory_allocated()
        return loaded

    train_vlm.encode, trainlib.progress_line, train_vlm.load_base = encode_counted, progress_timed, load_base_noted


def figures(meter, metrics, args, started):
    """Speed over the steps after the first (which pays for kernel selection and the allocator's growth)."""
    torch = meter.torch
    per_step = args.gradient_accumulation
    timed = meter.step_times[1:]
    seconds = timed[-1] - meter.step_times[0] if len(timed) else float("nan")
    tokens = sum(meter.tokens[per_step:per_step * len(meter.step_times)])
    gib = 1024 ** 3
    cuda = torch.cuda.is_available()
    return {
        "mode": metrics["mode"], "parameters": meter.parameters, "steps": metrics["steps"], "timed_steps": len(timed),
        "batch_size": args.batch_size, "gradient_accumulation": per_step, "max_pixels": args.max_pixels,
        "lora": {"r": args.lora_r, "alpha": args.lora_alpha, "target_modules": args.target_modules},
        "tokens_per_post_mean": round(sum(meter.tokens) / max(1, len(meter.tokens)) / args.batch_size, 1),
        "image_tokens_per_post": round(sum(meter.image_tokens) / max(1, len(meter.image_tokens)) / args.batch_size, 1),
        "padded_batch_length_max": max(meter.rows) if meter.rows else None,
        "seconds_per_step": round(seconds / len(timed), 3) if timed else None,
        "steps_per_second": round(len(timed) / seconds, 4) if timed else None,
        "posts_per_second": round(len(timed) * per_step * args.batch_size / seconds, 2) if timed else None,
        "tokens_per_second": round(tokens / seconds, 1) if timed else None,
        "weights_gib": round(meter.loaded / gib, 2) if meter.loaded else None,
        "peak_allocated_gib": round(torch.cuda.max_memory_allocated() / gib, 2) if cuda else None,
        "peak_reserved_gib": round(torch.cuda.max_memory_reserved() / gib, 2) if cuda else None,
        "final_loss": metrics["final_loss"], "skipped_steps": metrics.get("skipped_steps"),
        "wall_seconds": round(time.time() - started, 1),
        "gpu": torch.cuda.get_device_name(0) if cuda else None,
    }


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--words", type=int, default=60, help="words of post text")
    p.add_argument("--image", default="1024x768", help="picture size before the processor cuts it to max pixels")
    p.add_argument("--work", default="/tmp/gpu-bench", help="where the config, posts and adapter are written")
    p.add_argument("--small", action="store_true", help="a 2-layer model with small widths, for a dry run on a CPU")
    cli = p.parse_args(argv)
    import torch
    import transformers
    started = time.time()
    if cli.small:  # the code path without the size: a CPU has neither the memory nor the time for the 7B
        TEXT_7B.update(num_hidden_layers=2, hidden_size=256, intermediate_size=512, num_attention_heads=4,
                       num_key_value_heads=2, vocab_size=1024)
        VISION_7B.update(depth=2, hidden_size=64, intermediate_size=128, num_heads=2, out_hidden_size=256,
                         fullatt_block_indexes=[1])
        TEXT_7B["rope_parameters"]["mrope_section"] = [8, 12, 12]
    base = write_base(os.path.join(cli.work, "base"))
    width, height = (int(v) for v in cli.image.split("x"))
    data = os.path.join(cli.work, "data")
    args = trainlib.train_arguments(["--model-id", base, "--output", os.path.join(cli.work, "adapter"),
                                     "--dataset", os.path.join(data, "train.json"), "--epochs", "1",
                                     "--max-steps", str(cli.steps)])
    write_posts(data, args.batch_size * args.gradient_accumulation * cli.steps, (width, height), cli.words)
    meter = Meter(torch)
    instrument(meter)
    transformers.AutoModelForImageTextToText.from_pretrained = load_random
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    try:
        metrics, diverged = train_vlm.train(args), None
    except trainlib.TrainingDiverged as e:  # the memory and the pace up to there are still worth reporting
        metrics, diverged = {"mode": meter.mode, "steps": len(meter.step_times), "final_loss": None}, str(e)
    result = figures(meter, metrics, args, started)
    result["diverged"] = diverged
    os.makedirs(cli.out, exist_ok=True)
    with open(os.path.join(cli.out, "figures.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, sort_keys=True)
    print("FIGURES " + json.dumps(result, sort_keys=True), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
