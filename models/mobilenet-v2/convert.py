#!/usr/bin/env python3
"""Convert nsfwjs's MobileNetV2 (TF.js layers format, uint8-quantized) to ONNX.

Usage: convert.py NSFWJS_TGZ EXPECTED_SHA256 [OUT_DIR]

Reads the tarball as `npm pack nsfwjs@4.4.0` writes it, checks its SHA-256, and takes
package/dist/models/mobilenet_v2/{model.min.js, group1-shard1of1.min.js}: the model.json and its
one weight shard, each wrapped by nsfwjs in a browserify module (an object literal, a base64 string).
Every weight is uint8 with {min, scale} (TF.js weights manifest), dequantized as min + q * scale.

The ONNX graph is NCHW, input "image" 1x3x224x224 float in [0, 1] (nsfwjs divides pixels by 255 and
resizes bilinearly with align corners; the model has no preprocessing layer of its own). Outputs:
"features" (1x1280, the 7x7 average pool of MobileNetV2's last ReLU6, flattened) and "probabilities"
(1x5 softmax over Drawing, Hentai, Neutral, Porn, Sexy). BatchNormalization is folded into the
convolution before it (every BN here follows a bias-free Conv2D or DepthwiseConv2D); Dropout is
the identity at inference. Weights stay float32 (about 10.5 MB).

Writes OUT_DIR/model.onnx and OUT_DIR/LICENSE (the package's own), prints the model's SHA-256.
"""
import base64
import hashlib
import json
import re
import sys
import tarfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MODEL_DIR = "package/dist/models/mobilenet_v2/"
CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]
FEATURE_LAYER = "flatten_1"


def js_literal_to_json(src):
    """Minified JS object literal -> JSON text: quote bare keys, !0/!1 -> true/false, .5 -> 0.5."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            body = src[i + 1:j]
            out.append(json.dumps(json.loads('"' + body.replace('"', '\\"') + '"') if c == "'" else json.loads('"' + body + '"')))
            i = j + 1
            continue
        m = re.compile(r"[A-Za-z_$][\w$]*").match(src, i)
        if m:
            word = m.group(0)
            k = m.end()
            if k < n and src[k] == ":":
                out.append(json.dumps(word))
            elif word == "void" and src.startswith(" 0", k):
                out.append("null")
                k += 2
            else:
                out.append(word)  # true, false, null
            i = k
            continue
        if c == "!" and i + 1 < n and src[i + 1] in "01":
            out.append("true" if src[i + 1] == "0" else "false")
            i += 2
            continue
        m = re.compile(r"-?(\d*\.\d+|\d+\.?)([eE][+-]?\d+)?").match(src, i)
        if m:
            out.append(repr(float(m.group(0))) if any(x in m.group(0) for x in ".eE") else m.group(0))
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


def exported_value(module_src):
    """The right-hand side of the browserify module's `X.exports=...}` (first module)."""
    m = re.search(r"\.exports=", module_src[module_src.index("{1:[function("):])
    start = module_src.index("{1:[function(") + m.end()
    if module_src[start] == '"':
        end = module_src.index('"', start + 1)
        return module_src[start + 1:end]
    depth, i, quote = 0, start, None
    while True:
        c = module_src[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return json.loads(js_literal_to_json(module_src[start:i + 1]))
        i += 1


def read_package(tgz, expected_sha):
    digest = hashlib.sha256(Path(tgz).read_bytes()).hexdigest()
    if digest != expected_sha.lower():
        sys.exit(f"{tgz}: SHA-256 {digest}, expected {expected_sha}")
    with tarfile.open(tgz) as t:
        def text(name):
            return t.extractfile(name).read().decode("utf-8")
        version = json.loads(text("package/package.json"))["version"]
        model = exported_value(text(MODEL_DIR + "model.min.js"))
        shard = base64.b64decode(exported_value(text(MODEL_DIR + "group1-shard1of1.min.js")))
        licence = text("package/LICENSE")
    return digest, version, model, shard, licence


def dequantize(manifest, shard):
    weights, offset = {}, 0
    for group in manifest:
        for w in group["weights"]:
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            q = w.get("quantization")
            if q is None:
                raw = np.frombuffer(shard, np.float32, count, offset)
                offset += 4 * count
            else:
                if q["dtype"] != "uint8":
                    sys.exit(f"{w['name']}: quantization {q['dtype']} not handled")
                raw = np.frombuffer(shard, np.uint8, count, offset).astype(np.float64) * q["scale"] + q["min"]
                offset += count
            weights[w["name"]] = raw.reshape(w["shape"]).astype(np.float32)
    if offset != len(shard):
        sys.exit(f"weights use {offset} bytes of a {len(shard)}-byte shard")
    return weights


class GraphBuilder:
    def __init__(self, weights):
        self.w = weights
        self.nodes, self.inits, self.used = [], [], set()

    def weight(self, name):
        self.used.add(name)
        return self.w[name]

    def const(self, name, array, dtype=np.float32):
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array, dtype), name))
        return name

    def node(self, op, inputs, output, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output


def fold_bn(b, bn_name, eps, kernel_oihw, bias):
    gamma, beta = b.weight(bn_name + "/gamma"), b.weight(bn_name + "/beta")
    mean, var = b.weight(bn_name + "/moving_mean"), b.weight(bn_name + "/moving_variance")
    scale = gamma.astype(np.float64) / np.sqrt(var.astype(np.float64) + eps)
    k = kernel_oihw.astype(np.float64) * scale[:, None, None, None]
    return k, beta + (bias - mean) * scale


def convert(model, weights):
    cfg = model["modelTopology"]["model_config"]["config"]
    layers = cfg["layers"]
    consumers = {}
    for layer in layers:
        for inbound in (layer["inbound_nodes"][0] if layer["inbound_nodes"] else []):
            consumers.setdefault(inbound[0], []).append(layer["name"])
    b = GraphBuilder(weights)
    tensor = {}  # Keras layer name -> ONNX tensor name of its output
    folded = {}  # BatchNormalization layer name -> the conv it was folded into
    by_name = {layer["name"]: layer for layer in layers}
    feature_width = None  # the first Dense layer's input: the pooled features
    for layer in layers:
        kind, c, name = layer["class_name"], layer["config"], layer["name"]
        ins = [tensor[x[0]] for x in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else []
        if kind == "InputLayer":
            if c["batch_input_shape"][1:] != [224, 224, 3]:
                sys.exit(f"unexpected input {c['batch_input_shape']}")
            tensor[name] = "image"
        elif kind == "ZeroPadding2D":
            (t, bo), (le, r) = c["padding"]
            pads = b.const(name + "/pads", [0, 0, t, le, 0, 0, bo, r], np.int64)
            tensor[name] = b.node("Pad", [ins[0], pads], name, mode="constant")
        elif kind in ("Conv2D", "DepthwiseConv2D"):
            if c["activation"] != "linear" or c["dilation_rate"] != [1, 1]:
                sys.exit(f"{name}: activation/dilation not handled")
            if kind == "Conv2D":
                k = b.weight(name + "/kernel").transpose(3, 2, 0, 1)  # HWIO -> OIHW
                group = 1
            else:
                dk = b.weight(name + "/depthwise_kernel")  # H W C M
                h, w_, ch, mult = dk.shape
                k = dk.reshape(h, w_, ch * mult, 1).transpose(2, 3, 0, 1)
                group = ch
            bias = b.weight(name + "/bias") if c["use_bias"] else np.zeros(k.shape[0], np.float32)
            after = consumers.get(name, [])
            if len(after) == 1 and by_name[after[0]]["class_name"] == "BatchNormalization":
                k, bias = fold_bn(b, after[0], by_name[after[0]]["config"]["epsilon"], k, bias)
                folded[after[0]] = name
            attrs = dict(kernel_shape=list(c["kernel_size"]), strides=list(c["strides"]), group=group)
            if c["padding"] == "same":
                attrs["auto_pad"] = "SAME_UPPER"  # TF's "same": the extra pixel goes bottom/right
            elif c["padding"] != "valid":
                sys.exit(f"{name}: padding {c['padding']}")
            tensor[name] = b.node("Conv", [ins[0], b.const(name + "/W", k), b.const(name + "/B", bias)], name, **attrs)
        elif kind == "BatchNormalization":
            if name not in folded:
                sys.exit(f"{name}: a BatchNormalization not after a conv")
            tensor[name] = ins[0]
        elif kind == "ReLU":
            if c.get("negative_slope", 0) != 0 or c.get("threshold", 0) != 0:
                sys.exit(f"{name}: leaky/thresholded ReLU not handled")
            if c.get("max_value") is None:
                tensor[name] = b.node("Relu", ins, name)
            else:
                lo = b.const(name + "/min", np.array(0, np.float32))
                hi = b.const(name + "/max", np.array(c["max_value"], np.float32))
                tensor[name] = b.node("Clip", [ins[0], lo, hi], name)
        elif kind == "Add":
            tensor[name] = b.node("Sum" if len(ins) > 2 else "Add", ins, name)
        elif kind == "AveragePooling2D":
            if c["padding"] != "valid":
                sys.exit(f"{name}: padding {c['padding']}")
            tensor[name] = b.node("AveragePool", ins, name, kernel_shape=list(c["pool_size"]), strides=list(c["strides"]))
        elif kind == "GlobalAveragePooling2D":
            tensor[name] = b.node("Flatten", [b.node("GlobalAveragePool", ins, name + "/pool")], name)
        elif kind == "Flatten":
            # After the 7x7 pool the map is 1x1, so NCHW and NHWC flatten to the same channel order.
            tensor[name] = b.node("Flatten", ins, name, axis=1)
        elif kind == "Dropout":
            tensor[name] = ins[0]
        elif kind == "Dense":
            feature_width = feature_width or b.w[name + "/kernel"].shape[0]
            gemm = b.node("Gemm", [ins[0], b.const(name + "/W", b.weight(name + "/kernel")),
                                   b.const(name + "/B", b.weight(name + "/bias"))], name + "/linear")
            act = c["activation"]
            if act == "relu":
                tensor[name] = b.node("Relu", [gemm], name)
            elif act == "softmax":
                tensor[name] = b.node("Softmax", [gemm], name, axis=-1)
            elif act == "linear":
                tensor[name] = gemm
            else:
                sys.exit(f"{name}: activation {act}")
        else:
            sys.exit(f"layer {name}: {kind} not handled")
    unused = set(weights) - b.used
    if unused:
        sys.exit(f"weights never used: {sorted(unused)[:5]}")
    out_layer = cfg["output_layers"][0][0]
    b.nodes.append(helper.make_node("Identity", [tensor[FEATURE_LAYER]], ["features"], name="features"))
    b.nodes.append(helper.make_node("Identity", [tensor[out_layer]], ["probabilities"], name="probabilities"))
    graph = helper.make_graph(
        b.nodes, "nsfwjs_mobilenet_v2",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 224, 224])],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, feature_width]),
         helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, len(CLASSES)])],
        b.inits)
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                                   producer_name="bizcharts models/mobilenet-v2/convert.py")
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model)
    return onnx_model


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tgz, expected = sys.argv[1], sys.argv[2]
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).resolve().parent
    digest, version, model, shard, licence = read_package(tgz, expected)
    onnx_model = convert(model, dequantize(model["weightsManifest"], shard))
    for key, value in {"source": f"nsfwjs@{version} dist/models/mobilenet_v2 (TF.js layers, uint8)",
                       "source_sha256": digest, "classes": ",".join(CLASSES),
                       "input": "NCHW RGB 224x224, pixel/255", "licence": "MIT (Infinite Red, Inc.)"}.items():
        onnx_model.metadata_props.append(onnx.StringStringEntryProto(key=key, value=value))
    out.mkdir(parents=True, exist_ok=True)
    data = onnx_model.SerializeToString()
    (out / "model.onnx").write_bytes(data)
    (out / "LICENSE").write_text(licence)
    print(f"nsfwjs {version}, tarball {Path(tgz).name} sha256 {digest}")
    print(f"{len(onnx_model.graph.node)} nodes, {len(data)} bytes")
    print(f"model.onnx sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
