package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.emit.OutputException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compile pipeline's tasks: results in order, a task's exception as it is, nothing running after. */
class ParallelTest {

    @Test
    void resultsComeInTheOrderOfTheItems() throws Exception {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        assertThat(Parallel.map(items, i -> i * 2)).containsExactlyElementsOf(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void aTaskExceptionIsThrownAsItIsAndNoTaskRunsAfterwards() {
        AtomicInteger running = new AtomicInteger();
        OutputException failure = new OutputException("disk full");
        assertThatThrownBy(() -> Parallel.map(List.of(0, 1, 2, 3), i -> {
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
        })).isSameAs(failure);
        assertThat(running).hasValue(0);
        CompileException bug = new CompileException("bug");
        assertThatThrownBy(() -> Parallel.map(List.of(0, 1), i -> {
            throw bug;
        })).isSameAs(bug);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
