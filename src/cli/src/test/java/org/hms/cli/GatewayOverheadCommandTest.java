package org.hms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayOverheadCommandTest {

    @TempDir
    Path report;

    /** A request's page as Gatling writes it: label and value in neighbouring table cells. */
    void page(String file, int p50, int p95, int p99, int max) throws IOException {
        Files.writeString(report.resolve(file), """
                <html><body><table>
                <tr><td class="title">50th percentile</td><td class="total">%d</td></tr>
                <tr><td class="title">95th percentile</td><td class="total">%d</td></tr>
                <tr><td class="title">99th percentile</td><td class="total">%d</td></tr>
                <tr><td class="title">Max</td><td class="total">%d</td></tr>
                </table></body></html>
                """.formatted(p50, p95, p99, max));
    }

    @Test
    void theGatewaysShareIsTheDifferenceOfEachPercentile() throws IOException {
        page("req_read-direct-1a2b.html", 1, 3, 5, 40);
        page("req_read-via-gatewa-3c4d.html", 2, 5, 8, 61);

        Run run = Run.of("gateway-overhead", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).hasSize(4);
        assertThat(run.out().get(1).split("\\s+")).containsSubsequence("direct", "1", "3", "5", "40");
        assertThat(run.out().get(2).split("\\s+")).containsSubsequence("gateway", "2", "5", "8", "61");
        assertThat(run.out().get(3).split("\\s+")).containsSubsequence("adds", "+1", "+2", "+3");
    }

    @Test
    void aReportWithoutTheGatewayPageIsNamed() throws IOException {
        page("req_read-direct-1a2b.html", 1, 3, 5, 40);

        Run run = Run.of("gateway-overhead", report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no page req_read-via-gatewa*.html");
    }
}
