#!/usr/bin/env bash
# Runs the benchmarks behind docs/performance.md and keeps every output in artifacts/benchmarks/<UTC time>/.
# Long (how long: docs/performance.md, "Reproduce"): not part of `dotnet test`. Run it on a quiet machine; the load average is
# recorded before each part, because wall-clock figures mean little on a busy one.
#
#   benchmarks/run-all.sh                 # everything
#   benchmarks/run-all.sh engine client   # only some parts: micro | engine | client
#
# Streams for the engine replay are generated (seed 1, 1M commands; about 40 s and 0.5 GB for all four) into
# $BLINKTRADE_STREAMS (default /tmp/blinktrade-streams) and reused by later runs.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(micro engine client)
out="artifacts/benchmarks/$(date -u +%Y%m%dT%H%M%SZ)"
streams="${BLINKTRADE_STREAMS:-/tmp/blinktrade-streams}"
mkdir -p "$out" "$streams"

dotnet build benchmarks/BlinkTrade.Benchmarks -c Release -warnaserror --nologo -v q
bench=benchmarks/BlinkTrade.Benchmarks/bin/Release/net10.0/BlinkTrade.Benchmarks.dll
gen=benchmarks/BlinkTrade.Benchmarks/streams/gen.py

run() { # run <log name> <args…>: prints and keeps the output, with the machine's load first
    local name=$1; shift
    echo "== $name ($(uptime | sed 's/.*load/load/'))" | tee "$out/$name.txt"
    dotnet "$bench" "$@" 2>&1 | tee -a "$out/$name.txt"
}

for part in "${parts[@]}"; do
    case "$part" in
        micro)
            # Parse and book-apply benchmarks take the short job; the engine benchmarks carry their own job.
            run micro-protocol --filter '*Parse*' '*OrderBookApply*' '*GatewayCodec*' '*PublicationEncode*' --job short --artifacts "$out/BenchmarkDotNet"
            run micro-engine --filter '*EngineOperation*' --artifacts "$out/BenchmarkDotNet" ;;
        engine)
            for w in W1 W2 W3 W4; do
                if [ ! -s "$streams/$w.txt" ] || [ ! -s "$streams/$w.digest" ]; then
                    python3 "$gen" "$w" --seed 1 --commands 1000000 --digest "$streams/$w.digest" > "$streams/$w.txt"
                fi
                run "replay-$w" replay "$streams/$w.txt" --digest "$streams/$w.digest"
            done ;;
        client)
            run md-throughput md-throughput
            run order-latency order-latency
            run gateway-throughput gateway-throughput ;;
        *)
            echo "unknown part '$part' (micro | engine | client)" >&2; exit 2 ;;
    esac
done
echo "outputs: $out"
