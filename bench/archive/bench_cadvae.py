"""CaD-VAE's first experiments, superseded by the tuned Table 1 (bench/table1/) and its ablations (bench/ablations/);
kept with their results, which nbs/results/01_table1.ipynb quotes in its table of what was tried:

    python bench/archive/bench_cadvae.py compare DATASET   # tune each model on validation NDCG@100 (same trial budget), 3 seeds of the best
    python bench/archive/bench_cadvae.py ablate DATASET    # A = 0, no L_asup, no L_zsup, the other label definition (3 seeds)
    python bench/archive/bench_cadvae.py beta DATASET      # beta sweep with the fine-grained independence of z (1 seed each)
    python bench/archive/bench_cadvae.py graph             # learnable structure on synthetic data: is the concept graph recovered?
    python bench/archive/bench_cadvae.py speed             # seconds per epoch against beta-MultVAE, same data and device
    python bench/archive/bench_cadvae.py kl_eps DATASET    # outside the trial budget: a smaller weight on KL(q(eps)||p(eps))

Runs go to bench/out/ (resumable: a finished run is reloaded, not retrained); results to bench/archive/cadvae_*.json,
one record appended per finished run (`speed`: bench/speed/cadvae_speed.json). CPU or GPU as --device auto finds (CADVAE_DATA must point at the data).
"""
import shlex, json, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import BENCH, OUT, machine
import numpy as np, torch
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit, load_run
from cadvae_nb.blocks import Batch
from cadvae_nb.metrics import independence

HERE = Path(__file__).parent
PLAN = {'ml-100k': (200, 100, 50), 'ml-1m': (100, 100, 20), 'synthetic': (100, 100, 20)}  # epochs, batch, patience
TRIALS = {  # the same budget of 4 trials per model, all in the Table 1 setting (~2Md parameters, d = 100)
    'multdae': [{'lam': l} for l in (0.0, 0.001, 0.003, 0.01)],
    'multvae': [{'beta_cap': b} for b in (0.1, 0.2, 0.3, 0.5)],
    'cadvae': [{'beta': 0.2, 'gamma1': 1.0, 'gamma2': 1.0}, {'beta': 0.2, 'gamma1': 1.0, 'gamma2': 0.1},
               {'beta': 0.5, 'gamma1': 1.0, 'gamma2': 0.1}, {'beta': 0.1, 'gamma1': 0.1, 'gamma2': 0.1}],
}
SEEDS = (0, 1, 2)


def _record(name, rec):
    path = HERE / f'cadvae_{name}.json'
    data = json.loads(path.read_text()) if path.exists() else {'machine': machine(), 'command': shlex.join(['python'] + sys.argv), 'runs': []}
    data['runs'].append(rec); path.write_text(json.dumps(data, indent=1))

def _done(name):
    path = HERE / f'cadvae_{name}.json'
    return json.loads(path.read_text())['runs'] if path.exists() else []

def _slug(kw): return '-'.join(f'{k}{v}' for k, v in sorted(kw.items())) or 'default'

def run(split, ds, model, kw, seed):
    epochs, bs, patience = PLAN[ds]
    cfg = TrainConfig(model=model, setting='table1', epochs=epochs, batch_size=bs, patience=patience, seed=seed, model_kw=kw)
    res = fit(split, OUT / f'{ds}-{model}-{_slug(kw)}-seed{seed}', cfg, progress=False, log=lambda *a: None)
    return {**res, 'model_kw': kw}

def compare(ds):
    split = prepare(ds, download=False, progress=False)
    done = {(r['model'], json.dumps(r['model_kw'], sort_keys=True), r['seed'], r['stage']) for r in _done(f'compare_{ds}')}
    for model, trials in TRIALS.items():
        results = []
        for kw in trials:
            key = (model, json.dumps(kw, sort_keys=True), 0, 'trial')
            r = run(split, ds, model, kw, 0)
            if key not in done: _record(f'compare_{ds}', {**r, 'stage': 'trial'})
            results.append(r)
            print(ds, model, kw, 'val', round(r['validation']['ndcg@100'], 4), flush=True)
        best = max(results, key=lambda r: r['validation']['ndcg@100'])['model_kw']
        for seed in SEEDS:
            key = (model, json.dumps(best, sort_keys=True), seed, 'final')
            if key in done: continue
            r = run(split, ds, model, best, seed)
            _record(f'compare_{ds}', {**r, 'stage': 'final'})
            print(ds, model, best, seed, 'test', round(r['test']['ndcg@100'], 4), flush=True)

def _best_cadvae(ds):
    finals = [r for r in _done(f'compare_{ds}') if r['model'] == 'cadvae' and r['stage'] == 'final']
    if not finals: raise SystemExit(f'run `compare {ds}` first: the ablations start from the selected CaD-VAE')
    return finals[0]['model_kw']

ABLATIONS = {'A = 0 (no causal layer)': {'causal': False}, 'without L_asup': {'gamma1': 0.0},
             'without L_zsup': {'gamma2': 0.0}, 'labels: majority': {'labels': 'majority'}}

def ablate(ds):
    split = prepare(ds, download=False, progress=False)
    base = _best_cadvae(ds)
    done = {(r['ablation'], r['seed']) for r in _done(f'ablate_{ds}')}
    for name, change in ABLATIONS.items():
        for seed in SEEDS:
            if (name, seed) in done: continue
            r = run(split, ds, 'cadvae', {**base, **change}, seed)
            _record(f'ablate_{ds}', {**r, 'ablation': name})
            print(ds, name, seed, round(r['test']['ndcg@100'], 4), flush=True)

def kl_eps(ds, weights=(0.2,)):
    "Outside the equal trial budget: the selected CaD-VAE with a smaller weight on KL(q(eps)||p(eps)) (1 in Eq. 13), 3 seeds."
    split = prepare(ds, download=False, progress=False)
    base = _best_cadvae(ds)
    done = {(r['model_kw'].get('kl_eps_weight'), r['seed']) for r in _done(f'kl_eps_{ds}')}
    for w in weights:
        for seed in SEEDS:
            if (w, seed) in done: continue
            r = run(split, ds, 'cadvae', {**base, 'kl_eps_weight': w}, seed)
            _record(f'kl_eps_{ds}', r)
            print(ds, 'kl_eps_weight', w, seed, round(r['test']['ndcg@100'], 4), flush=True)

def _independence(run_dir, split):
    "Fine-grained independence of z (posterior means through the layer) over test users, mean over concept blocks."
    cfg, model, _ = load_run(run_dir, split, 'cpu')
    z = model.representation(Batch.from_csr(split.test_tr)).flatten(1).numpy()
    return independence(z, blocks=model.k)

def beta(ds, betas=(0.05, 0.2, 1.0, 5.0)):
    split = prepare(ds, download=False, progress=False)
    base = _best_cadvae(ds)
    done = {r['model_kw']['beta'] for r in _done(f'beta_{ds}')}
    for b in betas:
        if b in done: continue
        kw = {**base, 'beta': b}
        r = run(split, ds, 'cadvae', kw, 0)
        r['independence'] = _independence(OUT / f'{ds}-cadvae-{_slug(kw)}-seed0', split)
        _record(f'beta_{ds}', r)
        print(ds, 'beta', b, round(r['test']['ndcg@100'], 4), 'independence', round(r['independence'], 4), flush=True)

def graph(seeds=SEEDS):
    split = prepare('synthetic', n_users=6000, n_items=2000, n_interactions=300_000, seed=0, progress=False)
    done = {r['seed'] for r in _done('graph')}
    for seed in seeds:
        if seed in done: continue
        kw = {'learn_structure': True, 'beta': 0.2, 'gamma1': 1.0, 'gamma2': 0.1, 'acyclicity_weight': 1.0}
        r = run(split, 'synthetic', 'cadvae', kw, seed)
        _, model, _ = load_run(OUT / f'synthetic-cadvae-{_slug(kw)}-seed{seed}', split, 'cpu')
        r['A'] = model.causal.A.detach().numpy().tolist(); r['truth'] = split.truth['graph']; r['concepts'] = model.concepts
        _record('graph', r)
        print('graph seed', seed, np.round(np.array(r['A']), 3).tolist(), flush=True)

def speed():
    "Seconds per training epoch of CaD-VAE and beta-MultVAE (Table 1 settings) on the same data and device: the ratio."
    import pandas as pd
    rows = []
    for ds, kw in [('ml-1m', {}), ('synthetic ML-20M size', dict(n_users=138_000, n_items=20_000, n_interactions=12_000_000, seed=0))]:
        split = prepare('synthetic' if 'synthetic' in ds else ds, download=False, progress=False, **kw)
        secs = {}
        for model in ('multvae', 'cadvae'):
            run_dir = OUT / f'speed-{ds.replace(" ", "_")}-{model}-table1'
            for f in run_dir.glob('*'): f.unlink()
            fit(split, run_dir, TrainConfig(model=model, setting='table1', epochs=3, batch_size=500, patience=100), progress=False, log=lambda *a: None)
            secs[model] = float(pd.read_csv(run_dir / 'history.csv').seconds.iloc[1:].median())
        rows.append({'dataset': ds, 'device': 'cuda' if torch.cuda.is_available() else 'cpu', 'multvae_s_per_epoch': round(secs['multvae'], 2),
                     'cadvae_s_per_epoch': round(secs['cadvae'], 2), 'ratio': round(secs['cadvae'] / secs['multvae'], 2)})
        print(rows[-1], flush=True)
    (BENCH / 'speed' / 'cadvae_speed.json').write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
        'command': 'python bench/archive/bench_cadvae.py speed', 'note': 'median of epochs 2-3, training only, batch 500', 'results': rows}, indent=1))

MODES = {'compare': compare, 'ablate': ablate, 'beta': beta, 'graph': graph, 'speed': speed, 'kl_eps': kl_eps}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', choices=list(MODES))
    ap.add_argument('dataset', nargs='?', help='the dataset of compare, ablate, beta and kl_eps')
    a = ap.parse_args()
    if (a.dataset is None) != (a.what in ('graph', 'speed')): ap.error(f'{a.what}: the dataset goes with compare, ablate, beta, kl_eps')
    MODES[a.what](*([a.dataset] if a.dataset else []))
