"""A study's winner retrained with a higher epoch cap, when its best epochs came too close to the study's cap.

    python bench/bench_cap.py DATASET MODEL [--epochs N] [--variant NAME]   -> bench/studies/DATASET-MODEL[-NAME]/cap_check.json

Reads bench/studies/DATASET-MODEL/best.json, trains the selected options with seeds 0-4 under the cap N (default:
twice the study's), the same patience, and records validation and test metrics beside the study's own finals.
Resumable: finished runs are read back from bench/out/cap/.
"""
import shlex, json, sys, time
from dataclasses import replace
from pathlib import Path
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit
from cadvae_nb.tune import trial_config
from _common import machine  # bench/ is on sys.path when a script here runs

HERE = Path(__file__).parent

if __name__ == '__main__':
    ds, model = sys.argv[1], sys.argv[2]
    study = f'{ds}-{model}' + (f'-{sys.argv[sys.argv.index("--variant") + 1]}' if '--variant' in sys.argv else '')
    best = json.loads((HERE / 'studies' / study / 'best.json').read_text())
    params = {**(best.get('fixed') or {}), **best['params']}        # a variant's study: its fixed options too
    cap = int(sys.argv[sys.argv.index('--epochs') + 1]) if '--epochs' in sys.argv else 2 * best['preset']['epochs']
    split = prepare(ds, download=False, progress=False)
    base = trial_config(params, TrainConfig(model=model, setting=best['setting'], epochs=cap, patience=best['preset']['patience']),
                        split.train.shape[0])
    out = HERE / 'studies' / study / 'cap_check.json'
    rec = {'machine': machine(), 'when': time.strftime('%Y-%m-%d %H:%M'), 'command': shlex.join(['python'] + sys.argv),
           'study_cap': best['preset']['epochs'], 'cap': cap, 'patience': best['preset']['patience'], 'params': params, 'runs': []}
    for seed in range(len(best['finals'])):
        run = HERE / 'out' / 'cap' / f'{study}-cap{cap}-seed{seed}'
        res = json.loads((run / 'metrics.json').read_text()) if (run / 'metrics.json').exists() else \
            fit(split, run, replace(base, seed=seed), progress=False, log=lambda *a: None)
        rec['runs'].append(res)
        print(ds, model, 'seed', seed, 'best epoch', res['best_epoch'], 'of', cap, 'test NDCG@100', round(res['test']['ndcg@100'], 4), flush=True)
        out.write_text(json.dumps(rec, indent=1))
    print('wrote', out)
