package io.adpulse.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ExportsTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndLeavesMissingValuesEmpty() {
        assertThat(Exports.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, "12.50")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,12.50\r\n");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunAsAFormulaButNotNegativeNumbers() {
        assertThat(Exports.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Exports.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Exports.field("-600")).isEqualTo("-600");
        assertThat(Exports.field("-0.2857")).isEqualTo("-0.2857");
        assertThat(Exports.field("-cmd")).isEqualTo("'-cmd");
    }

    @Test
    void streamsTheHeaderThenOneLinePerRow() {
        var response = Exports.csv("spend-1", java.util.List.of("day", "spend"), Flux.just("a", "b"),
                row -> java.util.List.of(row, "1.00"));

        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("spend-1.csv");
        assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        StepVerifier.create(response.getBody())
                .expectNext("day,spend\r\n", "a,1.00\r\n", "b,1.00\r\n")
                .verifyComplete();
    }

    @Test
    void buildsSafeFileNames() {
        assertThat(Exports.filename("top", "adv 1/../x", null, java.time.LocalDate.parse("2025-03-01")))
                .isEqualTo("top-adv_1_.._x-2025-03-01");
    }

    @Test
    void acceptsCsvAndJsonFormatsOnly() {
        assertThat(Exports.format(null)).isEqualTo(Exports.Format.DOCUMENT);
        assertThat(Exports.format("CSV")).isEqualTo(Exports.Format.CSV);
        assertThat(Exports.format("json")).isEqualTo(Exports.Format.JSON);
        assertThatThrownBy(() -> Exports.format("pdf")).hasMessageContaining("'format' must be csv or json, got 'pdf'");
    }
}
