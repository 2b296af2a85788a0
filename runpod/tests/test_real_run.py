"""The scripts run for real: train_vlm.py, export_student.py and serve_openai.py on a tiny random-weight
Qwen2.5-VL model (tiny_vlm.py), as separate processes, exactly as the workstation starts them on a pod.

Needs torch, torchvision, transformers, peft and onnxruntime (runpod/requirements.txt; on a CPU box see
runpod/README.md); skipped without them, so Debian's python3 still runs the pure tests. On a CPU the whole module
takes about a minute; on a GPU the same code takes the bf16 path.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

for _module in ("torch", "torchvision", "transformers", "peft", "onnxruntime"):
    pytest.importorskip(_module, reason=f"the real-run tests need {_module} (runpod/requirements.txt)")

import studentlib  # noqa: E402
import tiny_vlm  # noqa: E402
import trainlib  # noqa: E402

RUNPOD = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POSTS = [
    ("btc to the moon, we are so back", "bullish", (30, 200, 60)),
    ("buy the dip, link 1000 eoy", "bullish", (40, 180, 70)),
    ("it's over, rugged again", "bearish", (200, 30, 40)),
    ("sell everything now, bear market", "bearish", (190, 50, 30)),
    ("what wallet do you use for eth", "neutral", (120, 120, 120)),
    ("how do taxes work on swaps", "neutral", (100, 110, 120)),
]


def _records(folder, name, count, corrupt_one=False):
    """count records in the workstation's export format: messages [user, assistant] and a relative image path."""
    from PIL import Image
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    records = []
    for i in range(count):
        text, label, colour = POSTS[i % len(POSTS)]
        image = f"images/{name}-{i}.png"
        if corrupt_one and i == 1:
            with open(os.path.join(folder, image), "wb") as f:
                f.write(b"\x89PNG\r\n\x1a\n not a picture")  # the scripts must fall back, not die
        else:
            Image.new("RGB", (64 + 8 * (i % 3), 48), colour).save(os.path.join(folder, image))
        record = {"messages": [{"role": "user", "content": "<image>" + trainlib.PROMPT + "\n" + text},
                               {"role": "assistant", "content": label}]}
        if i % 5 != 4:  # every fifth post has no picture, as text-only posts do
            record["images"] = [image]
        records.append(record)
    path = os.path.join(folder, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(records, f)
    return path


def _run(script, *args, timeout=600):
    done = subprocess.run([sys.executable, os.path.join(RUNPOD, script), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=RUNPOD)
    return done.returncode, done.stdout.splitlines(), done.stderr


def _lines(stdout, kind):
    return [json.loads(line[len(kind) + 1:]) for line in stdout if line.startswith(kind + " ")]


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    root = tmp_path_factory.mktemp("real-run")
    data = str(root / "data")
    os.makedirs(data)
    return {"root": str(root), "base": tiny_vlm.build(str(root / "tiny-qwen2.5-vl")),
            "train": _records(data, "train", 12, corrupt_one=True), "val": _records(data, "val", 6)}


@pytest.fixture(scope="module")
def trained(work):
    out = os.path.join(work["root"], "run")
    code, stdout, stderr = _run("train_vlm.py", "--model-id", work["base"], "--dataset", work["train"],
                                "--val-dataset", work["val"], "--output", out, "--epochs", "2", "--batch-size", "4",
                                "--gradient-accumulation", "1", "--learning-rate", "5e-3",
                                "--max-pixels", str(112 * 112))
    assert code == 0, "\n".join(stdout[-20:]) + stderr[-3000:]
    return out, stdout


def test_training_reports_every_step_and_writes_the_adapter(work, trained):
    out, stdout = trained
    progress = _lines(stdout, "PROGRESS")
    # 12 posts in batches of 4, no accumulation, 2 epochs: 6 optimizer steps, each reported once, in order
    assert [p["step"] for p in progress] == list(range(1, 7))
    assert {p["total_steps"] for p in progress} == {6}
    assert all(p["loss"] is not None and p["loss"] > 0 for p in progress)
    evaluated = [p for p in progress if "eval_macro_f1" in p]
    assert [p["step"] for p in evaluated] == [3, 6]  # validation after each epoch
    done = _lines(stdout, "DONE")
    assert len(done) == 1 and done[0]["steps"] == 6
    assert done[0]["mode"] in ("fp32-lora", "bf16-lora", "4bit-qlora")
    assert done[0]["validation"]["examples"] == 6
    with open(os.path.join(out, "metrics.json"), encoding="utf-8") as f:
        assert json.load(f)["lora"] == {"r": 16, "alpha": 32, "target_modules": ["q_proj", "v_proj"]}
    with open(os.path.join(out, "adapter_config.json"), encoding="utf-8") as f:
        adapter = json.load(f)
    assert adapter["base_model_name_or_path"] == work["base"]
    assert sorted(adapter["target_modules"]) == ["q_proj", "v_proj"] and adapter["r"] == 16
    assert os.path.getsize(os.path.join(out, "adapter_model.safetensors")) > 0
    assert os.path.isfile(os.path.join(out, "processor", "processor_config.json"))


def test_max_pixels_bounds_the_image_tokens_of_a_picture(work):
    """--max-pixels is the image budget the GPU memory figures assume (docs/remote-training.md); transformers has
    deprecated one of the ways it reaches the image processor, so check that it still takes effect."""
    import train_vlm
    from PIL import Image
    folder = os.path.join(work["root"], "budget")
    os.makedirs(folder, exist_ok=True)
    picture = os.path.join(folder, "big.png")
    Image.new("RGB", (112, 112), (30, 200, 60)).save(picture)
    example = trainlib.Example(text="gm", label=0, image=picture)
    for max_pixels, tokens in ((112 * 112, 16), (56 * 56, 4)):  # one token per 28 x 28 pixels after merging
        processor = train_vlm.load_processor(work["base"], max_pixels)
        image_pad = processor.tokenizer.convert_tokens_to_ids("<|image_pad|>")
        batch = train_vlm.encode(processor, [example], with_answer=False, device="cpu")
        assert int((batch["input_ids"] == image_pad).sum()) == tokens


def test_a_run_whose_loss_goes_non_finite_fails_instead_of_saving_a_broken_adapter(work):
    """An absurd learning rate overflows the LoRA weights after the first step, as a diverging run does: the script
    must stop with FAILED (the workstation then neither distils a student nor pulls NaN metrics), not report DONE."""
    out = os.path.join(work["root"], "diverged")
    code, stdout, stderr = _run("train_vlm.py", "--model-id", work["base"], "--dataset", work["train"],
                                "--output", out, "--epochs", "2", "--batch-size", "4", "--gradient-accumulation", "1",
                                "--learning-rate", "1e30", "--max-pixels", str(112 * 112))
    assert code == 1, "\n".join(stdout[-20:]) + stderr[-3000:]
    failed = _lines(stdout, "FAILED")
    assert len(failed) == 1 and "training diverged" in failed[0]["error"]
    assert not _lines(stdout, "DONE")
    assert any(line.startswith("INFO step ") and "update skipped" in line for line in stdout)
    assert len(_lines(stdout, "PROGRESS")) < 6  # it stopped early, not at the last step
    assert not os.path.exists(os.path.join(out, "adapter_model.safetensors"))


def test_the_adapter_learned_something(work, trained):
    """LoRA weights start with B = 0 (the adapter is a no-op); after training they must have moved."""
    from safetensors.torch import load_file
    out, _ = trained
    weights = load_file(os.path.join(out, "adapter_model.safetensors"))
    lora_b = [t for name, t in weights.items() if "lora_B" in name]
    assert lora_b and any(float(t.abs().max()) > 0 for t in lora_b)


def test_the_student_is_distilled_and_exported_in_the_workstations_format(work, trained):
    import numpy as np
    import onnxruntime
    from tokenizers import Tokenizer
    out, _ = trained
    student = os.path.join(work["root"], "student")
    code, stdout, stderr = _run("export_student.py", "--adapter", out, "--max-pixels", str(112 * 112),
                                "--dataset", work["train"], "--val-dataset", work["val"], "--output", student,
                                "--epochs", "2", "--batch-size", "4", "--image-size", "32", "--max-length", "24")
    assert code == 0, "\n".join(stdout[-20:]) + stderr[-3000:]
    assert len(_lines(stdout, "PROGRESS")) == 6 and len(_lines(stdout, "DONE")) == 1
    with open(os.path.join(student, "metadata.json"), encoding="utf-8") as f:
        meta = json.load(f)
    assert meta["format"] == "onnx-student-v1" and meta["kind"] == "student"
    assert meta["metrics"]["examples"] == 6 and meta["teacher"] == {"base": work["base"], "adapter": out}

    # The tokenizer file the Java side loads gives the ids the student was trained on.
    text = meta["text_prefix"] + "btc to the moon, we are so back"
    with open(os.path.join(work["train"]), encoding="utf-8") as f:
        vocab = studentlib.vocabulary(trainlib._example(r, i, "", "").text for i, r in enumerate(json.load(f)))
    ids, mask = studentlib.encode(vocab, text, 24)
    assert Tokenizer.from_file(os.path.join(student, "tokenizer.json")).encode(text).ids == ids[:sum(mask)]

    session = onnxruntime.InferenceSession(os.path.join(student, "model.onnx"), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask", "pixel_values"]
    batch = 3  # the batch axis is dynamic: the workstation scores posts in batches
    logits, = session.run(None, {"input_ids": np.array([ids] * batch, dtype=np.int64),
                                 "attention_mask": np.array([mask] * batch, dtype=np.int64),
                                 "pixel_values": np.zeros((batch, 3, 32, 32), dtype=np.float32)})
    assert logits.shape == (batch, 3) and np.isfinite(logits).all()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_adapter_is_served_as_an_openai_compatible_teacher(work, trained):
    import base64
    import io
    from PIL import Image
    out, _ = trained
    port = _free_port()
    env = dict(os.environ, BIZCHARTS_TEACHER_API_KEY="secret-for-test")
    server = subprocess.Popen([sys.executable, os.path.join(RUNPOD, "serve_openai.py"), "--adapter", out,
                               "--port", str(port), "--max-pixels", str(112 * 112)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=RUNPOD, env=env)
    try:
        ready = server.stdout.readline()  # printed once the model is loaded and the port is open
        if not ready.startswith("SERVING "):
            server.kill()
            pytest.fail("serve_openai.py did not start: " + ready + server.stderr.read()[-3000:])
        assert json.loads(ready[len("SERVING "):])["port"] == port
        picture = io.BytesIO()
        Image.new("RGB", (80, 60), (30, 200, 60)).save(picture, format="PNG")
        body = {"model": "bizcharts-adapter", "messages": [{"role": "user", "content": [
            {"type": "text", "text": "Post\nSubject: gm\nText: btc to the moon"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,"
                                                + base64.b64encode(picture.getvalue()).decode()}}]}]}
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions",
                                         data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": "Bearer secret-for-test"})
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.load(response)
        verdict = json.loads(answer["choices"][0]["message"]["content"])
        assert verdict["label"] in trainlib.LABELS and 1 / 3 <= verdict["confidence"] <= 1.0
    finally:
        server.terminate()
        server.wait(timeout=30)
