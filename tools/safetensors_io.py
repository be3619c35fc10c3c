#!/usr/bin/env python3
"""A tiny pure-Python (numpy) reader and writer of the safetensors layout rnn4j uses.

Layout: 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON header
{"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}, ...}
padded with spaces to a multiple of 8, then the raw little-endian tensors, contiguous, in
header order. The standard `safetensors` package (safetensors.numpy / safetensors.torch
load_file) reads and writes the same layout; it is not installable offline here, so this
module stands in for it and applies the same validation rules as rnn4j's Java reader
(see docs/model-format.md).

Usage (Debian python3-numpy; works offline):
    /usr/bin/python3 tools/safetensors_io.py fixture \
        rnn4j-core/src/test/resources/fixtures/io/from_python.safetensors
    /usr/bin/python3 tools/safetensors_io.py check-java \
        rnn4j-core/target/io/from_java.safetensors

`fixture` writes the file read by SafetensorsTest.readsTheFixtureWrittenByPython; its values
are those of write_fixture below. `check-java` reads the file written by
SafetensorsTest.writesTheFileForThePythonCheck (run the Java tests first) and checks its values.
"""
import json
import os
import struct
import sys

import numpy as np

MAX_HEADER_LENGTH = 100_000_000
DTYPES = {"F64": np.float64, "F32": np.float32, "F16": np.float16,
          "I64": np.int64, "I32": np.int32, "I16": np.int16, "I8": np.int8,
          "U8": np.uint8, "BOOL": np.bool_}
NAMES = {np.dtype(v).str: k for k, v in DTYPES.items()}


def _bf16_bytes(values):
    bits = np.ascontiguousarray(values, dtype="<f4").view("<u4")
    if np.any(bits & 0xFFFF):
        raise ValueError("values are not exactly representable as bfloat16")
    return (bits >> 16).astype("<u2").tobytes()


def save(path, tensors, metadata=None, bf16=()):
    """Writes tensors (name -> np.ndarray, in dict order) and metadata (str -> str) atomically.

    Arrays of float64/float32/float16/int/bool dtypes keep their dtype; names listed in `bf16`
    are float32 arrays stored as BF16 (their values must be exact in bfloat16).
    """
    header = {}
    if metadata:
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()):
            raise ValueError("metadata must map str to str")
        header["__metadata__"] = dict(metadata)
    blobs, offset = [], 0
    for name, array in tensors.items():
        if not name or name == "__metadata__":
            raise ValueError("bad tensor name %r" % name)
        array = np.asarray(array)
        if name in bf16:
            dtype, data = "BF16", _bf16_bytes(array)
        else:
            little = array.astype(array.dtype.newbyteorder("<"))
            dtype, data = NAMES[little.dtype.str], np.ascontiguousarray(little).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for blob in blobs:
            f.write(blob)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _check(ok, message):
    if not ok:
        raise ValueError(message)


def load(path):
    """Reads and validates a file; returns (dict name -> np.ndarray in offset order, metadata).

    BF16 tensors are returned as float32. Raises ValueError on any violation of the layout.
    """
    with open(path, "rb") as f:
        blob = f.read()
    _check(len(blob) >= 8, "%s: shorter than 8 bytes" % path)
    (n,) = struct.unpack("<Q", blob[:8])
    _check(2 <= n <= min(MAX_HEADER_LENGTH, len(blob) - 8), "%s: bad header length %d" % (path, n))
    _check(blob[8:9] == b"{", "%s: header does not start with '{'" % path)
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    _check(isinstance(header, dict), "%s: header is not an object" % path)
    metadata = header.pop("__metadata__", {})
    _check(isinstance(metadata, dict)
           and all(isinstance(v, str) for v in metadata.values()), "%s: bad metadata" % path)
    data = blob[8 + n:]
    entries = sorted(header.items(), key=lambda e: tuple(e[1]["data_offsets"]))
    tensors, covered = {}, 0
    for name, info in entries:
        _check(set(info) == {"dtype", "shape", "data_offsets"}, "%s: %s: bad keys" % (path, name))
        begin, end = info["data_offsets"]
        shape = info["shape"]
        _check(begin == covered, "%s: %s: gap or overlap at %d" % (path, name, begin))
        if info["dtype"] == "BF16":
            raw = np.frombuffer(data[begin:end], dtype="<u2").astype("<u4") << 16
            array = raw.view("<f4")
        else:
            dtype = np.dtype(DTYPES[info["dtype"]]).newbyteorder("<")
            _check(end - begin == int(np.prod(shape, dtype=np.int64)) * dtype.itemsize,
                   "%s: %s: data_offsets do not match the shape" % (path, name))
            array = np.frombuffer(data[begin:end], dtype=dtype)
        tensors[name] = array.reshape(shape)
        covered = end
    _check(covered == len(data), "%s: data section not covered exactly" % path)
    return tensors, metadata


def write_fixture(path):
    """The fixture of SafetensorsTest.readsTheFixtureWrittenByPython (values stated here)."""
    tensors = {
        "embedding.weight": (np.arange(12, dtype=np.float32) - 5) / 4,  # (i - 5) / 4, (3, 4)
        "rnn.weight_ih_l0": np.arange(6, dtype=np.float64) * 0.1 - 0.25,  # F64, (2, 3)
        "half": np.array([1.0, -2.5, 65504.0, 2.0 ** -24, -0.0], dtype=np.float16),
        "bf16": np.array([[1.0, -3.140625], [256.0, 0.0078125]], dtype=np.float32),
        "scalar": np.array(3.5, dtype=np.float32),  # shape []
        "empty": np.zeros((0, 3), dtype=np.float32),
    }
    tensors["embedding.weight"] = tensors["embedding.weight"].reshape(3, 4)
    tensors["rnn.weight_ih_l0"] = tensors["rnn.weight_ih_l0"].reshape(2, 3)
    save(path, tensors, {"format": "rnn4j-test", "greeting": "héllo ✓"}, bf16={"bf16"})


def check_java(path):
    """Checks the file of SafetensorsTest.writesTheFileForThePythonCheck."""
    tensors, metadata = load(path)
    assert list(tensors) == ["rnn.weight_hh_l0", "scalar", "empty", "fc.bias"], list(tensors)
    expected = (np.arange(24, dtype=np.float32) * 0.5 - 3).reshape(2, 3, 4)
    assert tensors["rnn.weight_hh_l0"].dtype == np.float32
    assert np.array_equal(tensors["rnn.weight_hh_l0"], expected)
    assert tensors["scalar"].shape == () and tensors["scalar"] == np.float32(-7.25)
    assert tensors["empty"].shape == (4, 0)
    bias = tensors["fc.bias"]
    assert bias[0] == np.finfo(np.float32).max and np.signbit(bias[1]) and bias[1] == 0
    assert bias[2] == np.float32(1e-45)
    assert metadata == {"format": "rnn4j-model", "note": "écrit par Java ✓"}, metadata
    print("ok: %s: %d tensors, metadata %s" % (path, len(tensors), metadata))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("fixture", "check-java"):
        sys.exit("usage: safetensors_io.py fixture OUT | check-java FILE")
    if sys.argv[1] == "fixture":
        os.makedirs(os.path.dirname(sys.argv[2]) or ".", exist_ok=True)
        write_fixture(sys.argv[2])
        print("wrote", sys.argv[2])
    else:
        check_java(sys.argv[2])


if __name__ == "__main__":
    main()
