#!/usr/bin/env bash
# A/B of gateway-throughput: two builds of the benchmarks (A = before, B = after), run in interleaved pairs (A, B, A, B, …)
# so both see the same machine load; prints each run's output (stderr) and, per pair (stdout), both orders/s with B/A and
# both process CPU µs per order with A/B (above 1: B cheaper). On a shared machine CPU per order moves less than orders/s.
# usage: ab-gateway-throughput.sh A.dll B.dll [pairs] [gateway-throughput options…]
set -euo pipefail
a=$1; b=$2; pairs=${3:-3}; shift $(( $# < 3 ? $# : 3 ))
grep -m1 'model name' /proc/cpuinfo || true
for i in $(seq 1 "$pairs"); do
  outa=$(dotnet "$a" gateway-throughput "$@" || true); echo "$outa" >&2
  outb=$(dotnet "$b" gateway-throughput "$@" || true); echo "$outb" >&2
  ra=$(awk '/ orders\/s/ {print $1; exit}' <<< "$outa"); ca=$(awk '/µs CPU/ {for (i = 1; i < NF; i++) if ($(i + 1) == "µs") {print $i; exit}}' <<< "$outa")
  rb=$(awk '/ orders\/s/ {print $1; exit}' <<< "$outb"); cb=$(awk '/µs CPU/ {for (i = 1; i < NF; i++) if ($(i + 1) == "µs") {print $i; exit}}' <<< "$outb")
  echo "pair $i: orders/s A ${ra:-failed} B ${rb:-failed} B/A $(awk -v a="${ra:-0}" -v b="${rb:-0}" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "n/a" }');" \
    "µs CPU per order A ${ca:-?} B ${cb:-?} A/B $(awk -v a="${ca:-0}" -v b="${cb:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'); load $(cut -d' ' -f1-3 /proc/loadavg)"
done
