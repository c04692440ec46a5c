"""Drafting and revising: an agreement from a questionnaire (questionnaire → clauses → writer), a reviewed
Word file revised with tracked changes (revise), and two versions compared clause by clause (versions)."""
