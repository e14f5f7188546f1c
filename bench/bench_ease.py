"""EASE with lambda chosen on validation users: `python bench/bench_ease.py [DATASET ...]` -> bench/ease.json."""
import shlex, sys, json, time
from pathlib import Path
from cadvae_nb.datasets import prepare
from cadvae_nb.ease import ease_select
from cadvae_nb.tune import machine

HERE = Path(__file__).parent

def main():
    out = HERE / 'ease.json'
    data = {'machine': machine(), 'command': shlex.join(['python'] + sys.argv), 'runs': []}
    for ds in sys.argv[1:] or ['ml-100k', 'ml-1m']:
        split = prepare(ds, download=False, progress=False)
        t0 = time.perf_counter()
        rec = ease_select(split)
        rec['seconds'] = time.perf_counter() - t0
        data['runs'].append(rec)
        print(ds, 'lam', rec['lam'], 'val', round(rec['validation']['ndcg@100'], 4), 'test', round(rec['test']['ndcg@100'], 4), flush=True)
    out.write_text(json.dumps(data, indent=1))

if __name__ == '__main__': main()
