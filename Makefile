# 两条命令完成全部准备：make app（打开审查页面）与 make test（运行全部测试）。
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: app test test-fast eval train bench docs sysdeps corpus clean fuzz eval-scanned scanned-corpus

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,ocr]'
	touch $(STAMP)

# System tools the tests use: LibreOffice (.doc, export check), Chromium (browser test), CJK fonts.
sysdeps:
	bash scripts/install_sysdeps.sh

app: $(STAMP)
	$(BIN)/streamlit run app.py

test: $(STAMP) sysdeps
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not libreoffice"

eval: $(STAMP)
	$(BIN)/alliance-check eval

train: $(STAMP)
	$(BIN)/pip install -q 'scikit-learn==1.9.1' 'scipy==1.17.1'
	$(BIN)/python clause_library/training/generate.py
	$(BIN)/python -m checker.classify.train

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

docs: $(STAMP)
	$(BIN)/python -m checker.docs

# Property-based and mutation fuzzing: ≥ 10,000 generated documents, prints the crashes found.
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --examples 10000

# Scanned corpus (tests/corpus/scanned/): OCR review vs the text version's (slow: OCR 5–7 s a page).
eval-scanned: $(STAMP)
	$(BIN)/python scripts/eval_scanned.py

scanned-corpus: $(STAMP)
	$(BIN)/python scripts/make_scanned_corpus.py

corpus: $(STAMP)
	$(BIN)/python scripts/build_corpus.py

clean:
	rm -rf $(VENV) tests/artifacts/*
