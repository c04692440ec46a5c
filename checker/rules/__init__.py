"""Rules: the catalogue and its data, run over the facts of one agreement.

In: a ``ReviewContext`` (document, classified clauses, section coverage, parties, profile). Out: ``Finding``
records, each with rule id, severity, section, clause, span, message, citation and suggested wording.
``envelope`` is the one record every rule shares; ``loader`` reads ``clause_library/rules/*.yaml``;
``kinds`` are the data rule kinds, ``checks/`` the registered code rules (``registry``); ``profiles`` the
national and provincial rule sets; ``suggestions`` the suggested wording; ``cases`` runs a rule's examples.
"""
