#!/usr/bin/env bash
# Lead Router benchmarks (BENCHMARKS.md). Builds with the bench profile, then runs:
#   bench/run.sh load [--db h2|postgres] [--rate 150] [--warmup 60] [--steady 300] [--burst 60]
#                     [--burst-rate 300] [--drain 180] [--url http://host:8080] [--app-args "..."]
#                     [--jvm-args "..."] [--team-size 1000 (postgres)]
#   bench/run.sh smoke                 # 20 leads/s for 15 s on H2; exits 1 unless every lead was routed
#   bench/run.sh jmh [JMH options]     # routing strategy benchmarks, e.g. -p teamSize=10,1000
#   bench/run.sh scoring [JMH options] # predictive scoring's cost per lead (needs ../shared/data)
#   bench/run.sh tree-settings         # how the trees' settings were chosen: inner and outer AUC per setting
#   bench/run.sh scoring-candidates [--outer]  # issue 16's second AUC round: rolling-origin inner AUC per
#                                      # candidate and the rule's choice; --outer adds the outer AUC (not used to choose)
#   bench/run.sh fuzz [--cases 20000] [--seed S] [--db h2|postgres] [--url http://host:8080]
#                                      # hostile intake (IntakeFuzzTest's generator); exits 1 on any 5xx
# Set BENCH_SKIP_BUILD=1 to run what was built last, BENCH_KEEP_DATABASE=1 to keep an H2 run's database files.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-}"
[ $# -gt 0 ] && shift
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -Pbench -DskipTests -Dlint.skip package
fi
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

case "$what" in
  load)  exec java -cp "$classpath" io.leadrouter.bench.LoadHarness "$@" ;;
  smoke) exec java -cp "$classpath" io.leadrouter.bench.LoadHarness --smoke "$@" ;;
  jmh)   mkdir -p target/bench-results
         results=()
         [[ " $* " == *" -rff "* ]] || results=(-rf csv -rff target/bench-results/jmh-routing.csv)
         exec java -cp "$classpath" org.openjdk.jmh.Main io.leadrouter.bench.RoutingBenchmark "${results[@]}" "$@" ;;
  scoring) mkdir -p target/bench-results
         results=()
         [[ " $* " == *" -rff "* ]] || results=(-rf csv -rff target/bench-results/jmh-scoring.csv)
         exec java -cp "$classpath" org.openjdk.jmh.Main io.leadrouter.bench.ScoringModelBenchmark "${results[@]}" "$@" ;;
  tree-settings) exec java -cp "$classpath" io.leadrouter.scoring.model.TreeSettingsSearch "$@" ;;
  scoring-candidates) exec java -cp "$classpath" io.leadrouter.scoring.model.ScoringCandidatesSearch "$@" ;;
  fuzz)  exec java -cp "$classpath" io.leadrouter.bench.IntakeFuzzCommand "$@" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
