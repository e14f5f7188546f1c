"""A CaD-VAE whose concept blocks reach the items through the items' concept values (a lab variant, not shipped).

The shipped decoder maps all blocks to item scores with one free matrix, so nothing ties the genre block to the
genre of an item; the control page shows that do(genre) then moves many items at once. This variant adds, for each
concept k, a path that only sees an item's values of k: score_i += sum_v M_k[i, v] <e_{k,v}, z_k>, with one learned
vector e_{k,v} per value (M_k: the items x values 0/1 matrix of concept k). It starts at 0 (e = 0), so at
initialisation the model is the shipped one. Registered as model `cadvae-aligned` when this module is imported.
"""
from dataclasses import replace
import numpy as np, torch
from torch import nn
from cadvae_nb.blocks import MODELS, model_spec
from cadvae_nb.cadvae import CaDVAE
from cadvae_nb.interventions import concept_values


class AlignedDecoder(nn.Module):
    "The shipped decoder `base` plus, per concept block, scores that pass through the items' values of that concept."
    def __init__(self, base: nn.Module, mats: list, d: int):
        super().__init__()
        self.base, self.d = base, d
        coo = [m.tocoo() for m in mats]
        self.mats = [torch.sparse_coo_tensor(torch.from_numpy(np.vstack([m.row, m.col])).long(),
                                             torch.from_numpy(m.data.astype(np.float32)), m.shape, check_invariants=True)
                     for m in coo]
        self.values = nn.ParameterList([nn.Parameter(torch.zeros(m.shape[1], d)) for m in mats])

    def forward(self, zf: torch.Tensor) -> torch.Tensor:
        out = self.base(zf)
        for k, (M, E) in enumerate(zip(self.mats, self.values)):
            W = torch.sparse.mm(M.to(zf.device), E).to(zf.dtype)                      # items x d: each item's mean of its values' vectors
            out = out + zf[:, k * self.d:(k + 1) * self.d] @ W.T
        return out


def build(split, seed, **kw):
    model = CaDVAE(split, **kw)
    model.dec = AlignedDecoder(model.dec, [concept_values(split, c)[0] for c in model.concepts], model.d)
    return model


if 'cadvae-aligned' not in MODELS:
    MODELS['cadvae-aligned'] = replace(model_spec('cadvae'), name='cadvae-aligned', label='CaD-VAE aligned', build=build, space=None)
