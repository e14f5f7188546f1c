"""The paper's Figure 2, measured (notebook 08_figures displays the results):

    python bench/figure2/bench_figures.py tsne [--tiny]            # 2a: CaD-VAE on ML-1M, t-SNE of the concept blocks, separation measures, learned A
    python bench/figure2/bench_figures.py beta [DATASET] [--tiny]  # 2b: beta against independence and test NDCG@100, 3 models x 4 betas x 3 seeds

`tsne` trains (or reloads) CaD-VAE on ML-1M with the shipped ML-1M preset (`preset_config('cadvae', split, 'table1')`),
seed 0, takes the posterior-mean representation of the test users and records: the t-SNE coordinates of the
(user, concept) block points, the silhouette of the concept labels, per pair of concepts the centroid distance over
the spread, a linear classifier's accuracy and the cross-block mean |corr| (cadvae_nb.figures), the same for the
untrained model of the same seed, and the learned A beside the prior graph. Result: bench/figure2/figure2a.json.

`beta` trains CaD-VAE (`beta`), MacridVAE (`beta`) and beta-Mult-VAE (`beta_cap`) with the KL cap at each beta of
BETAS, seeds 0-2, everything else from the model's shipped preset, on ML-100k by default (an ML-100k training takes
10-60 s on one CPU core, an ML-1M one minutes), and records per run the fine-grained independence of the test users'
representation (and of the training users'), and the test metrics. The presets' blocks differ in size (CaD-VAE's
one-layer presets: d = 25 on ML-100k, 33 on ML-1M; MacridVAE's and beta-Mult-VAE's: 100), so each model has its own
ceiling, the score of independent noise with as many users and dimensions per block. Result: bench/figure2/figure2b.json (figure2b_DATASET.json for
another dataset), rewritten after every run with the runs so far and the ones still missing.

Runs go to bench/out/ (resumable: a finished run is reloaded, not retrained; a run already in the JSON is skipped).
Figures go to bench/figure2/figures/. With --tiny (a check that the script works: 2 epochs, 2 betas, 1 seed) everything goes
to bench/out/ instead (*_tiny.json, figures_tiny/), so that no toy number is committed as a result.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
import numpy as np, pandas as pd, torch
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from cadvae_nb.data import prior_graph
from cadvae_nb.datasets import prepare
from cadvae_nb.train import fit, load_run, make_model
from cadvae_nb.tune import preset_config
from cadvae_nb.causal import learned_graph
from cadvae_nb.figures import (representation, block_independence, independence_ceiling, concept_silhouettes, pair_separation,
                               cross_dependence, tsne_points, plot_tsne, plot_graphs, plot_beta, beta_frame)

HERE = Path(__file__).parent
from cadvae_nb.figures import BETAS, BETA_SEEDS as SEEDS, BETA_KEY   # the sweep is defined in notebook 08
TINY = dict(epochs=2, patience=2)
THRESHOLD = 0.3                                              # |A_ij| above which an edge is learned (causal.learned_graph's default)
QUIET = lambda *a: None


def _log(*a): print(*a, flush=True)

def _paths(name, tiny):
    js = (OUT / f'{name}_tiny.json') if tiny else (HERE / f'{name}.json')
    figs = (OUT / 'figures_tiny') if tiny else (HERE / 'figures')
    js.parent.mkdir(exist_ok=True); figs.mkdir(parents=True, exist_ok=True)
    return js, figs

def _write(path, rec):
    tmp = OUT / (path.name + '.tmp')                          # in the ignored out/: a kill mid-write leaves nothing in bench/
    tmp.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d %H:%M'),
                               'command': shlex.join(['python'] + sys.argv), **rec}, indent=1))
    tmp.replace(path)
    print('wrote', path, flush=True)

def _config(model, split, seed, tiny, **model_kw):
    "The preset's TrainConfig with `model_kw` (the KL cap) and the seed; the line saying which preset."
    return preset_config(model, split, 'table1', seed=seed, **(TINY if tiny else {}), model_kw=model_kw)

def _source(ds): return {'dataset': ds, 'data': None}

def _measures(z, concepts, prior, seed=0):
    pairs = pair_separation(z, concepts, prior, seed=seed)
    pts = tsne_points(z, concepts, seed=seed)
    return {'silhouette': concept_silhouettes(z, concepts), 'pairs': pairs.reset_index().to_dict('records'),
            'cross_dependence': cross_dependence(z).round(5).tolist(), 'independence': block_independence(z),
            'tsne': {'seed': seed, 'perplexity': 30, 'points': {'x': pts.x.round(2).tolist(), 'y': pts.y.round(2).tolist(),
                                                                 'concept': pts.concept.tolist()}}}

def tsne(tiny=False):
    ds, seed = 'ml-1m', 0
    js, figs = _paths('figure2a', tiny)
    split = prepare(ds, download=False, progress=False)
    cfg, said = _config('cadvae', split, seed, tiny)
    _log(said)
    run = OUT / (f'fig2a-{ds}-cadvae-seed{seed}' + ('-tiny' if tiny else ''))
    res = fit(split, run, cfg, progress=False, log=_log, source=_source(ds))
    _, model, _ = load_run(run, split, 'cpu')
    concepts = list(model.concepts)
    prior = prior_graph(concepts)
    z = representation(model, split.test_tr)
    torch.manual_seed(cfg.seed); init = make_model(cfg, split).eval()   # the model as fit built it, before any training
    z0 = representation(init, split.test_tr)
    G = learned_graph(model.causal, THRESHOLD)
    A = model.causal.A.detach().cpu().numpy()
    edges = lambda M: [f'{concepts[i]} -> {concepts[j]}' for i, j in zip(*np.nonzero(np.asarray(M)))]
    rec = {'dataset': ds, 'seed': seed, 'said': said, 'run': run.name, 'concepts': concepts, 'n_users': int(z.shape[0]), 'd': int(z.shape[2]),
           'users': 'test users (their fold-in clicks)', 'test': res['test'], 'validation': res['validation'], 'best_epoch': res['best_epoch'],
           'epochs_run': res['epochs_run'], 'seconds_per_epoch': res['seconds_per_epoch'], 'params': res['params'],
           'ceiling': independence_ceiling(z.shape[0], z.shape[2]),
           **_measures(z, concepts, prior), 'untrained': _measures(z0, concepts, prior),
           'graph': {'concepts': concepts, 'threshold': THRESHOLD, 'prior': prior.astype(int).tolist(), 'A': A.round(6).tolist(),
                     'edges': G.tolist(), 'edges_list': edges(G), 'prior_list': edges(prior)}}
    _write(js, rec)
    fig, ax = plt.subplots(1, 2, figsize=(10, 4.4))
    plot_tsne(pd.DataFrame(rec['tsne']['points']), ax[0], title=f'trained CaD-VAE, {ds} test users')
    plot_tsne(pd.DataFrame(rec['untrained']['tsne']['points']), ax[1], title='the same model untrained (seed 0)')
    fig.tight_layout(); fig.savefig(figs / 'figure2a_tsne.png', dpi=110); plt.close(fig)
    plot_graphs(concepts, prior, A, THRESHOLD, title=f'learned A ({ds}, seed {seed})')
    plt.tight_layout(); plt.savefig(figs / 'figure2a_graph.png', dpi=110); plt.close('all')
    _log('silhouette', {k: round(v, 3) for k, v in rec['silhouette'].items()}, 'untrained', {k: round(v, 3) for k, v in rec['untrained']['silhouette'].items()})
    for p in rec['pairs']: _log(p)

def beta(ds='ml-100k', tiny=False):
    name = 'figure2b' if ds == 'ml-100k' else f'figure2b_{ds}'
    js, figs = _paths(name, tiny)
    betas, seeds = ((0.1, 1.0), (0,)) if tiny else (BETAS, SEEDS)
    split = prepare(ds, download=False, progress=False)
    plan = [(m, b, s) for s in seeds for b in betas for m in BETA_KEY]   # seed by seed: a partial file has every point once first
    old = json.loads(js.read_text()) if js.exists() else {}
    same = old.get('dataset') == ds and old.get('betas') == list(betas) and old.get('seeds') == list(seeds)
    done = {(r['model'], r['beta'], r['seed']): r for r in old.get('runs', [])} if same else {}
    said = {m: _config(m, split, 0, tiny)[1] for m in BETA_KEY}
    n = split.test_tr.shape[0]
    head = {'dataset': ds, 'betas': list(betas), 'seeds': list(seeds), 'beta_key': BETA_KEY, 'said': said, 'n_users': n,
            'users': 'test users (their fold-in clicks); independence_train: the training users', 'planned': len(plan)}
    ceilings = {}                                              # by block size: each model's blocks are its preset's
    def save():
        runs = [done[p] for p in plan if p in done]
        dims = {r['model']: r['d'] for r in runs}
        for d in dims.values():
            if d not in ceilings: ceilings[d] = independence_ceiling(n, d)
        ceiling = {m: ceilings[d] for m, d in dims.items()}
        _write(js, {**head, 'ceiling_d': dims, 'ceiling': ceiling, 'runs': runs,
                    'missing': [{'model': m, 'beta': b, 'seed': s} for m, b, s in plan if (m, b, s) not in done]})
        if runs:
            plot_beta(beta_frame(runs), ceiling=ceiling, title=f'{ds}, {n} test users')
            plt.tight_layout(); plt.savefig(figs / f'{name}.png', dpi=110); plt.close('all')
    for m, b, s in plan:
        if (m, b, s) in done: continue
        cfg, line = _config(m, split, s, tiny, **{BETA_KEY[m]: b})
        run = OUT / (f'fig2b-{ds}-{m}-beta{b:g}-seed{s}' + ('-tiny' if tiny else ''))
        t0 = time.perf_counter()
        res = fit(split, run, cfg, progress=False, log=QUIET, source=_source(ds))
        _, model, _ = load_run(run, split, 'cpu')
        z = representation(model, split.test_tr)
        done[(m, b, s)] = {'model': m, 'beta': b, 'seed': s, 'said': line, 'run': run.name, 'blocks': int(z.shape[1]), 'd': int(z.shape[2]),
                           'independence': block_independence(z), 'independence_train': block_independence(representation(model, split.train)),
                           'test': res['test'], 'validation': res['validation'], 'best_epoch': res['best_epoch'], 'epochs_run': res['epochs_run'],
                           'stopped': res.get('stopped'), 'seconds_per_epoch': res['seconds_per_epoch'], 'params': res['params'],
                           'wall_seconds': round(time.perf_counter() - t0, 1)}
        r = done[(m, b, s)]
        _log(ds, m, 'beta', b, 'seed', s, 'independence', round(r['independence'], 4), 'test NDCG@100', round(r['test']['ndcg@100'], 4),
             'best epoch', r['best_epoch'], f"{r['wall_seconds']}s")
        save()
    save()

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', choices=('tsne', 'beta'))
    ap.add_argument('dataset', nargs='?', default='ml-100k', help='the dataset of `beta` (`tsne` is on ML-1M)')
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    if a.what == 'tsne': tsne(a.tiny)
    else: beta(a.dataset, tiny=a.tiny)
