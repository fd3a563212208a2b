"""A logistic model over named binary features, stored as JSON (weights by feature name): no pickles, readable,
loadable without scikit-learn."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "palmares.linear-model.v1"


@dataclass(slots=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5  # a candidate is kept from this probability on
    meta: dict[str, Any] = field(default_factory=dict)
    _merged: dict[str, dict[str, float]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def probability(self, features: Iterable[str]) -> float:
        weight = self.weights.get
        score = self.bias + sum([weight(name, 0.0) for name in features])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def probability_conjoined(self, features: Iterable[str], prefix: str) -> float:
        """The probability of `features` together with their conjunctions "<prefix>&<feature>", without building
        the conjunctions' names: each feature weighs its own weight plus its conjunction's."""
        merged = self._merged.get(prefix)
        if merged is None:
            merged = self._merged[prefix] = self._merge(prefix)
        weight = merged.get
        score = self.bias + sum([weight(name, 0.0) for name in features])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def _merge(self, prefix: str) -> dict[str, float]:
        """Weights of the plain features with the prefix's conjunctions added in. A conjunction is named
        "<identifier>&<feature>" ("rank&kind=TIME"); a plain feature never opens with an identifier and "&" (words
        come after "=": "v-1=&"), so the other prefixes' conjunctions are left out."""
        merged: dict[str, float] = {}
        for name, value in self.weights.items():
            head, conjunction, feature = name.partition("&")
            if conjunction and head.isidentifier():
                if head == prefix:
                    merged[feature] = merged.get(feature, 0.0) + value
            else:
                merged[name] = merged.get(name, 0.0) + value
        return merged

    def to_json(self) -> dict[str, Any]:
        weights = {name: round(value, 5) for name, value in sorted(self.weights.items()) if abs(value) >= 1e-5}
        return {
            "format": FORMAT,
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "meta": self.meta,
            "weights": weights,
        }

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model (format {data.get('format')!r})")
        return cls(
            weights={k: float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data.get("threshold", 0.5)),
            meta=dict(data.get("meta", {})),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        try:
            return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"cannot read the result model {path}: {exc}") from exc
