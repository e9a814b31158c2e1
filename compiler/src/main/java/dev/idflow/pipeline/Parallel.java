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
 * Independent tasks run on every core, in a pool that lives only until they are joined or
 * cancelled: when either returns or throws, no task is running any more (so a caller may
 * delete what the tasks were writing into). A task's own exception is thrown as it is.
 */
final class Parallel {

    private Parallel() {
    }

    /** One task; it may write to the output folder. */
    @FunctionalInterface
    interface Task<T, R> {
        R apply(T item) throws OutputException;
    }

    /**
     * Starts {@code task} on each item, on every core, and returns at once: the caller goes on
     * with other work and then either {@link Running#join joins} the tasks or
     * {@link Running#cancel cancels} them.
     */
    static <T, R> Running<R> start(List<T> items, Task<T, R> task) {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "idflow-compile-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> task.apply(item)));
        }
        pool.shutdown();
        return new Running<>(pool, futures);
    }

    /** Tasks started by {@link #start}; whichever of its methods ends first, no task runs after it. */
    static final class Running<R> {
        private final ExecutorService pool;
        private final List<Future<R>> futures;

        private Running(ExecutorService pool, List<Future<R>> futures) {
            this.pool = pool;
            this.futures = futures;
        }

        /** The results in the order of the items, once all are done; else the first failure in that order. */
        List<R> join() throws OutputException {
            try {
                List<R> results = new ArrayList<>(futures.size());
                for (Future<R> f : futures) {
                    results.add(result(f));
                }
                return results;
            } finally {
                cancel();
            }
        }

        /**
         * Stops the tasks (those not started never run; those running are interrupted, which
         * ends them at their next write to a file) and waits until none runs; their results
         * and failures are dropped.
         */
        void cancel() {
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
