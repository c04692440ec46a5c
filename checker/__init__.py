"""alliance-check：产业技术创新战略联盟协议书离线审查。``from checker import check``."""


def check(*args, **kwargs):
    """See checker.engine.check (imported lazily so that light commands start fast)."""
    from checker.engine import check as _check

    return _check(*args, **kwargs)


__all__ = ["check"]
