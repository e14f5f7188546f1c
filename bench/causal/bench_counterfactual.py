"""Interventions and explanations against the synthetic truth, over training seeds, with the re-ranking baseline:

    python bench/causal/bench_counterfactual.py [--seeds 0 1 2 3 4] [--model cadvae-aligned] [--tiny]

On the default synthetic data (notebook 00), for each training seed: CaD-VAE with `cadvae train`'s preset and the same
model without its causal layer (causal=False, A = 0). For each concept (director, genre, year) every held-out user
gets a target value that is not their own dominant one (notebook 09's `counterfactual_targets`), and the generator
regenerates their clicks with that taste set by intervention: the counterfactual clicks. Recommendations from the
user's factual fold-in clicks are scored against them (fold-in items left out), for

- `none`: CaD-VAE without intervention;
- `do`: CaD-VAE under do(concept = the target's point), strength 1; `do_tuned`: the strength chosen on the
  validation users' counterfactual NDCG@100 (notebook 09a's strengths, extended to 16);
- `do_A0`: the A = 0 model under the same do (strength 1), where the intervention cannot reach other blocks;
- `re-rank`: CaD-VAE's scores plus b on the target value's items, b chosen on the validation users (09a's boosts, extended to 32);
- `do+re-rank`, `do_A0+re-rank`: both edits at once, strength and boost chosen together on the validation users:
  does the intervention add anything to re-ranking, and does the causal layer's reach into other blocks?

Whether effects follow the graph: for each method, the total-variation distance between the genre (and director)
distribution of each user's top 20 and that of their counterfactual clicks, and how far each method moves the
distribution away from no intervention, per user and pooled over the users (the truth's own move, factual against
counterfactual clicks, beside them). Explanations: notebook 09's `explanation_checks` (deletion test, synthetic
attribution rate) on the test users, for both models.

With --model cadvae-aligned the two models are the lab variant of causal/aligned.py (its blocks also reach the items
through their concept values) and its A = 0 twin, and the result goes to counterfactual_cadvae-aligned.json.

Runs go to bench/out/truth/ (a finished run is reloaded). Results: bench/causal/counterfactual.json, one record per
seed, appended as each seed finishes (rerun the same command to resume); --tiny writes bench/out/counterfactual_tiny.json.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
import numpy as np, torch
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from causal.truth import synthetic_split, preset_run
from causal import aligned   # importing it registers the lab variant cadvae-aligned
from cadvae_nb.metrics import ranking_metrics, exclude_fold_in, sparse_rows_to_tensor
from cadvae_nb.interventions import (value_points, concept_values, dominant_values, counterfactual_targets,
                                     counterfactual_clicks, exogenous, log_probs, intervened, explanation_checks)
from cadvae_nb.control import rerank_scores, STRENGTHS, BOOSTS

HERE = Path(__file__).parent
CONCEPTS, PARTS, TOP = ('director', 'genre', 'year'), ('validation', 'test'), 20
# 09a's grids, extended: on the synthetic counterfactuals the best strength and boost can lie past their ends
STRENGTHS, BOOSTS = STRENGTHS + (6., 8., 12., 16.), BOOSTS + (8., 16., 32.)


def targets_and_clicks(split, concept):
    "Per part: the users' target value (columns of the concept matrix) and their counterfactual clicks; the same for every model and seed."
    M, names = concept_values(split, concept)
    dom = dominant_values(split.train, M)
    n = np.bincount(dom[dom >= 0], minlength=len(names))               # training users each value dominates for
    out = {}
    for part in PARTS:
        x = split.parts[f'{part}_tr']
        own = dominant_values(x + split.parts[f'{part}_te'], M)
        t = counterfactual_targets((None, n, names), own)
        out[part] = (t, counterfactual_clicks(split, concept, names[t], part))
    return out


def scored(scores, x, Y) -> dict:
    "Mean NDCG@100 and Recall@20 against the counterfactual clicks Y (users with any outside their fold-in)."
    X = sparse_rows_to_tensor(x); H = sparse_rows_to_tensor(Y) * (1 - X)
    m = ranking_metrics(exclude_fold_in(scores, X), H, ks=(20, 100)); ok = H.sum(1) > 0
    return {'ndcg@100': float(m['ndcg@100'][ok].mean()), 'recall@20': float(m['recall@20'][ok].mean())}


def distributions(split, concept, top: torch.Tensor) -> np.ndarray:
    "Each user's distribution (users x values) of `concept` over the items `top` (users x n)."
    M = concept_values(split, concept)[0].toarray()
    return M[top.numpy()].mean(1)


def click_distributions(split, concept, Y) -> np.ndarray:
    M = concept_values(split, concept)[0]
    C = np.asarray((Y @ M).todense(), dtype=float)
    return C / np.maximum(C.sum(1, keepdims=True), 1)


def tv(p, q) -> float: return float(0.5 * np.abs(p - q).sum(1).mean())


def edited(model, eps, i, V, has, strength, boost):
    "Scores under do(z_i = V) at `strength` (0: none) plus `boost` on the target's items."
    return rerank_scores(log_probs(model, intervened(model, eps, {i: V}, strength)), has, boost)


def target_items(split, concept, t) -> torch.Tensor:
    "users x items: 1 on the items that have user u's target value."
    return torch.from_numpy(concept_values(split, concept)[0].toarray().T[t].astype(np.float32))


def validation_grid(model, split, concept, t, Y, V) -> dict:
    "(strength, boost) -> validation counterfactual NDCG@100 of do() at that strength plus re-ranking at that boost."
    x = split.validation_tr
    _, eps = exogenous(model, x)
    i, has = model.concepts.index(concept), target_items(split, concept, t)
    return {(s, b): scored(edited(model, eps, i, V, has, s, b), x, Y)['ndcg@100'] for s in STRENGTHS for b in BOOSTS}


def choose(grid, strengths=None, boosts=None):
    "The best (strength, boost) of `grid` among the given strengths and boosts (all when None)."
    ok = {k: v for k, v in grid.items() if (strengths is None or k[0] in strengths) and (boosts is None or k[1] in boosts)}
    return max(ok, key=ok.get)


def seed_record(split, seed, truth, tiny, log, name='cadvae'):
    sfx = '-tiny' if tiny else ''
    res, model = preset_run(split, OUT / 'truth' / f'{name}-seed{seed}{sfx}', seed, tiny, log, model=name)
    res0, flat = preset_run(split, OUT / 'truth' / f'{name}-A0-seed{seed}{sfx}', seed, tiny, log, model=name, causal=False)
    rec = {'seed': seed, 'factual_test': {'cadvae': res['test'], 'cadvae_A0': res0['test']}, 'concepts': {},
           'explanations': {'cadvae': explanation_checks(model, split), 'cadvae_A0': explanation_checks(flat, split)}}
    for concept in CONCEPTS:
        pts, pts0 = value_points(model, split, [concept])[concept], value_points(flat, split, [concept])[concept]
        (tv_, Yv), (tt, Yt) = truth[concept]['validation'], truth[concept]['test']
        grid, grid0 = validation_grid(model, split, concept, tv_, Yv, pts[0][tv_]), validation_grid(flat, split, concept, tv_, Yv, pts0[0][tv_])
        chosen = {'none': (0., 0.), 'do': (1., 0.), 'do_tuned': choose(grid, boosts=(0.,)), 're-rank': choose(grid, strengths=(0.,)),
                  'do+re-rank': choose(grid)}
        chosen0 = {'do_A0': (1., 0.), 'do_A0+re-rank': choose(grid0)}
        x, i, has = split.test_tr, model.concepts.index(concept), target_items(split, concept, tt)
        (_, eps), (_, eps0) = exogenous(model, x), exogenous(flat, x)
        scores = {**{m: edited(model, eps, i, pts[0][tt], has, *sb) for m, sb in chosen.items()},
                  **{m: edited(flat, eps0, i, pts0[0][tt], has, *sb) for m, sb in chosen0.items()}}
        tops = {m: exclude_fold_in(s, sparse_rows_to_tensor(x)).topk(TOP, 1).indices for m, s in scores.items()}
        follow = {}
        for other in (c for c in ('director', 'genre') if c != concept):
            truth_d = click_distributions(split, other, Yt)
            d = {m: distributions(split, other, top) for m, top in tops.items()}
            factual_d = click_distributions(split, other, split.test_tr + split.test_te)
            follow[other] = {'tv_to_counterfactual': {m: tv(v, truth_d) for m, v in d.items()},
                             'moved_from_none': {m: tv(v, d['none']) for m, v in d.items()},
                             'truth_moved': tv(truth_d, factual_d),
                             # over all test users at once (each user weighing the same): what moves the population
                             'pooled_moved_from_none': {m: tv(v.mean(0, keepdims=True), d['none'].mean(0, keepdims=True)) for m, v in d.items()},
                             'pooled_truth_moved': tv(truth_d.mean(0, keepdims=True), factual_d.mean(0, keepdims=True))}
        rec['concepts'][concept] = {
            'chosen': {m: list(sb) for m, sb in {**chosen, **chosen0}.items()},
            'validation_grid': [[st, bo, v] for (st, bo), v in grid.items()], 'validation_grid_A0': [[st, bo, v] for (st, bo), v in grid0.items()],
            'n_targets': int(len(np.unique(tt))), 'metrics': {m: scored(s, x, Yt) for m, s in scores.items()},
            'target_share_top20': {m: float(concept_values(split, concept)[0].toarray()[top.numpy(), tt[:, None]].mean()) for m, top in tops.items()},
            'follows_graph': follow}
        log(f"seed {seed} do({concept}): " + ', '.join(f"{m} {v['ndcg@100']:.4f}" for m, v in rec['concepts'][concept]['metrics'].items())
            + f" (chosen {rec['concepts'][concept]['chosen']})")
    return rec


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    ap.add_argument('--model', default='cadvae', choices=['cadvae', 'cadvae-aligned'],
                    help=f"cadvae-aligned: {aligned.__doc__.splitlines()[0]}")
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    split = synthetic_split(a.tiny)
    name = 'counterfactual' + ('' if a.model == 'cadvae' else f'_{a.model}')
    path = (OUT / f'{name}_tiny.json') if a.tiny else (HERE / f'{name}.json')
    path.parent.mkdir(parents=True, exist_ok=True)
    rec = json.loads(path.read_text()) if path.exists() else {
        'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': shlex.join(['python'] + sys.argv),
        'model': a.model, 'top': TOP, 'concepts': list(CONCEPTS), 'strengths': list(STRENGTHS), 'boosts': list(BOOSTS), 'seeds': []}
    done = {r['seed'] for r in rec['seeds']}
    truth = None
    for seed in a.seeds:
        if seed in done: continue
        truth = truth or {c: targets_and_clicks(split, c) for c in CONCEPTS}
        rec['seeds'].append(seed_record(split, seed, truth, a.tiny, lambda *m: print(*m, flush=True), a.model))
        path.write_text(json.dumps(rec, indent=1))
    print('wrote', path)
