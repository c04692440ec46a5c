"""Document kinds beyond the agreement: the alliance charter (联盟章程) and the necessity statement
(组建必要性的说明) — detection from the text and a review against each kind's own outline and rules.

Kinds: ``agreement`` (the reference outline of 闽科政〔2009〕46号 附件1, reviewed by the main engine),
``charter`` (津滨科发〔2012〕8号 附件2 第五条（三）5; 国科发政〔2008〕770号 八), ``necessity``
(闽科政〔2009〕46号 附件2) and ``other`` (none of these: said so in one line).
"""
from checker.kinds.detect import KIND_CHOICES, KIND_TITLES, detect_kind  # noqa: F401
