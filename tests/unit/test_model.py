"""The committed classifier must match its training data (else: `make train`), it must learn topics
from body text, not only from headings, and it must read the wording of documents the project did
not write (charters, technology and joint-venture contracts, project contracts)."""
import json

from checker.classify.nlp import MODEL_DIR
from checker.classify.outline import classify_texts
from checker.classify.train import DEV_FILES, accuracy, data_fingerprint, read_jsonl


def test_model_is_not_stale():
    record = json.loads((MODEL_DIR / "training_record.json").read_text(encoding="utf-8"))
    assert record["data_sha256"] == data_fingerprint(), (
        "models/section_linear is stale against clause_library/training: run `make train` and commit")


def test_record_says_what_it_was_trained_on():
    record = json.loads((MODEL_DIR / "training_record.json").read_text(encoding="utf-8"))
    assert record["train_examples"] >= 5000 and record["dev_examples"] >= 500
    assert set(record["per_section"]) >= {"funds", "dispute_resolution", "NONE"}


def test_dev_accuracy_of_the_raw_classifier():
    from checker.classify.nlp import section_model

    assert accuracy(section_model(), read_jsonl(DEV_FILES)) >= 0.9


def test_body_text_without_heading_is_classified():
    texts = ["各成员投入的资金由依托单位设立专账核算，专款专用，每年接受审计。",
             "任何一方未按约定完成分工任务的，应赔偿由此给其他成员造成的损失。",
             "本协议一式十份，自各方法定代表人签字并加盖公章之日起生效。",
             "联盟项目形成的专利申请权归完成方所有，合作完成的由合作各方共有。"]
    got = [s for s, _ in classify_texts(texts)]
    assert got == ["funds", "breach", "effect_amendment", "ip_benefits"]


def test_wording_of_other_document_kinds():
    """Charter, contract and project-contract phrasings of sections the alliance model words otherwise."""
    texts = {
        "会员有下列情形之一的，经理事会表决通过，予以除名。": "members",
        "本会经费来源包括会费、捐赠、政府资助和在核准业务范围内开展服务的收入。": "funds",
        "合营公司的注册资本为两千万元，甲方以现金出资一千二百万元。": "funds",
        "委托方（甲方）：闽江智能装备有限公司\n住所地：福州市仓山区\n法定代表人：陈某": "parties",
        "附件二 技术资料清单": "attachments",
        "本会完成宗旨需要注销的，由理事会提出终止动议，报会员大会表决。": "dissolution",
        "课题执行期满后，承担单位应提交结题报告，申请验收。": "projects",
    }
    got = [s for s, _ in classify_texts(list(texts))]
    assert got == list(texts.values())


def test_ip_is_not_the_default_for_technical_wording():
    """Technical words (专利、成果、技术) in a clause about money, acceptance or notice do not make it IP."""
    texts = {
        "受让方应于合同生效后三十日内向转让方支付专利转让费五十万元。": "funds",
        "研究开发成果达到约定技术指标的，由委托方组织专家验收并出具验收证明。": "projects",
    }
    got = [s for s, _ in classify_texts(list(texts))]
    assert got == list(texts.values())
