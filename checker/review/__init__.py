"""Review: what only the review page and its exports use.

In: a ``Report`` and the reviewer's decisions. Out: stored reviews and decisions (``store``: SQLite by
default, any SQLAlchemy URL), version comparison (``compare``), display helpers (``webui``) and one module
per tab of the Streamlit page (``page_*``); ``app.py`` only wires them together.
"""
