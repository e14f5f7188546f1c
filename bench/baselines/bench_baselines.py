"""The disentangled baselines beside CaD-VAE: DGCF and SEM-MacridVAE on ML-100k and ML-1M (3 seeds), and their speed.
Results are appended to bench/baselines/dgcf_quality.json / sem_macridvae_quality.json as runs finish (finished runs are
skipped, so the script can be stopped and restarted); protocols.py beside it defines the protocols (DGCF_PLAN, dgcf_runs;
SEM_PROTOCOL, SEM_VARIANTS, sem_variant_runs); the results pages display the results. The timings (`speed`, `kernels`) go to
bench/speed/baselines_speed.json and bench/speed/dgcf_kernels.json.

    CADVAE_DATA=../shared/data python bench/baselines/bench_baselines.py [dgcf|sem|sem_ablate|speed|kernels]
"""
import json, sys, time, argparse
from pathlib import Path
import pandas as pd
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import BENCH, OUT, machine, defaults_quality
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit
from protocols import DGCF_PLAN, dgcf_protocol, dgcf_runs, SEM_PROTOCOL, sem_variant_runs   # beside this script

HERE = Path(__file__).parent
SPEED = BENCH / 'speed'

def _record(path, command, protocol):
    return json.loads(path.read_text()) if path.exists() else {'machine': machine(), 'command': command, 'protocol': protocol, 'runs': []}

def dgcf(seeds=(0, 1, 2)):
    "DGCF at the authors' defaults (d=64, K=4, 1 layer, 2 routing iterations); learning rate chosen on validation NDCG@100 with seed 0."
    path = HERE / 'dgcf_quality.json'
    rec = _record(path, 'CADVAE_DATA=../shared/data python bench/baselines/bench_baselines.py dgcf', dgcf_protocol())
    for ds, p in DGCF_PLAN.items():
        if sum(r['dataset'] == ds for r in rec['runs']) >= len(seeds): continue
        split = prepare(ds, download=False, progress=False)
        for res in dgcf_runs(split, OUT, p, seeds, log=lambda *a: print(*a, flush=True)):
            rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
            print(ds, 'dgcf', res['seed'], round(res['test']['ndcg@100'], 4), f"{res['seconds_per_epoch']:.2f}s/epoch", flush=True)

def sem():
    "SEM-MacridVAE at MacridVAE's defaults and protocol, item embeddings and prototypes initialised from the item side information."
    defaults_quality('sem-macridvae', HERE / 'sem_macridvae_quality.json', 'CADVAE_DATA=../shared/data python bench/baselines/bench_baselines.py sem',
                     SEM_PROTOCOL)

def sem_ablate(datasets=('ml-100k', 'ml-1m'), seeds=(0, 1, 2)):
    "Why SEM-MacridVAE trails MacridVAE here: the same runs without the decade block, and with only the item embeddings initialised."
    path = HERE / 'sem_macridvae_ablation.json'
    rec = _record(path, 'CADVAE_DATA=../shared/data python bench/baselines/bench_baselines.py sem_ablate', 'as `sem`, one change each')
    done = {(r['dataset'], r['tag'], r['seed']) for r in rec['runs']}
    for ds in datasets:
        split = prepare(ds, download=False, progress=False)
        for res in sem_variant_runs(split, OUT, seeds, done):
            rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
            print(ds, res['tag'], res['seed'], round(res['test']['ndcg@100'], 4), flush=True)

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
    out = {'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': 'CADVAE_DATA=../shared/data python bench/baselines/bench_baselines.py kernels',
           'graph': {'nodes': model.n_users + model.n_items, 'directed_edges': int(len(model.col))}, 'd': model.dim, 'K': model.K,
           'seconds_forward_backward': {k: round(v, 3) for k, v in res.items()}}
    print(out, flush=True); (SPEED / 'dgcf_kernels.json').write_text(json.dumps(out, indent=1))

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
    (SPEED / 'baselines_speed.json').write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
        'command': 'CADVAE_DATA=../shared/data python bench/baselines/bench_baselines.py speed', 'dataset': 'ml-1m',
        'note': 'training epoch only (no validation), published settings, batch sizes of the quality runs', 'results': res}, indent=1))

MODES = {'dgcf': dgcf, 'sem': sem, 'sem_ablate': sem_ablate, 'speed': speed, 'kernels': kernels}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', nargs='?', choices=list(MODES), default='dgcf')
    MODES[ap.parse_args().what]()
