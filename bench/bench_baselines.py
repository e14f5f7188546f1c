"""The disentangled baselines beside CaD-VAE: DGCF and SEM-MacridVAE on ML-100k and ML-1M (3 seeds), and their speed.
Results are appended to bench/dgcf_quality.json / bench/sem_macridvae_quality.json as runs finish (finished runs are
skipped, so the script can be stopped and restarted); notebooks 05c and 05d display them.

    CADVAE_DATA=../shared/data python bench/bench_baselines.py [dgcf|sem|sem_ablate|speed|kernels]
"""
import json, sys, time
from pathlib import Path
import pandas as pd
from cadvae_nb.data import prepare
from cadvae_nb.train import TrainConfig, fit
from _common import machine  # bench/ is on sys.path when a script here runs
from bench_vae import defaults_quality, PLAN

HERE = Path(__file__).parent
OUT = HERE / 'out'
# DGCF: users per batch (each contributes all its clicks as BPR positives), epochs, patience, learning rates tried on seed 0
DGCF_PLAN = {'ml-100k': dict(batch_size=100, epochs=200, patience=30, lrs=(0.003, 0.01, 0.03)),
             'ml-1m': dict(batch_size=500, epochs=150, patience=15, lrs=(0.01, 0.03))}

def _record(path, command, protocol):
    return json.loads(path.read_text()) if path.exists() else {'machine': machine(), 'command': command, 'protocol': protocol, 'runs': []}

def dgcf(seeds=(0, 1, 2)):
    "DGCF at the authors' defaults (d=64, K=4, 1 layer, 2 routing iterations); learning rate chosen on validation NDCG@100 with seed 0."
    path = HERE / 'dgcf_quality.json'
    rec = _record(path, 'CADVAE_DATA=../shared/data python bench/bench_baselines.py dgcf',
                  'graph = training users + validation/test users\' fold-in clicks (never held-out clicks); BPR over every graph edge '
                  'once an epoch, one sampled negative each; learning rate chosen on validation NDCG@100 (seed 0); '
                  + '; '.join(f'{ds}: {p["batch_size"]} users a batch, <= {p["epochs"]} epochs, patience {p["patience"]}, lr tried {p["lrs"]}'
                              for ds, p in DGCF_PLAN.items()))
    for ds, p in DGCF_PLAN.items():
        if sum(r['dataset'] == ds for r in rec['runs']) >= len(seeds): continue
        split = prepare(ds, download=False, progress=False)
        def run(lr, seed):
            cfg = TrainConfig(model='dgcf', epochs=p['epochs'], batch_size=p['batch_size'], patience=p['patience'], lr=lr, seed=seed)
            return fit(split, OUT / f'{ds}-dgcf-lr{lr}-{seed}', cfg, progress=False, log=lambda *a: None)
        trials = {lr: run(lr, 0) for lr in p['lrs']}
        best = max(trials, key=lambda lr: trials[lr]['validation']['ndcg@100'])
        print(ds, {lr: round(r['validation']['ndcg@100'], 4) for lr, r in trials.items()}, '->', best, flush=True)
        for seed in seeds:
            res = trials[best] if seed == 0 else run(best, seed)
            res['config'] = {k: v for k, v in p.items() if k != 'lrs'} | {'lr': best,
                             'validation_ndcg@100_by_lr': {str(lr): r['validation']['ndcg@100'] for lr, r in trials.items()}}
            res['tag'] = f'lr={best} (chosen on validation)'
            rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
            print(ds, 'dgcf', seed, round(res['test']['ndcg@100'], 4), f"{res['seconds_per_epoch']:.2f}s/epoch", flush=True)

def sem():
    "SEM-MacridVAE at MacridVAE's defaults and protocol, item embeddings and prototypes initialised from the item side information."
    defaults_quality('sem-macridvae', HERE / 'sem_macridvae_quality.json', 'CADVAE_DATA=../shared/data python bench/bench_baselines.py sem',
                     'MacridVAE defaults (K=7, d=100, tau=0.1, beta=0.2, std0=0.075, dropout 0.5) and protocol (ML-100k: batch 100, '
                     '<= 200 epochs, patience 50; ML-1M: batch 100, <= 100 epochs, patience 20); semantic features: genres, decade, '
                     'director, leading actors, title words')

SEM_VARIANTS = {'without the decade block': {'blocks': ['director', 'genre', 'actor', 'title']},
                'item embeddings only (random prototypes)': {'init_cores': False}}

def sem_ablate(datasets=('ml-100k', 'ml-1m'), seeds=(0, 1, 2)):
    "Why SEM-MacridVAE trails MacridVAE here: the same runs without the decade block, and with only the item embeddings initialised."
    path = HERE / 'sem_macridvae_ablation.json'
    rec = _record(path, 'CADVAE_DATA=../shared/data python bench/bench_baselines.py sem_ablate', 'as `sem`, one change each')
    done = {(r['dataset'], r['tag'], r['seed']) for r in rec['runs']}
    for ds in datasets:
        epochs, bs, patience = PLAN[ds]
        split = prepare(ds, download=False, progress=False)
        for tag, kw in SEM_VARIANTS.items():
            for seed in seeds:
                if (ds, tag, seed) in done: continue
                cfg = TrainConfig(model='sem-macridvae', epochs=epochs, batch_size=bs, patience=patience, seed=seed, model_kw=kw)
                res = fit(split, OUT / f'{ds}-sem-macridvae-{"-".join(map(str, kw.values()))}-{seed}'.replace(' ', ''), cfg, progress=False, log=lambda *a: None)
                res['tag'] = tag
                rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
                print(ds, tag, seed, round(res['test']['ndcg@100'], 4), flush=True)

def kernels(reps=3):
    "One forward + backward pass of DGCF's propagation over the ML-1M graph: our sparse kernels against the gather/scatter form."
    import statistics, torch
    from cadvae_nb import dgcf as D
    model = D.DGCF.from_split(prepare('ml-1m', download=False, progress=False))
    def gather_propagation(w, x, g):     # messages materialised per edge (E x d), summed into heads
        return torch.zeros_like(x).index_add_(0, g['head'], x.index_select(0, g['col']) * w.unsqueeze(2))
    def gather_edge_dot(a, b, g):
        return (a.index_select(0, g['head']) * b.index_select(0, g['col'])).sum(2)
    def timed():
        out = []
        for _ in range(reps + 1):
            t0 = time.perf_counter(); u, i = model.propagate(); (u.square().sum() + i.square().sum()).backward(); out.append(time.perf_counter() - t0)
        return statistics.median(out[1:])                     # the first pass warms up
    res = {'sparse kernels': timed()}
    fast = D.IntentPropagation.apply, D.EdgeDot.apply
    D.IntentPropagation.apply, D.EdgeDot.apply = gather_propagation, gather_edge_dot
    try: res['gather/scatter'] = timed()
    finally: D.IntentPropagation.apply, D.EdgeDot.apply = fast
    out = {'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': 'CADVAE_DATA=../shared/data python bench/bench_baselines.py kernels',
           'graph': {'nodes': model.n_users + model.n_items, 'directed_edges': int(len(model.col))}, 'd': model.d, 'K': model.K,
           'seconds_forward_backward': {k: round(v, 3) for k, v in res.items()}}
    print(out, flush=True); (HERE / 'dgcf_kernels.json').write_text(json.dumps(out, indent=1))

def speed(epochs=3):
    "Seconds per training epoch (median of epochs 2-3, nothing else running) of the disentangled models on ML-1M, with the batch sizes of the quality runs."
    split = prepare('ml-1m', download=False, progress=False)
    res = []
    for model, bs, lr in [('macridvae', 100, 1e-3), ('sem-macridvae', 100, 1e-3), ('dgcf', 500, 0.01), ('multvae', 100, 1e-3)]:
        run = OUT / f'speed-ml-1m-{model}'
        for f in run.glob('*'): f.unlink()
        out = fit(split, run, TrainConfig(model=model, epochs=epochs, batch_size=bs, lr=lr, patience=100), progress=False, log=lambda *a: None)
        secs = float(pd.read_csv(run / 'history.csv').seconds.iloc[1:].median())
        res.append({'model': model, 'batch_size': bs, 'params': out['params'], 'seconds_per_epoch': round(secs, 2)}); print(res[-1], flush=True)
    (HERE / 'baselines_speed.json').write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
        'command': 'CADVAE_DATA=../shared/data python bench/bench_baselines.py speed', 'dataset': 'ml-1m',
        'note': 'training epoch only (no validation), published settings, batch sizes of the quality runs', 'results': res}, indent=1))

if __name__ == '__main__':
    what = sys.argv[1] if len(sys.argv) > 1 else 'dgcf'
    {'dgcf': dgcf, 'sem': sem, 'sem_ablate': sem_ablate, 'speed': speed, 'kernels': kernels}[what]()
