"""Structure: document text → clause tree.

In: a ``Document`` (text with block offsets from ``checker.ingest``). Out: ``Clause`` units in text order
(title, party blocks, recitals, chapters, articles, signature block, attachments), each with its number,
heading and character span. ``markers`` recognises numbering and headings; ``segment`` builds the tree.
"""
