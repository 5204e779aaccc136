package io.leadrouter.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The load harness's options: {@code --name value} on the command line, or {@code -Dbench.name=value}.
 * Every duration is in seconds.
 */
record BenchOptions(
        String db,              // h2 | postgres (the app is started by the harness), ignored with --url
        String url,             // a running Lead Router instead of starting one
        String user,
        String password,
        double rate,            // leads per second in warm-up and steady phases
        int warmup,
        int steady,
        double burstRate,       // 0: no burst phase
        int burst,
        int drain,              // at most this long after the load for the backlog to empty
        int baseline,           // raw-commit baseline seconds (before and after the load)
        double b2bShare,        // share of B2B (CRM account) leads among the generated ones
        boolean smoke,
        String appArgs,         // extra arguments for the started app, e.g. --camunda.bpm.history-level=audit
        String jvmArgs,         // extra JVM options for the started app, e.g. -XX:StartFlightRecording=...
        String jar,
        Path data,              // ../shared/data
        String pgUrl,           // PostgreSQL server to create the fresh database on
        int teamSize) {         // > 0: fill every demo team up to this many reps, all at work (PostgreSQL)

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("bench.")) {
                given.put(key.toString().substring("bench.".length()), value.toString());
            }
        });
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options are --name value");
            }
            String name = args[i].substring(2);
            if (name.equals("smoke")) {
                given.put(name, "true");
            } else if (i + 1 < args.length) {
                given.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        boolean smoke = Boolean.parseBoolean(given.getOrDefault("smoke", "false"));
        double rate = Double.parseDouble(given.getOrDefault("rate", smoke ? "20" : "150"));
        return new BenchOptions(
                given.getOrDefault("db", "h2"),
                given.get("url"),
                given.getOrDefault("user", "admin"),
                given.getOrDefault("password", "admin"),
                rate,
                Integer.parseInt(given.getOrDefault("warmup", smoke ? "5" : "60")),
                Integer.parseInt(given.getOrDefault("steady", given.getOrDefault("duration", smoke ? "10" : "300"))),
                Double.parseDouble(given.getOrDefault("burst-rate", smoke ? "0" : Double.toString(2 * rate))),
                Integer.parseInt(given.getOrDefault("burst", smoke ? "0" : "60")),
                Integer.parseInt(given.getOrDefault("drain", smoke ? "30" : "180")),
                Integer.parseInt(given.getOrDefault("baseline", smoke ? "2" : "10")),
                Double.parseDouble(given.getOrDefault("b2b-share", "0.5")),
                smoke,
                given.getOrDefault("app-args", ""),
                given.getOrDefault("jvm-args", ""),
                given.getOrDefault("jar", "target/lead-router-0.1.0-SNAPSHOT.jar"),
                Path.of(given.getOrDefault("data", "../shared/data")),
                given.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
                Integer.parseInt(given.getOrDefault("team-size", "0")));
    }
}
