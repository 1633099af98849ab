"""Writing a trained module as ONNX, with int8 weights, for the run-time classifier.

Run time needs only ``onnxruntime`` and ``tokenizers``; PyTorch stays a training dependency.
Dynamic int8 quantization quarters the file and roughly halves CPU time per snippet.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

__all__ = ["export_onnx"]

log = logging.getLogger(__name__)


def export_onnx(module: Any, target: Path, quantize: bool = True) -> Path:
    """Write ``module`` (input_ids, attention_mask → logits) to ``target/model.onnx``."""
    import torch

    target.mkdir(parents=True, exist_ok=True)
    full = target / ("model.fp32.onnx" if quantize else "model.onnx")
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            module,
            (ids, mask),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
    if not quantize:
        return full
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = target / "model.onnx"
    quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8)
    full.unlink()
    return out
