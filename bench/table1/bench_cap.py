"""A study's winner retrained with a higher epoch cap, when its best epochs came too close to the study's cap.

    python bench/table1/bench_cap.py DATASET MODEL [--epochs N] [--variant NAME]
    -> bench/table1/studies/DATASET-MODEL[-NAME]/cap_check.json

Reads the study's best.json (bench/table1/studies/, or bench/archive/studies/ for a replaced study), trains the selected options with seeds 0-4 under the cap N (default:
twice the study's), the same patience, and records validation and test metrics beside the study's own finals.
Resumable: finished runs are read back from bench/out/cap/.
"""
import shlex, json, sys, time, argparse
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine, study_dir
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit
from cadvae_nb.tune import trial_config


def main(ds, model, epochs=None, variant=None):
    study = f'{ds}-{model}' + (f'-{variant}' if variant else '')
    best = json.loads((study_dir(study) / 'best.json').read_text())
    params = {**(best.get('fixed') or {}), **best['params']}        # a variant's study: its fixed options too
    cap = epochs or 2 * best['preset']['epochs']
    split = prepare(ds, download=False, progress=False)
    base = trial_config(params, TrainConfig(model=model, setting=best['setting'], epochs=cap, patience=best['preset']['patience']),
                        split.train.shape[0])
    out = study_dir(study) / 'cap_check.json'
    rec = {'machine': machine(), 'when': time.strftime('%Y-%m-%d %H:%M'), 'command': shlex.join(['python'] + sys.argv),
           'study_cap': best['preset']['epochs'], 'cap': cap, 'patience': best['preset']['patience'], 'params': params, 'runs': []}
    for seed in range(len(best['finals'])):
        run = OUT / 'cap' / f'{study}-cap{cap}-seed{seed}'
        res = json.loads((run / 'metrics.json').read_text()) if (run / 'metrics.json').exists() else \
            fit(split, run, replace(base, seed=seed), progress=False, log=lambda *a: None)
        rec['runs'].append(res)
        print(ds, model, 'seed', seed, 'best epoch', res['best_epoch'], 'of', cap, 'test NDCG@100', round(res['test']['ndcg@100'], 4), flush=True)
        out.write_text(json.dumps(rec, indent=1))
    print('wrote', out)


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset'); ap.add_argument('model')
    ap.add_argument('--epochs', type=int, help="the higher cap (default: twice the study's)")
    ap.add_argument('--variant', help='the study DATASET-MODEL-VARIANT instead of DATASET-MODEL')
    a = ap.parse_args()
    main(a.dataset, a.model, a.epochs, a.variant)
