"""Duplicate detection: the same text in either script or with a word changed is a duplicate;
a different text of the same topic is not."""

from __future__ import annotations

from kbdesk.core.importers.duplicates import KnownTexts

BODY = ("## 退款時效\n\n信用卡退款約需七至十四個工作天入帳，超商付款的退款以匯款方式辦理，"
        "客戶可在會員中心查詢退款進度，如超過時限仍未入帳，請協助客戶聯繫發卡銀行確認。\n")


def test_same_text_in_the_other_script_and_with_front_matter() -> None:
    known = KnownTexts({"handbooks/refund.md": "---\ntitle: 退款\nkind: handbook\n---\n" + BODY})
    simplified = BODY.replace("時效", "时效").replace("個", "个").replace("帳", "账").replace(
        "銀行", "银行").replace("確認", "确认").replace("會員", "会员").replace("進度", "进度")
    assert known.match(simplified) == "handbooks/refund.md"


def test_a_word_changed_is_still_a_duplicate_and_another_text_is_not() -> None:
    known = KnownTexts({"a.md": BODY})
    assert known.match(BODY.replace("七至十四", "五至十")) == "a.md"
    assert known.match("## 退款時效\n\n退款申請需在七天內提出，逾期不予受理，請客戶保留購買憑證以便核對。") is None
    assert known.match("太短") is None


def test_the_sampled_shingles_are_the_same_in_every_process() -> None:
    import os
    import subprocess
    import sys

    from kbdesk.core.importers.duplicates import fingerprint, shingles

    code = ("from kbdesk.core.importers.duplicates import fingerprint, shingles; "
            f"print(sorted(shingles(fingerprint({BODY!r}))))")
    for seed in ("1", "2"):
        child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert child.stdout.strip() == str(sorted(shingles(fingerprint(BODY))))
