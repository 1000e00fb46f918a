package org.hms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the gateway adds to a cached patient read, from one Gatling report of
 * {@code GatewayOverheadSimulation}: the percentiles of its two request names, direct and via
 * the gateway, as Gatling's own pages state them.
 */
@Command(
        name = "gateway-overhead",
        description = "Print p50/p95/p99/max of the direct and the via-gateway reads of a Gatling report, and the difference.")
final class GatewayOverheadCommand implements Runnable {

    private static final Pattern PERCENTILE = Pattern.compile("(50th percentile|95th percentile|99th percentile|Max) (\\d+)");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT_DIR", description = "A Gatling report folder (load-tests/target/gatling/<simulation>-<time>).")
    Path report;

    @Override
    public void run() {
        long[] direct = percentiles("req_read-direct-");
        long[] gateway = percentiles("req_read-via-gatewa");
        PrintWriter out = spec.commandLine().getOut();
        out.println("==> cached patient read (ms, from the report)    p50   p95   p99   max");
        out.printf("    direct                                     %5d %5d %5d %5d%n", direct[0], direct[1], direct[2], direct[3]);
        out.printf("    via gateway                                %5d %5d %5d %5d%n", gateway[0], gateway[1], gateway[2], gateway[3]);
        out.printf("    gateway adds                               %+5d %+5d %+5d%n",
                gateway[0] - direct[0], gateway[1] - direct[1], gateway[2] - direct[2]);
        out.flush();
    }

    /** p50, p95, p99 and max of the request whose page name starts with {@code prefix}. */
    long[] percentiles(String prefix) {
        Path page;
        try (Stream<Path> files = Files.list(report)) {
            page = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".html"))
                    .findFirst()
                    .orElseThrow(() -> new CliException("no page " + prefix + "*.html in " + report));
            String text = Files.readString(page).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
            List<Long> values = new ArrayList<>();
            Matcher matcher = PERCENTILE.matcher(text);
            while (matcher.find() && values.size() < 4) {
                values.add(Long.parseLong(matcher.group(2)));
            }
            if (values.size() < 4) {
                throw new CliException(page + " states " + values.size() + " of p50, p95, p99, max");
            }
            return values.stream().mapToLong(Long::longValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
