"""Builds a tiny random-weight Qwen2.5-VL model and its processor in a folder, with nothing downloaded.

The real-run tests (test_real_run.py) train, distil and serve this model through the same scripts a pod runs,
so the code paths of the 7B model (the processor, the chat template, the vision tower, LoRA on q/v, the adapter
save and reload) all execute in seconds on a CPU. The tokenizer is a byte-level BPE trained here on a few
sentences; its special tokens carry the names Qwen2.5-VL's processor looks for.
"""
import json
import os

SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|vision_start|>", "<|vision_end|>",
           "<|image_pad|>", "<|video_pad|>"]

# Qwen's chat layout (im_start/im_end turns, the image as vision_start + image_pad + vision_end), written for
# the message shape trainlib.build_messages produces.
CHAT_TEMPLATE = (
    "{%- for message in messages -%}"
    "{{- '<|im_start|>' + message['role'] + '\n' -}}"
    "{%- if message['content'] is string -%}{{- message['content'] -}}"
    "{%- else -%}{%- for part in message['content'] -%}"
    "{%- if part['type'] == 'image' -%}{{- '<|vision_start|><|image_pad|><|vision_end|>' -}}"
    "{%- elif part['type'] == 'text' -%}{{- part['text'] -}}{%- endif -%}"
    "{%- endfor -%}{%- endif -%}"
    "{{- '<|im_end|>\n' -}}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\n' -}}{%- endif -%}"
)

CORPUS = [
    "Classify this 4chan /biz/ crypto post as bearish, neutral, or bullish.",
    "Consider both the image and text together.",
    "bearish bearish bearish neutral neutral neutral bullish bullish bullish",
    "btc to the moon, we are so back, buy the dip",
    "it's over, rugged again, sell everything now",
    "what wallet do you use for eth and link",
]


def _tokenizer(folder):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=SPECIAL,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(CORPUS * 20, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.save_pretrained(folder)
    return fast


def build(folder, seed=0):
    """Writes config, random weights, tokenizer and processor to folder; returns the folder."""
    import torch
    from transformers import (Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration, Qwen2_5_VLProcessor,
                              Qwen2VLImageProcessor, Qwen2VLVideoProcessor)

    os.makedirs(folder, exist_ok=True)
    tokenizer = _tokenizer(folder)
    ids = {t: tokenizer.convert_tokens_to_ids(t) for t in SPECIAL}
    config = Qwen2_5_VLConfig(
        text_config={"vocab_size": len(tokenizer), "hidden_size": 64, "intermediate_size": 128,
                     "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
                     "max_position_embeddings": 2048,
                     # head_dim 16: the three M-RoPE sections (time, height, width) share its 8 frequencies
                     "rope_parameters": {"rope_type": "default", "rope_theta": 10000.0, "mrope_section": [2, 3, 3]},
                     "bos_token_id": ids["<|endoftext|>"], "eos_token_id": ids["<|im_end|>"],
                     "pad_token_id": ids["<|endoftext|>"]},
        vision_config={"depth": 2, "hidden_size": 32, "intermediate_size": 64, "num_heads": 2,
                       "out_hidden_size": 64, "patch_size": 14, "spatial_merge_size": 2,
                       "temporal_patch_size": 2, "window_size": 56, "fullatt_block_indexes": [1]},
        image_token_id=ids["<|image_pad|>"], video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"], vision_end_token_id=ids["<|vision_end|>"])
    torch.manual_seed(seed)
    model = Qwen2_5_VLForConditionalGeneration(config)
    model.save_pretrained(folder)
    # Small pictures keep the vision tower's sequence short: at most 8x8 patches of 14 pixels.
    sizes = {"min_pixels": 28 * 28, "max_pixels": 112 * 112, "patch_size": 14, "merge_size": 2,
             "temporal_patch_size": 2}
    processor = Qwen2_5_VLProcessor(image_processor=Qwen2VLImageProcessor(**sizes), tokenizer=tokenizer,
                                    video_processor=Qwen2VLVideoProcessor(**sizes), chat_template=CHAT_TEMPLATE)
    processor.save_pretrained(folder)
    with open(os.path.join(folder, "tiny.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": seed, "parameters": sum(p.numel() for p in model.parameters())}, f)
    return folder



if __name__ == "__main__":  # the Java end-to-end test builds its base model this way: tiny_vlm.py FOLDER
    import sys
    print(build(sys.argv[1]))
