package io.leadrouter.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk import settings ({@code leadrouter.imports.*}).
 *
 * @param rate          rows per second an import feeds in at most (0: no limit but backpressure);
 *                      below the sustainable routing rate so live leads keep their latency
 * @param backlogShare  an import pauses while the routing backlog is at this share of
 *                      {@code leadrouter.intake.max-backlog}, leaving the rest to live leads
 * @param chunk         rows committed together with the import's progress
 * @param logEvery      a progress log line every this many rows
 * @param maxErrors     row errors kept (with line numbers) per import; later ones are only counted
 */
@ConfigurationProperties("leadrouter.imports")
public record ImportProperties(
        @DefaultValue("100") double rate,
        @DefaultValue("0.5") double backlogShare,
        @DefaultValue("25") int chunk,
        @DefaultValue("1000") int logEvery,
        @DefaultValue("100") int maxErrors) {

    public ImportProperties {
        if (rate < 0 || backlogShare <= 0 || backlogShare > 1 || chunk < 1 || logEvery < 1 || maxErrors < 0) {
            throw new IllegalArgumentException("leadrouter.imports: rate >= 0, backlog-share in (0, 1], chunk >= 1, "
                    + "log-every >= 1, max-errors >= 0");
        }
    }
}
