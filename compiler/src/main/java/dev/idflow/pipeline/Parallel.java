package dev.idflow.pipeline;

import dev.idflow.emit.OutputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent tasks run on every core, in a pool that lives only as long as the call: when
 * it returns or throws, no task is running any more (so a caller may delete what the tasks
 * were writing into). A task's own exception is thrown as it is.
 */
final class Parallel {

    private Parallel() {
    }

    /** One task; it may write to the output folder. */
    @FunctionalInterface
    interface Task<T, R> {
        R apply(T item) throws OutputException;
    }

    /** {@code task} of each item, in the order of {@code items}. */
    static <T, R> List<R> map(List<T> items, Task<T, R> task) throws OutputException {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        List<R> results = new ArrayList<>(items.size());
        if (threads <= 1) {
            for (T item : items) {
                results.add(task.apply(item));
            }
            return results;
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "idflow-compile-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            for (Future<R> f : futures) {
                results.add(result(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    private static <R> R result(Future<R> future) throws OutputException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutputException o) {
                throw o;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
