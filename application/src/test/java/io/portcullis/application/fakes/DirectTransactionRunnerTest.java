package io.portcullis.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectTransactionRunnerTest {

    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

    @Test
    void runs_the_work_and_counts_outermost_transactions() {
        String result = transactions.inTransaction(() -> {
            assertThat(transactions.isInside()).isTrue();
            return transactions.inTransaction(() -> "inner");
        });

        assertThat(result).isEqualTo("inner");
        assertThat(transactions.isInside()).isFalse();
        assertThat(transactions.started()).isEqualTo(1);
        assertThat(transactions.failed()).isZero();
    }

    @Test
    void rethrows_and_counts_a_failure() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(transactions.failed()).isEqualTo(1);
        assertThat(transactions.isInside()).isFalse();
    }
}
