import base64
import json
import threading
import urllib.error
import urllib.request

import pytest

import serve_openai
import servelib
import train_vlm


class FakeScorer:
    """Bullish when the post says moon; remembers what it was asked."""

    def __init__(self):
        self.calls = []

    def score(self, text, image):
        self.calls.append((text, image))
        if "boom" in text:
            raise RuntimeError("CUDA out of memory")
        return [0.1, 0.2, 0.7] if "moon" in text else [0.6, 0.3, 0.1]


@pytest.fixture
def server():
    scorer = FakeScorer()
    srv = servelib.make_server(scorer, "rt-1-adapter", "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv, scorer
    srv.shutdown()
    srv.server_close()


def call(srv, path, body=None, headers=None):
    url = f"http://127.0.0.1:{srv.server_address[1]}{path}"
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def workstation_request(text, image=None):
    """What the workstation's OpenAiFormat sends (system prompt, text part, optional data-URL image part)."""
    content = [{"type": "text", "text": text}]
    if image is not None:
        content.append({"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + base64.b64encode(image).decode(),
                                                           "detail": "low"}})
    return {"model": "rt-1-adapter", "temperature": 0, "max_tokens": 200, "response_format": {"type": "json_object"},
            "messages": [{"role": "system", "content": "You label posts..."}, {"role": "user", "content": content}]}


def test_a_workstation_request_gets_a_chat_completion_whose_content_is_the_verdict(server):
    srv, scorer = server
    status, body = call(srv, "/v1/chat/completions",
                        workstation_request("Post\nSubject: LINK\nText: to the moon\nwagmi", b"\xff\xd8jpeg"))
    assert status == 200
    assert body["object"] == "chat.completion" and body["model"] == "rt-1-adapter"
    message = body["choices"][0]["message"]
    assert message["role"] == "assistant" and body["choices"][0]["finish_reason"] == "stop"
    verdict = json.loads(message["content"])
    assert verdict == {"label": "bullish", "confidence": 0.7, "sarcasm": False,
                       "rationale": "fine-tuned adapter's label-word probabilities: bearish 0.10, neutral 0.20, bullish 0.70"}
    assert scorer.calls == [("LINK\nto the moon\nwagmi", b"\xff\xd8jpeg")]
    assert set(body["usage"]) == {"prompt_tokens", "completion_tokens", "total_tokens"}


def test_models_and_health_answer_for_readiness_checks(server):
    srv, _ = server
    assert call(srv, "/v1/models") == (200, {"object": "list", "data": [
        {"id": "rt-1-adapter", "object": "model", "owned_by": "bizcharts"}]})
    assert call(srv, "/health")[0] == 200
    assert call(srv, "/v2/nothing")[0] == 404


@pytest.mark.parametrize("body, message", [
    (b"{not json", "not JSON"),
    ({"messages": []}, "non-empty list"),
    ({"messages": [{"role": "system", "content": "x"}]}, "no user message"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.jpg"}}]}]},
     "only data: image URLs"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,@@"}}]}]},
     "base64 is malformed"),
])
def test_bad_requests_get_400_with_the_reason_in_openai_error_form(server, body, message):
    status, answer = call(server[0], "/v1/chat/completions", body)
    assert status == 400
    assert message in answer["error"]["message"] and answer["error"]["type"] == "invalid_request_error"


def test_a_scorer_failure_is_a_500_and_the_server_keeps_serving(server):
    srv, _ = server
    status, answer = call(srv, "/v1/chat/completions", workstation_request("Post\nText: boom"))
    assert status == 500 and "CUDA out of memory" in answer["error"]["message"]
    assert call(srv, "/v1/chat/completions", workstation_request("Post\nText: rekt"))[0] == 200


def test_an_api_key_is_required_when_configured():
    srv = servelib.make_server(FakeScorer(), "m", "127.0.0.1", 0, api_key="sekret")
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        assert call(srv, "/v1/models")[0] == 401
        assert call(srv, "/v1/models", headers={"Authorization": "Bearer sekret"})[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()


def test_post_text_reads_the_workstation_prompt_and_passes_other_text_through():
    assert servelib.post_text("Post\nText: (no text)") == ""
    assert servelib.post_text("Post\nText: gm\nser") == "gm\nser"
    assert servelib.post_text("just a post") == "just a post"
    assert servelib.ready_line("127.0.0.1", 8000, "m") == 'SERVING {"host": "127.0.0.1", "model": "m", "port": 8000}'


def test_the_base_model_comes_from_the_adapter_config(tmp_path):
    (tmp_path / "adapter_config.json").write_text(json.dumps({"base_model_name_or_path": "Qwen/Qwen2.5-VL-7B-Instruct"}))
    assert train_vlm.base_model_of(str(tmp_path), None) == "Qwen/Qwen2.5-VL-7B-Instruct"
    assert train_vlm.base_model_of(str(tmp_path), "tiny") == "tiny"
    args = serve_openai.arguments(["--adapter", str(tmp_path), "--port", "8011"])
    assert args.host == "127.0.0.1" and args.port == 8011
