import sys, statistics, collections
tps = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    r, v, t = line.split()
    tps[int(r)][v] = float(t)
variants = [v for v in tps[1] if v != 'plain']
print("plain median tps %.0f (%.0f-%.0f)" % (statistics.median(x['plain'] for x in tps.values()), min(x['plain'] for x in tps.values()), max(x['plain'] for x in tps.values())))
for v in variants:
    ratios = [x['plain'] / x[v] for x in tps.values()]
    ts = [x[v] for x in tps.values()]
    # ABBA pairs: rounds (1,2), (3,4), ... each pair's plain tps sum / variant tps sum
    pairs = [(tps[r]['plain'] + tps[r + 1]['plain']) / (tps[r][v] + tps[r + 1][v]) for r in range(1, len(tps), 2)]
    print("%-10s median tps %5.0f (%4.0f-%4.0f)  per-round cost median %.2fx (%.2f-%.2f)  per-ABBA-pair cost median %.2fx (%.2f-%.2f)" % (
        v, statistics.median(ts), min(ts), max(ts), statistics.median(ratios), min(ratios), max(ratios),
        statistics.median(pairs), min(pairs), max(pairs)))
