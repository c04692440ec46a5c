"""Python rule checks. Each module registers its functions with @rule_impl on import."""
import importlib
import pkgutil

for _m in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_m.name}")
