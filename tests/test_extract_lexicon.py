"""The lexicon data files: they load, compile, and the trigger prefilter never hides a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.extract.lexicon import default_lexicon
from desktop.extract.sentences import split_sentences
from desktop.extract.triggers import admitted_triggers

# Sentences exercising every trigger family (invented, plus the shipped demo articles below).
SAMPLES = """
The watchdog ordered Brelo Pay to suspend its lending app on Friday.
OpenAI released GPT-5 on Monday and Meta launched Llama 5. Google unveiled Gemini 3.
Apple rolled out a new Siri. Samsung debuted its Galaxy AI features.
Mistral AI open-sourced its models; Alibaba will open-source Qwen 4. It made the code open source.
Cohere announced plans to expand. Zhipu AI unveiled its strategy. xAI laid out a roadmap.
ManusAI committed to open source and pledged to share code. It stated its intention to grow.
Nvidia partnered with Foxconn. IBM teamed up with SAP. Amazon signed a deal with Anthropic.
Microsoft and OpenAI announced an expanded partnership. Baidu formed an alliance with Geely.
Anthropic raised $3.5 billion in a Series E round. SoftBank invested $2 billion in OpenAI.
Perplexity closed a new funding round. DeepSeek secured $1 billion of financing.
Salesforce acquired Informatica. The acquisition of Wiz by Google. Arm filed for an IPO.
Nvidia reported revenue of $39 billion. OpenAI expects losses of $5 billion.
Samsung will release detailed results in January. xAI merged with X.
CoreWeave made its Nasdaq debut.
DeepSeek held an Open-Source Week. Google hosted its annual developer conference.
OpenAI was founded in 2015. Anthropic was co-founded by former researchers.
Huawei has built a new AI chip. ByteDance introduced Doubao 1.5. Xiaomi presented new phones.
Baidu will make its Ernie chatbot free to use. Google made Gemini freely available.
ChatGPT's debut in November 2022 changed everything. The launch of Grok 3 came later.
OpenAI said that it would expand. Baidu stated that costs fell. Tencent told reporters that.
Acme was established in 2019. The chip taped out in May.
Orbo will begin mass production in May.
Tallis opened a new office in Lagos. The mayor inaugurated it. Parliament passed the AI Act.
The rules took effect in June. Vanta won a $30 million contract. Nord bought a minority stake.
Kiwa listed on the Hong Kong stock exchange. The ministry committed $20 million to research.
Zuma began offering loans. The service went live. Oda and Pekka formed a joint venture.
Zuma opened a public beta of its app. Oda made the source code of its compiler available.
The regulator fined Vexo $5 million. It imposed a record fine. The agency opened an inquiry.
The deal is expected to close in May. Its plant in Ohio will open next year.
Vanta began construction in 2021. Nord laid off 200 employees. Kiwa filed for bankruptcy.
The regulator approved the merger. Oda received FDA approval. Kiwa was valued at $2 billion.
Vanta signed a $50 million contract with the navy. Its founder was indicted in May.
Nord plans to enter Brazil next year.
"""


def _corpus() -> list[str]:
    texts = [SAMPLES]
    demo = Path(__file__).resolve().parent.parent / "resources" / "demo"
    texts += [p.read_text(encoding="utf-8") for p in sorted(demo.glob("*.txt"))]
    return [s.text for t in texts for s in split_sentences(t)]


def test_every_trigger_fires_on_the_samples() -> None:
    lex = default_lexicon()
    sentences = _corpus()
    for trig in lex.triggers:
        assert any(trig.pattern.search(s) for s in sentences), trig.pattern.pattern[:60]


def test_prefilter_admits_every_trigger_that_matches() -> None:
    lex = default_lexicon()
    for sentence in _corpus():
        admitted = admitted_triggers(lex, sentence)
        for index, trig in enumerate(lex.triggers):
            if trig.pattern.search(sentence):
                assert index in admitted, (trig.pattern.pattern[:50], sentence)


def test_cue_patterns_compile_and_gazetteer_is_consistent() -> None:
    lex = default_lexicon()
    assert all(isinstance(rx, re.Pattern) for rx in lex.rx.values())
    assert lex.org_by_alias["Alibaba Cloud"].name == "Alibaba"
    assert lex.org_by_alias["Meta Platforms"].name == "Meta"
    assert lex.product_owner["ChatGPT"] == "OpenAI"
    assert all(
        owner in {o.name for o in lex.org_by_alias.values()} for owner in lex.people.values()
    )
    assert len({o.name for o in lex.org_by_alias.values()}) >= 150


@pytest.mark.parametrize("alias", ["Meta", "01.AI", "Zhipu AI", "Moonshot AI", "xAI", "ManusAI"])
def test_org_aliases_match_as_whole_names(alias: str) -> None:
    lex = default_lexicon()
    assert lex.orgs.search(f"On Monday, {alias}’s team said so.")
    assert not lex.orgs.search(f"x{alias}verse and more{alias.lower()}s")
