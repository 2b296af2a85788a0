"""Serves a trained LoRA adapter behind an OpenAI-compatible /v1/chat/completions endpoint on the GPU machine.

The workstation starts it over SSH ('remote serve --run ID'), bound to 127.0.0.1 only, and reaches it through an SSH
port forward, so the port is never open to the internet. Each request is answered like the validation in
train_vlm.py: the three label words are scored at the answer position and the verdict is their softmax, so the
answer is always a well-formed label with a confidence (servelib describes the wire format).
"""
import argparse
import json
import os
import sys
import tempfile

import servelib
import trainlib


def arguments(argv=None):
    p = argparse.ArgumentParser(description="serve the adapter as an OpenAI-compatible teacher")
    p.add_argument("--adapter", required=True, help="the adapter folder train_vlm.py wrote")
    p.add_argument("--model-id", help="the base model (default: the adapter's base_model_name_or_path)")
    p.add_argument("--model-name", default="bizcharts-adapter", help="the model name clients send and see")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=trainlib.positive_int, default=8000)
    p.add_argument("--max-pixels", type=trainlib.positive_int, default=512 * 28 * 28)
    p.add_argument("--api-key-env", default="BIZCHARTS_TEACHER_API_KEY",
                   help="environment variable holding a key clients must send (none: no key)")
    return p.parse_args(argv)


class AdapterScorer:
    """The base model with the adapter, scoring the label words as train_vlm.evaluate does."""

    def __init__(self, args):
        import torch
        import train_vlm
        self.model, self.processor = train_vlm.load_trained(args.adapter, args.model_id, args.max_pixels)
        self.label_ids = train_vlm.label_token_ids(self.processor)
        self.device = next(self.model.parameters()).device
        self.torch, self.train_vlm = torch, train_vlm

    def score(self, text, image_bytes):
        path = None
        try:
            if image_bytes:
                with tempfile.NamedTemporaryFile(suffix=".img", delete=False) as f:
                    f.write(image_bytes)
                    path = f.name
            example = trainlib.Example(text=trainlib.PROMPT + "\n" + text, label=0, image=path)
            with self.torch.no_grad():
                batch = self.train_vlm.encode(self.processor, [example], with_answer=False, device=self.device)
                logits = self.model(**batch).logits[0, -1, self.label_ids].float()
                return self.torch.softmax(logits, dim=-1).cpu().tolist()
        finally:
            if path:
                os.unlink(path)


def main(argv=None):
    args = arguments(argv)
    scorer = AdapterScorer(args)
    server = servelib.make_server(scorer, args.model_name, args.host, args.port, os.environ.get(args.api_key_env))
    print(servelib.ready_line(args.host, server.server_address[1], args.model_name), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    trainlib.run_as_script(main, sys.argv[1:])
