package com.bizcharts.remote;

import java.util.List;
import java.util.Optional;

/**
 * The GPU types we offer on RunPod, with their memory (for the fit check before launch) and an indicative
 * on-demand price per hour (secure cloud, late 2025). The pod's own costPerHr replaces the estimate once it exists.
 */
public final class GpuCatalog {

    public record Gpu(String id, int memoryGb, double usdPerHour) {}

    public static final List<Gpu> GPUS = List.of(
            new Gpu("NVIDIA RTX 4000 Ada Generation", 20, 0.26),
            new Gpu("NVIDIA RTX A5000", 24, 0.27),
            new Gpu("NVIDIA GeForce RTX 3090", 24, 0.46),
            new Gpu("NVIDIA GeForce RTX 4090", 24, 0.69),
            new Gpu("NVIDIA RTX A6000", 48, 0.49),
            new Gpu("NVIDIA L40S", 48, 0.86),
            new Gpu("NVIDIA A100 80GB PCIe", 80, 1.64),
            new Gpu("NVIDIA H100 80GB HBM3", 80, 2.99));

    /**
     * GPU memory for bf16 LoRA of Qwen2.5-VL-7B at train_vlm.py's defaults (batch 2, at most 512*28*28 pixels a
     * picture). Measured on an NVIDIA H200 (2026-12-04, docs/remote-training.md): 27.9 GB allocated at the peak with
     * posts of about 700 tokens (16.6 GB of it the weights); the activations grow with the tokens, so a post at
     * 4chan's longest text (about 1,050 tokens) needs about 34 GB. The configured figure is 4-bit QLoRA's.
     */
    public static final double BF16_LORA_7B_GB = 34;

    private GpuCatalog() {}

    /**
     * The memory a run with these train_vlm.py arguments needs: the configured figure (4-bit QLoRA, which a pod gets
     * when bitsandbytes is installed), or bf16 LoRA's when the arguments turn quantization off.
     */
    public static double requiredGb(String trainArgs, double configuredGb) {
        boolean bf16 = trainArgs != null && trainArgs.matches("(?s).*--quantization(=|\\s+)none\\b.*");
        return bf16 ? Math.max(configuredGb, BF16_LORA_7B_GB) : configuredGb;
    }

    /** Finds a GPU by its RunPod id or a distinctive part of it ("4090", "a100"). */
    public static Optional<Gpu> find(String name) {
        String n = name.strip().toLowerCase();
        Optional<Gpu> exact = GPUS.stream().filter(g -> g.id().equalsIgnoreCase(n)).findFirst();
        if (exact.isPresent()) return exact;
        List<Gpu> partial = GPUS.stream().filter(g -> g.id().toLowerCase().contains(n)).toList();
        return partial.size() == 1 ? Optional.of(partial.get(0)) : Optional.empty();
    }

    public static Gpu require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown or ambiguous GPU type '" + name
                + "'; one of: " + String.join(", ", GPUS.stream().map(Gpu::id).toList())));
    }
}
