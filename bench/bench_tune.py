"""Tuning studies for Table 1: `python bench/bench_tune.py DATASET MODEL [MODEL ...] [--trials 20] [--seeds 5]`.

Each (dataset, model) is one resumable Optuna study (cadvae_nb.tune.tune, the same code as `cadvae tune`) run in
bench/out/tune/DATASET-MODEL (trial runs, ignored by git); its study.db, best.json and trials.csv are copied to
bench/studies/DATASET-MODEL/ as they land. Killed, the same command resumes where it stopped."""
import sys, shutil, argparse
from pathlib import Path
from cadvae_nb.data import prepare
from cadvae_nb.tune import tune

HERE = Path(__file__).parent

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dataset'); ap.add_argument('models', nargs='+')
    ap.add_argument('--trials', type=int, default=20); ap.add_argument('--seeds', type=int, default=5)
    ap.add_argument('--setting', default='table1')
    a = ap.parse_args()
    split = prepare(a.dataset, download=False, progress=False)
    for model in a.models:
        out = HERE / 'out' / 'tune' / f'{a.dataset}-{model}'
        tune(split, model, out, trials=a.trials, setting=a.setting, seeds=a.seeds, progress=False,
                   log=lambda m: print(f'{a.dataset} {model}: {m}', flush=True), command=' '.join(['python'] + sys.argv))
        keep = HERE / 'studies' / f'{a.dataset}-{model}'
        keep.mkdir(parents=True, exist_ok=True)
        for f in ('study.db', 'best.json', 'trials.csv'): shutil.copy(out / f, keep / f)

if __name__ == '__main__': main()
