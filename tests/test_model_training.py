"""desktop.model_training: labels from gold evidence, a model that learns, and the shipped
model is exactly what retraining on its recorded sets gives (generated, never hand-edited)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.extract.sentence_model import model_from_dict
from desktop.model_training import main, parse_set, read_examples, to_json, train

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "resources" / "models" / "event_sentences.json"

ARTICLE = """---
published: 2025-04-02
---
Acme Robotics raised $40 million in a Series B round on Tuesday.
The weather in Oslo was mild. Analysts expect demand to grow.
Zenith Labs launched a warehouse robot in March.
Critics say the robots are loud.
"""


def _set(tmp_path: Path, copies: int = 6) -> Path:
    folder = tmp_path / "set"
    folder.mkdir()
    gold = []
    for i in range(copies):
        (folder / f"a{i}.md").write_text(ARTICLE, encoding="utf-8")
        gold.append({"doc": f"a{i}.md", "kind": "funding", "evidence": "Acme Robotics raised"})
        gold.append({"doc": f"a{i}.md", "kind": "release", "evidence": "launched a warehouse"})
    lines = [json.dumps(g) for g in gold]
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_sentences_are_labelled_by_gold_evidence(tmp_path: Path) -> None:
    examples = read_examples([parse_set(str(_set(tmp_path, copies=1)))])
    assert examples.is_event == [True, False, False, True, False]
    assert len(examples.evidence) == 2 and len(examples.kinds) == 2


def test_the_trained_model_separates_and_kinds(tmp_path: Path) -> None:
    data = train(read_examples([parse_set(str(_set(tmp_path)))]), threshold=0.5)
    model = model_from_dict(data)
    assert model.event_probability("Omega Robotics raised $9 million on Friday.") > 0.5
    assert model.event_probability("The weather in Rome was mild.") < 0.5
    from desktop.extract.sentence_model import sentence_features

    assert model.kind_of(sentence_features("Omega Labs launched a warehouse robot.")) == "release"


def test_cli_writes_a_loadable_model(tmp_path: Path, capsys) -> None:
    out = tmp_path / "m" / "model.json"
    assert main([str(_set(tmp_path)), "--out", str(out), "--threshold", "0.6"]) == 0
    model = model_from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert model.threshold == 0.6
    assert "12 events" in capsys.readouterr().err


def test_shipped_model_is_what_training_on_its_sets_gives() -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    sets = shipped["trained_on"]["sets"]
    assert "tests/data/heldout7" not in sets  # the set kept unseen for the final measure
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        examples = read_examples([parse_set(s) for s in sets])
        again = train(examples, shipped["threshold"], tuple(sets))
    assert again["trained_on"] == shipped["trained_on"]
    assert again["event"]["weights"].keys() == shipped["event"]["weights"].keys()
    for name, weight in shipped["event"]["weights"].items():
        assert again["event"]["weights"][name] == pytest.approx(weight, abs=2e-5)
    assert again["event"]["bias"] == pytest.approx(shipped["event"]["bias"], abs=2e-5)
    assert json.loads(to_json(again)).keys() == shipped.keys()
