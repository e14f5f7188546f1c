"""EASE with lambda chosen on validation users: `python bench/table1/bench_ease.py [DATASET ...]` -> bench/table1/ease.json.

lambda is searched by `cadvae_nb.ease.ease_select` (the coarse grid, refined on log lambda to within 2%); the record
keeps every lambda tried with its validation NDCG@100. Default: ML-100k and ML-1M (Table 1's reference row) and the
synthetic dataset (the main job's, bench_mainjob.py)."""
import shlex, sys, json, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import machine
from cadvae_nb.datasets import prepare
from cadvae_nb.ease import ease_select

HERE = Path(__file__).parent

DATASETS = ('ml-100k', 'ml-1m', 'synthetic')

def main(datasets=DATASETS):
    out = HERE / 'ease.json'
    data = {'machine': machine(), 'command': shlex.join(['python'] + sys.argv), 'runs': []}
    for ds in datasets:
        split = prepare(ds, download=False, progress=False)
        t0 = time.perf_counter()
        rec = ease_select(split)
        rec['seconds'] = time.perf_counter() - t0
        data['runs'].append(rec)
        print(ds, 'lam', rec['lam'], 'of', len(rec['validation_by_lam']), 'tried; val', round(rec['validation']['ndcg@100'], 4), 'test', round(rec['test']['ndcg@100'], 4), flush=True)
    out.write_text(json.dumps(data, indent=1))

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('datasets', nargs='*', default=list(DATASETS))
    main(ap.parse_args().datasets)
