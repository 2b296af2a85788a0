package com.bizcharts.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where view-model work runs: {@code background} for reads and model calls (virtual threads), {@code writer} for
 * database writes in the order they were made (one thread), {@code fx} to publish results to the screen.
 * Tests pass {@link #sameThread()} so a view-model can be driven step by step without a screen.
 */
public record UiExecutors(Executor background, Executor writer, Executor fx) {

    public static UiExecutors forApp() {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("label-writer").daemon(true).unstarted(r));
        return new UiExecutors(Executors.newVirtualThreadPerTaskExecutor(), writer, Platform::runLater);
    }

    public static UiExecutors sameThread() {
        Executor direct = Runnable::run;
        return new UiExecutors(direct, direct, direct);
    }
}
