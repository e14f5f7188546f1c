"""One user's list under do(genre = Comedy), at growing strength, beside re-ranking at growing boost:

    python bench/causal/bench_example.py [--dataset ml-100k] [--items 1,50,100,181,258,286,294] [--do genre=Comedy]

The run is bench_control.py's seed 0 of the shipped preset (bench/out/control/DATASET/cadvae/seed0, trained now if
it is not there). For the clicks `--items` (a new user, as `cadvae recommend --items` takes them) it records the top
10 under do(concept = value) at each strength of notebook 09a's grid (extended to 16) and under re-ranking at each
boost, how many of the ten have the value, and the smallest strength and boost that put at least 5 there, with what
those two edits cost on average over the test users (notebook 09a's control_curve). Result: bench/causal/example_DATASET.json.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
import numpy as np, torch
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from causal.truth import preset_run
from cadvae_nb.datasets import prepare
from cadvae_nb.interventions import (items_row, parse_do, recommend, value_points, concept_values, value_index, item_titles,
                                     concept_point, exogenous, log_probs, intervened, _ranked)
from cadvae_nb.control import rerank_scores, control_curve, STRENGTHS, BOOSTS

HERE = Path(__file__).parent
STRENGTHS, BOOSTS = STRENGTHS + (6., 8., 12., 16.), BOOSTS + (8., 16., 32.)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dataset', default='ml-100k')
    ap.add_argument('--items', default='1,50,100,181,258,286,294')
    ap.add_argument('--do', default='genre=Comedy')
    ap.add_argument('--k', type=int, default=10)
    a = ap.parse_args()
    split = prepare(a.dataset, download=False, progress=False)
    metrics, model = preset_run(split, OUT / 'control' / split.name / 'cadvae' / 'seed0', 0)
    (concept, value), = parse_do([a.do]).items()
    M, names = concept_values(split, concept)
    has = M.toarray()[:, value_index(names, value)]
    x, titles = items_row(split, a.items), item_titles(split)
    pts = value_points(model, split, [concept])
    ids = np.asarray(split.item_ids)
    i, v = model.concepts.index(concept), concept_point(pts, concept, value)

    def listed(scores) -> dict:
        top = _ranked(scores, x, a.k).numpy()
        return {'items': ids[top].tolist(), 'titles': [titles.get(j, '') for j in ids[top]] if titles else None,
                'with_value': int(has[top].sum())}
    _, eps = exogenous(model, x)
    base = log_probs(model, model.causal(eps))
    do_lists = {f'{s:g}': listed(log_probs(model, intervened(model, eps, {i: v}, s))) for s in STRENGTHS}
    rerank_lists = {f'{b:g}': listed(rerank_scores(base, torch.from_numpy(has), b)) for b in BOOSTS}
    first = lambda d: next((float(k) for k, r in d.items() if r['with_value'] >= a.k // 2), None)
    needed = first(do_lists)
    if needed is not None:                                       # what `cadvae recommend --strength` shows is this list
        shown = recommend(model, split, x, a.k, {concept: value}, needed, points=pts).item.tolist()
        assert shown == do_lists[f'{needed:g}']['items'], (shown, do_lists[f'{needed:g}']['items'])
    rec = {'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': shlex.join(['python'] + sys.argv),
           'dataset': split.name, 'run': f'control/{split.name}/cadvae/seed0', 'test_ndcg@100': metrics['test']['ndcg@100'],
           'items': a.items, 'intervention': a.do, 'k': a.k, 'value_items_in_catalogue': int(has.sum()),
           'strength_needed': needed, 'boost_needed': first(rerank_lists), 'do': do_lists, 're-rank': rerank_lists}
    # what those two edits cost over the test users (notebook 09a's measurement: the five commonest values, never the user's own)
    curve = control_curve(model, split, concept, strengths=(0., needed or 1.), boosts=(0., rec['boost_needed'] or 1.))
    rec['cost_over_test_users'] = curve.groupby(['method', 'amount'])[['share_gain', 'ndcg_cost']].mean().reset_index().to_dict(orient='records')
    path = HERE / f'example_{split.name}.json'
    path.write_text(json.dumps(rec, indent=1))
    print(f"{a.do}: {a.k // 2} of the top {a.k} from strength {rec['strength_needed']}, re-ranking from boost {rec['boost_needed']}")
    for s, r in do_lists.items(): print(f'  strength {s}: {r["with_value"]} of {a.k}')
    print('wrote', path)
