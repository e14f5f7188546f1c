"""Benchmark `cadvae_nb.data.prepare`: wall time and peak memory of preparing ML-1M (from $CADVAE_DATA) and a
synthetic dataset of ML-20M's size, each in a fresh process. Results go to bench/speed/prepare.json, which notebook
00_data displays.

    CADVAE_DATA=../shared/data python bench/speed/bench_prepare.py
"""
import json, subprocess, sys, tempfile, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import machine

CASES = {
    'ml-1m': "prepare('ml-1m', out=OUT, download=False, progress=False)",
    'synthetic ML-20M size': "prepare('synthetic', out=OUT, n_users=138_000, n_items=20_000, n_interactions=12_000_000, seed=0)",
}
CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from cadvae_nb.datasets import prepare
OUT = sys.argv[1]
t1 = time.perf_counter()
s = {case}
t2 = time.perf_counter()
st = s.stats
print(json.dumps({{'seconds': round(t2 - t1, 2), 'import_seconds': round(t1 - t0, 2),
                  'ratings': st['raw']['interactions'], 'clicks': st['binarized']['interactions'],
                  'users': st['binarized']['users'], 'items': st['binarized']['items'], 'items_in_split': s.n_items,
                  'peak_rss_gb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}}))
"""


def main():
    results = []
    for name, case in CASES.items():
        with tempfile.TemporaryDirectory() as out:
            r = subprocess.run([sys.executable, '-c', CHILD.format(case=case), out], capture_output=True, text=True)
            if r.returncode: print(r.stderr, file=sys.stderr); continue
            res = {'dataset': name, **json.loads(r.stdout.strip().splitlines()[-1])}
            print(res); results.append(res)
    out = Path(__file__).parent / 'prepare.json'
    out.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
                               'command': 'CADVAE_DATA=../shared/data python bench/speed/bench_prepare.py',
                               'note': 'seconds: prepare() including writing the split (import time apart); '
                                       'peak_rss_gb: max resident memory of the process',
                               'results': results}, indent=1))

if __name__ == '__main__':
    argparse.ArgumentParser(description=__doc__.split('\n')[0]).parse_args()
    main()
