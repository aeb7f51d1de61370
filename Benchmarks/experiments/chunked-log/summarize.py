import sys, statistics, collections
d = collections.defaultdict(list)
for f in sys.argv[1:]:
    for line in open(f):
        r, case, v, ticks, n, us = line.split()
        d[(case, v)].append(float(us))
for (case, v), xs in sorted(d.items()):
    print(f"{case:7} {v:11} n={len(xs)} median {statistics.median(xs):6.0f}  ({min(xs):.0f}-{max(xs):.0f})")
