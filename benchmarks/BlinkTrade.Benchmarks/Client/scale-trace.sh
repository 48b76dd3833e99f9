#!/usr/bin/env bash
# Where the placer's confirmation goes at N sessions: one `scale` run under `perf record` (scheduler and socket system
# calls on every CPU), then each of the last step's measured requests cut into its hops by the system calls' times
# (scale-trace.py). Needs perf and root (or perf_event_paranoid ≤ 1); perf slows every process, so compare builds
# traced the same way, never with plain `scale` figures.
#   usage: scale-trace.sh path/to/BlinkTrade.Benchmarks.dll [sessions=1000] [rounds=20] [warmup-rounds=10] [out-dir=.]
set -euo pipefail
dll=$1; sessions=${2:-1000}; rounds=${3:-20}; warmup=${4:-10}; out=${5:-.}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
perf record -q -o "$out/scale.perf" -a -e sched:sched_switch -e sched:sched_wakeup \
  -e syscalls:sys_enter_sendto -e syscalls:sys_enter_sendmsg -e syscalls:sys_enter_recvfrom -e syscalls:sys_enter_recvmsg \
  -e syscalls:sys_enter_write -- \
  dotnet "$dll" scale --sessions "$sessions" --rounds "$rounds" --warmup-rounds "$warmup" > "$out/scale.out" 2>&1
grep -E "^ +$sessions " "$out/scale.out" || true
python3 "$here/scale-trace.py" "$out/scale.perf" "$out/scale.out" $((2 * rounds))
