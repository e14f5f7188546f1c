"""Using the causal representation, checked against the synthetic truth (notebooks 00, 02 and 09):

    python bench/bench_causal.py counterfactual [--tiny]   # do(director) recommendations against the counterfactual clicks
    python bench/bench_causal.py graph [--tiny]            # learned concept graph: fixed penalty weight vs augmented Lagrangian

`counterfactual` trains (or reloads) CaD-VAE and the same model without the causal layer (causal=False, A = 0) on the
default synthetic data, with `cadvae train`'s preset. Each test user gets a target director (at random among those
that dominate for at least 5 training users, never the user's own dominant one); make_synthetic(do=...) gives the
same users' clicks with that director set in their taste, and the model's recommendations from the user's factual
fold-in clicks under do(director = target) (09's point of the value) are scored against those counterfactual clicks
(fold-in items excluded), beside the recommendations without intervention. Explanations: on the test users' top 20,
the share of |contribution| of the genre block, for the items of the user's dominant genre and for the others.

`graph` trains CaD-VAE with a learnable structure, acyclicity `fixed` (acyclicity_weight h(A), weight 1) and `lagrangian`, training
seeds 0-2, on the default synthetic data, and records A, the thresholded graph (|A_ij| > 0.3) and its SHD to the truth.

Runs go to bench/out/ (a finished run is reloaded, not retrained). Results: bench/causal_counterfactual.json and
bench/causal_graph.json; with --tiny (a check that the script works: 400 users, 2 epochs, d = 8) they go to
bench/out/*_tiny.json instead, so that no toy number is committed as a result.
"""
import json, sys, time
from dataclasses import replace
from pathlib import Path
import numpy as np, pandas as pd, scipy.sparse as sp, torch
from cadvae_nb.data import prepare, make_synthetic, binarize
from cadvae_nb.train import fit, load_run
from cadvae_nb.tune import preset_config
from cadvae_nb.metrics import ranking_metrics, exclude_fold_in, sparse_rows_to_tensor, METRICS
from cadvae_nb.causal import intervene, learned_graph, shd, acyclicity
from cadvae_nb.interventions import value_points, exogenous, log_probs, block_contributions, concept_values, dominant_values
from _common import machine  # bench/ is on sys.path when a script here runs

HERE, OUT = Path(__file__).parent, Path(__file__).parent / 'out'
FULL = dict(syn={}, over={}, kw={})                                   # the default synthetic data, the preset as cadvae train uses it
TINY = dict(syn=dict(n_users=400, n_items=200, n_interactions=12_000), over=dict(epochs=2, batch_size=100, patience=2),
            kw=dict(d=8, hidden=16))
SEEDS, TOP, MIN_USERS = (0, 1, 2), 20, 5


def _train(split, plan, name, kw, seed=0):
    "Train (or reload a finished) CaD-VAE with the preset and `kw` into bench/out/NAME; returns (metrics, model on CPU)."
    cfg, _ = preset_config('cadvae', split, 'table1', **plan['over'], model_kw={**plan['kw'], **kw})
    cfg = replace(cfg, seed=seed)
    run = OUT / name
    res = fit(split, run, cfg, progress=False, log=lambda *a: None, source={'dataset': 'synthetic', 'data': None, 'synthetic': plan['syn']})
    return res, load_run(run, split, 'cpu')[1]

def _write(name, tiny, rec):
    path = (OUT / f'{name}_tiny.json') if tiny else (HERE / f'{name}.json')
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
                                'command': ' '.join(['python'] + sys.argv), **rec}, indent=1))
    print('wrote', path)

def _mean_metrics(scores, fold_in, heldout):
    m = ranking_metrics(exclude_fold_in(scores, fold_in), heldout, ks=(20, 50, 100))
    ok = heldout.sum(1) > 0
    return {k: float(m[k][ok].mean()) for k in METRICS}, int(ok.sum())

def _targets(split, points, test_dom, seed=0):
    "A target director per test user: among those dominant for >= MIN_USERS training users, never the user's own."
    _, n, values = points['director']
    pool = np.flatnonzero(n >= MIN_USERS)
    rng = np.random.default_rng(seed)
    t = pool[rng.integers(len(pool), size=len(test_dom))]
    clash = t == test_dom
    t[clash] = pool[(np.searchsorted(pool, t[clash]) + 1) % len(pool)]   # the next one in the pool
    return t, values

def counterfactual(tiny=False):
    plan = TINY if tiny else FULL
    split = prepare('synthetic', progress=False, **plan['syn'])
    n_tr, n_vd = split.train.shape[0], split.validation_tr.shape[0]
    suffix = '-tiny' if tiny else ''
    models = {c: _train(split, plan, f'causal-cf-causal{c}{suffix}', {'causal': c}) for c in (True, False)}
    Md, dvals = concept_values(split, 'director')
    x = split.test_tr
    test_dom = dominant_values(x, Md)
    pts = {c: value_points(m, split, ['director']) for c, (_, m) in models.items()}
    target, values = _targets(split, pts[True], test_dom)
    # the counterfactual: every user of the synthetic data with a director set (only the test users' clicks are used)
    users = np.asarray(split.user_ids)[n_tr + n_vd:]                  # dataset ids (1-based rows of the generator)
    who = np.full(split.truth['params']['n_users'], values[target[0]], dtype=object)
    who[users - 1] = values[target]
    cf = make_synthetic(**plan['syn'], do={'director': list(who)})
    clicks, _ = binarize(cf.ratings, name='counterfactual')
    col = pd.Series(np.arange(split.n_items), index=split.item_ids)
    row = pd.Series(np.arange(len(users)), index=users)
    c = clicks[clicks.user.isin(users) & clicks.item.isin(split.item_ids)]
    Y = sp.csr_matrix((np.ones(len(c), np.float32), (row[c.user].to_numpy(), col[c.item].to_numpy())), shape=(len(users), split.n_items))
    X, H = sparse_rows_to_tensor(x), sparse_rows_to_tensor(Y)
    H = H * (1 - X)                                                   # what the user already has is not a counterfactual find
    out = {'targets': {'pool_min_training_users': MIN_USERS, 'n_distinct': int(len(np.unique(target)))}, 'models': {}}
    Mg, gvals = concept_values(split, 'genre')
    item_genre = np.asarray(Mg.argmax(axis=1)).ravel()
    user_genre = dominant_values(x, Mg)
    for causal, (res, model) in models.items():
        cc, eps = exogenous(model, x)
        V = pts[causal]['director'][0][target]                        # (users, d): each user's target point
        z_do, z_plain = intervene(model.causal, eps, 0, V), model.causal(eps)
        r = {'factual_test': res['test']}
        for what, z in (('do', z_do), ('no_do', z_plain)):
            r[what], r['n_users'] = _mean_metrics(log_probs(model, z), X, H)
        # explanations on the shown (factual) top 20
        s = exclude_fold_in(log_probs(model, z_plain), X)
        top = s.topk(TOP, 1).indices
        delta = block_contributions(model, z_plain, cc).abs()         # (users, k, items)
        share = (delta[:, model.concepts.index('genre')] / delta.sum(1).clamp(min=1e-12)).gather(1, top).numpy()
        mine = item_genre[top.numpy()] == user_genre[:, None]
        r['explain_genre_share'] = {'dominant_genre_items': float(share[mine].mean()), 'other_items': float(share[~mine].mean()),
                                    'n_dominant_genre_items': int(mine.sum()), 'n_other_items': int((~mine).sum()),
                                    'uniform_share': 1 / model.k}
        out['models']['cadvae' if causal else 'cadvae_causal_false'] = r
        print('causal' if causal else 'A = 0', {k: (round(v['ndcg@100'], 4) if isinstance(v, dict) and 'ndcg@100' in v else v) for k, v in r.items()}, flush=True)
    _write('causal_counterfactual', tiny, out)

def graph(tiny=False):
    plan = TINY if tiny else FULL
    split = prepare('synthetic', progress=False, **plan['syn'])
    truth = np.array(split.truth['graph'])
    runs = []
    for acyc in ('fixed', 'lagrangian'):
        for seed in (SEEDS[:1] if tiny else SEEDS):
            # zsup `parents` as in bench_cadvae.py graph: the preset's `literal` L_zsup gives A no gradient (DESIGN.md, decision 4)
            kw = {'learn_structure': True, 'acyclicity': acyc, 'zsup': 'parents', **({'acyclicity_weight': 1.0} if acyc == 'fixed' else {'dual_every': 2} if tiny else {})}
            res, model = _train(split, plan, f'causal-graph-{acyc}-seed{seed}' + ('-tiny' if tiny else ''), kw, seed)
            G = learned_graph(model.causal)
            rec = {'acyclicity': acyc, 'seed': seed, 'shd': shd(G, truth), 'graph': G.tolist(), 'A': model.causal.A.detach().numpy().round(4).tolist(),
                   'h': float(acyclicity(model.causal.A.detach())),
                   'alpha': float(model.causal.alpha), 'rho': float(model.causal.rho), 'test': res['test'], 'best_epoch': res['best_epoch']}
            runs.append(rec)
            print(acyc, 'seed', seed, 'SHD', rec['shd'], 'h', round(rec['h'], 5), flush=True)
    _write('causal_graph', tiny, {'threshold': 0.3, 'concepts': split.stats['concepts'], 'truth': truth.tolist(), 'runs': runs,
                                  'mean_shd': {a: float(np.mean([r['shd'] for r in runs if r['acyclicity'] == a])) for a in ('fixed', 'lagrangian')}})

if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    {'counterfactual': counterfactual, 'graph': graph}[cmd](tiny='--tiny' in args)
