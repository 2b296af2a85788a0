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

    private GpuCatalog() {}

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
