"""Classify: clause → outline section, and the coverage of the outline.

In: ``Clause`` units from ``checker.structure``. Out: each clause's section key and confidence
(``outline``: structural role, heading cues, the project-trained spaCy text classifier loaded by ``nlp``),
and the per-section status present / partial / missing with missing elements (``coverage``).
``train`` rebuilds the classifier (``make train``).
"""
