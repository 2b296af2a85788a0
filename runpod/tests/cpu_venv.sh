#!/usr/bin/env bash
# Makes a virtual environment in which tests/test_real_run.py runs on a machine without a GPU: the pinned
# requirements.txt minus bitsandbytes (CUDA only).
#   runpod/tests/cpu_venv.sh DIR && DIR/bin/python -m pytest runpod/tests
# Where the package index lacks torch's GPU-kernel packages (cuda-bindings, triton: a local mirror may), pip backs
# off to another torch. Then the pinned torch and torchvision go in without dependencies, followed by the runtime
# libraries torch loads at import, so the tests still run the pinned versions.
set -euo pipefail
venv=${1:?usage: cpu_venv.sh DIR}
runpod=$(cd "$(dirname "$0")/.." && pwd)
python3 -m venv "$venv"
py="$venv/bin/python"
requirements=$(grep -vE '^[[:space:]]*(#|$)' "$runpod/requirements.txt" | grep -v '^bitsandbytes')
"$py" -m pip install -q $requirements pytest || {
  "$py" -m pip install -q $(grep -vE '^(torch|torchvision)==' <<<"$requirements") pytest
  "$py" -m pip install -q --no-deps --force-reinstall $(grep -E '^(torch|torchvision)==' <<<"$requirements")
  needs=$("$py" -c '
import importlib.metadata as m
print(" ".join(r.split(";")[0].replace(" ", "") for r in m.requires("torch") or []
               if "extra ==" not in r and not r.startswith(("cuda-bindings", "triton"))))')
  "$py" -m pip install -q $needs
}
"$py" -c "import torch, torchvision, transformers, peft, onnxruntime; print('runpod venv:', torch.__version__, transformers.__version__)"
