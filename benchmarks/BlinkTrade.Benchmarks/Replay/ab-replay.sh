#!/usr/bin/env bash
# A/B of two builds of the replay benchmark on the same streams, runs interleaved (A B A B ...), every run's digest checked.
#
#   benchmarks/BlinkTrade.Benchmarks/Replay/ab-replay.sh A.dll B.dll [pairs] [streams...]
#
# A.dll / B.dll: BlinkTrade.Benchmarks.dll of the two builds (e.g. main built into /tmp/a, the branch into /tmp/b with
# `dotnet build benchmarks/BlinkTrade.Benchmarks -c Release -o /tmp/b`). pairs: A/B rounds per stream (default 5).
# streams: W1..W4 (default all four). Streams are generated once (seed 7, 1M commands) into $AB_STREAMS (default
# /tmp/blinktrade-streams). Each run is `replay --reps $AB_REPS --warmup $AB_WARMUP --latency-reps 0`; per stream the
# table gives the median over runs of each run's median rep, wall clock and per process-CPU second, and the median,
# min and max of the B/A ratio of the pairs; the last column pairs each run's fastest rep per CPU second (the rep least
# disturbed by other processes on a shared machine). Exit code 1 if any run printed a wrong digest.
set -euo pipefail
a=${1:?usage: ab-replay.sh A.dll B.dll [pairs] [streams...]}
b=${2:?usage: ab-replay.sh A.dll B.dll [pairs] [streams...]}
pairs=${3:-5}
shift $(( $# < 3 ? $# : 3 ))
streams=("$@")
[ ${#streams[@]} -eq 0 ] && streams=(W1 W2 W3 W4)
dir=${AB_STREAMS:-/tmp/blinktrade-streams}
reps=${AB_REPS:-5}
warmup=${AB_WARMUP:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
log=$(mktemp -d)
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A = $a"
echo "B = $b"
echo "pairs $pairs, replay --reps $reps --warmup $warmup --latency-reps 0; raw output in $log"
status=0
for s in "${streams[@]}"; do
  w=$(echo "$s" | tr 'A-Z' 'a-z')
  if [ ! -s "$dir/$w.txt" ]; then
    python3 "$here/streams/gen.py" "$s" --seed 7 --commands 1000000 --digest "$dir/$w.digest" > "$dir/$w.txt"
  fi
  for p in $(seq 1 "$pairs"); do
    for side in A B; do
      dll=$a; [ "$side" = B ] && dll=$b
      out="$log/$w.$side.$p.txt"
      dotnet "$dll" replay "$dir/$w.txt" --digest "$dir/$w.digest" --reps "$reps" --warmup "$warmup" --latency-reps 0 > "$out" 2>&1 || status=1
      grep -q "digest check: OK" "$out" || { echo "$s $side run $p: digest mismatch (see $out)"; status=1; }
    done
  done
done
python3 - "$log" "$pairs" "${streams[@]}" <<'PY'
import re, statistics, sys
log, pairs, streams = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def fig(path, label, best):
    text = open(path).read()
    m = re.search(label + r": median ([0-9.]+) M ops/s, min ([0-9.]+), max ([0-9.]+)", text)
    return float(m.group(3 if best else 1)) if m else float("nan")
print("| stream | A wall M/s | B wall M/s | B/A wall (min–max) | A per CPU s M/s | B per CPU s M/s | B/A per CPU (min–max) | B/A best rep per CPU (min–max) |")
print("|---|---|---|---|---|---|---|---|")
for s in streams:
    w = s.lower()
    rows = {}
    for kind, label, best in (("wall", "throughput", False), ("cpu", "per process CPU time", False), ("best", "per process CPU time", True)):
        av = [fig(f"{log}/{w}.A.{p}.txt", label, best) for p in range(1, pairs + 1)]
        bv = [fig(f"{log}/{w}.B.{p}.txt", label, best) for p in range(1, pairs + 1)]
        r = [y / x for x, y in zip(av, bv)]
        rows[kind] = (statistics.median(av), statistics.median(bv), statistics.median(r), min(r), max(r))
    (aw, bw, rw, rwl, rwh), (ac, bc, rc, rcl, rch), (_, _, rb, rbl, rbh) = rows["wall"], rows["cpu"], rows["best"]
    print(f"| {s} | {aw:.2f} | {bw:.2f} | **{rw:.2f}×** ({rwl:.2f}–{rwh:.2f}) | {ac:.2f} | {bc:.2f} | **{rc:.2f}×** ({rcl:.2f}–{rch:.2f}) | {rb:.2f}× ({rbl:.2f}–{rbh:.2f}) |")
PY
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
