"""The committed classifier must match its training data (else: `make train`), and it must learn
topics from body text, not only from headings."""
import json

from checker.classify.nlp import MODEL_DIR
from checker.classify.outline import classify_texts
from checker.classify.train import DEV_FILES, accuracy, data_fingerprint, read_jsonl


def test_model_is_not_stale():
    record = json.loads((MODEL_DIR / "training_record.json").read_text(encoding="utf-8"))
    assert record["data_sha256"] == data_fingerprint(), (
        "models/section_textcat is stale against clause_library/training: run `make train` and commit")


def test_record_says_what_it_was_trained_on():
    record = json.loads((MODEL_DIR / "training_record.json").read_text(encoding="utf-8"))
    assert record["train_examples"] >= 1000 and record["dev_examples"] >= 150
    assert set(record["per_section"]) >= {"funds", "dispute_resolution", "NONE"}


def test_dev_accuracy_of_the_raw_classifier():
    from checker.classify.nlp import section_model

    assert accuracy(section_model(), read_jsonl(DEV_FILES)) >= 0.75


def test_body_text_without_heading_is_classified():
    texts = ["各成员投入的资金由依托单位设立专账核算，专款专用，每年接受审计。",
             "任何一方未按约定完成分工任务的，应赔偿由此给其他成员造成的损失。",
             "本协议一式十份，自各方法定代表人签字并加盖公章之日起生效。",
             "联盟项目形成的专利申请权归完成方所有，合作完成的由合作各方共有。"]
    got = [s for s, _ in classify_texts(texts)]
    assert got == ["funds", "breach", "effect_amendment", "ip_benefits"]
