"""Ablations of the tuned CaD-VAE: `python bench/bench_ablate.py DATASET` -> bench/ablate_tuned_DATASET.json.

Reads the selected options of bench/studies/DATASET-cadvae/best.json and retrains them with seeds 0-2 with one
causal part changed; the selected model's own seeds 0-2 are its study's final runs (same seeds: a paired
comparison). Resumable: finished runs are read back from bench/out/ablate/."""
import sys, json
from dataclasses import replace
from pathlib import Path
from cadvae_nb.data import prepare
from cadvae_nb.train import TrainConfig, fit
from cadvae_nb.tune import trial_config, machine

HERE = Path(__file__).parent
SEEDS = (0, 1, 2)

def variants(params):
    "Each ablation: a name and the options it changes."
    other = 'literal' if params.get('zsup') == 'parents' else 'parents'
    v = {'A = 0 (no causal layer)': {'causal': False},
         'without L_asup (gamma1 = 0)': {'gamma1': 0.0},
         'without L_zsup (gamma2 = 0)': {'gamma2': 0.0},
         f'L_zsup {other}': {'zsup': other},
         'objective paper, kl_eps_weight = 1 (Eq. 13)': {'objective': 'paper', 'kl_eps_weight': 1.0},
         'learnable structure': {'learn_structure': True}}
    if params.get('objective') == 'paper': v['objective single'] = {'objective': 'single'}
    return v

def main(ds):
    best = json.loads((HERE / 'studies' / f'{ds}-cadvae' / 'best.json').read_text())
    split = prepare(ds, download=False, progress=False)
    p = best['preset']
    base = trial_config(best['params'], TrainConfig(model='cadvae', setting=best['setting'], epochs=p['epochs'], patience=p['patience']),
                        split.train.shape[0])
    out = HERE / f'ablate_tuned_{ds}.json'
    data = {'machine': machine(), 'command': ' '.join(['python'] + sys.argv), 'selected': best['params'], 'runs': []}
    for name, change in variants(best['params']).items():
        for s in SEEDS:
            cfg = replace(base, seed=s, model_kw={**base.model_kw, **change})
            run = HERE / 'out' / 'ablate' / f'{ds}-{"-".join(f"{k}{v}" for k, v in change.items())}-seed{s}'
            res = json.loads((run / 'metrics.json').read_text()) if (run / 'metrics.json').exists() else \
                fit(split, run, cfg, progress=False, log=lambda *a: None)
            data['runs'].append({**res, 'ablation': name, 'change': change})
            print(ds, name, s, round(res['test']['ndcg@100'], 4), flush=True)
            out.write_text(json.dumps(data, indent=1))

if __name__ == '__main__': main(sys.argv[1])
