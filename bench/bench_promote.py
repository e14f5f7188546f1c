"""Promote a variant's study to be its model's study: `python bench/bench_promote.py DATASET MODEL VARIANT --old NAME`.

`studies/DATASET-MODEL` (and its run folder `out/tune/DATASET-MODEL`) moves to `DATASET-MODEL-NAME`, a variant from
then on, and `studies/DATASET-MODEL-VARIANT` (with `out/tune/DATASET-MODEL-VARIANT`) takes its place; then the
presets are collected again (`bench_collect.py`). Refused unless both studies have finished and the variant's best
validation NDCG@100 is higher than that of the study it replaces: the choice is made on validation, never on test.
Both studies stay on disk and in git, so the choice can be read and undone (promote NAME back)."""
import json, shutil, argparse
from pathlib import Path
from _common import protocols, model_studies  # bench/ is on sys.path when a script here runs
from cadvae_nb.tune import collect_presets

HERE = Path(__file__).parent


def promote(ds, model, variant, old):
    keep, var = HERE / 'studies' / f'{ds}-{model}', HERE / 'studies' / f'{ds}-{model}-{variant}'
    for d in (keep, var):
        if not (d / 'best.json').exists(): raise SystemExit(f'{d}/best.json not found: the study has not finished')
    a, b = (json.loads((d / 'best.json').read_text()) for d in (keep, var))
    if b['best_value'] <= a['best_value']:
        raise SystemExit(f"{var.name}: best validation NDCG@100 {b['best_value']:.4f} is not above {keep.name}'s "
                         f"{a['best_value']:.4f}: not promoted")
    for root in (HERE / 'studies', HERE / 'out' / 'tune'):
        src, dst, old_dst = root / var.name, root / keep.name, root / f'{keep.name}-{old}'
        if old_dst.exists(): raise SystemExit(f'{old_dst} exists: choose another --old name')
        if dst.exists(): shutil.move(dst, old_dst)
        if src.exists(): shutil.move(src, dst)
    print(f"{ds} {model}: {var.name} (validation {b['best_value']:.4f}, fixed {b.get('fixed')}) is now {keep.name}; "
          f"the study it replaced (validation {a['best_value']:.4f}) is {keep.name}-{old}")
    presets = collect_presets(model_studies(), HERE.parent / 'cadvae_nb' / 'presets.json', protocols())
    print('presets:', ', '.join(presets))


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset'); ap.add_argument('model'); ap.add_argument('variant')
    ap.add_argument('--old', required=True, help='the variant name the replaced study takes')
    a = ap.parse_args()
    promote(a.dataset, a.model, a.variant, a.old)
