"""Promote a variant's study to be its model's study: `python bench/table1/bench_promote.py DATASET MODEL VARIANT --old NAME`.

`bench/table1/studies/DATASET-MODEL` moves to `bench/archive/studies/DATASET-MODEL-NAME` (and its run folder
`bench/out/tune/DATASET-MODEL` to `DATASET-MODEL-NAME`), and `studies/DATASET-MODEL-VARIANT` (with its run folder)
takes its place; the promotion is appended to bench/table1/promotions.json (the rule, both validation scores, where
each study now lives, this command and the date); then the presets are collected again (`bench_collect.py`).
Refused unless both studies have finished and the variant's best validation NDCG@100 is higher than that of the
study it replaces: the choice is made on validation, never on test. Both studies stay on disk and in git, so the
choice can be read and undone."""
import sys, json, shlex, shutil, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import BENCH, OUT, STUDIES, ARCHIVE, protocols, model_studies
from cadvae_nb.tune import collect_presets

HERE = Path(__file__).parent
RECORD = HERE / 'promotions.json'
RULE = "the variant's best validation NDCG@100 is higher than the current study's"
rel = lambda p: str(p.relative_to(BENCH.parent))


def promote(ds, model, variant, old):
    keep, var, old_dst = STUDIES / f'{ds}-{model}', STUDIES / f'{ds}-{model}-{variant}', ARCHIVE / f'{ds}-{model}-{old}'
    for d in (keep, var):
        if not (d / 'best.json').exists(): raise SystemExit(f'{d}/best.json not found: the study has not finished')
    a, b = (json.loads((d / 'best.json').read_text()) for d in (keep, var))
    if b['best_value'] <= a['best_value']:
        raise SystemExit(f"{var.name}: best validation NDCG@100 {b['best_value']:.4f} is not above {keep.name}'s "
                         f"{a['best_value']:.4f}: not promoted")
    runs = OUT / 'tune'
    for d in (old_dst, runs / old_dst.name):
        if d.exists(): raise SystemExit(f'{d} exists: choose another --old name')
    shutil.move(keep, old_dst); shutil.move(var, keep)
    if (runs / keep.name).exists(): shutil.move(runs / keep.name, runs / old_dst.name)
    if (runs / var.name).exists(): shutil.move(runs / var.name, runs / keep.name)
    rec = json.loads(RECORD.read_text()) if RECORD.exists() else []
    for r in rec:                                                 # the study an earlier promotion made current is archived now
        if r['winner']['now'] == rel(keep): r['winner']['now'] = rel(old_dst)
    rec.append({'dataset': ds, 'model': model, 'rule': RULE,
                'winner': {'study': var.name, 'fixed': b.get('fixed') or {}, 'trials': b['trials'],
                           'validation_ndcg@100': b['best_value'], 'now': rel(keep)},
                'replaced': {'study': keep.name, 'fixed': a.get('fixed') or {}, 'trials': a['trials'],
                             'validation_ndcg@100': a['best_value'], 'now': rel(old_dst)},
                'command': shlex.join(['python'] + sys.argv), 'date': time.strftime('%Y-%m-%d')})
    RECORD.write_text(json.dumps(rec, indent=1) + '\n')
    print(f"{ds} {model}: {var.name} (validation {b['best_value']:.4f}, fixed {b.get('fixed')}) is now {rel(keep)}; "
          f"the study it replaced (validation {a['best_value']:.4f}) is {rel(old_dst)}")
    presets = collect_presets(model_studies(), BENCH.parent / 'cadvae_nb' / 'presets.json', protocols())
    print('presets:', ', '.join(presets))


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset'); ap.add_argument('model'); ap.add_argument('variant')
    ap.add_argument('--old', required=True, help='the name the replaced study takes in bench/archive/studies/')
    a = ap.parse_args()
    promote(a.dataset, a.model, a.variant, a.old)
