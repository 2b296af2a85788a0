#!/usr/bin/env python3
"""Check model.onnx on real images: classes, determinism; writes the preprocessed inputs for verify_tfjs.js.

Usage: verify.py IMAGE_DIR [TENSOR_OUT_DIR]. Preprocessing as nsfwjs: RGB (alpha composited on white),
/255, bilinear resize to 224 with align corners.
"""
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
from PIL import Image

CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]


def resize_align_corners(img, size=224):
    h, w, _ = img.shape
    ys = np.linspace(0, h - 1, size) if h > 1 else np.zeros(size)
    xs = np.linspace(0, w - 1, size) if w > 1 else np.zeros(size)
    y0 = np.floor(ys).astype(int); y1 = np.minimum(y0 + 1, h - 1); fy = (ys - y0)[:, None, None]
    x0 = np.floor(xs).astype(int); x1 = np.minimum(x0 + 1, w - 1); fx = (xs - x0)[None, :, None]
    top = img[y0][:, x0] * (1 - fx) + img[y0][:, x1] * fx
    bottom = img[y1][:, x0] * (1 - fx) + img[y1][:, x1] * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)


def load(path):
    im = Image.open(path)
    im = im.convert("RGBA")
    white = Image.new("RGBA", im.size, (255, 255, 255, 255))
    rgb = np.asarray(Image.alpha_composite(white, im).convert("RGB"), np.float32) / 255.0
    return resize_align_corners(rgb)


def main():
    images = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif"))
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    sess = ort.InferenceSession(str(Path(__file__).with_name("model.onnx")), providers=["CPUExecutionProvider"])
    top = {}
    for p in images:
        x = load(p)
        nchw = x.transpose(2, 0, 1)[None]
        f1, p1 = sess.run(None, {"image": nchw})
        f2, p2 = sess.run(None, {"image": nchw})
        assert np.array_equal(f1, f2) and np.array_equal(p1, p2), "not deterministic"
        assert f1.shape == (1, 1280) and p1.shape == (1, 5) and abs(p1.sum() - 1) < 1e-5
        name = CLASSES[int(p1.argmax())]
        top[name] = top.get(name, 0) + 1
        print(f"{p.parent.name}/{p.name:28s} " + " ".join(f"{c} {v:.4f}" for c, v in zip(CLASSES, p1[0])))
        if out:
            out.mkdir(parents=True, exist_ok=True)
            x.tofile(out / (p.parent.name + "__" + p.stem + ".nhwc.f32"))
            np.concatenate([f1[0], p1[0]]).astype(np.float32).tofile(out / (p.parent.name + "__" + p.stem + ".onnx.f32"))
    print(f"{len(images)} images, deterministic; top class counts: {top}")


if __name__ == "__main__":
    main()
