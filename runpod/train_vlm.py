"""LoRA fine-tuning of Qwen2.5-VL (or any image-text-to-text model) for bearish/neutral/bullish.

Writes to --output: the adapter (adapter_config.json, adapter_model.safetensors), metrics.json, args.json,
and prints one PROGRESS line per optimizer step and a final DONE or FAILED line (see trainlib).
The model answers with the label word; loss is taken on the answer tokens only, and evaluation scores the
three label words at the answer position, so predictions are always one of the three classes.
"""
import json
import os
import random
import sys
import time

import trainlib


def main(argv=None):
    args = trainlib.train_arguments(argv)
    os.makedirs(args.output, exist_ok=True)
    try:
        metrics = train(args)
    except Exception as e:  # the workstation waits for DONE or FAILED: never die silently
        print(trainlib.failed_line(f"{type(e).__name__}: {e}"), flush=True)
        raise
    print(trainlib.done_line(metrics), flush=True)


def load_base(model_id, quantization="auto", max_pixels=512 * 28 * 28, processor_from=None):
    """The base model and its processor (from processor_from when given), 4-bit when asked or (auto) when CUDA and
    bitsandbytes are there.

    Returns (model, processor, mode); training (load_model), distillation and serving all load it this way.
    """
    import torch
    try:
        from transformers import AutoModelForImageTextToText as AutoVlm
    except ImportError:
        from transformers import AutoModelForVision2Seq as AutoVlm

    cuda = torch.cuda.is_available()
    four_bit = quantization == "4bit" or (quantization == "auto" and cuda and _has_bitsandbytes())
    kwargs = {"dtype": torch.bfloat16 if cuda else torch.float32}
    if four_bit:
        from transformers import BitsAndBytesConfig
        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16)
        kwargs["device_map"] = {"": 0}
    model = AutoVlm.from_pretrained(model_id, **kwargs)
    if cuda and not four_bit:
        model = model.to("cuda")
    processor = load_processor(processor_from or model_id, max_pixels)
    return model, processor, ("4bit-qlora" if four_bit else ("bf16-lora" if cuda else "fp32-lora"))


def load_processor(source, max_pixels):
    """The processor with the image budget: at most max_pixels / (28 * 28) image tokens a picture, which is what
    bounds a batch's length and so the GPU memory a run needs."""
    from transformers import AutoProcessor
    return AutoProcessor.from_pretrained(source, max_pixels=max_pixels)


def load_model(args):
    """The base model with a fresh LoRA adapter on args.target_modules, ready to train."""
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    model, processor, mode = load_base(args.model_id, args.quantization, args.max_pixels)
    if mode == "4bit-qlora":
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=True)
    lora = LoraConfig(r=args.lora_r, lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout,
                      target_modules=args.target_modules, task_type="CAUSAL_LM")
    return get_peft_model(model, lora), processor, mode


def load_trained(adapter, model_id=None, max_pixels=512 * 28 * 28):
    """A trained adapter on its base model, for inference: (model in eval mode, processor).

    The base is the one given or the one the adapter names; the processor is the one saved with the adapter when
    there is one, so distilling and serving see posts exactly as training did.
    """
    from peft import PeftModel
    saved = os.path.join(adapter, "processor")
    model, processor, _ = load_base(base_model_of(adapter, model_id), "auto", max_pixels,
                                    processor_from=saved if os.path.isdir(saved) else None)
    processor.tokenizer.padding_side = "left"
    return PeftModel.from_pretrained(model, adapter).eval(), processor


def base_model_of(adapter, given=None):
    if given:
        return given
    with open(os.path.join(adapter, "adapter_config.json"), encoding="utf-8") as f:
        base = json.load(f).get("base_model_name_or_path")
    if not base:
        raise ValueError("the adapter names no base model: pass --model-id")
    return base


def _has_bitsandbytes():
    try:
        import bitsandbytes  # noqa: F401
        return True
    except Exception:
        return False


def encode(processor, examples, with_answer, device):
    """Tokenizes a batch; labels mask everything but the answer so the loss teaches the label word only."""
    from PIL import Image
    texts, images = [], []
    for ex in examples:
        msgs = trainlib.build_messages(ex, with_answer=with_answer)
        texts.append(processor.apply_chat_template(msgs, tokenize=False, add_generation_prompt=not with_answer))
        if ex.image is not None:
            images.append(_image(ex.image, Image))
    batch = processor(text=texts, images=images or None, return_tensors="pt", padding=True)
    batch = {k: v.to(device) for k, v in batch.items()}
    if with_answer:
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        for row, ex in enumerate(examples):
            answer = processor.tokenizer(trainlib.LABELS[ex.label], add_special_tokens=False)["input_ids"]
            ids = batch["input_ids"][row].tolist()
            end = _last_index(ids, answer)
            labels[row, :end] = -100  # keep only the answer and what follows it (end-of-turn)
        batch["labels"] = labels
    return batch


def _image(path, Image):
    # A corrupt or missing image must not kill a three-hour run: fall back to a blank picture.
    try:
        return Image.open(path).convert("RGB")
    except Exception:
        return Image.new("RGB", (224, 224), "white")


def _last_index(ids, sub):
    for start in range(len(ids) - len(sub), -1, -1):
        if ids[start:start + len(sub)] == sub:
            return start
    return len(ids)


def label_token_ids(processor):
    ids = [processor.tokenizer(l, add_special_tokens=False)["input_ids"][0] for l in trainlib.LABELS]
    if len(set(ids)) != 3:
        raise ValueError("the three label words share a first token; cannot score them apart")
    return ids


def evaluate(model, processor, examples, batch_size, device):
    import torch
    if not examples:
        return {}
    model.eval()
    label_ids = label_token_ids(processor)
    truth, predicted = [], []
    with torch.no_grad():
        for i in range(0, len(examples), batch_size):
            chunk = examples[i:i + batch_size]
            batch = encode(processor, chunk, with_answer=False, device=device)
            logits = model(**batch).logits
            last = batch["attention_mask"].sum(dim=1) - 1 if processor.tokenizer.padding_side == "right" else None
            for row, ex in enumerate(chunk):
                pos = int(last[row]) if last is not None else -1
                scores = logits[row, pos, label_ids]
                predicted.append(int(scores.argmax()))
                truth.append(ex.label)
    model.train()
    return {"macro_f1": trainlib.macro_f1(truth, predicted), "accuracy": trainlib.accuracy(truth, predicted),
            "examples": len(truth)}


def train(args):
    import torch
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    train_set = trainlib.read_dataset(args.dataset, args.images)
    val_set = trainlib.read_dataset(args.val_dataset, args.images) if args.val_dataset else []
    if not train_set:
        raise ValueError("the training set is empty")
    model, processor, mode = load_model(args)
    processor.tokenizer.padding_side = "left"
    device = next(p for p in model.parameters() if p.requires_grad).device
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.learning_rate)
    total = trainlib.total_steps(len(train_set), args.batch_size, args.gradient_accumulation, args.epochs)
    if args.max_steps > 0:
        total = min(total, args.max_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / max(1, total)))
    print(f"INFO mode={mode} train={len(train_set)} val={len(val_set)} total_steps={total}", flush=True)
    step, started, last_eval, losses, guard = 0, time.time(), {}, [], trainlib.StepGuard()
    model.train()
    for epoch in range(args.epochs):
        order = list(range(len(train_set)))
        random.shuffle(order)
        batches = [order[i:i + args.batch_size] for i in range(0, len(order), args.batch_size)]
        running = 0.0
        for b, idx in enumerate(batches):
            batch = encode(processor, [train_set[i] for i in idx], with_answer=True, device=device)
            loss = model(**batch).loss / args.gradient_accumulation
            loss.backward()
            running += float(loss.detach())
            if (b + 1) % args.gradient_accumulation == 0 or b + 1 == len(batches):
                grad_norm = float(torch.nn.utils.clip_grad_norm_(params, 1.0))
                if guard.allows(step + 1, running, grad_norm):
                    optimizer.step()
                    losses.append(running)
                else:
                    print(f"INFO step {step + 1}: loss or gradient not finite, update skipped", flush=True)
                scheduler.step()
                optimizer.zero_grad()
                step += 1
                evaluated = {}
                if b + 1 == len(batches) and val_set:
                    last_eval = evaluate(model, processor, val_set, args.batch_size, device)
                    evaluated = last_eval
                print(trainlib.progress_line(step, total, epoch + (b + 1) / len(batches), running,
                                             lr=scheduler.get_last_lr()[0],
                                             eval_macro_f1=evaluated.get("macro_f1"),
                                             eval_accuracy=evaluated.get("accuracy")), flush=True)
                running = 0.0
                if step >= total:
                    break
        if step >= total:
            break
    model.save_pretrained(args.output)
    processor.save_pretrained(os.path.join(args.output, "processor"))
    metrics = {"mode": mode, "steps": step, "epochs": args.epochs, "train_examples": len(train_set),
               "final_loss": losses[-1] if losses else None, "skipped_steps": guard.skipped,
               "seconds": round(time.time() - started, 1),
               "validation": last_eval, "base_model": args.model_id,
               "lora": {"r": args.lora_r, "alpha": args.lora_alpha, "target_modules": args.target_modules}}
    with open(os.path.join(args.output, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(trainlib.json_safe(metrics), f, indent=2, sort_keys=True, allow_nan=False)
    with open(os.path.join(args.output, "args.json"), "w", encoding="utf-8") as f:
        json.dump(vars(args), f, indent=2, sort_keys=True)
    return metrics


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except SystemExit:
        raise
    except Exception:
        sys.exit(1)
