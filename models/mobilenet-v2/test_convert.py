"""Tests of convert.py on a tiny Keras topology of the same layer kinds, against a NumPy reference in TF's NHWC
conventions. Run: python -m pytest models/mobilenet-v2 (needs onnx, onnxruntime, numpy; no tarball)."""
import json

import numpy as np
import onnxruntime as ort

import convert


def test_js_literals_read_as_json():
    src = '{a:1,b:.5,c:-.25,d:!0,e:!1,f:null,g:"x:y\\"z",h:[1e-3,2.],i:{j:void 0},k:\'q\'}'
    assert json.loads(convert.js_literal_to_json(src)) == {
        "a": 1, "b": 0.5, "c": -0.25, "d": True, "e": False, "f": None, "g": 'x:y"z', "h": [0.001, 2.0],
        "i": {"j": None}, "k": "q"}


def test_exported_value_of_a_browserify_module():
    module = '!function(e){}(function(){return function e(){}({1:[function(e,a,n){a.exports={x:[1,2],y:"s"}},{}]},{},[1])(1)});'
    assert convert.exported_value(module) == {"x": [1, 2], "y": "s"}
    shard = '!function(e){}(function(){({1:[function(e,h,n){h.exports="QUJD"},{}]})});'
    assert convert.exported_value(shard) == "QUJD"


def layer(name, kind, inbound, **config):
    return {"name": name, "class_name": kind, "config": {"name": name, **config},
            "inbound_nodes": [[[i, 0, 0, {}] for i in inbound]] if inbound else []}


def tiny_model(rng):
    bn = dict(epsilon=0.001, axis=-1, center=True, scale=True)
    conv = dict(dilation_rate=[1, 1], activation="linear", use_bias=False)
    layers = [
        layer("input_1", "InputLayer", [], batch_input_shape=[None, 224, 224, 3]),
        layer("pad", "ZeroPadding2D", ["input_1"], padding=[[0, 1], [0, 1]]),
        layer("c1", "Conv2D", ["pad"], filters=4, kernel_size=[3, 3], strides=[2, 2], padding="valid", **conv),
        layer("c1_bn", "BatchNormalization", ["c1"], **bn),
        layer("c1_relu", "ReLU", ["c1_bn"], max_value=6, negative_slope=0, threshold=0),
        layer("dw", "DepthwiseConv2D", ["c1_relu"], kernel_size=[3, 3], strides=[1, 1], padding="same",
              depth_multiplier=1, **conv),
        layer("dw_bn", "BatchNormalization", ["dw"], **bn),
        layer("dw_relu", "ReLU", ["dw_bn"], max_value=6, negative_slope=0, threshold=0),
        layer("add", "Add", ["c1_relu", "dw_relu"]),
        layer("pool", "AveragePooling2D", ["add"], pool_size=[112, 112], strides=[112, 112], padding="valid"),
        layer("flatten_1", "Flatten", ["pool"]),
        layer("drop", "Dropout", ["flatten_1"], rate=0.5),
        layer("dense_3", "Dense", ["drop"], units=5, activation="softmax", use_bias=True),
    ]
    shapes = {"c1/kernel": [3, 3, 3, 4], "dw/depthwise_kernel": [3, 3, 4, 1], "dense_3/kernel": [4, 5], "dense_3/bias": [5]}
    for b in ("c1_bn", "dw_bn"):
        shapes.update({f"{b}/gamma": [4], f"{b}/beta": [4], f"{b}/moving_mean": [4], f"{b}/moving_variance": [4]})
    specs, raw = [], b""
    for name, shape in shapes.items():
        lo = 0.5 if "variance" in name or "gamma" in name else -1.0
        specs.append({"name": name, "shape": shape, "dtype": "float32",
                      "quantization": {"min": lo, "scale": 2.0 / 255, "dtype": "uint8"}})
        raw += rng.integers(0, 256, int(np.prod(shape)), dtype=np.uint8).tobytes()
    model = {"modelTopology": {"model_config": {"class_name": "Model", "config": {
        "layers": layers, "input_layers": [["input_1", 0, 0]], "output_layers": [["dense_3", 0, 0]]}}},
        "weightsManifest": [{"paths": ["group1-shard1of1"], "weights": specs}]}
    return model, raw


def conv_nhwc(x, k, stride):  # x H W C (already padded), k KH KW C O
    kh, kw = k.shape[:2]
    ho, wo = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = 0
    for dy in range(kh):
        for dx in range(kw):
            out = out + x[dy:dy + stride * ho:stride, dx:dx + stride * wo:stride] @ k[dy, dx]
    return out


def depthwise_nhwc(x, k):  # "same", stride 1; k KH KW C 1
    xp = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    return sum(xp[dy:dy + x.shape[0], dx:dx + x.shape[1]] * k[dy, dx, :, 0] for dy in range(3) for dx in range(3))


def reference(w, x):
    def bn(v, name):
        return (v - w[name + "/moving_mean"]) / np.sqrt(w[name + "/moving_variance"] + 0.001) * w[name + "/gamma"] + w[name + "/beta"]
    h = np.pad(x, ((0, 1), (0, 1), (0, 0)))
    r1 = np.clip(bn(conv_nhwc(h, w["c1/kernel"], 2), "c1_bn"), 0, 6)
    r2 = np.clip(bn(depthwise_nhwc(r1, w["dw/depthwise_kernel"]), "dw_bn"), 0, 6)
    features = (r1 + r2).mean(axis=(0, 1))
    logits = features @ w["dense_3/kernel"] + w["dense_3/bias"]
    e = np.exp(logits - logits.max())
    return features, e / e.sum()


def test_the_onnx_graph_computes_what_keras_would():
    rng = np.random.default_rng(16)
    model, raw = tiny_model(rng)
    weights = convert.dequantize(model["weightsManifest"], raw)
    assert weights["c1/kernel"].min() >= -1.0 and weights["c1/kernel"].max() <= 1.0 + 1e-6
    onnx_model = convert.convert(model, weights)
    sess = ort.InferenceSession(onnx_model.SerializeToString(), providers=["CPUExecutionProvider"])
    x = rng.random((224, 224, 3), dtype=np.float32)
    features, probabilities = sess.run(None, {"image": x.transpose(2, 0, 1)[None]})
    want_f, want_p = reference({k: v.astype(np.float64) for k, v in weights.items()}, x.astype(np.float64))
    # The maps before the pool agree to 3e-6; ONNX Runtime's float32 sum over the 112 x 112 pool adds up to 4e-5.
    np.testing.assert_allclose(features[0], want_f, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(probabilities[0], want_p, atol=1e-5)
    assert onnx_model.graph.output[0].type.tensor_type.shape.dim[1].dim_value == 4
