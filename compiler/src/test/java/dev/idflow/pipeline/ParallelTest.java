package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.emit.OutputException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compile pipeline's tasks: results in order, a task's exception as it is, nothing running after. */
class ParallelTest {

    @Test
    void resultsComeInTheOrderOfTheItems() throws Exception {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        assertThat(Parallel.start(items, i -> i * 2).join())
                .containsExactlyElementsOf(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void aTaskExceptionIsThrownAsItIsAndNoTaskRunsAfterwards() {
        AtomicInteger running = new AtomicInteger();
        OutputException failure = new OutputException("disk full");
        assertThatThrownBy(() -> Parallel.start(List.of(0, 1, 2, 3), i -> {
            running.incrementAndGet();
            try {
                if (i == 1) {
                    throw failure;
                }
                sleep(100);
                return i;
            } finally {
                running.decrementAndGet();
            }
        }).join()).isSameAs(failure);
        assertThat(running).hasValue(0);
        CompileException bug = new CompileException("bug");
        assertThatThrownBy(() -> Parallel.start(List.of(0, 1), i -> {
            throw bug;
        }).join()).isSameAs(bug);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void startedTasksRunWhileTheCallerWorksAndJoinGivesTheirResults() throws Exception {
        CountDownLatch callerDone = new CountDownLatch(1);
        Parallel.Running<Integer> running = Parallel.start(List.of(1, 2), i -> {
            await(callerDone);
            return i * 10;
        });
        callerDone.countDown();
        assertThat(running.join()).containsExactly(10, 20);
    }

    @Test
    void cancelInterruptsTheRunningTasksDropsTheRestAndWaitsForThem() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        int threads = Math.min(6, Runtime.getRuntime().availableProcessors());
        CountDownLatch allRunning = new CountDownLatch(threads);
        Parallel.Running<Integer> tasks = Parallel.start(List.of(0, 1, 2, 3, 4, 5), i -> {
            ran.incrementAndGet();
            running.incrementAndGet();
            allRunning.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            } finally {
                running.decrementAndGet();
            }
            return i;
        });
        await(allRunning);
        tasks.cancel();
        assertThat(running).hasValue(0);
        assertThat(ran.get()).as("only the tasks running when cancelled ran").isEqualTo(threads);
        assertThat(interrupted.get()).isEqualTo(threads);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
