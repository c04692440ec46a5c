"""Facts: what the agreement says, read once and shared by the rules.

In: classified clauses. Out: the parties (names, short names, domicile, legal representative, member
type) from preamble, member list and signature block (``parties``, ``party_names``, ``party_texts``);
amounts and percentages (``amounts``); the chosen forums, arbitration bodies and courts (``disputes``).
"""
