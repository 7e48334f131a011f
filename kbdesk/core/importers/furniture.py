"""Site furniture recognised by its shape: what a document-sharing page puts around an article.

A web copy of a handbook carries the page it was copied from: a breadcrumb (``首页 > 文库 >
…``), counters (``阅读 2341 次 | 下载 56 次``), a bar of links (``分享到 微信 | 打印 | 举报``),
upload details (``上传时间：… 文件大小：…``), notices about copyright and uploads, lists of
related documents and comment threads. Each is told by its shape (separators between short
parts, a number after a counter word, a line made of link words), not by the wording of one
site, so other sites and both scripts are caught too. Every function here takes a line folded
to Simplified (:func:`kbdesk.core.text.folding.fold`) and returns the reason it is furniture,
or ``""``.
"""

from __future__ import annotations

import re

_BREADCRUMB_RE = re.compile(r"^[^>›»→<]{1,16}(?:\s*[>›»→]\s*[^>›»→<]{1,30}){2,}$")
_COUNTER_WORDS = (r"(?:阅读|浏览|下载|评论|收藏|点赞|分享|页数|评分|人气|阅读量|浏览量|下载量|"
                  r"下载次数|阅读次数)")
_COUNTER_RE = re.compile(
    rf"{_COUNTER_WORDS}\s*(?:[:：]\s*)?[(（]?\s*[\d][\d,.]*\s*[)）]?\s*"
    r"(?:次|人|页|份|万)?"
    r"|[\d][\d,.]*\s*(?:次阅读|次浏览|次下载|人阅读|人浏览|人下载|人收藏|条评论)"
)
_SEPARATORS_RE = re.compile(r"[\s|｜·•/、,，;；]+")
_LINK_WORDS = frozenset({
    "分享", "分享到", "微信", "微博", "qq", "qq空间", "朋友圈", "打印", "打印本页", "举报", "收藏",
    "下载", "下载本文档", "下载文档", "登录", "注册", "首页", "上传", "上传文档", "返回顶部",
    "纠错",
    "复制链接", "点赞", "关注", "加入收藏", "投诉", "帮助", "客户端", "app", "扫码", "二维码",
    "手机版", "电脑版", "网站导航", "文件", "文档", "会员", "vip", "充值", "评论", "赞",
})
_META_FIELDS_RE = re.compile(
    r"(上传时间|上传者|上传人|上传用户|贡献者|文件大小|页数|文档格式|文件格式|下载积分|所需积分|"
    r"发布时间|更新时间|所属分类|文档分类|文档标签)\s*[:：]")
_NOTICE_RE = re.compile(
    r"(本文档|本文|本资料|此文档|该文档|文档)由.{0,12}(提供|上传|分享)"
    r"|版权(声明|说明|申诉)|侵权|icp备|©|版权所有|仅供(参考|学习|交流)|下载后.{0,10}删除"
    r"|(访问|关注|登录).{0,6}(本站|网站|文库)|(更多|精彩).{0,10}(文档|资料).{0,10}(本站|网站|文库)"
    r"|下载自.{0,12}(文库|网站|本站)|上传.{0,6}下载需|下载需.{0,6}积分"
)
# a notice is the site's only when it names the site, its users or uploading
_SITE_RE = re.compile(r"本站|网站|文库|网友|用户|上传|icp|©|平台|网盘")
_RELATED_RE = re.compile(
    r"^(您可能关注的文档|相关文档推荐|相关文档|相关推荐|最新文档|猜你喜欢|热门文档|精选文档|相关资源|"
    r"相关搜索|推荐文档|更多相关|相关阅读|延伸阅读|推荐阅读)\s*[:：]?\s*(.*)$"
)
_COMMENTS_RE = re.compile(
    r"^(网友评论|全部评论|最新评论|评论区|评论|发表评论)\s*[(（]?\s*\d*\s*[)）]?$")
_COMMENT_ITEM_RE = re.compile(
    r"^(网友|游客|匿名|用户|访客)\S{0,12}\s*[:：]|^.{0,8}(回复|回覆)\s*[:：]|登录.{0,6}评论|发表评论")
_PAGE_BREAK_RE = re.compile(
    r"^[\s—–\-=_~·*]*第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?[\s—–\-=_~·*]*$")
#: the longest line furniture is looked for in (an article's own paragraphs are longer)
MAX_LINE = 160


def counter_spans(folded: str) -> list[tuple[int, int]]:
    """Runs of two or more counters (``浏览 892 次 · 下载 12 次 · 收藏 5``) inside a line:
    (start, end) of each run, for taking them out of a flattened article."""
    spans: list[tuple[int, int]] = []
    matches = list(_COUNTER_RE.finditer(folded))
    run: list[re.Match[str]] = []
    for match in [*matches, None]:
        if match is not None and run and not _SEPARATORS_RE.fullmatch(
                folded[run[-1].end():match.start()] or " "):
            if len(run) >= 2:
                spans.append((run[0].start(), run[-1].end()))
            run = []
        if match is None:
            if len(run) >= 2:
                spans.append((run[0].start(), run[-1].end()))
            break
        run.append(match)
    return spans


def line_reason(folded: str) -> str:
    """Why a whole line is site furniture, or ``""``."""
    text = folded.strip()
    if not text or len(text) > MAX_LINE:
        return ""
    if _BREADCRUMB_RE.match(text) and not re.search(r"[。！？]", text):
        return "site furniture: breadcrumb"
    if _PAGE_BREAK_RE.match(text):
        return "site furniture: page break"
    rest = _COUNTER_RE.sub(" ", text)
    if len(_COUNTER_RE.findall(text)) >= 2 and len(_SEPARATORS_RE.sub("", rest)) <= 4:
        return "site furniture: counters"
    if len(_META_FIELDS_RE.findall(text)) >= 1 and not re.search(r"[。！？]$", text):
        return "site furniture: upload details"
    tokens = [t.strip(":：") for t in _SEPARATORS_RE.split(text.lower()) if t.strip(":：")]
    links = sum(t in _LINK_WORDS or t.startswith("分享到") for t in tokens)
    if len(tokens) >= 2 and links >= max(2, len(tokens) * 0.7):
        return "site furniture: links"
    if len(text) <= 120 and _NOTICE_RE.search(text) and _SITE_RE.search(text):
        return "site notice"
    return ""


def related_heading(folded: str) -> bool:
    """True for the heading of a list of related documents (items may follow on the line)."""
    return bool(_RELATED_RE.match(folded.strip()))


def related_item(folded: str) -> bool:
    """True for a line that can be an item of such a list: a short title, no sentence."""
    text = folded.strip()
    return 0 < len(text) <= 30 and not re.search(r"[。，！？；：:]", text)


def comments_heading(folded: str) -> bool:
    """True for the heading of a comment thread (``评论(2)``, ``评论区``)."""
    return bool(_COMMENTS_RE.match(folded.strip()))


def comment_item(folded: str) -> bool:
    """True for a line of a comment thread (``网友A：很实用``, ``登录后即可发表评论``)."""
    return bool(_COMMENT_ITEM_RE.search(folded.strip())) and len(folded.strip()) <= 80
