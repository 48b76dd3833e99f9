#!/usr/bin/env python3
"""Cuts the placer's requests of a traced `scale` run (scale-trace.sh) into hops, by the system calls' timestamps:
1 the placer's send of D/F -> the exchange's read of it; 2 that read -> the exchange's send of the reply (the handler,
the actor's work item up to the reply, and the transport's write, which Kestrel runs as a thread-pool item); 3 that
send -> the placer's read of it; 4 that read -> the placer's answer to the benchmark. Usage: perf.data scale.out N
(the last N requests: the last step's measured rounds, two per round)."""
import bisect, collections, re, subprocess, sys

data, out, last = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids = re.search(r'exchange in child process (\d+).*placer in child process (\d+)', open(out).read())
EX, PL = int(ids.group(1)), int(ids.group(2))
lines = subprocess.run(['perf', 'script', '-i', data, '-F', 'pid,tid,time,event,trace'], capture_output=True, text=True, check=True).stdout.splitlines()
pattern = re.compile(r'^\s*(\d+)/(\d+)\s+([\d.]+):\s+(\S+):\s*(.*)$')
fd_of = lambda rest: (re.search(r'fd: (0x[0-9a-f]+)', rest) or [None, None])[1]
calls = []  # (time, pid, event, fd)
for line in lines:
    m = pattern.match(line)
    if m and int(m.group(1)) in (EX, PL) and m.group(4).startswith('syscalls:'):
        calls.append((float(m.group(3)), int(m.group(1)), m.group(4).split(':')[1], fd_of(m.group(5))))
of = lambda pid, events, fd=None: [t for t, p, e, f in calls if p == pid and e in events and (fd is None or f == fd)]
placer_fd = collections.Counter(f for t, p, e, f in calls if p == PL and e == 'sys_enter_sendto').most_common(1)[0][0]
sends = of(PL, ('sys_enter_sendto',), placer_fd)
exchange_reads = [(t, f) for t, p, e, f in calls if p == EX and e in ('sys_enter_recvfrom', 'sys_enter_recvmsg')]
read_times = [t for t, f in exchange_reads]
# The exchange's socket of the placer: the one it reads first after most of the placer's sends.
exchange_fd = collections.Counter(exchange_reads[bisect.bisect_left(read_times, s)][1] for s in sends).most_common(1)[0][0]
ex_reads = of(EX, ('sys_enter_recvfrom', 'sys_enter_recvmsg'), exchange_fd)
ex_sends = of(EX, ('sys_enter_sendto', 'sys_enter_sendmsg'), exchange_fd)
pl_reads = of(PL, ('sys_enter_recvfrom',), placer_fd)
pl_answers = [t for t, p, e, f in calls if p == PL and e == 'sys_enter_write' and f != placer_fd]
after = lambda times, t: times[bisect.bisect_left(times, t)]
hops = collections.defaultdict(list)
for sent in sends[-last:]:
    a = after(ex_reads, sent); b = after(ex_sends, a); c = after(pl_reads, b); d = after(pl_answers, c)
    for name, v in (('1 placer sends -> exchange reads', a - sent), ('2 exchange reads -> sends the reply', b - a),
                    ('3 reply sent -> placer reads it', c - b), ('4 placer reads -> answers', d - c), ('total', d - sent)):
        hops[name].append(v * 1e3)
for name in sorted(hops):
    v = sorted(hops[name]); q = lambda p: v[min(len(v) - 1, int(p * len(v)))]
    print(f"{name:38} p50 {q(.5):6.2f}  p90 {q(.9):6.2f}  max {v[-1]:6.2f} ms  ({len(v)} requests)")
