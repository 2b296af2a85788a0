package com.bizcharts.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the workplace's real data lives (../shared beside the checkout, or one level further up from a worktree). */
public final class SharedData {

    private SharedData() {}

    /** {@code relative} under the shared folder, when it exists (a file or a folder). */
    public static Optional<Path> find(String relative) {
        return Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared")).map(p -> p.resolve(relative))
                .filter(Files::exists).findFirst();
    }

    /** The shared labeled posts, which the shared-data suites need. */
    public static Path labels() {
        return find("data/biz-labels/train.jsonl")
                .orElseThrow(() -> new IllegalStateException("../shared/data/biz-labels/train.jsonl not found"));
    }
}
