"""Characters and numerals: the pure text helpers every stage shares.

In: strings. Out: strings and numbers — full/half-width folding and whitespace (``normalize``), Chinese
numerals both ways (``cn_numerals``). Depends on nothing else in ``checker``, so the lowest stage (ingest)
may use it; that is why these two modules live here and not in ``structure/``.
"""
