"""The pure parts of serve_openai.py: OpenAI chat-completions requests and answers, and the HTTP server around any
scorer (an object with score(text, image_bytes) -> [p_bearish, p_neutral, p_bullish]).

No torch here, so the workstation's CI tests the whole HTTP exchange with a fake scorer. The answer's content is
the JSON verdict the workstation's teacher parser expects (label, confidence, sarcasm, rationale), so the served
adapter works as the `compatible` teacher of the learning loop.
"""
import base64
import binascii
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import trainlib

MAX_BODY = 20 * 1024 * 1024


class BadRequest(ValueError):
    """A request the server refuses with 400 and this message."""


def post_of(body):
    """The post in a chat-completions request: (text, image bytes or None), from the last user message."""
    messages = body.get("messages") if isinstance(body, dict) else None
    if not isinstance(messages, list) or not messages:
        raise BadRequest("messages must be a non-empty list")
    user = next((m for m in reversed(messages) if isinstance(m, dict) and m.get("role") == "user"), None)
    if user is None:
        raise BadRequest("no user message")
    content = user.get("content")
    parts = [{"type": "text", "text": content}] if isinstance(content, str) else content
    if not isinstance(parts, list):
        raise BadRequest("user content must be a string or a list of parts")
    texts, image = [], None
    for part in parts:
        if not isinstance(part, dict):
            raise BadRequest("content parts must be objects")
        if part.get("type") == "text":
            texts.append(str(part.get("text", "")))
        elif part.get("type") == "image_url" and image is None:
            image = _image(part.get("image_url"))
    return post_text("\n".join(texts)), image


def _image(image_url):
    url = image_url.get("url", "") if isinstance(image_url, dict) else str(image_url or "")
    if not url.startswith("data:") or ";base64," not in url:
        raise BadRequest("only data: image URLs (base64) are accepted; the server fetches nothing")
    try:
        return base64.b64decode(url.split(";base64,", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        raise BadRequest("the image's base64 is malformed") from None


def post_text(text):
    """The workstation's teacher prompt ("Post / Subject: ... / Text: ...") as the adapter was trained on it
    (subject, newline, text); any other text is taken as the post itself."""
    lines = text.strip().splitlines()
    if not lines or lines[0].strip() != "Post":
        return text.strip()
    subject, body, current = [], [], None
    for line in lines[1:]:
        if line.startswith("Subject: "):
            current, line = subject, line[len("Subject: "):]
        elif line.startswith("Text: "):
            current, line = body, line[len("Text: "):]
        if current is not None:
            current.append(line)
    joined = "\n".join(subject + ["\n".join(body)]).strip()
    return "" if joined == "(no text)" else joined


def verdict(probabilities):
    """The teacher verdict for the label-word probabilities (bearish, neutral, bullish)."""
    if len(probabilities) != 3:
        raise ValueError("need three probabilities")
    best = max(range(3), key=lambda i: probabilities[i])
    shown = ", ".join(f"{l} {p:.2f}" for l, p in zip(trainlib.LABELS, probabilities))
    return {"label": trainlib.LABELS[best], "confidence": round(float(probabilities[best]), 4), "sarcasm": False,
            "rationale": f"fine-tuned adapter's label-word probabilities: {shown}"}


def completion(model, content, created=None):
    return {"id": f"chatcmpl-{int((created or time.time()) * 1000)}", "object": "chat.completion",
            "created": int(created or time.time()), "model": model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}


def error(message, kind="invalid_request_error"):
    return {"error": {"message": message, "type": kind, "code": None}}


def ready_line(host, port, model):
    """Printed once the model is loaded and the port is open; the workstation waits for it."""
    return "SERVING " + json.dumps({"host": host, "port": port, "model": model}, sort_keys=True)


def make_server(scorer, model, host="127.0.0.1", port=8000, api_key=None):
    """A threading HTTP server; calls into the scorer are serialised (one GPU model, one request at a time)."""
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if not self._authorised():
                return
            if self.path.rstrip("/") == "/v1/models":
                self._send(200, {"object": "list", "data": [{"id": model, "object": "model", "owned_by": "bizcharts"}]})
            elif self.path == "/health":
                self._send(200, {"status": "ok", "model": model})
            else:
                self._send(404, error(f"no route {self.path}", "not_found"))

        def do_POST(self):
            if not self._authorised():
                return
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send(404, error(f"no route {self.path}", "not_found"))
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_BODY:
                self._send(400 if length <= 0 else 413, error("a JSON body of at most 20 MB is required"))
                return
            try:
                text, image = post_of(json.loads(self.rfile.read(length)))
            except json.JSONDecodeError as e:
                self._send(400, error(f"body is not JSON: {e.msg}"))
                return
            except BadRequest as e:
                self._send(400, error(str(e)))
                return
            try:
                with lock:
                    probabilities = scorer.score(text, image)
            except Exception as e:  # the client must hear why, and the server must keep serving
                self._send(500, error(f"{type(e).__name__}: {e}", "server_error"))
                return
            self._send(200, completion(model, json.dumps(verdict(probabilities))))

        def _authorised(self):
            if api_key and self.headers.get("Authorization") != f"Bearer {api_key}":
                self._send(401, error("missing or wrong API key", "authentication_error"))
                return False
            return True

        def _send(self, status, payload):
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *args):  # one short line per request in serve.log
            print(f"INFO {self.command} {self.path} {args[1] if len(args) > 1 else ''}", flush=True)

    return ThreadingHTTPServer((host, port), Handler)
