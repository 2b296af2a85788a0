"""Distils the fine-tuned teacher into a small CPU student and exports it to ONNX for the workstation.

Student: a CLIP-style pair of encoders (a small convolutional image encoder and a word-embedding transformer
text encoder, each projected to a shared width) with a fusion head over [image, text, image*text].
Training signal: the teacher's probabilities over the three label words (temperature-softened KL) mixed with
the hard labels. Output directory: model.onnx, tokenizer.json, metadata.json (see studentlib).
"""
import argparse
import datetime
import json
import os
import sys

import studentlib
import train_vlm
import trainlib


def arguments(argv=None):
    p = argparse.ArgumentParser(description="distil the VLM teacher into an ONNX CPU student")
    p.add_argument("--model-id", help="the base model (default: the one the adapter names)")
    p.add_argument("--adapter", required=True, help="the LoRA adapter train_vlm.py wrote")
    p.add_argument("--dataset", required=True)
    p.add_argument("--val-dataset")
    p.add_argument("--images")
    p.add_argument("--output", required=True)
    p.add_argument("--epochs", type=trainlib.positive_int, default=8)
    p.add_argument("--batch-size", type=trainlib.positive_int, default=32)
    p.add_argument("--temperature", type=trainlib.positive_float, default=2.0)
    p.add_argument("--alpha", type=float, default=0.7, help="weight of the teacher's soft labels")
    p.add_argument("--max-length", type=trainlib.positive_int, default=64)
    p.add_argument("--image-size", type=trainlib.positive_int, default=96)
    p.add_argument("--max-pixels", type=trainlib.positive_int, default=512 * 28 * 28,
                   help="the teacher's image budget, as in training")
    return p.parse_args(argv)


def build_student(vocab_size, max_length, width=128):
    import torch
    from torch import nn

    class Student(nn.Module):
        def __init__(self):
            super().__init__()
            self.image = nn.Sequential(
                nn.Conv2d(3, 32, 5, stride=2, padding=2), nn.GELU(), nn.Conv2d(32, 64, 3, stride=2, padding=1),
                nn.GELU(), nn.Conv2d(64, width, 3, stride=2, padding=1), nn.GELU(), nn.AdaptiveAvgPool2d(1),
                nn.Flatten(), nn.Linear(width, width))
            self.embed = nn.Embedding(vocab_size, width, padding_idx=0)
            self.position = nn.Parameter(torch.zeros(1, max_length, width))
            layer = nn.TransformerEncoderLayer(width, 4, width * 2, dropout=0.1, batch_first=True)
            self.text = nn.TransformerEncoder(layer, 2)
            self.head = nn.Sequential(nn.LayerNorm(width * 3), nn.Linear(width * 3, width), nn.GELU(),
                                      nn.Linear(width, 3))

        def forward(self, input_ids, attention_mask, pixel_values):
            mask = attention_mask.unsqueeze(-1).float()
            hidden = self.text(self.embed(input_ids) + self.position, src_key_padding_mask=attention_mask == 0)
            text = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            image = self.image(pixel_values)
            text, image = nn.functional.normalize(text, dim=-1), nn.functional.normalize(image, dim=-1)
            return self.head(torch.cat([image, text, image * text], dim=-1))

    return Student()


def teacher_probabilities(args, examples):
    """The teacher's distribution over the label words for each example (one forward pass each)."""
    import torch
    model, processor = train_vlm.load_trained(args.adapter, args.model_id, args.max_pixels)
    label_ids = train_vlm.label_token_ids(processor)
    device = next(model.parameters()).device
    probs = []
    with torch.no_grad():
        for ex in examples:
            batch = train_vlm.encode(processor, [ex], with_answer=False, device=device)
            logits = model(**batch).logits[0, -1, label_ids].float()
            probs.append(torch.softmax(logits / args.temperature, dim=-1).cpu())
    return torch.stack(probs)


def pixels(path, size):
    import torch
    from PIL import Image
    meta = studentlib.student_metadata("", "", size, 0, {}, "")["image"]
    try:
        img = Image.open(path).convert("RGB").resize((size, size)) if path else Image.new("RGB", (size, size))
    except Exception:
        img = Image.new("RGB", (size, size))
    t = torch.tensor(list(img.getdata()), dtype=torch.float32).view(size, size, 3).permute(2, 0, 1) / 255.0
    return (t - torch.tensor(meta["mean"]).view(3, 1, 1)) / torch.tensor(meta["std"]).view(3, 1, 1)


def tensors(examples, vocab, args):
    import torch
    encoded = [studentlib.encode(vocab, ex.text, args.max_length) for ex in examples]
    ids = torch.tensor([e[0] for e in encoded], dtype=torch.long)
    mask = torch.tensor([e[1] for e in encoded], dtype=torch.long)
    images = torch.stack([pixels(ex.image, args.image_size) for ex in examples])
    labels = torch.tensor([ex.label for ex in examples], dtype=torch.long)
    return ids, mask, images, labels


def main(argv=None):
    import torch
    args = arguments(argv)
    os.makedirs(args.output, exist_ok=True)
    train_set = trainlib.read_dataset(args.dataset, args.images)
    val_set = trainlib.read_dataset(args.val_dataset, args.images) if args.val_dataset else []
    vocab = studentlib.vocabulary(ex.text for ex in train_set)
    soft = teacher_probabilities(args, train_set)
    ids, mask, images, labels = tensors(train_set, vocab, args)
    student = build_student(len(vocab), args.max_length)
    optimizer = torch.optim.AdamW(student.parameters(), lr=1e-3)
    kl = torch.nn.KLDivLoss(reduction="batchmean")
    total = args.epochs * ((len(train_set) + args.batch_size - 1) // args.batch_size)
    step = 0
    for epoch in range(args.epochs):
        order = torch.randperm(len(train_set))
        for start in range(0, len(order), args.batch_size):
            b = order[start:start + args.batch_size]
            logits = student(ids[b], mask[b], images[b])
            loss = (args.alpha * kl(torch.log_softmax(logits / args.temperature, -1), soft[b]) * args.temperature ** 2
                    + (1 - args.alpha) * torch.nn.functional.cross_entropy(logits, labels[b]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            print(trainlib.progress_line(step, total, epoch + start / len(order), float(loss), stage="distil"), flush=True)
    student.eval()
    metrics = {}
    if val_set:
        v_ids, v_mask, v_images, v_labels = tensors(val_set, vocab, args)
        with torch.no_grad():
            predicted = student(v_ids, v_mask, v_images).argmax(-1).tolist()
        metrics = {"macro_f1": trainlib.macro_f1(v_labels.tolist(), predicted),
                   "accuracy": trainlib.accuracy(v_labels.tolist(), predicted), "examples": len(val_set)}
    # The example batch has two rows: the exporter bakes a dimension of size 1 into the graph as a constant, and
    # the workstation scores posts in batches. One file (no external weights): the student is a few megabytes.
    example = torch.arange(2) % len(train_set)
    torch.onnx.export(student, (ids[example], mask[example], images[example]), os.path.join(args.output, "model.onnx"),
                      input_names=["input_ids", "attention_mask", "pixel_values"], output_names=["logits"],
                      dynamic_axes={n: {0: "batch"} for n in ("input_ids", "attention_mask", "pixel_values", "logits")},
                      opset_version=18, external_data=False)
    created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    model_id = "student-" + created.replace(":", "").replace("-", "")
    with open(os.path.join(args.output, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(studentlib.tokenizer_json(vocab, args.max_length), f)
    teacher = {"base": train_vlm.base_model_of(args.adapter, args.model_id), "adapter": args.adapter}
    with open(os.path.join(args.output, "metadata.json"), "w", encoding="utf-8") as f:
        json.dump(studentlib.student_metadata(model_id, teacher, args.image_size, args.max_length, metrics, created), f, indent=2)
    print(trainlib.done_line({"student": metrics, "model_id": model_id}), flush=True)


if __name__ == "__main__":
    trainlib.run_as_script(main, sys.argv[1:])
