#!/usr/bin/env python3
"""Loads an rnn4j model file into the matching torch.nn module.

Usage (Debian: apt-get install python3-torch; works offline):
    /usr/bin/python3 tools/rnn4j_to_torch.py model.safetensors            # prints what it loaded
    /usr/bin/python3 tools/rnn4j_to_torch.py model.safetensors --ids 3,1,4,1,5   # and the logits

From Python:
    sys.path.insert(0, "tools"); import rnn4j_to_torch
    model, metadata = rnn4j_to_torch.load("model.safetensors")   # a torch.nn.Module, eval mode

The file's `config` metadata says which module to build (see docs/model-format.md); its tensors
are the module's state_dict under PyTorch's own names and gate order, so they load with
load_state_dict(strict=True) and no conversion. Reading uses tools/safetensors_io.py because the
`safetensors` package is not installable offline here; with it installed,
safetensors.torch.load_file(path) gives the same state dict.
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

RECURRENT = {"RNN_TANH": ("RNN", {"nonlinearity": "tanh"}),
             "RNN_RELU": ("RNN", {"nonlinearity": "relu"}),
             "GRU": ("GRU", {}), "LSTM": ("LSTM", {})}


def recurrent(cell, input_size, hidden_size, layers, dropout=0.0, bidirectional=False):
    name, extra = RECURRENT[cell]
    return getattr(nn, name)(input_size, hidden_size, num_layers=layers, batch_first=True,
                             dropout=dropout if layers > 1 else 0.0,
                             bidirectional=bidirectional, **extra)


class LanguageModel(nn.Module):
    """rnn4j's task.lm.LanguageModel: embedding -> stacked RNN/GRU/LSTM -> linear over V."""

    def __init__(self, config):
        super().__init__()
        self.embedding = nn.Embedding(config["vocabulary_size"], config["embedding_size"])
        self.rnn = recurrent(config["cell"], config["embedding_size"], config["hidden_size"],
                             config["layers"], config.get("dropout", 0.0))
        self.fc = nn.Linear(config["hidden_size"], config["vocabulary_size"])

    def forward(self, ids, state=None):
        out, state = self.rnn(self.embedding(ids), state)
        return self.fc(out), state


BUILDERS = {"lm": LanguageModel}


def load(path):
    tensors, metadata = safetensors_io.load(path)
    if metadata.get("format") != "rnn4j-model":
        raise ValueError(f"{path}: not an rnn4j model file (format={metadata.get('format')!r})")
    if metadata.get("format_version") != "1":
        raise ValueError(f"{path}: unsupported format_version {metadata.get('format_version')!r}")
    config = json.loads(metadata["config"])
    builder = BUILDERS.get(config.get("task"))
    if builder is None:
        raise ValueError(f"{path}: no PyTorch module for task {config.get('task')!r}")
    model = builder(config)
    model.load_state_dict({k: torch.from_numpy(v.copy()) for k, v in tensors.items()},
                          strict=True)
    return model.eval(), metadata


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--ids", help="comma-separated token ids: print the logits of one sequence")
    args = ap.parse_args()
    model, metadata = load(args.model)
    print(model)
    print("provenance:", metadata.get("provenance"))
    if args.ids:
        ids = torch.tensor([[int(i) for i in args.ids.split(",")]])
        with torch.no_grad():
            logits, _ = model(ids)
        torch.set_printoptions(precision=6)
        print(logits[0])


if __name__ == "__main__":
    main()
