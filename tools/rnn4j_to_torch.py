#!/usr/bin/env python3
"""Rebuilds an rnn4j model file as a torch.nn module and runs it on raw inputs.

Every family is covered: lm, classify, tag, seq2seq (attention, greedy and beam search) and
forecast. The module is built from the file alone: the tensors (PyTorch state-dict names and gate
order, loaded with load_state_dict(strict=True)) and the `config` and `vocabulary` metadata
(cell, sizes, pooling, tokenizer, vocabulary, the forecaster's log/log1p, differencing and
scaling). Each module reads raw inputs the way rnn4j does and returns what rnn4j returns, within
float rounding (tools/tests/test_rnn4j_to_torch.py checks every family against rnn4j's outputs).

Usage (needs torch and safetensors: pip install torch safetensors numpy):
    python tools/rnn4j_to_torch.py lm.safetensors "some text" ...     # log-likelihood, perplexity
    python tools/rnn4j_to_torch.py classify.safetensors "a text" ...  # label and probabilities
    python tools/rnn4j_to_torch.py tag.safetensors "John lives in Oslo"
    python tools/rnn4j_to_torch.py seq2seq.safetensors --beam 3 --alpha 0.5 "a source"
    python tools/rnn4j_to_torch.py forecast.safetensors --steps 6 98.5 118.3 122.8 ...
    python tools/rnn4j_to_torch.py model.safetensors                  # prints the module

From Python:
    sys.path.insert(0, "tools"); import rnn4j_to_torch
    model, metadata = rnn4j_to_torch.load("model.safetensors")   # a torch.nn.Module, eval mode
    model.score(["a text"])            # lm;  model.predict([...]) classify;  model.tag("...") tag
    model.translate(["a source"], beam_width=3, length_penalty=0.5)          # seq2seq
    model.forecast([[98.5], [118.3], ...], steps=6)                         # forecast, (T, F)
    rnn4j_to_torch.save(model, "copy.safetensors", metadata)   # the state dict back to a file
"""
import argparse
import json
import math
import re
import sys
import unicodedata

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

RECURRENT = {"RNN_TANH": ("RNN", {"nonlinearity": "tanh"}),
             "RNN_RELU": ("RNN", {"nonlinearity": "relu"}),
             "GRU": ("GRU", {}), "LSTM": ("LSTM", {})}


def recurrent(cell, input_size, hidden_size, layers=1, dropout=0.0, bidirectional=False):
    """torch.nn.RNN/GRU/LSTM, batch first, for one of rnn4j's cells (CellKind names)."""
    name, extra = RECURRENT[cell]
    return getattr(nn, name)(input_size, hidden_size, num_layers=layers, batch_first=True,
                             dropout=dropout if layers > 1 else 0.0,
                             bidirectional=bidirectional, **extra)


def run(rnn, x, lengths, state=None):
    """rnn4j's Recurrent.forward(x, lengths): each row stops at its own length (the reverse
    direction starts there), outputs past it are 0, the state is the one after its last real
    step. x (B, T, I), lengths (B) in [1, T]."""
    packed = pack_padded_sequence(x, torch.as_tensor(lengths, dtype=torch.int64).cpu(),
                                  batch_first=True, enforce_sorted=False)
    out, state = rnn(packed, state)
    out, _ = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
    return out, state


def hidden(state):
    """h of an RNN/GRU state or of an LSTM's (h, c)."""
    return state[0] if isinstance(state, tuple) else state


def log_softmax(row):
    """rnn4j's log softmax of one row of float logits, in double (decode.Logits)."""
    row = np.asarray(row, dtype=np.float32)
    top = np.float64(row.max())
    shifted = row.astype(np.float64) - top
    return shifted - math.log(np.exp(shifted).sum())


# ---------------------------------------------------------------- text: tokenizers, vocabulary

_JAVA_WHITESPACE = set("\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f")


def _is_space(ch):
    """Java's Character.isWhitespace(cp) || Character.isSpaceChar(cp)."""
    return ch in _JAVA_WHITESPACE or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def _is_word_char(ch):
    """Letters, digits, combining marks and connector punctuation (the word tokenizer's rule)."""
    cat = unicodedata.category(ch)
    return cat[0] == "L" or cat in ("Nd", "Mn", "Mc", "Me", "Pc")


class Codec:
    """rnn4j's TextCodec: a tokenizer (characters or words) and a vocabulary whose ids 0-3 are
    <pad>, <unk>, <bos>, <eos>; read from the model file's `vocabulary` JSON."""

    PAD, UNK, BOS, EOS = 0, 1, 2, 3

    def __init__(self, vocabulary):
        self.tokens = list(vocabulary["tokens"])
        self.ids = {t: i for i, t in enumerate(self.tokens)}
        tokenizer = vocabulary.get("tokenizer", {})
        self.kind = tokenizer.get("kind")
        if self.kind not in ("char", "word"):
            raise ValueError(f"tokenizer kind must be 'char' or 'word', got {self.kind!r}")
        self.lower_case = bool(tokenizer.get("lower_case", False))
        self.split_punctuation = bool(tokenizer.get("split_punctuation", False))

    def __len__(self):
        return len(self.tokens)

    def tokenize(self, text):
        if self.kind == "char":
            return list(text)
        s = unicodedata.normalize("NFC", text)
        if self.lower_case:
            s = s.lower()
        tokens, start = [], -1
        for i, ch in enumerate(s):
            if _is_space(ch):
                if start >= 0:
                    tokens.append(s[start:i])
                start = -1
            elif (not self.split_punctuation or _is_word_char(ch)
                  or (ch in "'\u2019-." and start >= 0 and i + 1 < len(s)
                      and _is_word_char(s[i + 1]))):
                if start < 0:
                    start = i
            else:
                if start >= 0:
                    tokens.append(s[start:i])
                start = -1
                tokens.append(ch)
        if start >= 0:
            tokens.append(s[start:])
        return tokens

    def id(self, token):
        return self.ids.get(token, self.UNK)

    def encode(self, text, add_bos_eos=False):
        ids = [self.id(t) for t in self.tokenize(text)]
        return [self.BOS] + ids + [self.EOS] if add_bos_eos else ids

    def decode_tokens(self, ids):
        return [self.tokens[i] for i in ids if i not in (self.PAD, self.BOS, self.EOS)]

    def decode(self, ids):
        return ("" if self.kind == "char" else " ").join(self.decode_tokens(ids))


# ---------------------------------------------------------------- lm

class LanguageModel(nn.Module):
    """task.lm.LanguageModel: embedding -> stacked RNN/GRU/LSTM -> linear over V; a text is
    read from <bos> and scored on its tokens and <eos> (TextGenerator.score)."""

    def __init__(self, config, codec=None):
        super().__init__()
        self.config, self.codec = config, codec
        self.embedding = nn.Embedding(config["vocabulary_size"], config["embedding_size"])
        self.rnn = recurrent(config["cell"], config["embedding_size"], config["hidden_size"],
                             config["layers"], config.get("dropout", 0.0))
        self.fc = nn.Linear(config["hidden_size"], config["vocabulary_size"])

    def forward(self, ids, state=None):
        """ids (B, T) -> logits (B, T, V) and the state after the last step."""
        out, state = self.rnn(self.embedding(ids), state)
        return self.fc(out), state

    def log_probs(self, text):
        """The ids <bos> tokens <eos> and the log softmax (T, V) predicting ids[1:]."""
        ids = self.codec.encode(text, add_bos_eos=True)
        with torch.no_grad():
            logits, _ = self(torch.tensor([ids[:-1]]))
        return ids, np.stack([log_softmax(row) for row in logits[0].numpy()])

    def score(self, texts):
        """Per text: (log-likelihood, tokens predicted, perplexity), as rnn4j's Score."""
        out = []
        for text in texts:
            ids, lp = self.log_probs(text)
            ll = float(sum(lp[t, ids[t + 1]] for t in range(len(ids) - 1)))
            n = len(ids) - 1
            out.append((ll, n, math.exp(-ll / n)))
        return out


# ---------------------------------------------------------------- classify

class Classifier(nn.Module):
    """task.classify.Classifier: embedding (token input) -> (bi)RNN -> pooling over the real
    steps (LAST, MEAN, MAX) -> linear over C; TextClassifier.predict gives softmax(logits)."""

    def __init__(self, config, codec=None):
        super().__init__()
        self.config, self.codec = config, codec
        self.labels = list(config["labels"])
        self.pooling = config["pooling"]
        tokens = config["input"] == "tokens"
        if tokens:
            self.embedding = nn.Embedding(config["input_size"], config["embedding_size"])
        size = config["embedding_size"] if tokens else config["input_size"]
        self.bidirectional = bool(config.get("bidirectional", False))
        self.rnn = recurrent(config["cell"], size, config["hidden_size"], config["layers"],
                             config.get("dropout", 0.0), self.bidirectional)
        self.dropout = nn.Dropout(config.get("dropout", 0.0))
        d = 2 if self.bidirectional else 1
        self.fc = nn.Linear(d * config["hidden_size"], len(self.labels))

    def forward(self, inputs, lengths):
        """inputs: ids (B, T) for a token model, features (B, T, F) otherwise; -> logits (B, C)."""
        x = self.embedding(inputs) if hasattr(self, "embedding") else inputs
        out, state = run(self.rnn, x, lengths)
        lengths_t = torch.as_tensor(lengths)
        if self.pooling == "LAST":
            h = hidden(state)
            top = h.shape[0] - (2 if self.bidirectional else 1)
            pooled = torch.cat(list(h[top:]), dim=1)
        elif self.pooling == "MEAN":
            pooled = out.sum(dim=1) / lengths_t[:, None].to(out.dtype)
        elif self.pooling == "MAX":
            steps = torch.arange(out.shape[1])[None, :, None]
            pooled = out.masked_fill(steps >= lengths_t[:, None, None], float("-inf")).amax(1)
        else:
            raise ValueError(f"unknown pooling {self.pooling!r}")
        return self.fc(self.dropout(pooled))

    def predict(self, texts):
        """Per text: (label, probabilities (C)); an empty text reads as one <unk>."""
        out = []
        for text in texts:
            ids = self.codec.encode(text) or [Codec.UNK]
            with torch.no_grad():
                p = torch.softmax(self(torch.tensor([ids]), [len(ids)]), dim=1)[0].numpy()
            out.append((self.labels[int(np.argmax(p))], p))
        return out


# ---------------------------------------------------------------- tag

def _java_split(sentence):
    """SentenceTagger.tokens: trim, then split on runs of ASCII whitespace."""
    s = sentence.strip("".join(chr(c) for c in range(33)))
    return [] if not s else re.split(r"[ \t\n\x0b\f\r]+", s)


class Tagger(nn.Module):
    """task.tag.Tagger: [word embedding; char BiGRU final states of the word's spelling] ->
    (bi)RNN -> linear over K at every step; the tag is the arg max."""

    def __init__(self, config, codec=None):
        super().__init__()
        self.config, self.codec = config, codec
        self.tags = list(config["tags"])
        self.embedding = nn.Embedding(config["vocabulary_size"], config["embedding_size"])
        features = config["embedding_size"]
        chars = config.get("chars")
        if chars:
            self.char_embedding = nn.Embedding(chars["vocabulary_size"], chars["embedding_size"])
            self.char_rnn = recurrent("GRU", chars["embedding_size"], chars["hidden_size"],
                                      bidirectional=True)
            self.spellings = [list(s) for s in config["spellings"]]
            features += 2 * chars["hidden_size"]
        self.bidirectional = bool(config.get("bidirectional", False))
        self.rnn = recurrent(config["cell"], features, config["hidden_size"], config["layers"],
                             config.get("dropout", 0.0), self.bidirectional)
        self.dropout = nn.Dropout(config.get("dropout", 0.0))
        d = 2 if self.bidirectional else 1
        self.fc = nn.Linear(d * config["hidden_size"], len(self.tags))

    def char_features(self, ids):
        """(B, T) word ids -> (B, T, 2·Hc): the char BiGRU's final states over each spelling."""
        words = sorted(set(ids.flatten().tolist()))
        spellings = [self.spellings[w] for w in words]
        longest = max(1, max(len(s) for s in spellings))
        chars = torch.zeros(len(words), longest, dtype=torch.int64)
        for u, s in enumerate(spellings):
            chars[u, :len(s)] = torch.tensor(s, dtype=torch.int64)
        _, h = run(self.char_rnn, self.char_embedding(chars), [len(s) for s in spellings])
        per_word = torch.cat([h[0], h[1]], dim=1)  # (U, 2·Hc)
        row = {w: u for u, w in enumerate(words)}
        return per_word[torch.tensor([[row[w] for w in r] for r in ids.tolist()])]

    def forward(self, ids, lengths):
        """ids (B, T) -> tag scores (logits) (B, T, K)."""
        x = self.embedding(ids)
        if hasattr(self, "char_rnn"):
            x = torch.cat([x, self.char_features(ids)], dim=2)
        out, _ = run(self.rnn, x, lengths)
        return self.fc(self.dropout(out))

    def word_ids(self, tokens):
        return [self.codec.id(t.lower() if self.codec.lower_case else t) for t in tokens]

    def scores(self, sentence):
        """A sentence (whitespace-separated tokens) -> its tokens and scores (T, K)."""
        tokens = _java_split(sentence)
        if not tokens:
            return tokens, np.zeros((0, len(self.tags)), dtype=np.float32)
        ids = self.word_ids(tokens)
        with torch.no_grad():
            return tokens, self(torch.tensor([ids]), [len(ids)])[0].numpy()

    def tag(self, sentence):
        """A sentence -> (tokens, tags), as SentenceTagger.tag."""
        tokens, scores = self.scores(sentence)
        return tokens, [self.tags[int(k)] for k in np.argmax(scores, axis=1)]


# ---------------------------------------------------------------- seq2seq

class AdditiveAttention(nn.Module):
    """score(s, h_j) = v·tanh(W_s s + W_h h_j); parameters query, key, v (no biases)."""

    def __init__(self, query_size, key_size, size):
        super().__init__()
        self.query = nn.Linear(query_size, size, bias=False)
        self.key = nn.Linear(key_size, size, bias=False)
        self.v = nn.Linear(size, 1, bias=False)

    def prepare(self, keys):
        return self.key(keys)

    def scores(self, query, projected):
        return self.v(torch.tanh(projected + self.query(query)[:, None, :]))[..., 0]


class MultiplicativeAttention(nn.Module):
    """score(s, h_j) = s·W h_j (Luong's general form); parameter weight (Hs, He)."""

    def __init__(self, query_size, key_size):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(query_size, key_size))

    def prepare(self, keys):
        return keys @ self.weight.T

    def scores(self, query, projected):
        return (projected * query[:, None, :]).sum(-1)


class Seq2Seq(nn.Module):
    """task.seq2seq.Seq2Seq: a (bi)RNN encoder, a bridge to the decoder's first state, a
    one-layer decoder reading [E_y[y_{t-1}]; ctx_{t-1}] and attention; z_t = W_o [s_t; ctx_t]."""

    def __init__(self, config, codecs=None):
        super().__init__()
        self.config, self.codecs = config, codecs
        cell, h = config["cell"], config["hidden_size"]
        self.bidirectional = bool(config["bidirectional"])
        he = (2 if self.bidirectional else 1) * h
        self.encoder_embedding = nn.Embedding(config["source_vocabulary_size"],
                                              config["source_embedding_size"])
        self.encoder = recurrent(cell, config["source_embedding_size"], h,
                                 config["encoder_layers"], config.get("dropout", 0.0),
                                 self.bidirectional)
        if self.bidirectional:
            self.bridge_h = nn.Linear(he, h)
            if cell == "LSTM":
                self.bridge_c = nn.Linear(he, h)
        self.decoder_embedding = nn.Embedding(config["target_vocabulary_size"],
                                              config["target_embedding_size"])
        self.decoder = recurrent(cell, config["target_embedding_size"] + he, h)
        if config["attention"] == "ADDITIVE":
            self.attention = AdditiveAttention(h, he, h)
        elif config["attention"] == "MULTIPLICATIVE":
            self.attention = MultiplicativeAttention(h, he)
        else:
            raise ValueError(f"unknown attention {config['attention']!r}")
        self.dropout = nn.Dropout(config.get("dropout", 0.0))
        self.out = nn.Linear(h + he, config["target_vocabulary_size"])

    def _bridge(self, states, bridge, squash):
        if not self.bidirectional:
            return states[-1:]
        y = bridge(torch.cat([states[-2], states[-1]], dim=1))
        return (torch.tanh(y) if squash else y)[None]

    def encode(self, ids, lengths):
        """ids (B, Tx) -> keys (B, Tx, He), projected keys, mask (B, Tx), first decoder state."""
        keys, state = run(self.encoder, self.dropout(self.encoder_embedding(ids)), lengths)
        if isinstance(state, tuple):
            first = (self._bridge(state[0], getattr(self, "bridge_h", None), True),
                     self._bridge(state[1], getattr(self, "bridge_c", None), False))
        else:
            first = self._bridge(state, getattr(self, "bridge_h", None), True)
        mask = torch.arange(ids.shape[1])[None, :] < torch.as_tensor(lengths)[:, None]
        return keys, self.attention.prepare(keys), mask, first

    def step(self, previous, state, context, keys, projected, mask):
        """One decoder step from y_{t-1} (B): logits z_t (B, V), the state, ctx_t, α_t (B, Tx)."""
        y = self.dropout(self.decoder_embedding(previous))
        s, state = self.decoder(torch.cat([y, context], dim=1)[:, None, :], state)
        s = s[:, 0]
        scores = self.attention.scores(s, projected).masked_fill(~mask, float("-inf"))
        alpha = torch.softmax(scores, dim=1)
        context = (alpha[:, :, None] * keys).sum(1)
        return self.out(self.dropout(torch.cat([s, context], dim=1))), state, context, alpha

    def _start(self, ids):
        source = torch.tensor([ids])
        keys, projected, mask, state = self.encode(source, [len(ids)])
        return keys, projected, mask, state, torch.zeros(1, keys.shape[2])

    @staticmethod
    def _select(state, rows):
        if isinstance(state, tuple):
            return tuple(s[:, rows] for s in state)
        return state[:, rows]

    def greedy(self, ids, max_length):
        """Source ids -> (target ids without <eos>, attention (m, Tx))."""
        bos, eos = Codec.BOS, Codec.EOS
        out, weights = [], []
        with torch.no_grad():
            keys, projected, mask, state, context = self._start(ids)
            previous = torch.tensor([bos])
            for _ in range(max_length):
                logits, state, context, alpha = self.step(previous, state, context, keys,
                                                          projected, mask)
                token = int(torch.argmax(logits[0]))
                if token == eos:
                    break
                out.append(token)
                weights.append(alpha[0].numpy())
                previous = torch.tensor([token])
        return out, np.array(weights, dtype=np.float32).reshape(len(out), len(ids))

    def beam_search(self, ids, beam_width, max_tokens, length_penalty=0.0, best=1):
        """rnn4j's BeamSearch over one source: a list of (ids, log p, score, finished), best
        first, and the attention (m, Tx) of the best, teacher-forced."""
        eos = Codec.EOS
        finished, beam = [], [((), 0.0)]
        with torch.no_grad():
            keys, projected, mask, state, context = self._start(ids)
            logits, state, context, _ = self.step(torch.tensor([Codec.BOS]), state, context,
                                                  keys, projected, mask)
            s = 1
            while True:
                width = beam_width - len(finished)
                candidates = []
                for r, (_, lp) in enumerate(beam):
                    row = log_softmax(logits[r].numpy())
                    candidates += [(lp + row[w], r, w) for w in range(len(row))
                                   if lp + row[w] != float("-inf")]
                candidates.sort(key=lambda c: -c[0])  # stable: lower row, then lower id
                nxt, parents, tokens = [], [], []
                for lp, r, w in candidates[:width]:
                    if w == eos:
                        finished.append(self._hypothesis(beam[r][0], lp, True, length_penalty))
                    else:
                        parents.append(r)
                        tokens.append(w)
                        nxt.append((beam[r][0] + (w,), lp))
                beam = nxt
                if not beam or s == max_tokens:
                    break
                n = len(beam)
                rows = torch.tensor(parents)
                logits, state, context, _ = self.step(
                    torch.tensor(tokens), self._select(state, rows), context[rows],
                    keys.expand(n, -1, -1), projected.expand(n, -1, -1), mask.expand(n, -1))
                s += 1
        pool = finished or [self._hypothesis(i, lp, False, length_penalty) for i, lp in beam]
        ranked = sorted(pool, key=lambda h: -h[2])[:best]
        return ranked, self._attention(ids, ranked[0][0])

    @staticmethod
    def _hypothesis(ids, lp, finished, alpha):
        length = len(ids) + (1 if finished else 0)
        lp = float(lp)
        return list(ids), lp, (lp if alpha == 0 else lp / math.pow(length, alpha)), finished

    def _attention(self, ids, target):
        weights = []
        with torch.no_grad():
            keys, projected, mask, state, context = self._start(ids)
            previous = torch.tensor([Codec.BOS])
            for token in target:
                _, state, context, alpha = self.step(previous, state, context, keys, projected,
                                                     mask)
                weights.append(alpha[0].numpy())
                previous = torch.tensor([token])
        return np.array(weights, dtype=np.float32).reshape(len(target), len(ids))

    def translate(self, sources, beam_width=1, length_penalty=0.0, max_length=None):
        """Texts -> dicts with ids, tokens, text and attention, as Translator.translate; the
        length limit defaults to 2·|x| + 10 target tokens."""
        source_codec, target_codec = self.codecs
        out = []
        for text in sources:
            ids = source_codec.encode(text)
            if not ids:
                target, attention = [], np.zeros((0, 0), dtype=np.float32)
            elif beam_width == 1:
                target, attention = self.greedy(ids, max_length or 2 * len(ids) + 10)
            else:
                hyps, attention = self.beam_search(ids, beam_width, max_length or 2 * len(ids)
                                                   + 10, length_penalty)
                target = hyps[0][0]
            out.append({"source": text, "ids": target,
                        "tokens": target_codec.decode_tokens(target),
                        "text": target_codec.decode(target), "attention": attention})
        return out


# ---------------------------------------------------------------- forecast

class Forecaster(nn.Module):
    """task.forecast.Forecaster: the last W normalised steps -> RNN -> the top layer's final
    state -> linear to S·F values, fed back until the horizon; raw values in and out."""

    def __init__(self, config):
        super().__init__()
        self.config = config
        self.names = list(config["names"])
        f = len(self.names)
        self.rnn = recurrent(config["cell"], f, config["hidden_size"], config["layers"],
                             config.get("dropout", 0.0))
        self.dropout = nn.Dropout(config.get("dropout", 0.0))
        self.fc = nn.Linear(config["hidden_size"], config["output_steps"] * f)

    def forward(self, windows, lengths):
        """windows (B, T, F) normalised, lengths (B) -> (B, S, F) normalised predictions."""
        _, state = run(self.rnn, windows, lengths)
        s = hidden(state)[-1]
        return self.fc(self.dropout(s)).reshape(len(lengths), self.config["output_steps"], -1)

    def _g(self, x):
        x = np.asarray(x, dtype=np.float32).astype(np.float64)
        if self.config.get("log"):
            if not (x > 0).all():
                raise ValueError("the log transform needs positive values")
            return np.log(x)
        if self.config.get("log1p"):
            if not (x >= 0).all():
                raise ValueError("the log1p transform needs values >= 0")
            return np.log1p(x)
        return x

    def forecast(self, history, steps):
        """history (T, F) raw values (or a flat list for F = 1) -> forecast (steps, F) raw."""
        f = len(self.names)
        x = np.asarray(history, dtype=np.float32).reshape(-1, f)
        d = int(self.config.get("difference_lag", 0))
        if len(x) <= d:
            raise ValueError(f"a series must have more steps than the differencing lag d = {d}")
        mean = np.asarray(self.config["mean"], dtype=np.float64)
        std = np.asarray(self.config["std"], dtype=np.float64)
        g = self._g(x)
        u = (g[d:] - g[:-d] if d else g).astype(np.float32)
        z = ((u.astype(np.float64) - mean) / std).astype(np.float32)
        known, s, w = len(z), self.config["output_steps"], self.config["window"]
        z = np.concatenate([z, np.zeros((steps + s, f), dtype=np.float32)])
        made = 0
        with torch.no_grad():
            while made < steps:
                n = min(w, known + made)
                end = known + made
                window = torch.from_numpy(z[end - n:end].copy())[None]
                z[end:end + s] = self(window, [n])[0].numpy()
                made += s
        u_hat = (z[known:known + steps].astype(np.float64) * std + mean).astype(np.float32)
        gs = np.concatenate([g, np.zeros((steps, f))])
        t = len(x)
        for k in range(steps):
            gs[t + k] = u_hat[k].astype(np.float64) + (gs[t + k - d] if d else 0)
        future = gs[t:]
        if self.config.get("log"):
            future = np.exp(future)
        elif self.config.get("log1p"):
            future = np.expm1(future)
        return future.astype(np.float32)


# ---------------------------------------------------------------- files

def read_metadata(path):
    with safe_open(path, framework="pt") as f:
        return f.metadata() or {}


def load(path):
    """The model in a file as a torch.nn.Module in evaluation mode, and the file's metadata."""
    metadata = read_metadata(path)
    if metadata.get("format") != "rnn4j-model":
        raise ValueError(f"{path}: not an rnn4j model file (format={metadata.get('format')!r})")
    if metadata.get("format_version") != "1":
        raise ValueError(f"{path}: unsupported format_version {metadata.get('format_version')!r}")
    config = json.loads(metadata["config"])
    vocabulary = json.loads(metadata["vocabulary"]) if "vocabulary" in metadata else None
    task = config.get("task")
    if task == "seq2seq":
        codecs = (Codec(vocabulary["source"]), Codec(vocabulary["target"])) if vocabulary \
            else None
        model = Seq2Seq(config, codecs)
    elif task == "forecast":
        model = Forecaster(config)
    elif task in ("lm", "classify", "tag"):
        codec = Codec(vocabulary) if vocabulary else None
        model = {"lm": LanguageModel, "classify": Classifier, "tag": Tagger}[task](config, codec)
    else:
        raise ValueError(f"{path}: no PyTorch module for task {task!r}")
    model.load_state_dict(load_file(path), strict=True)
    return model.eval(), metadata


def save(model, path, metadata):
    """Writes the module's state dict with the given metadata (all values strings): a file
    rnn4j loads when the metadata is an rnn4j model's (format, format_version, config, ...)."""
    tensors = {k: v.detach().to(torch.float32).contiguous() for k, v in model.state_dict().items()}
    save_file(tensors, path, metadata=dict(metadata))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("inputs", nargs="*", help="texts, sentences, sources or series values")
    ap.add_argument("--ids", help="lm: comma-separated token ids, print their logits")
    ap.add_argument("--beam", type=int, default=1, help="seq2seq: beam width (1 = greedy)")
    ap.add_argument("--alpha", type=float, default=1.0, help="seq2seq: length penalty")
    ap.add_argument("--steps", type=int, help="forecast: steps ahead (default: the horizon)")
    args = ap.parse_intermixed_args()
    model, metadata = load(args.model)
    task = model.config["task"]
    torch.set_printoptions(precision=6)
    if args.ids:
        with torch.no_grad():
            print(model(torch.tensor([[int(i) for i in args.ids.split(",")]]))[0][0])
    elif not args.inputs:
        print(model)
        print("provenance:", metadata.get("provenance"))
    elif task == "lm":
        for text, (ll, n, ppl) in zip(args.inputs, model.score(args.inputs)):
            print(f"{text}\tlog-likelihood {ll:.4f}\ttokens {n}\tperplexity {ppl:.4f}")
    elif task == "classify":
        for text, (label, p) in zip(args.inputs, model.predict(args.inputs)):
            print(f"{label}\t{p.max():.4f}\t{text}")
    elif task == "tag":
        for sentence in args.inputs:
            print(" ".join(f"{t}/{k}" for t, k in zip(*model.tag(sentence))))
    elif task == "seq2seq":
        for t in model.translate(args.inputs, args.beam, args.alpha):
            print(t["text"])
    elif task == "forecast":
        steps = args.steps or model.config["horizon"]
        for row in model.forecast([float(v) for v in args.inputs], steps):
            print("\t".join(f"{v:.6g}" for v in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
