"""The presets shipped in the package: `python bench/table1/bench_collect.py` -> cadvae_nb/presets.json.

From every current study (`bench/table1/studies/DATASET-MODEL/best.json`), and, for the models without a study, from
the protocol of their benchmark (the batch size, epoch cap, patience and, for DGCF, the learning rate its benchmark
chose on validation), read from the benchmark's JSON file in bench/baselines/: `dgcf_quality.json`,
`sem_macridvae_quality.json` and `macridvae_quality.json`. A study's winner replaces a protocol preset of the same
model and dataset. A folder DATASET-MODEL-NAME under studies/ is a variant still under way (`bench_tune.py
--variant`), not a preset until `bench_promote.py` makes it DATASET-MODEL (the study it replaces moves to
bench/archive/studies/, and bench/table1/promotions.json records the promotion).
"""
import sys, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import BENCH, protocols, model_studies
from cadvae_nb.tune import collect_presets


def main():
    presets = collect_presets(model_studies(), BENCH.parent / 'cadvae_nb' / 'presets.json', protocols())
    print('presets:', ', '.join(f"{k} ({'tuned' if 'study' in v else 'protocol'})" for k, v in presets.items()))


if __name__ == '__main__':
    argparse.ArgumentParser(description=__doc__.split('\n')[0]).parse_args()
    main()
