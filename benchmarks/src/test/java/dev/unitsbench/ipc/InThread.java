package dev.unitsbench.ipc;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a test's helper task on a daemon thread of its own. Not the common pool: on two cores it
 * has one worker, and a helper stuck in one test would starve the helpers of every later test.
 */
final class InThread {

    private InThread() {
    }

    static <T> CompletableFuture<T> run(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("test-helper").start(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
