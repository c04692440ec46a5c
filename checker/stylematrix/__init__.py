"""Style matrix (issue 7): every corpus agreement rendered again in many drafting styles; each
rendering must get the same review as the canonical file (same section per clause, same coverage,
same findings). ``source`` reads the content, ``styles`` lists the styles, ``render`` writes files,
``run`` compares reviews."""
