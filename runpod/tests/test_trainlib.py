import json

import pytest

import studentlib
import trainlib


def write(tmp_path, records, name="train.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return str(path)


def record(answer, text="wagmi", images=("images/1.jpg",)):
    return {"messages": [{"role": "user", "content": "<image>\n" + trainlib.PROMPT + "\n" + text},
                         {"role": "assistant", "content": answer}],
            "images": list(images)}


def test_reads_messages_format_and_resolves_images_against_the_dataset_folder(tmp_path):
    path = write(tmp_path, [record("bullish"), record("bearish", "it's over", images=())])
    examples = trainlib.read_dataset(path)
    assert [e.label for e in examples] == [2, 0]
    assert examples[0].image == str(tmp_path / "images/1.jpg")
    assert examples[1].image is None
    assert "<image>" not in examples[0].text and examples[0].text.endswith("wagmi")


def test_images_root_overrides_the_dataset_folder(tmp_path):
    path = write(tmp_path, [record("neutral")])
    assert trainlib.read_dataset(path, "/workspace/data")[0].image == "/workspace/data/images/1.jpg"


@pytest.mark.parametrize("bad, message", [
    ([record("moon")], "answer must be one of"),
    ([{"messages": [{"role": "user", "content": "x"}]}], "needs messages"),
    ({"messages": []}, "JSON list"),
])
def test_malformed_records_are_named(tmp_path, bad, message):
    with pytest.raises(ValueError, match=message):
        trainlib.read_dataset(write(tmp_path, bad))


def test_not_json_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(ValueError, match="not JSON"):
        trainlib.read_dataset(str(path))


def test_prompt_puts_the_image_first_and_the_answer_last():
    ex = trainlib.Example(text="gm frens", label=1, image="/data/a.png")
    msgs = trainlib.build_messages(ex, with_answer=True)
    assert msgs[0]["content"][0] == {"type": "image", "image": "file:///data/a.png"}
    assert msgs[0]["content"][1]["text"] == trainlib.PROMPT + "\ngm frens"
    assert msgs[1]["content"][0]["text"] == "neutral"
    assert len(trainlib.build_messages(trainlib.Example("x", 0, None))[0]["content"]) == 1


def test_label_of_takes_the_first_label_word():
    assert trainlib.label_of("Bullish, not bearish") == 2
    assert trainlib.label_of("no idea") is None


def test_macro_f1_and_accuracy():
    assert trainlib.macro_f1([0, 1, 2], [0, 1, 2]) == 1.0
    # class 0: tp1 fp1 -> 2/3; class 1: tp0 -> 0; class 2: tp1 -> 1
    assert trainlib.macro_f1([0, 1, 2], [0, 0, 2]) == pytest.approx((2 / 3 + 0 + 1) / 3)
    assert trainlib.accuracy([0, 1], [0, 0]) == 0.5


def test_total_steps_counts_accumulated_batches_per_epoch():
    assert trainlib.total_steps(100, 2, 8, 3) == 7 * 3
    assert trainlib.total_steps(1, 2, 8, 1) == 1


def test_progress_line_is_one_json_line_the_workstation_parses():
    line = trainlib.progress_line(3, 21, 0.5, 1.25, lr=1e-4, eval_macro_f1=0.5)
    kind, body = line.split(" ", 1)
    assert kind == "PROGRESS" and "\n" not in line
    assert json.loads(body) == {"step": 3, "total_steps": 21, "epoch": 0.5, "loss": 1.25, "lr": 0.0001,
                                "eval_macro_f1": 0.5}
    assert json.loads(trainlib.progress_line(1, 1, 0, float("nan")).split(" ", 1)[1])["loss"] is None


def test_done_and_failed_lines():
    assert json.loads(trainlib.done_line({"steps": 4}).removeprefix("DONE ")) == {"steps": 4}
    failed = trainlib.failed_line("CUDA out of memory.\nTried to allocate")
    assert failed == 'FAILED {"error": "CUDA out of memory. Tried to allocate"}'


def test_non_finite_metrics_are_written_as_null_so_the_workstation_can_parse_them():
    line = trainlib.done_line({"final_loss": float("nan"), "validation": {"macro_f1": float("inf")}, "steps": 6})
    assert "NaN" not in line and "Infinity" not in line
    assert json.loads(line.removeprefix("DONE ")) == {"final_loss": None, "validation": {"macro_f1": None}, "steps": 6}


def test_one_non_finite_step_is_skipped_and_training_goes_on():
    guard = trainlib.StepGuard(limit=3)
    assert guard.allows(1, 2.3, 0.8)
    assert not guard.allows(2, float("nan"), float("nan"))
    assert not guard.allows(3, 2.1, float("inf"))  # a finite loss with an overflowed gradient is skipped too
    assert guard.allows(4, 2.0, 0.7)
    assert guard.skipped == 2


def test_steps_that_stay_non_finite_fail_the_run():
    guard = trainlib.StepGuard(limit=3)
    assert not guard.allows(4, float("nan"), float("nan"))
    assert not guard.allows(5, float("nan"), float("nan"))
    with pytest.raises(trainlib.TrainingDiverged, match="3 optimizer steps in a row .up to step 6"):
        guard.allows(6, float("nan"), float("nan"))


def test_a_script_that_fails_says_why_in_one_line_and_exits_1(capsys):
    def main(argv):
        raise ValueError("no such file: " + argv[0])

    with pytest.raises(SystemExit) as exit_:
        trainlib.run_as_script(main, ["d.json"])
    assert exit_.value.code == 1
    assert capsys.readouterr().out == 'FAILED {"error": "ValueError: no such file: d.json"}\n'

    def usage(argv):
        raise SystemExit(2)  # argparse's own exit passes through

    with pytest.raises(SystemExit) as exit_:
        trainlib.run_as_script(usage, [])
    assert exit_.value.code == 2


def test_arguments_defaults_follow_the_prototype():
    args = trainlib.train_arguments(["--dataset", "d.json", "--output", "out"])
    assert (args.epochs, args.batch_size, args.gradient_accumulation) == (3, 2, 8)
    assert (args.lora_r, args.lora_alpha, args.target_modules) == (16, 32, ["q_proj", "v_proj"])
    assert args.model_id == "Qwen/Qwen2.5-VL-7B-Instruct"


@pytest.mark.parametrize("argv", [["--output", "o"], ["--dataset", "d", "--output", "o", "--epochs", "0"],
                                  ["--dataset", "d", "--output", "o", "--learning-rate", "-1"],
                                  ["--dataset", "d", "--output", "o", "--quantization", "8bit"]])
def test_bad_arguments_exit_with_usage(argv):
    with pytest.raises(SystemExit) as e:
        trainlib.train_arguments(argv)
    assert e.value.code == 2


def test_student_vocabulary_is_frequency_ordered_and_reproducible():
    vocab = studentlib.vocabulary(["wagmi wagmi ngmi", "ngmi wagmi btc", "btc"], min_count=2)
    assert list(vocab) == ["[PAD]", "[UNK]", "wagmi", "btc", "ngmi"]
    ids, mask = studentlib.encode(vocab, "WAGMI to the moon", 6)
    assert ids == [2, 1, 1, 1, 0, 0] and mask == [1, 1, 1, 1, 0, 0]


def test_student_metadata_and_tokenizer_describe_the_onnx_inputs():
    meta = studentlib.student_metadata("s1", {"base": "b"}, 96, 64, {"macro_f1": 0.5}, "2026-01-01T00:00:00Z")
    assert meta["labels"] == ["bearish", "neutral", "bullish"]
    assert list(meta["inputs"]) == ["input_ids", "attention_mask", "pixel_values"]
    tok = studentlib.tokenizer_json({"[PAD]": 0, "[UNK]": 1, "gm": 2}, 64)
    assert tok["model"]["type"] == "WordLevel" and tok["truncation"]["max_length"] == 64


def test_student_text_prefix_matches_what_read_dataset_keeps(tmp_path):
    path = write(tmp_path, [record("bullish", "Moon soon\nwagmi", images=())])
    text = trainlib.read_dataset(path)[0].text
    meta = studentlib.student_metadata("s1", {}, 96, 64, {}, "")
    assert text == meta["text_prefix"] + "Moon soon\nwagmi"
    assert studentlib.words(text)[:3] == ["classify", "this", "4chan"]


def test_a_later_stage_names_itself_on_its_progress_lines():
    assert "stage" not in json.loads(trainlib.progress_line(1, 2, 0.5, 1.0)[len("PROGRESS "):])
    body = json.loads(trainlib.progress_line(1, 8, 0.0, 0.36, stage="distil")[len("PROGRESS "):])
    assert body["stage"] == "distil" and body["step"] == 1 and body["total_steps"] == 8
