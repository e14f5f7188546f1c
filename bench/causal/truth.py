"""What the causal-truth scripts share: CaD-VAE trained with `cadvae train`'s preset on a synthetic split (or any
split), once, and reloaded after (a run whose options or schedule changed is retrained), and the learned concept graph
of a learnable-structure run against the generator's graph. `tiny` (400 users, 2 epochs, d = 8) only checks that a
script runs; its results go to bench/out/, never beside the real ones."""
import json
from dataclasses import replace
from pathlib import Path
import numpy as np
from cadvae_nb.datasets import prepare
from cadvae_nb.train import fit, load_run, stale_run
from cadvae_nb.tune import preset_config
from cadvae_nb.causal import learned_graph, shd, acyclicity

TINY = dict(syn=dict(n_users=400, n_items=200, n_interactions=12_000), over=dict(epochs=2, batch_size=100, patience=2),
            kw=dict(cadvae=dict(d=8, hidden=16), macridvae=dict(K=4, d=8)))
TINY['kw']['cadvae-aligned'] = TINY['kw']['cadvae']
PRESET_OF = {'cadvae-aligned': 'cadvae'}   # a lab variant trains with its model's shipped preset


def synthetic_split(tiny=False):
    "The default synthetic split (notebook 00), or the tiny one."
    return prepare('synthetic', progress=False, **(TINY['syn'] if tiny else {}))


def preset_run(split, run, seed=0, tiny=False, log=print, model='cadvae', **model_kw):
    "(metrics, model on the CPU) of `model` with its preset and options `model_kw`, trained into folder `run` unless a finished run with the same options is there."
    cfg, said = preset_config(PRESET_OF.get(model, model), split, 'table1')
    cfg = replace(cfg, model=model, seed=seed, device='cpu', **(TINY['over'] if tiny else {}),
                  model_kw={**cfg.model_kw, **(TINY['kw'][model] if tiny else {}), **model_kw})
    run = Path(run)
    if stale_run(run, cfg) or not (run / 'metrics.json').exists():
        log(f'{run.name}: training ({said})')
        source = {'dataset': 'synthetic', 'data': None, 'synthetic': TINY['syn'] if tiny else {}} if split.name == 'synthetic' else None
        fit(split, run, cfg, progress=False, log=lambda *a: None, source=source)
    return json.loads((run / 'metrics.json').read_text()), load_run(run, split, 'cpu')[1]


VARIANTS = {'fixed': ('fixed', False), 'lagrangian': ('lagrangian', False), 'order': ('lagrangian', True)}   # name: (acyclicity, order)


def graph_options(acyc, tiny=False, order=False) -> dict:
    "CaD-VAE's options to learn the structure with acyclicity `acyc` ('fixed', weight 1, or 'lagrangian'), free or (order) held to the prior graph's order."
    # zsup `parents`: the `literal` L_zsup gives A no gradient (notebook 04)
    return {'learn_structure': True, 'acyclicity': acyc, 'zsup': 'parents', **({'order': True} if order else {}),
            **({'acyclicity_weight': 1.0} if acyc == 'fixed' else dict(dual_every=2) if tiny else {})}


def graph_recovery(out, seeds=(0, 1, 2), tiny=False, threshold=0.3, log=print, variants=tuple(VARIANTS)) -> dict:
    "CaD-VAE with a learnable structure on the synthetic data (`variants`: fixed penalty, augmented Lagrangian, held to the order), `seeds`: each learned graph against the truth."
    split, sfx = synthetic_split(tiny), '-tiny' if tiny else ''
    truth = np.array(split.truth['graph'])
    runs = []
    for name in variants:
        acyc, order = VARIANTS[name]
        for seed in seeds:
            res, model = preset_run(split, Path(out) / f'causal-graph-{name}-seed{seed}{sfx}', seed, tiny, log, **graph_options(acyc, tiny, order))
            G, A = learned_graph(model.causal, threshold), model.causal.A.detach()
            runs.append({'variant': name, 'acyclicity': acyc, 'order': order, 'seed': seed, 'shd': shd(G, truth), 'graph': G.tolist(),
                         'A': A.numpy().round(4).tolist(), 'h': float(acyclicity(A)), 'alpha': float(model.causal.alpha),
                         'rho': float(model.causal.rho), 'test': res['test'], 'best_epoch': res['best_epoch']})
            log(name, 'seed', seed, 'SHD', runs[-1]['shd'], 'h', round(runs[-1]['h'], 5))
    return {'threshold': threshold, 'concepts': split.stats['concepts'], 'truth': truth.tolist(), 'runs': runs,
            'mean_shd': {v: float(np.mean([r['shd'] for r in runs if r['variant'] == v])) for v in variants}}
