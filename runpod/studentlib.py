"""Pure parts of the student export: the model-directory metadata and the text vocabulary.

The workstation loads a student directory as: model.onnx (inputs input_ids [batch, seq] int64, attention_mask
[batch, seq] int64, pixel_values [batch, 3, size, size] float32; output logits [batch, 3]), tokenizer.json
(a Hugging Face tokenizers file) and metadata.json (this module's student_metadata).
"""
import re
from collections import Counter

import trainlib

PAD, UNK = "[PAD]", "[UNK]"
TOKEN = re.compile(r"[a-z0-9$#@']+|[^\sa-z0-9]", re.IGNORECASE)


def words(text):
    return [t.lower() for t in TOKEN.findall(text or "")]


def vocabulary(texts, max_size=20000, min_count=2):
    """Word-level vocabulary, most frequent first; ties broken alphabetically so exports are reproducible."""
    counts = Counter(w for t in texts for w in words(t))
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    return {w: i for i, w in enumerate([PAD, UNK] + kept[:max_size - 2])}


def tokenizer_json(vocab, max_length):
    """A tokenizers-library WordLevel file that gives the same ids as encode: the pattern's matches are the words
    (invert) and what lies between them is dropped, as re.findall does. The workstation reads the vocabulary and the
    pattern from it (StudentTokenizer); any tokenizers-library client gets the same ids."""
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": max_length, "strategy": "LongestFirst", "stride": 0},
        "padding": None,
        "added_tokens": [{"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for t in (PAD, UNK)],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Split", "pattern": {"Regex": TOKEN.pattern.replace("(?i)", "")},
                          "behavior": "Removed", "invert": True},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": UNK},
    }


def encode(vocab, text, max_length):
    ids = [vocab.get(w, vocab[UNK]) for w in words(text)][:max_length]
    mask = [1] * len(ids) + [0] * (max_length - len(ids))
    return ids + [vocab[PAD]] * (max_length - len(ids)), mask


def student_metadata(model_id, teacher, image_size, max_length, metrics, created_at):
    return {
        "id": model_id,
        "kind": "student",
        "format": "onnx-student-v1",
        "labels": list(trainlib.LABELS),
        "inputs": {"input_ids": ["batch", max_length], "attention_mask": ["batch", max_length],
                   "pixel_values": ["batch", 3, image_size, image_size]},
        "outputs": {"logits": ["batch", 3]},
        "image": {"size": image_size, "mean": [0.481, 0.458, 0.408], "std": [0.269, 0.261, 0.276]},
        # What precedes the post's subject and text in every training example (read_dataset keeps the prompt),
        # so the workstation builds the same input at scoring time.
        "text_prefix": trainlib.PROMPT + "\n",
        "teacher": teacher,
        "metrics": metrics,
        "created_at": created_at,
    }
