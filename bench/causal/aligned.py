"""CaD-VAE with concept paths (notebook 05's `aligned=True`), registered as model `cadvae-aligned` when imported.

The lab studied this decoder under that name before it entered the package; the runs of bench_control.py and
bench_counterfactual.py were recorded with it, so the name stays, and builds `CaDVAE(split, aligned=True, ...)`
with the shipped CaD-VAE preset (truth.PRESET_OF). Its checkpoints load into the package's model unchanged.
"""
from dataclasses import replace
from cadvae_nb.blocks import MODELS, model_spec
from cadvae_nb.cadvae import CaDVAE


def build(split, seed, **kw): return CaDVAE(split, aligned=True, **kw)


if 'cadvae-aligned' not in MODELS:
    MODELS['cadvae-aligned'] = replace(model_spec('cadvae'), name='cadvae-aligned', label='CaD-VAE aligned', build=build, space=None)
