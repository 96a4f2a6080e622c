package io.adpulse.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RestatementsTest {

    @Test
    void distributesExactlyInProportionToTheWeights() {
        long[] parts = Restatements.distribute(new long[]{1, 2, 3, 4}, 1001);

        assertThat(Arrays.stream(parts).sum()).isEqualTo(1001);
        assertThat(parts).containsExactly(100, 200, 300, 401);
    }

    @Test
    void distributesEvenlyWhenAllWeightsAreZero() {
        long[] parts = Restatements.distribute(new long[]{0, 0, 0}, 8);

        assertThat(parts).containsExactly(3, 3, 2);
    }

    @Test
    void leavesZeroWeightCellsAtZero() {
        long[] parts = Restatements.distribute(new long[]{0, 5, 0, 5}, 7);

        assertThat(parts).containsExactly(0, 4, 0, 3);
    }
}
