"""A deterministic synthetic library for the benchmark, and the fixed set of bench queries.

Words are drawn with Zipf-like frequencies from a vocabulary made of the segmenter's dictionary
(the phrases pypinyin knows that rjieba also has as words) mixed with a customer-service
vocabulary. About half the documents are converted to Traditional Chinese (OpenCC ``s2twp``).
Every file has valid kbdesk front matter; handbooks, phrasings and procedures are mixed.

The library is written once under a cache folder keyed by its parameters and reused by later
runs (``KBDESK_BENCH_CACHE`` overrides the folder).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import shutil
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import opencc
import platformdirs
import rjieba

#: Bump when the generated text changes, so cached libraries are regenerated.
GENERATOR_VERSION = 1
DEFAULT_DOCS = 5000
DEFAULT_SEED = 20261125
ZIPF_S = 1.05

#: Words of a customer-service centre, Simplified (the generator converts half the library).
SERVICE_WORDS = """
客户 顾客 用户 来电 坐席 客服 投诉 咨询 工单 回访 回拨 升级 转接 安抚 道歉 致歉 退款 退货 换货
补偿 赔偿 理赔 订单 物流 快递 配送 延误 发票 账单 扣费 话费 套餐 流量 宽带 故障 报修 维修 上门
预约 时限 时效 首次响应 首问负责 满意度 回访率 一次解决率 接通率 服务标准 服务规范 话术 开场白
结束语 标准用语 倾听 确认 复述 共情 情绪 生气 愤怒 抱怨 不满 纠纷 冲突 升级处理 主管 组长 值班
质检 质量 抽检 录音 记录 归档 备注 跟进 反馈 结案 受理 处理 分派 派单 分类 定级 紧急 重大
一般 优先级 应急 预案 停机 中断 恢复 通报 公告 短信 邮件 在线 渠道 热线 人工 自助 知识库 培训
考核 排班 交接 协作 沟通 团队 流程 规范 制度 标准 手册 指引 核实 身份 验证 隐私 安全 密码 账户
会员 积分 优惠 活动 价格 保修 质保 合同 协议 承诺 说明 解释 建议 方案 替代方案 补救 改进 分析
原因 问题 解决 跟踪 时长 等待 排队 回复 答复 电话 语音 通话 挂机 转人工 工号 姓名 稍候 耐心
SERVQUAL KANO SLA NPS CSAT FCR
""".split()

#: Very common single characters of running text (in Simplified).
FUNCTION_CHARS = list("的了在是和与对将把被也都就要可等并由为从")

CATEGORIES = """投诉处理 热线服务 服务质量 团队协作 冲突处理 问题解决 服务记录 持续改进 退款退货 账单发票
物流配送 故障报修 会员积分 应急处理 质检考核 培训资料 渠道管理 产品知识 隐私安全 回访管理""".split()
ROLES = ["一线客服", "值班主管", "处理专员", "质检专员", "组长", "技术支持"]
LIMITS = ["30秒内", "5分钟内", "30分钟内", "2小时内", "24小时内", "48小时内", "2个工作日内"]
PLACEHOLDERS = ["客户称呼", "坐席姓名", "工号", "公司名称", "来电日期", "订单号", "替代方案"]
QUESTION_FORMS = ["{}怎么办", "如何{}", "{}怎么处理", "请问{}要多久", "{}是什么"]
#: spoken phrasings agents type (issue 18): a service word with a spoken verb or filler, so that
#: the morpheme, filler and partial-match paths are timed
COLLOQUIAL_FORMS = ["{}坏了", "{}还没到", "{}扣了两次", "{}忘了怎么办", "客人一直说{}弄不好",
                    "{}不见了", "他说{}一直没来"]


@dataclass(frozen=True)
class CorpusInfo:
    """What was generated: where, and how much."""

    path: str
    docs: int
    sections: int
    chars: int
    traditional_docs: int
    seed: int
    generator: int


def cache_root() -> Path:
    """Return the folder holding generated libraries (``KBDESK_BENCH_CACHE`` overrides)."""
    env = os.environ.get("KBDESK_BENCH_CACHE")
    return Path(env) if env else platformdirs.user_cache_path("kbdesk") / "bench"


def dictionary_words() -> list[str]:
    """Return the segmenter's dictionary words (2-4 ideographs, Simplified), sorted."""
    from kbdesk.core.text.folding import fold

    raw = resources.files("pypinyin").joinpath("phrases_dict.json").read_text("utf-8")
    words = []
    for word in json.loads(raw):
        if not 2 <= len(word) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        if rjieba.has_word(word) and fold(word) == word:
            words.append(word)
    return sorted(words)


class Vocabulary:
    """Words ranked for Zipf-like sampling: service words spread through the head of the list."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        dict_words = dictionary_words()
        # Two-character words are the most common in running text: rank them ahead on average.
        keyed = sorted(dict_words, key=lambda w: rng.random() * {2: 1.0, 3: 3.0}.get(len(w), 4.0))
        service = list(SERVICE_WORDS)
        rng.shuffle(service)
        ranked: list[str] = list(FUNCTION_CHARS)
        seen = set(ranked)
        stream = iter(keyed)
        for word in service:
            ranked.append(word)
            seen.add(word)
            for other in itertools.islice(stream, 5):
                if other not in seen:
                    ranked.append(other)
                    seen.add(other)
        ranked.extend(w for w in stream if w not in seen)
        self.words = ranked
        self.service = [w for w in SERVICE_WORDS if w.isascii() is False]
        weights = [1.0 / (rank + 2.7) ** ZIPF_S for rank in range(len(ranked))]
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        """Return ``count`` words drawn Zipf-like."""
        return rng.choices(self.words, cum_weights=self.cum, k=count)

    def band(self, rng: random.Random, lo: int, hi: int) -> str:
        """Return one word with rank in [lo, hi)."""
        return self.words[rng.randrange(lo, min(hi, len(self.words)))]

    def rank(self, word: str) -> int:
        """Return a word's rank (for tests)."""
        return self.words.index(word)

    def __len__(self) -> int:
        return len(self.words)


def _sentence(rng: random.Random, vocab: Vocabulary, words: int) -> str:
    parts = vocab.draw(rng, words)
    out: list[str] = []
    for i, word in enumerate(parts):
        out.append(word)
        if i < len(parts) - 1 and rng.random() < 0.12:
            out.append("，")
    if rng.random() < 0.08:
        out.insert(rng.randrange(len(out)), f"{rng.choice([24, 30, 48, 72, 360])}小时")
    return "".join(out) + rng.choice("。。。；！？")


def _paragraph(rng: random.Random, vocab: Vocabulary, chars: int) -> str:
    text = ""
    while len(text) < chars:
        text += _sentence(rng, vocab, rng.randint(6, 16))
    return text


def _heading(rng: random.Random, vocab: Vocabulary) -> str:
    words = [vocab.band(rng, 10, 3000) for _ in range(rng.randint(1, 2))]
    return "".join(words) + rng.choice(["", "", "须知", "要点", "说明", "标准"])


def _section_body(rng: random.Random, vocab: Vocabulary, kind: str) -> str:
    size = rng.randint(80, 230)
    if kind == "phrasing":
        holder = rng.choice(PLACEHOLDERS)
        quote = _paragraph(rng, vocab, size // 2)
        lines = [f"> {{{{{holder}}}}}您好，{quote}", "", _paragraph(rng, vocab, size // 2)]
        if rng.random() < 0.3:
            avoid, say = vocab.band(rng, 20, 800), vocab.band(rng, 20, 800)
            lines += ["", f"- 不说「{avoid}」→ 改说「{say}」"]
        return "\n".join(lines)
    if kind == "procedure":
        return "\n".join([
            f"- 角色：{rng.choice(ROLES)}",
            f"- 时限：{rng.choice(LIMITS)}",
            "",
            _paragraph(rng, vocab, size),
        ])
    if rng.random() < 0.25:
        items = [f"- {_paragraph(rng, vocab, size // 4)}" for _ in range(3)]
        return _paragraph(rng, vocab, size // 3) + "\n\n" + "\n".join(items)
    return _paragraph(rng, vocab, size)


def document_text(number: int, rng: random.Random, vocab: Vocabulary) -> tuple[str, int]:
    """Return the Markdown of document ``number`` (Simplified) and its number of sections."""
    kind = rng.choices(["handbook", "phrasing", "procedure"], weights=[5, 3, 2])[0]
    title = "".join(vocab.band(rng, 5, 2000) for _ in range(rng.randint(2, 3)))
    title += {"handbook": "手册", "phrasing": "话术", "procedure": "流程"}[kind]
    tags = sorted({rng.choice(vocab.service) for _ in range(rng.randint(1, 3))})
    status = rng.choices(["published", "draft", "retired"], weights=[96, 2, 2])[0]
    front = [
        "---",
        f"title: {title}",
        f"kind: {kind}",
        f"id: bench-{number:05d}",
        f"category: {rng.choice(CATEGORIES)}",
        f"tags: [{', '.join(tags)}]",
        f"owner: {rng.choice(ROLES)}",
        f"version: {rng.randint(1, 5)}",
        f"status: {status}",
        f"effective: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"summary: {_sentence(rng, vocab, rng.randint(5, 9))}",
        "---",
        "",
        _paragraph(rng, vocab, rng.randint(60, 160)),
    ]
    sections = 0
    for step in range(1, rng.randint(5, 12) + 1):
        sections += 1
        prefix = f"{step}. " if kind == "procedure" else ""
        front += ["", f"## {prefix}{_heading(rng, vocab)}", "", _section_body(rng, vocab, kind)]
        if kind == "handbook" and rng.random() < 0.2:
            sections += 1
            front += ["", f"### {_heading(rng, vocab)}", "", _section_body(rng, vocab, kind)]
    return "\n".join(front) + "\n", sections + 1


def corpus_key(docs: int, seed: int) -> str:
    """Return the cache key of a library with these parameters."""
    raw = f"docs={docs};seed={seed};gen={GENERATOR_VERSION};zipf={ZIPF_S}"
    return f"lib-{docs}-{hashlib.sha1(raw.encode()).hexdigest()[:10]}"


def generate(target: Path, docs: int, seed: int) -> CorpusInfo:
    """Write a library of ``docs`` documents into ``target`` (which must not exist)."""
    vocab = Vocabulary(seed)
    to_tw = opencc.OpenCC("s2twp")
    tmp = target.with_name(target.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    (tmp / "library.yaml").write_text(
        "name: 基准测试库\nsynonyms:\n  - [顾客, 客户, 客人]\n  - [退钱, 退款, 退费]\n", "utf-8"
    )
    sections = chars = traditional = 0
    for number in range(docs):
        rng = random.Random(f"{seed}:{number}")
        text, count = document_text(number, rng, vocab)
        if rng.random() < 0.5:
            text = to_tw.convert(text)
            traditional += 1
        folder = tmp / f"part{number // 500:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc{number:05d}.md").write_text(text, "utf-8")
        sections += count
        chars += len(text)
    info = CorpusInfo(str(target), docs, sections, chars, traditional, seed, GENERATOR_VERSION)
    described = {k: v for k, v in asdict(info).items() if k != "path"}
    (tmp / "README.md").write_text(f"Synthetic benchmark library: {described}\n", "utf-8")
    (tmp.parent / f"{target.name}.json").write_text(json.dumps(asdict(info)), "utf-8")
    os.replace(tmp, target)
    return info


def ensure_corpus(docs: int = DEFAULT_DOCS, seed: int = DEFAULT_SEED,
                  root: Path | None = None) -> CorpusInfo:
    """Return the cached library for these parameters, generating it on first use."""
    root = root or cache_root()
    target = root / corpus_key(docs, seed)
    meta = root / f"{target.name}.json"
    if target.is_dir() and meta.is_file():
        data = json.loads(meta.read_text("utf-8"))
        return CorpusInfo(**{**data, "path": str(target)})
    root.mkdir(parents=True, exist_ok=True)
    return generate(target, docs, seed)


def pinyin_slip(word: str, rng: random.Random) -> str:
    """``word`` with one character replaced by another of the same pinyin (an input-method
    slip such as 投述 for 投诉); the word itself when no character has a homophone."""
    from pypinyin import lazy_pinyin

    spots = list(range(len(word)))
    rng.shuffle(spots)
    for at in spots:
        reading = lazy_pinyin(word[at])[0]
        others = [ch for ch in _SLIP_CHARS if ch != word[at] and lazy_pinyin(ch)[0] == reading]
        if others:
            return word[:at] + rng.choice(others) + word[at + 1:]
    return word


#: the characters a slip is made of: common ones, so that the slip looks like a real one
_SLIP_CHARS = "".join(dict.fromkeys(
    "诉述速宿素塑款宽宽快块筷货获或祸扣口寇叩退推腿颓费废肺沸号好浩耗单担丹胆账帐仗涨障"
    "卡咖佧密秘蜜觅码马玛吗骂收手首守受寄记计技纪际换患缓唤还环办半伴扮拌投头透偷查差茶察"
    "诈炸乍榨遗移疑仪宜送宋颂诵到道倒导岛理里李礼立力例利"))


def bench_queries(seed: int = DEFAULT_SEED, count: int = 100) -> list[str]:
    """Return the fixed bench queries: words, word pairs and triples, questions, pinyin slips
    and spoken phrasings (one of each per ten queries), both scripts."""
    vocab = Vocabulary(seed)
    rng = random.Random(f"{seed}:queries")
    to_tw = opencc.OpenCC("s2twp")
    queries: list[str] = []
    for number in range(count):
        shape = number % 10
        if shape < 3:
            query = vocab.band(rng, 20, 5000)
        elif shape < 4:
            for _ in range(50):  # a service word that has a slip among the common characters
                word = rng.choice(vocab.service)
                query = pinyin_slip(word, rng)
                if query != word:
                    break
        elif shape < 6:
            query = " ".join(vocab.band(rng, 20, 2000) for _ in range(2))
        elif shape < 7:
            query = rng.choice(COLLOQUIAL_FORMS).format(rng.choice(vocab.service))
        elif shape < 8:
            query = " ".join(vocab.band(rng, 20, 1000) for _ in range(3))
        elif shape < 9:
            query = rng.choice(QUESTION_FORMS).format(rng.choice(vocab.service))
        else:
            query = vocab.band(rng, 20, 400) + vocab.band(rng, 20, 400)
        queries.append(to_tw.convert(query) if number % 2 else query)
    return queries
